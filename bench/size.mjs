// Prints the release build's payload: wasm (the first view's module and the later sections'),
// JavaScript and CSS, raw, gzip (-9) and brotli (quality 11), against the budgets.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { builtAssets } from '../tests/browser/support.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
// The budgets, gzip (docs/performance.md): the first view's wasm, and everything.
const FIRST_VIEW_BUDGET_KB = 220;
const BUDGET_KB = 300;
const built = builtAssets();
const parts = [
  ['wasm (first view)', built.wasm.slice(1)],
  ['wasm (later sections)', built.later.slice(1)],
  ['js (wasm-bindgen glue)', built.script.slice(1)],
  ['js (loader)', 'messaging-quota.js'],
  ['js (Intl warm-up worker)', built.worker.slice(1)],
  ['css', built.stylesheet.slice(1)],
];
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const against = (size, budget) => `budget ${budget} KB gzip: ${size / 1024 <= budget ? 'within' : 'OVER by ' + (size / 1024 - budget).toFixed(1) + ' KB'}`;
let raw = 0;
let gz = 0;
let br = 0;
console.log('file                      raw KB   gzip KB  brotli KB');
for (const [name, file] of parts) {
  if (!existsSync(dist + file)) throw new Error(`missing dist/${file}: build first`);
  const bytes = readFileSync(dist + file);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  const brotlied = brotli(bytes);
  raw += bytes.length;
  gz += zipped;
  br += brotlied;
  const note = name === 'wasm (first view)' ? `   (${against(zipped, FIRST_VIEW_BUDGET_KB)})` : '';
  console.log(`${name.padEnd(24)}${kb(bytes.length)}  ${kb(zipped)}    ${kb(brotlied)}${note}`);
}
console.log(`${'total payload'.padEnd(24)}${kb(raw)}  ${kb(gz)}    ${kb(br)}   (${against(gz, BUDGET_KB)})`);
const { readdirSync } = await import('node:fs');
const catalogues = Object.entries(built.words).sort();
const sizes = catalogues.map(([, path]) => gzipSync(readFileSync(dist + path.slice(1)), { level: 9 }).length / 1024);
console.log(`a language file, fetched only in that language (${catalogues.map(([code]) => code).join(', ')}): ${Math.min(...sizes).toFixed(1)}–${Math.max(...sizes).toFixed(1)} KB gzip`);
const reserve = gzipSync(readFileSync(dist + 'messaging-quota-reserve.css'), { level: 9 }).length / 1024;
console.log(`host reservation stylesheet, for async or tag-manager loading (messaging-quota-reserve.css): ${reserve.toFixed(1)} KB gzip`);
const hello = fileURLToPath(new URL('./hello/dist/', import.meta.url));
if (existsSync(hello)) {
  let h = 0;
  for (const f of readdirSync(hello)) if (/\.(wasm|js)$/.test(f)) h += gzipSync(readFileSync(hello + f), { level: 9 }).length;
  console.log(`${'hello-world Yew app'.padEnd(24)}${' '.repeat(7)}  ${kb(h)}`);
}
