// Prints the release build's payload: wasm, JavaScript and CSS, raw and gzip.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const BUDGET_KB = 195;
const parts = [
  ['wasm', 'wasm/messaging-quota_bg.wasm'],
  ['js (wasm-bindgen glue)', 'wasm/messaging-quota.js'],
  ['js (loader)', 'messaging-quota.js'],
  ['js (Intl warm-up worker)', 'messaging-quota-intl.js'],
  ['css', 'messaging-quota.css'],
];
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
let raw = 0;
let gz = 0;
console.log('file                      raw KB   gzip KB');
for (const [name, file] of parts) {
  if (!existsSync(dist + file)) throw new Error(`missing dist/${file}: build first`);
  const bytes = readFileSync(dist + file);
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`${name.padEnd(24)}${kb(bytes.length)}  ${kb(zipped)}`);
}
console.log(`${'total payload'.padEnd(24)}${kb(raw)}  ${kb(gz)}   (budget ${BUDGET_KB} KB gzip: ${gz / 1024 <= BUDGET_KB ? 'within' : 'OVER by ' + (gz / 1024 - BUDGET_KB).toFixed(1) + ' KB'})`);
const { readdirSync } = await import('node:fs');
const catalogues = readdirSync(dist + 'i18n').filter((f) => f.endsWith('.json') && f !== 'en.json').sort();
const sizes = catalogues.map((f) => gzipSync(readFileSync(dist + 'i18n/' + f), { level: 9 }).length / 1024);
console.log(`a language file, fetched only in that language (${catalogues.map((f) => f.replace('.json', '')).join(', ')}): ${Math.min(...sizes).toFixed(1)}–${Math.max(...sizes).toFixed(1)} KB gzip`);
const hello = fileURLToPath(new URL('../../bench/hello/dist/', import.meta.url));
if (existsSync(hello)) {
  let h = 0;
  for (const f of readdirSync(hello)) if (/\.(wasm|js)$/.test(f)) h += gzipSync(readFileSync(hello + f), { level: 9 }).length;
  console.log(`${'hello-world Yew app'.padEnd(24)}${' '.repeat(7)}  ${kb(h)}`);
}
