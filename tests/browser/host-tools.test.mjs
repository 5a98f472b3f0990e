// The host's tools: the loader however it is put on a page (src, async, defer, module,
// injected, pasted inline by a tag manager), loaded late without moving the page when the
// host reserves the space, and an iframe that starts at its final height.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, text, hostPage, DIST, settle, allParts } from './support.mjs';

const site = useSite();
const LOADER = readFileSync(`${DIST}/messaging-quota.js`, 'utf8');
const WIDGET = '<messaging-quota id="w" today="2026-01-20" sections="calculator" loading="eager"></messaging-quota>';

/** Opens a host page; collects page errors and console errors. */
async function visit(context, path) {
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  await page.goto(site.url + path);
  return page;
}

const forms = [
  ['a classic script in the head', '<script src="/messaging-quota.js"></script>', ''],
  ['async', '<script async src="/messaging-quota.js"></script>', ''],
  ['defer', '<script defer src="/messaging-quota.js"></script>', ''],
  ['a module', '<script type="module" src="/messaging-quota.js"></script>', ''],
  ['injected after the page loaded', '', `<script src="/examples/inject-loader.js"></script>`],
  ['pasted inline, with data-base', `<script data-base="/">${LOADER}</script>`, ''],
  ['pasted inline, with window.messagingQuotaBase', `<script src="/examples/base-global.js"></script><script>${LOADER}</script>`, ''],
  ['a tag manager\'s custom HTML (inline, injected later, data-base)', '', `<script src="/examples/tag-manager.js"></script>`],
];

for (const [name, head, body] of forms) {
  test(`the loader works as ${name}`, async () => {
    const context = await site.browser.newContext();
    // Helpers as a host or tag manager would write them, as files (no inline script besides the loader).
    await context.route(`${site.url}/examples/inject-loader.js`, (route) => route.fulfill({ contentType: 'text/javascript',
      body: `addEventListener('load', () => { const s = document.createElement('script'); s.src = '/messaging-quota.js'; document.head.append(s); });` }));
    await context.route(`${site.url}/examples/base-global.js`, (route) => route.fulfill({ contentType: 'text/javascript',
      body: `window.messagingQuotaBase = '${site.url}/';` }));
    await context.route(`${site.url}/examples/tag-manager.js`, (route) => route.fulfill({ contentType: 'text/javascript',
      body: `addEventListener('load', () => { const s = document.createElement('script'); s.dataset.base = '/'; s.text = ${JSON.stringify(LOADER)}; document.body.append(s); });` }));
    await hostPage(site, context, '/form.html', `${WIDGET}${body}`, { head });
    const page = await visit(context, '/form.html');
    assert.equal(await text(page.locator('#w'), 'allowance'), '15');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test('pasted inline without a base, the loader says what to add, once, and throws nothing', async () => {
  const context = await site.browser.newContext();
  await hostPage(site, context, '/inline.html', WIDGET, { head: `<script>${LOADER}</script>` });
  const page = await visit(context, '/inline.html');
  await page.waitForLoadState('networkidle');
  const errors = page.problems.filter((p) => p.startsWith('console'));
  assert.equal(errors.length, 1, page.problems.join('\n'));
  assert.match(errors[0], /data-base="https:\/\/your\.site\/quota\/"/);
  assert.deepEqual(page.problems.filter((p) => p.startsWith('pageerror')), [], 'no exception');
  assert.equal(await page.locator('#w').evaluate((el) => el.shadowRoot), null, 'the page is left as it was');
  await context.close();
});

/** CLS of a page whose loader arrives late (async, 1.5 s), as the largest session window. */
async function lateLoaderShift(width, sections, reserved) {
  const context = await site.browser.newContext({ viewport: { width, height: width < 600 ? 800 : 900 } });
  await context.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: e.startTime });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const paragraph = '<p>Messaging limits decide how many people a team can reach each month; paid tiers raise the allowance, and bundles raise it further.</p>';
  await hostPage(site, context, '/late.html',
    `<main class="article"><h1>Messaging limits</h1>${paragraph}
      <messaging-quota today="2026-01-20" loading="eager"${sections ? ` sections="${sections}"` : ''}></messaging-quota>
      ${paragraph.repeat(12)}</main>`,
    { head: `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/examples/example.css">
      ${reserved ? '<link rel="stylesheet" href="/messaging-quota-reserve.css">' : ''}
      <script async src="/messaging-quota.js?delay=1500"></script>` });
  const page = await context.newPage();
  await page.goto(`${site.url}/late.html`, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length === 1, null, { timeout: 30000 });
  // Every part in (the later sections come after the first render), and their shifts reported.
  await allParts(page);
  await settle(page);
  const cls = await page.evaluate(() => {
    let cls = 0; let session = 0; let first = 0; let last = -Infinity;
    for (const s of window.__shifts) {
      if (s.at - last > 1000 || s.at - first > 5000) { session = 0; first = s.at; }
      session += s.value; last = s.at; cls = Math.max(cls, session);
    }
    return cls;
  });
  await context.close();
  return cls;
}

test('loaded late (async, tag manager), the widget moves the page unless the host reserves its space; with the reservation stylesheet it does not', async () => {
  for (const width of [390, 1280]) {
    for (const sections of ['', 'calculator']) {
      const bare = await lateLoaderShift(width, sections, false);
      const reserved = await lateLoaderShift(width, sections, true);
      assert.ok(bare > 0.02, `${width}px ${sections || 'all sections'}: without a reservation the text below jumps (CLS ${bare.toFixed(4)})`);
      assert.ok(reserved <= 0.02, `${width}px ${sections || 'all sections'}: CLS ${reserved.toFixed(4)} with messaging-quota-reserve.css`);
    }
  }
});

test('the iframe snippet starts the frame at the standalone page\'s height: it does not jump', async () => {
  for (const width of [390, 1280]) {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    await context.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(`${site.url}/examples/iframe-host.html`, { waitUntil: 'domcontentloaded' });
    // Measured before the page inside can say anything: it has not loaded yet.
    const start = await page.locator('#quota-frame').evaluate((el) => el.getBoundingClientRect().height);
    await page.waitForFunction(() => document.querySelector('#quota-frame').dataset.sized === 'true');
    // The page inside whole (each part in), and its last word on its height heard.
    const inside = page.frames().find((f) => f !== page.mainFrame());
    await allParts(inside);
    await settle(inside);
    await settle(page);
    const end = await page.locator('#quota-frame').evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(start > 3000, `${width}px: ${start}px reserved from the start, not the browser's 150`);
    // Within 1% (the reservation is measured every 5 px of width and fits the tallest of a
    // group of languages): a few pixels at the far end of a frame thousands of pixels tall.
    assert.ok(Math.abs(end - start) <= end / 100, `${width}px: from ${start}px to ${end}px once the page inside says its height`);
    assert.ok(await page.evaluate(() => window.__shift) <= 0.02, `${width}px: the host page does not move`);
    await context.close();
  }
});
