// Real hosting: content-named files from a caching server, failing networks the visitor can
// recover from, the host told what failed, and nothing the visitor changed lost when they
// leave at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { useSite, open, text, builtAssets, hostPage, axeViolations, withoutDrawings, DIST } from './support.mjs';
import { serve } from './server.mjs';

const site = useSite();

/**
 * A fresh context that records unhandled rejections, page errors and the widget's events; the
 * site's pages as a script tag alone loads their widgets (not drawn ahead: prerender.test.mjs
 * has those).
 */
async function watched(viewport = { width: 1280, height: 900 }, { drawn = false } = {}) {
  const context = await site.browser.newContext({ viewport });
  if (!drawn) await withoutDrawings(context);
  await context.addInitScript(() => {
    window.__problems = [];
    window.__events = [];
    window.addEventListener('unhandledrejection', (e) => window.__problems.push(`unhandled rejection: ${e.reason}`));
    window.addEventListener('error', (e) => window.__problems.push(`error: ${e.message}`));
    for (const name of ['ready', 'change', 'error']) {
      document.addEventListener(`messaging-quota:${name}`, (e) => window.__events.push({ name, detail: e.detail, target: e.target.id || e.target.localName }));
    }
  });
  return context;
}

const problems = (page) => page.evaluate(() => window.__problems);
const events = (page, name) => page.evaluate((n) => window.__events.filter((e) => e.name === n), name);
const rendered = (page, n = 1) => page.waitForFunction((count) => performance.getEntriesByName('messaging-quota:first-render').length >= count, n);

/** Serves `path` with a fault until `heal()` is called: `status`, a dropped connection, or a body. */
async function fault(context, path, how) {
  let broken = true;
  let hits = 0;
  await context.route((url) => url.pathname === path, async (route) => {
    hits += 1;
    if (!broken) return route.continue();
    if (how.status) return route.fulfill({ status: how.status, body: 'Service Unavailable' });
    if (how.body) return route.fulfill({ status: 200, contentType: how.contentType, body: how.body });
    return route.abort('connectionreset');
  });
  return { heal: () => { broken = false; }, hits: () => hits };
}

/** Reads the load failure as a visitor does. */
async function loadError(scope) {
  const alert = scope.getByTestId('load-error');
  await alert.waitFor();
  return {
    role: await alert.getAttribute('role'),
    text: (await alert.textContent()).trim(),
    busy: await scope.locator('.mq-skeleton').first().getAttribute('aria-busy'),
  };
}

test('every file the loader names is in dist/, named by a hash of its content; nothing else is', () => {
  const loader = readFileSync(`${DIST}/messaging-quota.js`, 'utf8');
  const named = [...new Set(loader.match(/[\w/.-]*-[0-9a-f]{16}\.(?:wasm|json|js|css)\b/g))].sort();
  const onDisk = [];
  const walk = (dir) => readdirSync(`${DIST}/${dir}`).forEach((f) => {
    const rel = dir ? `${dir}/${f}` : f;
    if (statSync(`${DIST}/${rel}`).isDirectory()) walk(rel);
    else if (/-[0-9a-f]{16}\.\w+$/.test(f)) onDisk.push(rel);
  });
  walk('');
  assert.deepEqual(named, onDisk.sort(), 'the loader names exactly the content-named files of its build');
  for (const file of named) {
    const hash = createHash('sha256').update(readFileSync(`${DIST}/${file}`)).digest('hex').slice(0, 16);
    assert.ok(file.includes(`-${hash}.`), `${file} is named by its content (${hash})`);
  }
  // The first view's module and the later sections'.
  assert.deepEqual(named.filter((f) => f.endsWith('.wasm')), [builtAssets().wasm, builtAssets().later].map((p) => p.slice(1)).sort());
  assert.equal(Object.keys(builtAssets().words).length, 8, 'every language but the built-in English');
});

test('the standalone page and the examples load nothing of the widget but content-named files and the loader', async () => {
  const pages = ['/', ...readdirSync(`${DIST}/examples`).filter((f) => f.endsWith('.html')).map((f) => `/examples/${f}`)];
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const loaded = [];
  // The requests under way, counted here (Playwright's networkidle waits forever for the
  // request below): the page is done when none has been for 750 ms.
  const pending = new Set();
  let lastActivity = Date.now();
  const settle = (r) => { pending.delete(r); lastActivity = Date.now(); };
  // The Intl worker's script is left out of the count: the loader ends the worker once Intl is
  // ready or its time is up, which can cancel that request, and Playwright then reports no end
  // for it.
  const counted = (r) => !/\/messaging-quota-intl-[0-9a-f]{16}\.js$/.test(new URL(r.url()).pathname);
  context.on('request', (r) => {
    loaded.push(new URL(r.url()));
    if (counted(r)) pending.add(r);
    lastActivity = Date.now();
  });
  context.on('requestfinished', settle);
  context.on('requestfailed', settle);
  for (const path of pages) {
    const page = await context.newPage();
    await page.goto(site.url + path);
    // Every request the page makes, made: a slow machine may take a while (the first
    // request for each file compresses it).
    const deadline = Date.now() + 90000;
    while (pending.size || Date.now() - lastActivity < 750) {
      if (Date.now() > deadline) assert.fail(`${path}: still loading after 90 s: ${[...pending].map((r) => r.url()).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.close();
  }
  await context.close();
  const widgetFiles = loaded.filter((u) => u.origin === site.url && /^\/(wasm|i18n)\/|^\/messaging-quota/.test(u.pathname));
  assert.ok(widgetFiles.some((u) => u.pathname.endsWith('.wasm')), 'the pages did load the widget');
  const stable = widgetFiles.filter((u) => !/-[0-9a-f]{16}\.\w+$/.test(u.pathname)).map((u) => u.pathname);
  // Beside the loader, a host may link the reservation stylesheet (stable too): both are
  // entry files a host names; everything the loader loads is content-named.
  assert.deepEqual([...new Set(stable)].filter((p) => p !== '/messaging-quota-reserve.css'), ['/messaging-quota.js'], 'the loader is the only stable name the widget loads');
});

test('a returning visitor revalidates the loader and takes the rest from the cache', async () => {
  const server = await serve(DIST);
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/examples/article-calculator.html`);
  await page.getByTestId('allowance').waitFor();
  const first = server.requests.length;
  await page.goto(`${server.url}/examples/article-plain.html`);
  await page.goto(`${server.url}/examples/article-calculator.html`);
  await page.getByTestId('allowance').waitFor();
  const again = server.requests.slice(first);
  assert.ok(again.includes('/messaging-quota.js'), 'the loader is asked for again (and answered 304 when unchanged)');
  assert.deepEqual(again.filter((p) => /-[0-9a-f]{16}\./.test(p)), [], `content-named files come from the cache: ${again.join(', ')}`);
  await context.close();
  await server.close();
});

for (const [asset, how, reason] of [
  ['wasm', { status: 503 }, 'wasm:http'],
  ['wasm', {}, 'wasm:network'],
  ['script', { status: 503 }, 'script:http'],
  ['script', {}, 'script:network'],
  ['stylesheet', { status: 404 }, 'stylesheet:http'],
  ['stylesheet', {}, 'stylesheet:network'],
]) {
  test(`${reason}${how.status ? ` ${how.status}` : ''}: the skeleton says so, the host hears of it, Retry loads the widget`, async () => {
    const context = await watched();
    const path = builtAssets()[asset];
    const broken = await fault(context, path, how);
    const page = await context.newPage();
    await page.goto(`${site.url}/examples/article-calculator.html`);
    const widget = page.locator('messaging-quota, [data-messaging-quota]').first();
    const shown = await loadError(widget);
    assert.equal(shown.role, 'alert');
    assert.match(shown.text, /could not be loaded/);
    assert.equal(shown.busy, null, 'no longer busy');
    const [event] = await events(page, 'error');
    assert.equal(event.detail.reason, reason);
    assert.equal(event.detail.asset, asset);
    assert.equal(event.detail.status, how.status ?? null);
    assert.equal(new URL(event.detail.url).pathname, path);
    assert.equal(event.detail.attempt, 1);
    if (asset === 'wasm' && how.status) assert.deepEqual(await axeViolations(page, 'messaging-quota, [data-messaging-quota]'), [], 'the failure passes axe');
    broken.heal();
    await widget.getByTestId('load-retry').click();
    await rendered(page);
    assert.equal(await text(widget, 'allowance'), '15');
    assert.equal(await widget.getByTestId('load-error').count(), 0);
    // Styled: the widget's own stylesheet applies (not the browser's default serif).
    const font = await widget.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.mq-root:not(.mq-skeleton)')).fontFamily);
    assert.match(font, /system-ui/);
    assert.deepEqual(await problems(page), [], 'no unhandled rejection, no page error');
    await context.close();
  });
}

test('a cut, changed or foreign file is not used: a truncated stylesheet, a wasm with bytes appended, another build\'s wasm', async () => {
  const assets = builtAssets();
  const css = readFileSync(DIST + assets.stylesheet, 'utf8');
  const wasm = readFileSync(DIST + assets.wasm);
  // Another build's wasm: a valid module without this build's exports.
  const foreign = Buffer.from('0061736d01000000', 'hex');
  for (const [asset, body, contentType] of [
    ['stylesheet', css.slice(0, css.length / 2), 'text/css'],
    ['wasm', Buffer.concat([wasm, Buffer.from('appended')]), 'application/wasm'],
    ['wasm', wasm.subarray(0, wasm.length / 2), 'application/wasm'],
    ['wasm', foreign, 'application/wasm'],
  ]) {
    const context = await watched();
    await fault(context, assets[asset], { body, contentType });
    const page = await context.newPage();
    await page.goto(`${site.url}/examples/article-calculator.html`);
    const widget = page.locator('messaging-quota, [data-messaging-quota]').first();
    await loadError(widget);
    const [event] = await events(page, 'error');
    assert.equal(event.detail.reason, `${asset}:invalid`);
    assert.deepEqual(await problems(page), []);
    await context.close();
  }
});

test('back online, a failed widget loads by itself; a page offline before a lazy widget loads recovers too', async () => {
  const context = await watched();
  const page = await context.newPage();
  await page.goto(`${site.url}/examples/article-far.html`);
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  const widget = page.locator('messaging-quota, [data-messaging-quota]').first();
  await widget.scrollIntoViewIfNeeded();
  await loadError(widget);
  assert.equal((await events(page, 'error'))[0].detail.failure, 'network');
  await context.setOffline(false);
  await rendered(page);
  assert.equal(await text(widget, 'allowance'), '15');
  assert.deepEqual(await problems(page), []);
  await context.close();
});

test('a German widget first loaded while offline speaks German once back online', async () => {
  const context = await watched();
  await hostPage(site, context, '/offline-de.html',
    '<div style="height: 3000px">Article</div><messaging-quota id="w" locale="de-DE"></messaging-quota>', { lang: 'de' });
  const page = await context.newPage();
  await page.goto(`${site.url}/offline-de.html`);
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
  const widget = page.locator('#w');
  await widget.scrollIntoViewIfNeeded();
  await loadError(widget);
  const words = [];
  page.on('requestfinished', (r) => { if (r.url().includes('/i18n/de-')) words.push(r.url()); });
  await context.setOffline(false);
  await rendered(page);
  await widget.getByTestId('allowance').waitFor();
  assert.equal(words.length, 1, 'the German words fetched once, back online');
  assert.equal(await widget.locator('.mq-root:not(.mq-skeleton)').getAttribute('lang'), 'de-DE');
  assert.equal(await widget.getByTestId('input-notice').count(), 0, 'no notice of words missing');
  assert.deepEqual(await problems(page), []);
  await context.close();
});

test('several widgets share one retry: one click, one new download, every widget back', async () => {
  const context = await watched();
  const broken = await fault(context, builtAssets().wasm, { status: 503 });
  const page = await context.newPage();
  await page.goto(`${site.url}/examples/two-widgets.html`);
  await loadError(page.locator('#sales'));
  await loadError(page.locator('#recruiting'));
  assert.equal((await events(page, 'error')).length, 2, 'each widget tells its host');
  broken.heal();
  const before = broken.hits();
  await page.locator('#recruiting').getByTestId('load-retry').click();
  await rendered(page, 2);
  assert.equal(broken.hits() - before, 1, 'one download for both');
  assert.equal(await text(page.locator('#sales'), 'allowance'), '150');
  await context.close();
});

test('the Intl warm-up worker cut short, or a language file reset: the widget still comes, without an unhandled rejection', async () => {
  const context = await watched();
  const assets = builtAssets();
  await fault(context, assets.worker, { body: '// Messaging Quota: readies Intl (cut here)', contentType: 'text/javascript' });
  await fault(context, assets.words.de, {});
  const page = await context.newPage();
  await page.goto(`${site.url}/examples/deutsch.html`);
  await rendered(page);
  const widget = page.locator('messaging-quota, [data-messaging-quota]').first();
  await widget.getByTestId('input-notice').waitFor();
  assert.match(await text(widget, 'input-notice'), /could not be loaded/, 'English words, with a notice');
  assert.deepEqual(await problems(page), []);
  await context.close();
});

test('a sandboxed frame of the standalone page from a host without CORS shows the failure over its drawing; with CORS it comes alive', async () => {
  for (const cors of [false, true]) {
    const assets = await serve(DIST, { cors });
    // The frame's page as that host serves it (drawn ahead): a page the test rewrote would be
    // of another address space, which the browser keeps from the loopback host's files.
    const context = await watched(undefined, { drawn: true });
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/examples/article-plain.html`);
      // An opaque origin: every request the frame makes is cross-origin, so CORS decides.
      await page.evaluate((src) => document.body.insertAdjacentHTML('afterbegin',
        `<iframe id="f" sandbox="allow-scripts" src="${src}" style="width:1000px;height:1200px"></iframe>`), `${assets.url}/index.html`);
      const frame = page.frameLocator('#f');
      if (cors) {
        await frame.locator('.mq-root[data-alive]').waitFor();
        // The frame may not use storage: its notice says so, and does not call it full.
        await frame.getByTestId('tier-option-recruiter').check();
        const notice = frame.getByTestId('input-notice');
        await notice.waitFor();
        assert.match(await notice.textContent(), /does not let this page keep anything/);
        assert.doesNotMatch(await notice.textContent(), /full/);
        assert.equal(await frame.getByTestId('tier-option-recruiter').isChecked(), true, 'the change stays');
      } else {
        await frame.getByTestId('load-error').waitFor();
        assert.equal(await frame.getByTestId('load-retry').isVisible(), true);
        assert.equal(await frame.getByTestId('allowance').textContent(), '15', 'the drawing stays, figures and all');
      }
    } finally {
      await context.close();
      await assets.close();
    }
  }
});

test('ready fires once with the plan the visitor starts from; change fires on changes only', async () => {
  const context = await watched();
  const page = await context.newPage();
  await page.goto(`${site.url}/examples/two-widgets.html`);
  await rendered(page, 2);
  const ready = await events(page, 'ready');
  assert.equal(ready.length, 2, 'one per widget');
  const sales = ready.find((e) => e.target === 'sales');
  assert.equal(sales.detail.selection.tier, 'sales-navigator');
  assert.equal(sales.detail.selection.addons, '100x1');
  assert.equal(sales.detail.summary.allowance, 150);
  assert.equal(sales.detail.summary.monthly_cost_cents, 11498);
  assert.deepEqual(await events(page, 'change'), [], 'nothing changed yet');
  await page.locator('#sales').getByTestId('tier-option-recruiter').check();
  await page.waitForFunction(() => window.__events.some((e) => e.name === 'change'));
  assert.equal((await events(page, 'change'))[0].detail.selection.tier, 'recruiter');
  assert.equal((await events(page, 'ready')).length, 2, 'ready does not fire again');
  await context.close();
});

test('a change made just before leaving is kept: reload, navigation, closing the tab', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // persist: a reload right after picking a tier.
  let page = await open(site, '/examples/two-widgets.html', { context, widgets: 2 });
  await page.locator('#sales').getByTestId('tier-option-recruiter').check();
  await page.reload();
  await rendered(page, 2);
  assert.equal(await page.locator('#sales').getByTestId('tier-option-recruiter').isChecked(), true, 'kept through a reload');
  // A count typed, then away to another page at once (and back by a new load, not the
  // back-forward cache, which would keep the page as it was).
  await page.locator('#sales').getByTestId('sent-count').fill('17');
  await page.goto(`${site.url}/examples/article-plain.html`);
  await page.goto(`${site.url}/examples/two-widgets.html`);
  await rendered(page, 2);
  assert.equal(await page.locator('#sales').getByTestId('sent-count').inputValue(), '17', 'kept through a navigation');
  // And the tab closed right after a change.
  await page.locator('#sales').getByTestId('sent-count').fill('23');
  const closed = new Promise((resolve) => page.once('close', resolve));
  await page.close({ runBeforeUnload: true });
  await closed;
  page = await open(site, '/examples/two-widgets.html', { context, widgets: 2 });
  assert.equal(await page.locator('#sales').getByTestId('sent-count').inputValue(), '23', 'kept through closing the tab');
  await page.close();
  // The standalone page: its URL and its saved state, a reload 0 ms after the change.
  page = await open(site, '/?today=2026-01-20', { context });
  await page.getByTestId('tier-option-premium-business').check();
  await page.reload();
  await rendered(page);
  assert.equal(await page.getByTestId('tier-option-premium-business').isChecked(), true);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('tier') === 'premium-business');
  await context.close();
});

test('two widgets with one persist key: the first keeps the saved state, the second says so', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await hostPage(site, context, '/shared-key.html', `
    <messaging-quota id="a" persist="pricing" sections="calculator" loading="eager"></messaging-quota>
    <messaging-quota id="b" persist="pricing" sections="calculator" loading="eager"></messaging-quota>`);
  const page = await open(site, '/shared-key.html', { context, widgets: 2 });
  const [a, b] = [page.locator('#a'), page.locator('#b')];
  assert.match(await text(b, 'input-notice'), /already remembers its state under "pricing"/);
  assert.equal(await a.getByTestId('input-notice').count(), 0);
  await a.getByTestId('tier-option-recruiter').check();
  await b.getByTestId('tier-option-premium-business').check();
  await page.reload();
  await rendered(page, 2);
  assert.equal(await a.getByTestId('tier-option-recruiter').isChecked(), true, 'the first widget\'s state is the one kept');
  assert.equal(await b.getByTestId('tier-option-recruiter').isChecked(), true, 'and both start from it');
  await context.close();
});

test('add-on pairs of one size that add up past the largest count are capped, and the notice says so', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const addons = ['100x999999', ...Array(3).fill('100x1')].join(',');
  await hostPage(site, context, '/capped.html', `<messaging-quota addons="${addons}" sections="calculator" loading="eager"></messaging-quota>`);
  const page = await open(site, '/capped.html', { context });
  assert.equal(await page.getByTestId('addon-count-100').inputValue(), '1000000');
  assert.match(await text(page, 'input-notice'), /capped at 1,000,000/);
  await context.close();
});
