// Server rendering, as a framework does it: the app rendered by React 19 in Node into the
// built page, so the element and its attributes are in the HTML before any script runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './app.js';

const page = new URL('./dist/index.html', import.meta.url);
const html = readFileSync(page, 'utf8');
if (!html.includes('<!--app-->')) throw new Error('dist/index.html has no <!--app--> slot');
const app = renderToString(createElement(App));
if (!app.includes('<messaging-quota')) throw new Error(`the server render has no <messaging-quota>: ${app}`);
writeFileSync(page, html.replace('<!--app-->', app));
console.log('prerendered:', app.match(/<messaging-quota[^>]*>/)[0]);
