// Server rendering, as a framework does it: the app rendered by React 19 in Node into the
// built page, so the element and its attributes are in the HTML before any script runs, and
// the widget drawn ahead inside it (messaging-quota/server), so are its figures.
import { readFileSync, writeFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { renderToString as drawWidget } from 'messaging-quota/server';
import { App } from './app.js';

const page = new URL('./dist/index.html', import.meta.url);
const html = readFileSync(page, 'utf8');
if (!html.includes('<!--app-->')) throw new Error('dist/index.html has no <!--app--> slot');
// The attributes the component writes for the app's first props.
const shadow = await drawWidget({ tier: 'premium-business', 'inmail-blocks': 0, sections: 'calculator', loading: 'eager' });
const app = renderToString(createElement(App, { shadow }));
if (!app.includes('<messaging-quota')) throw new Error(`the server render has no <messaging-quota>: ${app}`);
writeFileSync(page, html.replace('<!--app-->', app));
console.log('prerendered:', app.match(/<messaging-quota[^>]*>/)[0]);
