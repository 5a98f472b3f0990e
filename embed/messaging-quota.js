// Messaging Quota loader: one <script src=".../messaging-quota.js"> in the page's head
// mounts the widget into every <div data-messaging-quota> (now and later) and defines the
// <messaging-quota> element (embed/install.js). A classic script, run before the page is
// first painted, so the skeletons are there in the first frame; it is small, and everything
// else loads asynchronously.
//
// This file is the loader's entry; the build bundles it (esbuild) with what it knows of one
// build (`@messaging-quota/build`: content-named files, attributes, words, sizes), generated
// by `cargo xtask dist`, into dist/messaging-quota.js. The npm package's module is
// embed/package.js.

import { loaderBase } from './base.js';
import { install } from './install.js';

performance.mark('messaging-quota:script-start');

const here = loaderBase();
if (here) install(here);
