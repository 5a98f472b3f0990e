// The npm package's module: importing it defines `<messaging-quota>` and mounts every
// `[data-messaging-quota]` on the page, as the loader does (embed/install.js). Its files sit
// beside it in the package, named from `import.meta.url` so a bundler (Vite, webpack, Next.js)
// copies each and names it as it serves it (the package's build module writes every name as
// a literal `new URL("./…", import.meta.url)`). On a server (server rendering) it does nothing:
// the element is plain HTML there, and the browser mounts it.

import { ATTRIBUTES, VERSION } from '@messaging-quota/build';
import { install } from './install.js';

// The module's own URL through a name: written `new URL('./', import.meta.url)`, a bundler
// would take the folder for a file to copy. Turbopack (Next.js) names the module by a
// `file:` URL of its sources and each file by a path from the site's root: there the files
// are resolved against the page.
const moduleUrl = import.meta.url;
if (typeof document !== 'undefined' && typeof customElements !== 'undefined') {
  const own = new URL(String(moduleUrl), document.baseURI);
  install(new URL('./', own.protocol === 'file:' && location.protocol !== 'file:' ? document.baseURI : own));
}

/** The widget's version: the crate's, the package's and the loader's. */
export const version = VERSION;

/** The attributes `<messaging-quota>` reads. */
export const attributes = Object.freeze([...ATTRIBUTES]);
