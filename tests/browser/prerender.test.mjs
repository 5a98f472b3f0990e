// Drawn ahead of the page: the standalone page and the examples are prerendered by the build,
// and any site's pages by the npm package's command. The figures are there with JavaScript
// off; the widget comes alive over them without replacing a node; what the drawing could not
// know (the visitor's day, link, saved state) follows once it is alive; what the visitor did
// meanwhile is kept; a drawing it cannot trust is drawn afresh in the same space.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useSite, text, type, settle, holdWasm, DIST } from './support.mjs';
import { serve, STRICT_CSP } from './server.mjs';

const site = useSite();
/** A widget element: a custom element or a mount point. */
const W = 'messaging-quota, [data-messaging-quota]';
const CLI = fileURLToPath(new URL('../../target/xtask/server/cli.js', import.meta.url));
const SERVER = new URL('../../target/xtask/server/server.js', import.meta.url).href;

/** The widget's shadow root on a page: the first widget, or the one `selector` names. */
const shadowText = (page, testid, selector = 'messaging-quota, [data-messaging-quota]') => page.evaluate(
  ([sel, id]) => document.querySelector(sel)?.shadowRoot?.querySelector(`[data-testid="${id}"]`)?.textContent.trim() ?? null,
  [selector, testid],
);

/** Waits until every widget of the page is alive (hydrated, or drawn afresh). */
async function alive(page, count = 1) {
  await page.waitForFunction((n) => [...document.querySelectorAll('messaging-quota, [data-messaging-quota]')]
    .filter((el) => el.shadowRoot?.querySelector('.mq-root[data-alive]')).length >= n, count);
}

test('with JavaScript off, the standalone page and the examples show the widget with its figures', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}/`);
  assert.equal(await shadowText(page, 'allowance'), '15');
  assert.equal(await shadowText(page, 'monthly-cost'), '$0.00');
  const headings = await page.evaluate(() => [...document.querySelector('[data-messaging-quota]').shadowRoot.querySelectorAll('h2')].map((h) => h.textContent));
  for (const h of ['Your plan', 'Share this plan', 'Find the cheapest plan', 'Play a month', 'Rules']) assert.ok(headings.includes(h), `${h}: ${headings}`);
  assert.ok(await page.evaluate(() => document.querySelector('[data-messaging-quota]').shadowRoot.querySelectorAll('[data-testid^="compare-row-"]').length) >= 4, 'every tier side by side');
  // Its styles came with it: the tiers are laid out, not bare text.
  const radius = await page.evaluate(() => getComputedStyle(document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('.tier-option')).borderRadius);
  assert.notEqual(radius, '0px');
  // In the page's language, in the page's money.
  await page.goto(`${site.url}/examples/deutsch.html`);
  assert.equal(await shadowText(page, 'send-button'), 'Senden');
  assert.match(await shadowText(page, 'monthly-cost'), /^\d+,\d{2}\s\$$/);
  await page.goto(`${site.url}/examples/euros.html`);
  assert.match(await shadowText(page, 'monthly-cost'), /€/);
  await context.close();
});

/** A page of its own with one widget drawn by messaging-quota/server, as a Node server would. */
async function serverDrawnPage(attributes) {
  const { renderToString } = await import(SERVER);
  const shadow = await renderToString(attributes);
  const attrs = Object.entries(attributes).map(([n, v]) => `${n}="${v}"`).join(' ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/messaging-quota.js"></script></head>
<body><messaging-quota ${attrs}>${shadow}</messaging-quota><p>After.</p></body></html>`;
}

for (const [what, path, attributes] of [
  ['an article\'s calculator, compare, demo and rules', '/examples/article.html'],
  ['right to left, in Arabic', '/examples/arabic.html'],
  ['dark, in Japanese, drawn by a Node server', '/drawn/dark.html', { theme: 'dark', locale: 'ja-JP', tier: 'recruiter', today: '2026-01-20', loading: 'eager' }],
]) {
  test(`coming alive over the drawing replaces no node (${what}); then it answers`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    if (attributes) {
      const body = await serverDrawnPage(attributes);
      await context.route(`${site.url}${path}`, (route) => route.fulfill({ contentType: 'text/html', body }));
    }
    const release = await holdWasm(context);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}${path}`, { waitUntil: 'domcontentloaded' });
    const drawnAllowance = await shadowText(page, 'allowance');
    await page.evaluate(() => {
      const root = document.querySelector('messaging-quota, [data-messaging-quota]').shadowRoot;
      window.__changes = [];
      root.querySelector('[data-testid="allowance"]').__drawn = true;
      new MutationObserver((records) => {
        for (const r of records) if (r.type === 'childList') window.__changes.push(`${r.target.className}: +${r.addedNodes.length} -${r.removedNodes.length}`);
      }).observe(root, { childList: true, subtree: true });
    });
    release();
    await alive(page);
    await settle(page);
    assert.deepEqual(await page.evaluate(() => window.__changes), [], 'no node added or removed');
    assert.equal(await page.evaluate(() => document.querySelector('messaging-quota, [data-messaging-quota]').shadowRoot.querySelector('[data-testid="allowance"]').__drawn), true, 'the drawn node, alive');
    assert.equal(await shadowText(page, 'allowance'), drawnAllowance);
    // And it is the widget: it answers.
    const widget = page.locator(W).first();
    const allowance = Number(drawnAllowance.replace(/\D/g, ''));
    await type(widget, 'sent-count', '12');
    await page.waitForFunction((n) => document.querySelector('messaging-quota, [data-messaging-quota]').shadowRoot.querySelector('[data-testid="remaining"]').textContent.replace(/\D/g, '') === String(n), allowance - 12);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('what the drawing could not know follows once alive: the visitor\'s link and saved state, marked meanwhile', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const release = await holdWasm(context);
  const page = await context.newPage();
  await page.goto(`${site.url}/?tier=recruiter&sent=40`, { waitUntil: 'domcontentloaded' });
  // Drawn for the page alone: Basic, marked as not yet the visitor's.
  assert.equal(await shadowText(page, 'allowance'), '15');
  const marked = await page.evaluate(() => getComputedStyle(document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('.calculator-side')).opacity);
  assert.equal(marked, '0.5');
  // The day is the build's, not surely the visitor's: the reset date waits, unseen.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('.reset-line')).visibility), 'hidden');
  release();
  await alive(page);
  await page.waitForFunction(() => document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('[data-testid="allowance"]').textContent === '150');
  assert.equal(await shadowText(page, 'remaining'), '110');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('.calculator-side')).opacity), '1');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('.reset-line')).visibility), 'visible');
  // Saved: the next visit's drawing is marked too, and the saved plan follows.
  await page.waitForFunction(() => localStorage.getItem('messaging-quota:standalone')?.includes('recruiter'));
  const again = await context.newPage();
  await again.goto(`${site.url}/`, { waitUntil: 'domcontentloaded' });
  assert.equal(await again.evaluate(() => getComputedStyle(document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('.calculator-side')).opacity), '0.5');
  await alive(again);
  await again.waitForFunction(() => document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('[data-testid="allowance"]').textContent === '150');
  await context.close();
});

test('what the visitor did before the widget came alive is kept, in order', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const release = await holdWasm(context);
  const page = await context.newPage();
  await page.goto(`${site.url}/examples/article.html`, { waitUntil: 'domcontentloaded' });
  const widget = page.locator(W).first();
  await widget.getByTestId('tier-option-premium-business').check();
  await widget.getByTestId('addon-count-100').fill('2');
  await widget.getByTestId('sent-count').fill('7');
  release();
  await alive(page);
  await page.waitForFunction(() => document.querySelector('messaging-quota, [data-messaging-quota]').shadowRoot.querySelector('[data-testid="allowance"]').textContent === '230');
  assert.equal(await widget.getByTestId('tier-option-premium-business').isChecked(), true);
  assert.equal(await widget.getByTestId('addon-count-100').inputValue(), '2');
  assert.equal(await widget.getByTestId('sent-count').inputValue(), '7');
  assert.equal(await text(widget, 'remaining'), '223');
  await context.close();
});

for (const [what, spoil] of [
  ['an edited drawing (a tier taken out)', { page: (root) => root.querySelector('.tier-option').remove() }],
  ['another build\'s drawing', { html: (html) => html.replace(/data-mq-build="[^"]*"/, 'data-mq-build="an-older-build"') }],
]) {
  test(`${what} is drawn afresh in the same space: whole, in place, nothing doubled`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const release = await holdWasm(context);
    if (spoil.html) {
      await context.route(`${site.url}/examples/article.html`, async (route) => {
        const response = await route.fetch();
        route.fulfill({ response, body: spoil.html(await response.text()) });
      });
    }
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/examples/article.html`, { waitUntil: 'domcontentloaded' });
    if (spoil.page) await page.evaluate(`(${spoil.page})(document.querySelector('messaging-quota, [data-messaging-quota]').shadowRoot)`);
    const below = () => page.evaluate(() => document.querySelector('messaging-quota, [data-messaging-quota]').nextElementSibling.getBoundingClientRect().top);
    const before = await below();
    await page.evaluate(() => { document.querySelector('messaging-quota, [data-messaging-quota]').shadowRoot.querySelector('[data-testid="allowance"]').__drawn = true; });
    release();
    await alive(page);
    await settle(page);
    const widget = page.locator(W).first();
    assert.equal(await page.evaluate(() => document.querySelector('messaging-quota, [data-messaging-quota]').shadowRoot.querySelector('[data-testid="allowance"]').__drawn ?? false), false, 'drawn afresh');
    assert.equal(await widget.locator('.mq-root').count(), 1, 'one widget');
    assert.equal(await widget.locator('[data-testid^="tier-option-"]').count(), 5, 'whole again');
    assert.equal(await text(widget, 'allowance'), '15');
    assert.ok(Math.abs(await below() - before) < 2, `the text below stays: ${before} → ${await below()}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the command draws a site\'s pages ahead: once, byte for byte elsewhere, problems reported by line, and served under a strict CSP', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mq-site-'));
  cpSync(DIST, dir, { recursive: true });
  const original = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plans</title>
<script src="/messaging-quota.js"></script></head>
<body>
  <p>Our plans.</p>
  <messaging-quota tier="sales-navigator" addons="100x1" sections="calculator" today="2026-03-10"></messaging-quota>
  <messaging-quota theme="purple"></messaging-quota>
  <p>After.</p>
</body></html>
`;
  mkdirSync(join(dir, 'plans'));
  writeFileSync(join(dir, 'plans/index.html'), original);
  const run = () => spawnSync('node', [CLI, 'prerender', '--root', dir, `${dir}/plans/**/*.html`], { encoding: 'utf8' });
  const first = run();
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stderr, /plans\/index\.html:7: <messaging-quota>: theme="purple" was ignored: use light, dark or auto; left as it was/);
  const once = readFileSync(join(dir, 'plans/index.html'), 'utf8');
  // Only the first widget got a shadow root; the rest of the file is as it was.
  const start = once.indexOf('<template shadowrootmode="open">');
  const end = once.indexOf('</template>', start) + '</template>'.length;
  assert.ok(start > 0);
  assert.equal(once.slice(0, start) + once.slice(end), original);
  assert.equal(once.match(/shadowrootmode/g).length, 1, 'the widget with a bad theme is left as it was');
  const output = run().stdout;
  assert.equal(readFileSync(join(dir, 'plans/index.html'), 'utf8'), once, 'running twice changes nothing');
  const hash = output.match(/style-src ('sha256-[^']+')/)?.[1];
  assert.ok(hash, output);
  // Served under a strict CSP that allows the drawing's styles by their hash.
  const server = await serve(dir, { csp: { '/plans/': STRICT_CSP.replace("style-src 'self'", `style-src 'self' ${hash}`) } });
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
  await page.goto(`${server.url}/plans/`);
  await alive(page, 2);
  const drawn = page.locator('messaging-quota').first();
  assert.equal(await text(drawn, 'allowance'), '150');
  assert.equal(await drawn.locator('[data-testid="reset-date"]').getAttribute('datetime'), '2026-04-01');
  await type(drawn, 'sent-count', '3');
  assert.equal(await text(drawn, 'remaining'), '147');
  assert.deepEqual(violations, []);
  await context.close();
  await server.close();
});

test('messaging-quota/server renders any attributes to the same drawing the command writes', async () => {
  const { render, renderToString, styleHash } = await import(SERVER);
  const { html, problems } = await render({ tier: 'recruiter', today: '2026-01-20', sections: 'calculator' });
  assert.deepEqual(problems, []);
  assert.ok(html.startsWith('<template shadowrootmode="open"><style>'), html.slice(0, 80));
  assert.match(html, /data-testid="allowance"[^>]*>150</);
  assert.equal(await renderToString([['tier', 'recruiter'], ['today', '2026-01-20'], ['sections', 'calculator']]), html);
  assert.match(styleHash, /^'sha256-[A-Za-z0-9+/=]+'$/);
  const refused = await render({ theme: 'purple', 'rules-src': '/rules.json' });
  assert.equal(refused.problems.length, 2, refused.problems.join('; '));
});
