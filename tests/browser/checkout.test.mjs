// From the answer to the purchase: a real link to buy each plan, a cancelable checkout
// event, what each plan includes, the highlighted plan, and free trials.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, open, text, hostPage, costCents } from './support.mjs';

const site = useSite();
const ARTICLE = JSON.parse(readFileSync(new URL('../../rules/article.json', import.meta.url), 'utf8'));
const attr = (s) => s.replaceAll('&', '&amp;').replaceAll("'", '&#39;').replaceAll('"', '&quot;');

/** The params of a link's URL. */
async function paramsOf(link) {
  const href = await link.getAttribute('href');
  return Object.fromEntries(new URL(href).searchParams);
}

test('every plan links to the checkout with its tier, period, currency and add-ons filled in', async () => {
  const page = await open(site, '/examples/pricing.html?x=1');
  const widget = page.locator('#pricing');
  await widget.getByTestId('tier-option-sales-navigator').check();
  await widget.getByTestId('addon-count-100').fill('1');
  await widget.getByTestId('addon-count-25').fill('1');
  // The calculator's plan.
  const mine = widget.locator('.results').getByTestId('checkout-sales-navigator');
  const href = await mine.getAttribute('href');
  assert.ok(href.startsWith(`${site.url}/examples/checkout.html?`), href);
  assert.ok(href.includes('addons=100x1%2C25x1'), `the list is URL-encoded: ${href}`);
  assert.ok(href.includes('plan=sales-navigator&'), `an unreserved hyphen is not: ${href}`);
  assert.deepEqual(await paramsOf(mine), { plan: 'sales-navigator', period: 'monthly', currency: 'USD', addons: '100x1,25x1', blocks: '0' });
  assert.equal(await mine.textContent(), 'Subscribe');
  assert.equal(await mine.getAttribute('aria-label'), 'Subscribe: Sales Navigator');
  // Each row of the comparison, and the recommendation.
  for (const id of ['basic', 'premium-business', 'sales-navigator', 'recruiter-lite', 'recruiter']) {
    const row = widget.getByTestId(`compare-row-${id}`).getByTestId(`checkout-${id}`);
    assert.equal((await paramsOf(row)).plan, id);
  }
  const rec = widget.getByTestId('checkout-recommendation');
  assert.equal((await paramsOf(rec)).plan, await widget.getByTestId('recommendation').getAttribute('data-tier'));
  assert.equal((await paramsOf(rec)).addons, await widget.getByTestId('recommendation').getAttribute('data-addons'));
  // Each way to unblock a send: the plan it gives.
  await widget.getByTestId('tier-option-basic').check();
  await widget.getByTestId('addon-count-100').fill('0');
  await widget.getByTestId('addon-count-25').fill('0');
  await widget.getByTestId('sent-count').fill('15');
  await widget.getByTestId('send-button').click();
  await widget.getByTestId('upgrade-dialog').waitFor({ state: 'visible' });
  assert.deepEqual(await paramsOf(widget.getByTestId('upgrade-checkout-addon-25')), { plan: 'basic', period: 'monthly', currency: 'USD', addons: '25x1', blocks: '0' });
  assert.equal((await paramsOf(widget.getByTestId('upgrade-checkout-recruiter'))).plan, 'recruiter');
  await page.close();
});

test('a rule file\'s own checkout URL, resolved against the page, in its currency and period', async () => {
  const page = await open(site, '/examples/euros.html');
  const link = page.locator('messaging-quota .results').getByTestId('checkout-premium-business');
  const href = await link.getAttribute('href');
  assert.ok(href.startsWith(`${site.url}/examples/checkout.html?`), href);
  assert.deepEqual(await paramsOf(link), { plan: 'premium-business', period: 'yearly', currency: 'EUR', addons: '', blocks: '0', promo: '' });
  await page.close();
});

test('following a link goes there; middle-click opens it in a new tab; a cancelled checkout keeps the page', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await open(site, '/examples/pricing.html', { context });
  const widget = page.locator('#pricing');
  await widget.getByTestId('tier-option-recruiter').check();
  const link = widget.locator('.results').getByTestId('checkout-recruiter');
  // Middle-click: the browser opens the target itself.
  const opened = context.waitForEvent('page');
  await link.click({ button: 'middle' });
  const tab = await opened;
  await tab.waitForLoadState();
  assert.match(tab.url(), /checkout\.html\?plan=recruiter/);
  await tab.close();
  // A host that runs its own flow: preventDefault() keeps the page, and the detail says what.
  await page.evaluate(() => {
    window.__checkouts = [];
    document.addEventListener('messaging-quota:checkout', (e) => {
      window.__checkouts.push({ detail: e.detail, cancelable: e.cancelable });
      if (window.__cancel) e.preventDefault();
    });
    window.__cancel = true;
  });
  const before = page.url();
  await link.click();
  await page.waitForFunction(() => window.__checkouts.length === 1);
  assert.equal(page.url(), before, 'the page stays');
  const [{ detail, cancelable }] = await page.evaluate(() => window.__checkouts);
  assert.equal(cancelable, true);
  assert.deepEqual([detail.tier, detail.billing, detail.currency, detail.month_cents, detail.year_cents, detail.source],
    ['recruiter', 'monthly', 'USD', 23995, 12 * 23995, 'calculator']);
  // Not cancelled: the browser follows the link to the checkout page.
  await page.evaluate(() => { window.__cancel = false; });
  await Promise.all([page.waitForURL(/checkout\.html/), link.click()]);
  assert.match(await page.locator('#order').textContent(), /planrecruiter/);
  await context.close();
});

/** Every link's href in every widget of the page. */
const hrefsOf = (page) => page.evaluate(() => [...document.querySelectorAll('messaging-quota, [data-messaging-quota]')]
  .flatMap((el) => [...el.shadowRoot.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))));

test('a javascript: URL from an attribute, a rule file, a link or the saved state never reaches an href', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const evil = { ...ARTICLE, checkout_url: 'javascript:alert(document.domain)' };
  await hostPage(site, context, '/evil.html', `
    <messaging-quota id="attr" checkout-url="JavaScript:alert(1)" sections="calculator" loading="eager"></messaging-quota>
    <messaging-quota id="rules" rules="${attr(JSON.stringify(evil))}" sections="calculator" loading="eager"></messaging-quota>`);
  const page = await open(site, '/evil.html', { context, widgets: 2 });
  assert.match(await text(page.locator('#attr'), 'input-notice'), /checkout-url="JavaScript:alert\(1\)" was ignored: only https:, http: or relative/);
  assert.match(await text(page.locator('#rules'), 'input-notice'), /checkout_url: is not a web address the widget may link to/);
  // A link carrying edited rules with such a URL, packed as the widget packs them.
  const part = await page.evaluate(async (json) => {
    const packed = await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer();
    return btoa(String.fromCharCode(...new Uint8Array(packed))).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  }, JSON.stringify({ ...evil, id: 'linked' }));
  const linked = await open(site, `/?today=2026-01-20#mq-rules=${part}`, { context });
  assert.match(await text(linked, 'input-notice'), /edited rules could not be used/);
  const linkedHrefs = await hrefsOf(linked);
  const linkedCheckouts = await linked.locator('[data-testid^="checkout-"]').count();
  // A saved state holding such rules, planted once the standalone tab is closed: it shares
  // the key, and would save its own state over it when it goes.
  await linked.close();
  await page.evaluate((json) => localStorage.setItem('messaging-quota:standalone', json), JSON.stringify({
    v: 2, saved_on: '2026-01-20', state: { tier: 'basic' }, rules: { ...evil, id: 'saved' },
  }));
  const saved = await open(site, '/', { context });
  assert.match(await text(saved, 'input-notice'), /Saved state could not be read/);
  assert.ok(linkedHrefs.every((h) => /^https?:/.test(h)), linkedHrefs.join(' '));
  assert.equal(linkedCheckouts, 0, 'no link to buy from the link\'s rules');
  for (const p of [page, saved]) {
    const hrefs = await hrefsOf(p);
    assert.ok(hrefs.every((h) => /^https?:/.test(h)), hrefs.join(' '));
    assert.equal(await p.locator('[data-testid^="checkout-"]').count(), 0, 'no link to buy at all');
  }
  await context.close();
});

test('what each plan includes and the highlighted plan, in English and in Arabic', async () => {
  for (const [locale, highlight, search] of [['en-US', 'Most popular', 'Advanced search'], ['ar', 'الأكثر شيوعًا', 'البحث المتقدم']]) {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await hostPage(site, context, '/features.html', `<messaging-quota locale="${locale}" highlight="sales-navigator"
      sections="calculator,compare" loading="eager"></messaging-quota>`);
    const page = await open(site, '/features.html', { context });
    const card = page.getByTestId('tier-option-sales-navigator').locator('xpath=..');
    assert.equal(await card.getAttribute('data-highlight'), 'true');
    assert.equal((await card.getByTestId('highlight-badge').textContent()).trim(), highlight);
    assert.match(await card.textContent(), new RegExp(search));
    assert.equal(await page.getByTestId('tier-option-basic').locator('xpath=..').getByTestId('highlight-badge').count(), 0);
    const row = page.getByTestId('compare-row-sales-navigator');
    assert.equal(await row.getAttribute('data-highlight'), 'true');
    assert.equal((await row.getByTestId('highlight-badge').textContent()).trim(), highlight);
    const matrix = page.getByTestId('feature-matrix');
    assert.deepEqual(await matrix.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.feature)), ['advanced-search', 'profile-analytics']);
    assert.deepEqual(await matrix.locator('tbody tr').first().locator('td').evaluateAll((cells) => cells.map((c) => c.dataset.included)),
      ['false', 'true', 'true', 'true', 'true'], 'paid plans include it, Basic does not');
    assert.match(await matrix.locator('tbody th').first().textContent(), new RegExp(search));
    await context.close();
  }
});

test('a free trial reads right: free for the first days, then the price, which stays the month\'s cost', async () => {
  const page = await open(site, '/examples/euros.html');
  const widget = page.locator('messaging-quota');
  const card = widget.getByTestId('tier-option-premium-business').locator('xpath=..');
  assert.match(await card.textContent(), /30 Tage kostenlos testen/);
  assert.match(await text(widget, 'trial-note'), /^Die ersten 30 Tage kostenlos, danach 23,33\s€ pro Monat$/);
  assert.equal(await costCents(widget), 2333, 'the regular price, never a hidden zero');
  assert.equal(await widget.locator('.results').getByTestId('checkout-premium-business').textContent(), 'Kostenlos testen');
  // The highlighted tier and its words come from the rule file.
  assert.equal((await widget.getByTestId('tier-option-sales-navigator').locator('xpath=..').getByTestId('highlight-badge').textContent()).trim(), 'Für Teams');
  await page.close();
});
