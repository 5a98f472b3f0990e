// A good citizen on the host page: loaded when needed, no layout shift, taken down cleanly,
// moved without a second copy, attributes applied once, notices that stay readable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, text, type, builtAssets, hostPage, settle, allParts, withoutDrawings } from './support.mjs';
import { STRICT_CSP } from './server.mjs';

const site = useSite();

const renders = (page) => page.evaluate(() => performance.getEntriesByName('messaging-quota:first-render').length);

test('a widget far below the fold fetches nothing but the loader until it is scrolled near, then renders', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Loaded by its script tag alone (a drawn widget holds its place with its drawing).
  await withoutDrawings(context);
  const requests = [];
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const page = await context.newPage();
  await page.goto(`${site.url}/examples/article-far.html`);
  await page.waitForLoadState('networkidle');
  // The skeleton is up and the viewport observer has reported: a widget that wrongly thought
  // itself near would have asked for its files by now.
  await page.locator('messaging-quota').evaluate((el) => el.shadowRoot.querySelector('.mq-skeleton'));
  await settle(page);
  const widget = page.locator('messaging-quota');
  assert.deepEqual(requests.filter((p) => p.includes('wasm') || p.includes('i18n') || p.includes('messaging-quota') && p !== '/messaging-quota.js'), [], 'nothing of the widget but its loader yet');
  assert.ok(requests.includes('/messaging-quota.js'));
  assert.equal(await widget.evaluate((el) => el.shadowRoot.querySelector('.mq-skeleton').getAttribute('aria-busy')), 'true', 'a busy skeleton holds the place');
  await widget.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length === 1);
  assert.equal(await text(widget, 'allowance'), '15');
  // The main module, then the later sections' (this widget shows them all).
  await widget.getByTestId('compare-row-basic').waitFor();
  assert.deepEqual(requests.filter((p) => p.endsWith('.wasm')), [builtAssets().wasm, builtAssets().later]);
  // Intl is readied in a worker on the page's origin, off the main thread, then the worker is ended.
  assert.ok(requests.includes(builtAssets().worker), `the Intl worker ran: ${requests.join(', ')}`);
  assert.equal(page.workers().length, 0, 'no worker left running');
  await context.close();
});

test('loading="eager" starts at once, however far below; several lazy widgets share one download', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  let wasm = 0;
  context.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm += 1; });
  await hostPage(site, context, '/eager.html', `<div style="height:5000px"></div>
    <messaging-quota id="eager" loading="eager" sections="calculator"></messaging-quota>
    <div style="height:3000px"></div><messaging-quota id="lazy1" sections="calculator"></messaging-quota>
    <messaging-quota id="lazy2" sections="calculator"></messaging-quota>`);
  const page = await context.newPage();
  await page.goto(`${site.url}/eager.html`);
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length === 1);
  // Rendered out of view: its figures follow the first render a paint or two later.
  await page.locator('#eager').getByTestId('allowance').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#lazy1').getByTestId('allowance').count(), 0);
  await page.locator('#lazy2').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length === 3);
  assert.equal(wasm, 1, 'one wasm download for every widget');
  await context.close();
});

test('a lazy widget under a strict CSP loads, renders and styles its skeleton, with no violation', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 800 } });
  await hostPage(site, context, '/strict-lazy.html',
    '<link rel="stylesheet" href="/examples/example.css"><p>Text above.</p><div class="spacer"></div><div id="w" data-messaging-quota data-sections="calculator"></div>',
    { headers: { 'content-security-policy': STRICT_CSP } });
  const page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
  await page.goto(`${site.url}/strict-lazy.html`);
  const reserved = await page.locator('#w').evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(reserved > 1000, `the skeleton keeps the widget's space (${reserved}px)`);
  await page.locator('#w').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length === 1);
  await type(page.locator('#w'), 'sent-count', '3');
  assert.equal(await text(page.locator('#w'), 'remaining'), '12');
  assert.deepEqual(violations, []);
  await context.close();
});

for (const [width, height] of [[1280, 900], [390, 800]]) {
  for (const path of ['/examples/article.html', '/examples/article-calculator.html']) {
    test(`no layout shift while the widget loads and renders: ${path} at ${width} px`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(site.url + path);
      await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length === 1);
      // Every section in (they follow the first, a frame apart), and the shifts reported.
      await allParts(page);
      await settle(page);
      const shift = await page.evaluate(() => window.__shift);
      assert.ok(shift <= 0.02, `layout shift ${shift.toFixed(4)}`);
      await context.close();
    });
  }
}

test('added and removed widgets leave nothing behind: DOM nodes and listeners stay flat', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await hostPage(site, context, '/churn.html', '<main id="host"></main>');
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${site.url}/churn.html`);
  let widgetNodes = 0;
  const round = async () => {
    const before = await renders(page);
    await page.evaluate(() => {
      const host = document.querySelector('#host');
      for (let i = 0; i < 20; i++) {
        const el = document.createElement('messaging-quota');
        el.setAttribute('loading', 'eager');
        el.setAttribute('sections', 'calculator');
        host.append(el);
      }
    });
    await page.waitForFunction((n) => performance.getEntriesByName('messaging-quota:first-render').length >= n,
      before + 20, { timeout: 60000 });
    // Each widget whole: its first view comes first, the calculator's later steps a paint apart.
    await page.waitForFunction(() => [...document.querySelectorAll('#host messaging-quota')]
      .every((el) => el.shadowRoot.querySelector('.send-preview [data-testid]')), null, { timeout: 60000 });
    widgetNodes = await page.evaluate(() => document.querySelector('messaging-quota').shadowRoot.querySelectorAll('*').length);
    await page.evaluate(() => {
      window.__removed = [...document.querySelector('#host').children];
      document.querySelector('#host').replaceChildren();
    });
    // Each widget taken down: its shadow root emptied.
    await page.waitForFunction(() => window.__removed.every((el) => el.shadowRoot.childNodes.length === 0));
    await cdp.send('HeapProfiler.collectGarbage');
    return cdp.send('Memory.getDOMCounters');
  };
  await round(); // the first round also makes what the page keeps once (caches, the module)
  const first = await round();
  let last = first;
  for (let i = 0; i < 6; i++) last = await round();
  // 120 widgets came and went: had any one of them stayed, its nodes would be there. (The
  // browser may make a few nodes of its own once, a round or two late.)
  assert.ok(widgetNodes > 100, `a widget has ${widgetNodes} nodes`);
  assert.ok(last.nodes - first.nodes < widgetNodes / 4, `nodes ${first.nodes} → ${last.nodes}; one widget has ${widgetNodes}`);
  assert.ok(last.jsEventListeners <= first.jsEventListeners * 1.2, `listeners ${first.jsEventListeners} → ${last.jsEventListeners}`);
  await context.close();
});

test('a widget removed while its rules-src loads stops there; put back, it mounts once', async () => {
  const context = await site.browser.newContext();
  await hostPage(site, context, '/slow.html',
    '<main id="host"><div id="w" data-messaging-quota data-loading="eager" data-persist="slow" data-rules-src="/rules/linkedin-help.json?delay=2500"></div></main>');
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${site.url}/slow.html`);
  await page.evaluate(() => {
    window.__events = 0;
    const el = document.querySelector('#w');
    el.addEventListener('messaging-quota:change', () => { window.__events += 1; });
  });
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:mount').length === 1);
  const isRules = (r) => r.url().includes('/rules/linkedin-help.json');
  // The fetch of the rules ends: cut off (the widget that asked went), or answered.
  const rulesEnded = Promise.race([page.waitForEvent('requestfailed', isRules), page.waitForEvent('requestfinished', isRules)]);
  const el = await page.evaluate(() => { window.__w = document.querySelector('#w'); window.__w.remove(); return true; });
  assert.ok(el);
  // What a live widget would do with the rules, it would have done once the page has run
  // what the fetch's end queued.
  await rulesEnded;
  await settle(page, 5);
  assert.equal(await renders(page), 0, 'nothing rendered into the removed element');
  assert.equal(await page.evaluate(() => localStorage.getItem('messaging-quota:slow')), null, 'nothing saved');
  assert.equal(await page.evaluate(() => window.__w.shadowRoot.childNodes.length), 0, 'its shadow root emptied');
  await page.evaluate(() => document.querySelector('#host').append(window.__w));
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length === 1, null, { timeout: 10000 });
  assert.equal(await page.locator('#w').locator('.mq-root').count(), 1, 'one widget');
  assert.equal(await page.locator('#w').getByTestId('tier-option-premium-career').count(), 1, 'with the fetched rules');
  assert.equal(await page.evaluate(() => window.__events), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('moving a widget (removed and appended in one task) keeps the one widget and its state', async () => {
  const page = await open(site, '/examples/two-widgets.html', { widgets: 2 });
  const recruiting = page.locator('#recruiting');
  await type(recruiting, 'sent-count', '7');
  await page.evaluate(() => {
    const el = document.querySelector('#recruiting');
    document.querySelector('main').prepend(el);
  });
  await settle(page);
  assert.equal(await recruiting.locator('.mq-root').count(), 1);
  assert.equal(await text(recruiting, 'remaining'), '143', 'the state carried on');
  assert.equal(await renders(page), 2, 'no second mount');
  await page.close();
});

test('a rules-src set after mount is fetched (on the page origin only) and applied once', async () => {
  const page = await open(site, '/examples/two-widgets.html', { widgets: 2 });
  const recruiting = page.locator('#recruiting');
  await page.evaluate(() => document.querySelector('#recruiting').setAttribute('rules-src', 'https://elsewhere.example/rules.json'));
  await recruiting.getByTestId('input-notice').waitFor();
  assert.match(await text(recruiting, 'input-notice'), /rules-src="https:\/\/elsewhere.example\/rules.json" wurde ignoriert: Regeln dürfen nur vom eigenen Ursprung dieser Website geladen werden/);
  await page.evaluate(() => document.querySelector('#recruiting').setAttribute('rules-src', '/rules/linkedin-help.json'));
  await recruiting.getByTestId('tier-option-premium-career').waitFor();
  await page.evaluate(() => document.querySelector('#recruiting').setAttribute('tier', 'premium-career'));
  await recruiting.locator('[data-testid="tier-option-premium-career"]:checked').waitFor();
  const notices = await recruiting.getByTestId('input-notice').locator('li').count();
  assert.equal(notices, 1, 'the origin warning once, not again on each change');
  await page.close();
});

test('a thousand bad add-ons make one readable notice that counts them', async () => {
  const context = await site.browser.newContext();
  const addons = ['100x1', ...Array.from({ length: 1000 }, (_, i) => `${1001 + i}x1`)].join(',');
  await hostPage(site, context, '/many.html', `<messaging-quota loading="eager" sections="calculator" addons="${addons}"></messaging-quota>`);
  const page = await context.newPage();
  await page.goto(`${site.url}/many.html`);
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length === 1);
  const notice = page.getByTestId('input-notice');
  assert.equal(await notice.locator('li').count(), 1);
  assert.match(await notice.textContent(), /addons: 1,000 items were ignored; the first, "1001x1"/);
  assert.equal(await text(page, 'allowance'), '115', 'the good item applies');
  await context.close();
});
