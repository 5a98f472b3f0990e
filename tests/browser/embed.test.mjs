// Embedding: two widgets on a page, a custom element, events, a strict CSP, a hostile
// stylesheet, a script loaded twice, remembered state and an iframe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, text, type, costCents, cspViolations, builtAssets } from './support.mjs';

const site = useSite();

test('two widgets on one page are independent, configured by their attributes', async () => {
  const context = await site.browser.newContext();
  const wasmLoads = [];
  context.on('request', (r) => { if (r.url().endsWith('.wasm')) wasmLoads.push(new URL(r.url()).pathname); });
  const page = await open(site, '/examples/two-widgets.html', { widgets: 2, context });
  const sales = page.locator('#sales');
  const recruiting = page.locator('#recruiting');
  assert.equal(await text(sales, 'allowance'), '150');
  assert.equal(await costCents(sales), 11498);
  assert.equal(await text(recruiting, 'allowance'), '150');
  assert.equal(await costCents(recruiting), 23995);
  assert.equal(await text(recruiting, 'monthly-cost'), '239,95\u00a0$', 'German number format');
  assert.equal(await recruiting.locator('.mq-root').getAttribute('data-theme'), 'dark');
  assert.equal(await sales.getByTestId('need-messages').count(), 0, 'sections="calculator" only');
  assert.equal(await recruiting.getByTestId('need-messages').inputValue(), '300');
  assert.equal(await recruiting.getByTestId('timeline').count(), 0);

  await sales.getByTestId('tier-option-basic').check();
  await type(sales, 'sent-count', '3');
  assert.equal(await text(sales, 'allowance'), '115');
  assert.equal(await text(recruiting, 'allowance'), '150', 'the other widget is untouched');
  assert.equal(await text(recruiting, 'remaining'), '150');
  // One main module for both, and the later sections' once (the second widget compares).
  assert.deepEqual(wasmLoads, [builtAssets().wasm, builtAssets().later]);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the custom element reacts to attribute changes', async () => {
  const page = await open(site, '/examples/two-widgets.html', { widgets: 2 });
  const recruiting = page.locator('#recruiting');
  await page.evaluate(() => {
    const el = document.querySelector('#recruiting');
    el.setAttribute('tier', 'basic');
    el.setAttribute('addons', '25x1');
    el.setAttribute('theme', 'light');
  });
  await recruiting.locator('.mq-root[data-theme="light"]').waitFor();
  assert.equal(await text(recruiting, 'allowance'), '40');
  assert.equal(await recruiting.getByTestId('tier-option-basic').isChecked(), true);
  // A bad attribute warns in the console and in the widget; nothing else changes.
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.evaluate(() => document.querySelector('#recruiting').setAttribute('theme', 'purple'));
  await recruiting.getByTestId('input-notice').waitFor();
  assert.match(await text(recruiting, 'input-notice'), /theme="purple" wurde ignoriert: verwenden Sie light, dark oder auto/);
  assert.ok(warnings.some((w) => w.includes('theme="purple"')), warnings.join('\n'));
  assert.equal(await text(recruiting, 'allowance'), '40');
  await page.close();
});

test('events tell the host page what changed and which upgrade was chosen', async () => {
  const page = await open(site, '/examples/two-widgets.html', { widgets: 2 });
  await page.evaluate(() => {
    window.seen = [];
    for (const name of ['messaging-quota:change', 'messaging-quota:upgrade-click']) {
      document.querySelector('#sales').addEventListener(name, (e) => window.seen.push({ name, target: e.target.id, detail: e.detail }));
    }
  });
  const sales = page.locator('#sales');
  await sales.getByTestId('tier-option-recruiter-lite').check();
  await page.waitForFunction(() => window.seen.length > 0);
  const change = await page.evaluate(() => window.seen.at(-1));
  assert.equal(change.name, 'messaging-quota:change');
  assert.equal(change.target, 'sales');
  assert.equal(change.detail.selection.tier, 'recruiter-lite');
  assert.equal(change.detail.selection.addons, '100x1');
  assert.equal(change.detail.summary.allowance, 150);
  assert.equal(change.detail.summary.monthly_cost_cents, 11995 + 4999);
  assert.equal(typeof change.detail.summary.reset_date, 'string');
  assert.deepEqual(change.detail.summary.lines.map((l) => l.cents), [11995, 4999]);

  await type(sales, 'sent-count', '150');
  await sales.getByTestId('send-button').click();
  await sales.getByTestId('upgrade-option-addon-25').click();
  const click = await page.evaluate(() => window.seen.find((s) => s.name === 'messaging-quota:upgrade-click'));
  assert.deepEqual(click.detail, {
    kind: 'bundle', tier: null, bundle_size: 25, label: 'Add 25 messages', price_cents: 1499,
    new_allowance: 175, new_total_cents: 11995 + 4999 + 1499, new_yearly_cents: 12 * (11995 + 4999 + 1499),
    currency: "USD", billing: "monthly", cheapest: true,
  });
  await page.close();
});

test('under a strict CSP the widget renders and works, with no violation', async () => {
  const page = await open(site, '/examples/strict-csp.html');
  const response = await page.request.get(site.url + '/examples/strict-csp.html');
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(await text(page, 'allowance'), '30');
  await page.getByTestId('tier-option-recruiter').check();
  await type(page, 'need-messages', '400');
  await page.getByTestId('send-button').click();
  assert.equal(await text(page, 'allowance'), '150');
  assert.equal(await page.getByTestId('send-outcome').getAttribute('data-outcome'), 'delivered');
  assert.equal(await page.getByTestId('cost-chart').count(), 1);
  // The widget's own stylesheet applied (a style-src violation would leave it unstyled).
  const radius = await page.locator('.mq-root').evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
  assert.equal(radius, '14px');
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a hostile host stylesheet does not reach the widget, and loading the script twice is harmless', async () => {
  const page = await open(site, '/examples/hostile-host.html');
  const send = page.getByTestId('send-button');
  // The calculator's last step holds the button: wait for it to be rendered, and seen.
  await send.waitFor({ state: 'attached' });
  assert.equal(await send.isVisible(), true, 'button { display: none } stays outside');
  assert.equal(await page.getByTestId('sent-count').isVisible(), true);
  const color = await page.getByTestId('allowance').evaluate((el) => getComputedStyle(el).color);
  assert.notEqual(color, 'rgb(255, 105, 180)', 'not hotpink');
  await page.getByTestId('tier-option-premium-business').check();
  await send.click();
  assert.equal(await text(page, 'remaining'), '29');
  assert.equal(await page.locator('.mq-root').count(), 1, 'mounted once');
  assert.equal(await page.evaluate(() => customElements.get('messaging-quota') !== undefined), true);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('mount points added later are mounted; removed ones are taken down', async () => {
  const page = await open(site, '/examples/strict-csp.html');
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.id = 'late';
    el.dataset.messagingQuota = '';
    el.dataset.tier = 'recruiter';
    document.querySelector('main').append(el);
    el.scrollIntoView();
  });
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length >= 2);
  assert.equal(await text(page.locator('#late'), 'allowance'), '150');
  await page.evaluate(() => document.querySelector('#late').remove());
  await page.getByTestId('send-button').first().click();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('remembered state comes back after a reload; a corrupt saved value falls back with a notice', async () => {
  const context = await site.browser.newContext();
  const page = await open(site, '/examples/two-widgets.html', { widgets: 2, context });
  const sales = () => page.locator('#sales');
  await sales().getByTestId('tier-option-recruiter').check();
  await type(sales(), 'sent-count', '9');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('messaging-quota:sales-example') ?? '{}').state?.sent === 9);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length >= 2);
  assert.equal(await sales().getByTestId('tier-option-recruiter').isChecked(), true);
  assert.equal(await text(sales(), 'remaining'), '241');

  // Corrupted while no widget is on screen (a widget that is left saves its state).
  await page.goto(site.url + '/examples/article-plain.html');
  await page.evaluate(() => localStorage.setItem('messaging-quota:sales-example', 'v=1&tier=<garbage>&sent=lots'));
  await page.goto(site.url + '/examples/two-widgets.html');
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length >= 2);
  assert.match(await text(sales(), 'input-notice'), /Saved state could not be read/);
  assert.equal(await sales().getByTestId('tier-option-sales-navigator').isChecked(), true, 'attribute defaults apply');
  assert.equal(await text(sales(), 'allowance'), '150');
  await context.close();
});

test('in an iframe, the standalone page tells the host its height', async () => {
  const page = await open(site, '/examples/iframe-host.html', { widgets: 0 });
  const frame = page.locator('#quota-frame');
  await page.waitForFunction(() => document.querySelector('#quota-frame').dataset.sized === 'true');
  const inner = await page.frameLocator('#quota-frame').locator('html').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  const outer = await frame.evaluate((el) => parseInt(el.style.height, 10));
  assert.ok(Math.abs(inner - outer) <= 2, `frame ${outer}px for content ${inner}px`);
  assert.ok(outer > 1000);
  await page.close();
});
