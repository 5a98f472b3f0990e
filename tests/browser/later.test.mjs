// The sections after the calculator come in a wasm module of their own, fetched once the
// calculator is on screen: the calculator does not wait for it, nothing moves when it comes,
// what the visitor typed meanwhile stays, and a fetch that fails is said in place with a way on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, text, type, costCents, builtAssets, hostPage, settle, allParts, withoutDrawings } from './support.mjs';

const site = useSite();
const LATER = /\/wasm\/messaging-quota-later-[0-9a-f]{16}\.wasm$/;
/** The parts whose code is in the later module, on the standalone page. */
const LATER_PARTS = ['share', 'compare', 'demo', 'rules'];

/**
 * Sums the page's layout shifts: those not caused by input, from the start (as CLS counts
 * them), in `__shift`; and every one after `__since` (a time the test sets), input or not,
 * in `__shiftSince`.
 */
async function watchShifts(context) {
  await context.addInitScript(() => {
    window.__shift = 0;
    window.__shiftSince = 0;
    window.__since = Infinity;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) window.__shift += e.value;
        if (e.startTime >= window.__since) window.__shiftSince += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Each part's box on the standalone page, by its id. */
const partBoxes = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelector('[data-messaging-quota]').shadowRoot.querySelectorAll('.mq-part')]
    .map((p) => [p.className.match(/mq-part mq-(\S+)/)[1], p.getBoundingClientRect().toJSON()]),
));

/** Serves the later module only once `release()` is called; counts its requests. */
async function holdLater(context) {
  let release;
  let asked;
  const released = new Promise((r) => { release = r; });
  const held = { requests: 0, release, asked: new Promise((r) => { asked = r; }) };
  await context.route(LATER, async (route) => {
    held.requests += 1;
    asked();
    await released;
    await route.continue();
  });
  return held;
}

test('the calculator renders and takes input before the later sections\' code arrives; nothing moves when it does', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The standalone page as a script tag alone loads it: drawn ahead, it comes alive whole (prerender.test.mjs).
  await withoutDrawings(context);
  await watchShifts(context);
  const held = await holdLater(context);
  const page = await context.newPage();
  await page.goto(`${site.url}/`);
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length === 1);
  await page.getByTestId('monthly-cost').waitFor();
  await held.asked;
  assert.equal(held.requests, 1, 'the later module is asked for once the widget has rendered');
  // The later parts keep their reserved space, empty, while their code is on its way.
  const before = await partBoxes(page);
  for (const part of LATER_PARTS) {
    assert.ok(before[part].height > 100, `${part} keeps its space: ${before[part].height}px`);
  }
  assert.equal(await page.getByTestId('compare-row-basic').count(), 0, 'no comparison before its code');
  // A visitor acts meanwhile: the calculator answers at once.
  await page.getByTestId('tier-option-premium-business').check();
  const tierAllowance = Number(await text(page, 'allowance'));
  await type(page, 'addon-count-100', '2');
  const allowance = String(tierAllowance + 200);
  await page.waitForFunction((want) => document.querySelector('[data-messaging-quota]').shadowRoot
    .querySelector('[data-testid="allowance"]').textContent.trim() === want, allowance);
  const cost = await costCents(page);
  // From here on every shift counts, even one the browser would put down to the typing.
  await settle(page);
  await page.evaluate(() => { window.__since = performance.now(); });
  held.release();
  await page.getByTestId('compare-row-basic').waitFor();
  await page.getByTestId('rules-editor').waitFor();
  await page.getByTestId('share-link').waitFor();
  await page.getByTestId('timeline').waitFor();
  await allParts(page);
  await settle(page);
  // What the visitor did is all there, in the new sections too.
  assert.equal(await page.getByTestId('tier-option-premium-business').isChecked(), true);
  assert.equal(await page.getByTestId('addon-count-100').inputValue(), '2');
  assert.equal(await text(page, 'allowance'), allowance);
  assert.equal(await costCents(page), cost);
  assert.match(await page.getByTestId('share-link').inputValue(), /addons=100x2/);
  const after = await partBoxes(page);
  assert.equal(after.calculator.top, before.calculator.top, 'the calculator did not move');
  assert.equal(after.share.top, before.share.top, 'the first later part did not move');
  const shift = await page.evaluate(() => window.__shiftSince);
  assert.ok(shift <= 0.02, `layout shift when the later sections came: ${shift.toFixed(4)}`);
  await context.close();
});

test('a later module that fails to fetch: said in each later part, the calculator works, Try again and coming back online fetch it', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The standalone page as a script tag alone loads it: drawn ahead, it comes alive whole (prerender.test.mjs).
  await withoutDrawings(context);
  let broken = true;
  let requests = 0;
  await context.route(LATER, (route) => {
    requests += 1;
    return broken ? route.abort('connectionreset') : route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}/`);
  // Each later part says so, once each has had its turn to render.
  await page.waitForFunction((n) => document.querySelector('[data-messaging-quota]').shadowRoot
    .querySelectorAll('[data-testid="section-unavailable"]').length === n, LATER_PARTS.length);
  assert.match(await text(page, 'section-unavailable'), /This part of the widget could not be loaded\./);
  assert.equal(await page.getByTestId('section-unavailable').first().getAttribute('role'), 'status');
  // The calculator is whole meanwhile.
  await page.getByTestId('tier-option-premium-business').check();
  const tierAllowance = Number(await text(page, 'allowance'));
  await type(page, 'addon-count-100', '1');
  assert.equal(await text(page, 'allowance'), String(tierAllowance + 100));
  broken = false;
  await page.getByTestId('section-retry').first().focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('compare-row-basic').waitFor();
  assert.equal(await page.getByTestId('section-unavailable').count(), 0, 'the message went with the failure');
  assert.equal(await page.getByTestId('compare-row-premium-business').count(), 1);
  assert.equal(requests, 2, 'Try again asked once more');
  assert.deepEqual(errors, [], 'no uncaught error');

  // Offline as the page loads, then back online: the sections come by themselves.
  broken = true;
  const second = await context.newPage();
  await second.goto(`${site.url}/`);
  await second.getByTestId('section-unavailable').first().waitFor();
  broken = false;
  await second.evaluate(() => window.dispatchEvent(new Event('online')));
  await second.getByTestId('rules-editor').waitFor();
  assert.equal(await second.getByTestId('section-unavailable').count(), 0);
  await context.close();
});

test('a calculator-only widget never fetches the later module; one with later sections fetches it once, for all widgets', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await hostPage(site, context, '/only-calculator.html', `
    <messaging-quota id="a" sections="calculator" loading="eager"></messaging-quota>
    <messaging-quota id="b" sections="calculator" loading="eager"></messaging-quota>`);
  const page = await open(site, '/only-calculator.html', { context, widgets: 2 });
  // Each widget asks for the later module, if at all, from its first render on.
  await settle(page);
  assert.equal(requests.filter((p) => LATER.test(p)).length, 0, `no later module: ${requests.join(', ')}`);
  assert.equal(requests.filter((p) => p === builtAssets().wasm).length, 1, 'the main module, once');

  await hostPage(site, context, '/two-kinds.html', `
    <messaging-quota id="a" sections="calculator,compare" loading="eager"></messaging-quota>
    <messaging-quota id="b" sections="calculator,rules" loading="eager"></messaging-quota>`);
  requests.length = 0;
  const both = await open(site, '/two-kinds.html', { context, widgets: 2 });
  await both.locator('#a').getByTestId('compare-row-basic').waitFor();
  await both.locator('#b').getByTestId('rules-editor').waitFor();
  assert.deepEqual(requests.filter((p) => LATER.test(p)), [builtAssets().later], 'the later module, once');
  // A later section the host turns on brings the later module then.
  await page.locator('#a').evaluate((el) => el.setAttribute('sections', 'calculator,demo'));
  await page.locator('#a').getByTestId('timeline').waitFor();
  assert.equal(await page.locator('#b').getByTestId('timeline').count(), 0);
  assert.deepEqual(both.problems, []);
  await context.close();
});
