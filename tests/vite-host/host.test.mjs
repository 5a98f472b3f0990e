// The npm package in a host's app, as a marketing developer uses it: installed from the packed
// tarball into a Vite + React 19 project, rendered on the server, built by Vite, hydrated under
// StrictMode, and driven in headless Chromium. scripts/test.sh builds it first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { useSite, open, text, costCents } from '../browser/support.mjs';

const DIST = fileURLToPath(new URL('./dist', import.meta.url));
const site = useSite({ dist: DIST });

test('the server-rendered page holds the element with its attributes', () => {
  const html = readFileSync(`${DIST}/index.html`, 'utf8');
  const element = html.match(/<messaging-quota [^>]*>/)?.[0] ?? '';
  for (const attribute of ['id="quota"', 'tier="premium-business"', 'inmail-blocks="0"', 'sections="calculator"', 'loading="eager"']) {
    assert.ok(element.includes(attribute), `${attribute} in ${element || html}`);
  }
});

test('the server-rendered page holds the widget drawn ahead: its figures before any script runs', async () => {
  const html = readFileSync(`${DIST}/index.html`, 'utf8');
  assert.match(html, /<messaging-quota [^>]*><template shadowrootmode="open"><style>/);
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}/`);
  const allowance = await page.evaluate(() => document.querySelector('#quota').shadowRoot?.querySelector('[data-testid="allowance"]')?.textContent);
  assert.equal(allowance, '30');
  await context.close();
});

test('Vite copied the files the module names beside its own output', () => {
  const assets = readdirSync(`${DIST}/assets`);
  for (const ending of ['.wasm', '.css']) {
    assert.ok(assets.some((name) => name.endsWith(ending)), `no ${ending} in dist/assets: ${assets.join(' ')}`);
  }
  assert.ok(assets.filter((name) => name.endsWith('.json')).length >= 8, 'the language files');
  assert.equal(assets.filter((name) => name.endsWith('.wasm')).length, 2, 'the first view\'s module and the later sections\'');
});

test('a later section\'s code comes from where Vite put it', async () => {
  const page = await open(site, '/');
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const widget = page.locator('#quota');
  await widget.evaluate((el) => el.setAttribute('sections', 'calculator,compare'));
  await widget.getByTestId('compare-row-basic').waitFor();
  const later = requests.filter((p) => p.endsWith('.wasm'));
  assert.equal(later.length, 1, `the later module, once: ${requests.join(' ')}`);
  assert.ok(later[0].startsWith('/assets/'), later[0]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the widget renders in the React app, takes a changed prop, and its events reach the callbacks', async () => {
  const page = await open(site, '/');
  const widget = page.locator('#quota');
  assert.equal(await widget.getByTestId('tier-option-premium-business').isChecked(), true, 'the tier prop');
  assert.equal(await text(page, 'host-ready'), 'premium-business', 'onReady, with the starting plan');
  const premium = await costCents(widget);

  await page.getByTestId('host-recruiter').click();
  await page.waitForFunction(() => document.querySelector('#quota').shadowRoot
    .querySelector('[data-testid="tier-option-recruiter-lite"]')?.checked);
  const lite = await costCents(widget);
  assert.notEqual(lite, premium);
  assert.equal(await text(page, 'host-change'), `recruiter-lite ${lite}`, 'onChange, with the new total');

  await page.getByTestId('host-add-block').click();
  await page.waitForFunction((before) => !document.querySelector('[data-testid="host-change"]').textContent.endsWith(` ${before}`), lite);
  const withBlock = await costCents(widget);
  assert.ok(withBlock > lite, `an InMail block adds to the cost: ${withBlock} after ${lite}`);
  assert.equal(await text(page, 'host-change'), `recruiter-lite ${withBlock}`);

  assert.equal(await page.evaluate(() => window.messagingQuota.version), JSON.parse(
    readFileSync(new URL('./node_modules/messaging-quota/package.json', import.meta.url), 'utf8'),
  ).version, 'one version, the package\'s');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a visitor\'s own change reaches onChange, and the listeners go with the component', async () => {
  const page = await open(site, '/');
  const widget = page.locator('#quota');
  await widget.getByTestId('tier-option-basic').check();
  await page.waitForFunction(() => document.querySelector('[data-testid="host-change"]').textContent.startsWith('basic '));
  assert.equal(await text(page, 'host-change'), `basic ${await costCents(widget)}`);

  // Unmounted, the element hears nothing for the app any more.
  await page.evaluate(() => { window.removedWidget = document.querySelector('#quota'); });
  await page.getByTestId('host-remove').click();
  await page.waitForFunction(() => !document.querySelector('#quota'));
  await page.evaluate(() => window.removedWidget.dispatchEvent(new CustomEvent('messaging-quota:change', {
    detail: { selection: { tier: 'gone' }, summary: { monthly_cost_cents: 1 } },
  })));
  assert.match(await text(page, 'host-change'), /^basic /, 'no listener left on the removed element');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
