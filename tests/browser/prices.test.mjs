// Prices as checkout charges them: billing periods, tax shown with or before it, promotions
// applied and refused, tiers sold through sales, and the month's cost in sight on a phone.
// The figures are the worked examples of docs/rules.md (rules/example-eur-gbp.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, text, hostPage, costCents, focused } from './support.mjs';

const site = useSite();

/** A host page of the example rules in English, with these attributes. */
async function examplePage(context, path, attributes = '') {
  await hostPage(site, context, path, `<main>
    <messaging-quota rules-src="/rules/example-eur-gbp.json" locale="en-GB" today="2026-01-20"
      sections="calculator,compare" loading="eager" checkout-url="/examples/checkout.html?plan={tier}&amp;period={period}&amp;promo={promo}"
      ${attributes}></messaging-quota></main>`);
  return open(site, path, { context });
}

const cents = async (widget, testid) => Number(await widget.getByTestId(testid).first().getAttribute('data-cents'));

/** Listens for the widget's cancelable events; `window.__cancel` says whether to cancel. */
const listen = (page, name) => page.evaluate((event) => {
  window.__events = [];
  window.__cancel = true;
  document.addEventListener(event, (e) => {
    window.__events.push({ detail: e.detail, cancelable: e.cancelable });
    if (window.__cancel) e.preventDefault();
  });
}, name);

test('the periods the rules sell, and amounts with tax or before it, down to what checkout is told', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await examplePage(context, '/periods.html', 'tier="premium-business"');
  const widget = page.locator('messaging-quota');
  const switches = await widget.locator('input[type=radio][data-testid^="billing-"]').evaluateAll((els) => els.map((e) => e.dataset.testid));
  assert.deepEqual(switches, ['billing-monthly', 'billing-quarterly', 'billing-yearly']);
  assert.equal(await widget.getByTestId('tax-inclusive').isChecked(), true, 'as the euro prices state them');
  assert.equal(await costCents(widget), 2799);

  // Quarterly: €77.97 a quarter, €25.99 a month, €24.00 (7 %) a year saved against monthly.
  await widget.getByTestId('billing-quarterly').check();
  assert.equal(await widget.getByTestId('monthly-cost').getAttribute('data-period'), 'quarterly');
  assert.equal(await costCents(widget), 2599);
  assert.equal(await cents(widget, 'quarterly-cost'), 7797);
  assert.equal(await cents(widget, 'yearly-cost'), 4 * 7797);
  const saving = widget.getByTestId('yearly-saving');
  assert.deepEqual([await saving.getAttribute('data-cents'), await saving.getAttribute('data-percent')], ['2400', '7']);
  assert.match(await widget.locator('.cost-lines tbody').textContent(), /billed quarterly: €77\.97/);
  // The tax in the price: 7797 × 19 / 119 = 1244.9 → €12.45 a quarter, a third of it a month.
  assert.equal(await cents(widget, 'tax-cost'), 415);
  assert.equal(await widget.getByTestId('gross-cost').count(), 0, 'the total already holds it');

  // Before tax: €65.52 a quarter (€21.84 a month), and the words say what is added.
  await widget.getByTestId('tax-exclusive').check();
  assert.equal(await costCents(widget), 2184);
  assert.equal(await cents(widget, 'tax-cost'), 415);
  assert.equal(await cents(widget, 'gross-cost'), 2599);
  assert.match(await widget.getByTestId('tier-option-premium-business').locator('xpath=..').textContent(), /plus 19% VAT/);
  // Checkout is told the first quarter's charge: net, tax and gross.
  await listen(page, 'messaging-quota:checkout');
  await widget.locator('.results').getByTestId('checkout-premium-business').click();
  await page.waitForFunction(() => window.__events.length === 1);
  const [{ detail }] = await page.evaluate(() => window.__events);
  assert.deepEqual([detail.billing, detail.net_cents, detail.tax_cents, detail.gross_cents, detail.promo],
    ['quarterly', 6552, 1245, 7797, null]);
  // The state reads back from the link the widget keeps: a reload shows the same.
  const change = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('messaging-quota:change', (e) => resolve(e.detail), { once: true });
    document.querySelector('messaging-quota').shadowRoot.querySelector('[data-testid=billing-yearly]').click();
  }));
  assert.deepEqual([change.billing, change.summary.tax.mode, change.summary.tax.rate_basis_points], ['yearly', 'exclusive', 1900]);
  assert.equal(change.summary.monthly_cost_cents, change.summary.tax.net_cents);
  await context.close();
});

test('a promotion: the regular price struck through, the offer in words, every figure at its price', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await examplePage(context, '/promo.html', 'tier="sales-navigator" promo="launch"');
  const widget = page.locator('messaging-quota');
  // 50 % off €59.99 for three months: €29.99.
  assert.equal(await costCents(widget), 2999);
  assert.equal(await widget.getByTestId('input-notice').count(), 0);
  const regular = widget.locator('.results tfoot .regular-price');
  assert.match(await regular.textContent(), /Regular price\s*€59\.99/);
  const note = widget.getByTestId('promo-note');
  assert.equal(await note.getAttribute('data-promo'), 'launch');
  assert.match(await note.textContent(), /Launch offer: 50% off Sales Navigator for the first 3 months/);
  // The first year: three charges at €29.99, nine at €59.99.
  assert.equal(await cents(widget, 'yearly-cost'), 3 * 2999 + 9 * 5999);
  // The comparison and the checkout link carry it.
  await widget.getByTestId('need-messages').fill('50');
  assert.equal(await widget.getByTestId('compare-row-sales-navigator').getAttribute('data-cents'), '2999');
  const href = await widget.locator('.results').getByTestId('checkout-sales-navigator').getAttribute('href');
  assert.ok(href.endsWith('plan=sales-navigator&period=monthly&promo=launch'), href);
  // The pop-up ranks the ways by what the visitor then pays, promotion included.
  await widget.getByTestId('tier-option-basic').check();
  assert.match(await text(widget, 'promo-note'), /does not apply to this plan/, 'not a tier it is for');
  assert.equal(await widget.locator('.results .regular-price').count(), 0);
  await widget.getByTestId('sent-count').fill('15');
  await widget.getByTestId('send-button').click();
  await widget.getByTestId('upgrade-dialog').waitFor({ state: 'visible' });
  const navigator = widget.getByTestId('upgrade-option-sales-navigator');
  assert.equal(await navigator.getAttribute('data-total-cents'), '2999');
  const totals = await widget.locator('[data-testid^="upgrade-option-"]').evaluateAll((els) => els.map((e) => Number(e.dataset.totalCents)));
  assert.deepEqual(totals, [...totals].sort((x, y) => x - y), 'ordered by what the visitor then pays');
  await widget.getByTestId('upgrade-dialog-close').click();
  // Quarterly: one quarter at half price, €82.48.
  await widget.getByTestId('tier-option-sales-navigator').check();
  await widget.getByTestId('billing-quarterly').check();
  assert.equal(await cents(widget, 'quarterly-cost'), 8248);
  await context.close();
});

test('a promotion the rules do not define, or one that has ended, is refused and nothing else changes', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await examplePage(context, '/unknown.html', 'tier="sales-navigator" promo="spring" billing="quarterly"');
  const widget = page.locator('messaging-quota');
  assert.match(await text(widget, 'input-notice'), /promo="spring" was ignored: these rules have no such promotion \(try launch or welcome\)/);
  assert.equal(await widget.getByTestId('monthly-cost').getAttribute('data-period'), 'quarterly', 'the rest applies');
  assert.equal(await cents(widget, 'quarterly-cost'), 16497);
  assert.equal(await widget.getByTestId('promo-note').count(), 0);
  await hostPage(site, context, '/ended.html', `<messaging-quota rules-src="/rules/example-eur-gbp.json" locale="en-GB"
    today="2031-01-01" tier="premium-business" promo="welcome" sections="calculator" loading="eager"></messaging-quota>`);
  const ended = await open(site, '/ended.html', { context });
  const late = ended.locator('messaging-quota');
  assert.match(await text(late, 'input-notice'), /promo="welcome" was ignored: the promotion ended on .*2030/);
  assert.equal(await costCents(late), 2799);
  await context.close();
});

test('a tier sold through sales: its features and a Contact sales link, never a price or a choice', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await examplePage(context, '/sales.html', 'tier="recruiter"');
  const widget = page.locator('messaging-quota');
  const card = widget.getByTestId('tier-contact-recruiter-corporate');
  assert.match(await card.textContent(), /500 messages · 150 InMail credits/);
  assert.match(await card.textContent(), /Price on request/);
  assert.equal(await card.locator('input').count(), 0, 'nothing to choose');
  assert.equal(await card.locator('[data-cents]').count(), 0);
  // Never a way to unblock, whatever the need.
  await widget.getByTestId('sent-count').fill('150');
  await widget.getByTestId('send-button').click();
  await widget.getByTestId('upgrade-dialog').waitFor({ state: 'visible' });
  assert.equal(await widget.getByTestId('upgrade-option-recruiter-corporate').count(), 0);
  assert.ok(await widget.locator('[data-testid^="upgrade-option-addon-"]').count() > 0);
  await widget.getByTestId('upgrade-dialog-close').click();
  // The link: the host hears of it first and may keep the visitor; otherwise it goes there.
  await listen(page, 'messaging-quota:contact-sales');
  const link = card.getByTestId('contact-sales-recruiter-corporate');
  assert.equal(await link.getAttribute('aria-label'), 'Contact sales: Recruiter Corporate');
  const before = page.url();
  await link.click();
  await page.waitForFunction(() => window.__events.length === 1);
  assert.equal(page.url(), before);
  const [{ detail, cancelable }] = await page.evaluate(() => window.__events);
  assert.equal(cancelable, true);
  assert.equal(detail.tier, 'recruiter-corporate');
  // The rules' relative address, resolved against the page as the link's own is.
  assert.equal(detail.url, `${site.url}/checkout.html?contact=sales&tier=recruiter-corporate`);
  assert.equal(await link.evaluate((a) => a.href), detail.url);
  await page.evaluate(() => { window.__cancel = false; });
  await Promise.all([page.waitForURL(/contact=sales/), link.click()]);
  await context.close();
});

test('on a phone the month\'s cost stays in sight while the plan changes, and leads to the results', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await examplePage(context, '/phone.html', 'tier="sales-navigator" billing="quarterly"');
  const widget = page.locator('messaging-quota');
  const sticky = widget.getByTestId('sticky-total');
  const field = widget.getByTestId('addon-count-100');
  await field.scrollIntoViewIfNeeded();
  for (const count of ['1', '2', '0', '3']) {
    await field.fill(count);
    // The bar shows the results' own figure, at the bottom of the screen, inside the widget.
    await page.waitForFunction(([c]) => {
      const root = document.querySelector('messaging-quota').shadowRoot;
      return root.querySelector('[data-testid=sticky-total]').dataset.cents === root.querySelector('[data-testid=monthly-cost]').dataset.cents
        && root.querySelector('[data-testid=addon-count-100]').value === c;
    }, [count]);
    const box = await sticky.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 800, `in view: ${JSON.stringify(box)}`);
    const widgetBox = await widget.boundingBox();
    assert.ok(box.y + box.height <= widgetBox.y + widgetBox.height, 'within the widget');
    assert.ok((await field.boundingBox()).y + 40 < box.y, 'not over the field being changed');
  }
  // €164.97 and three bundles of €125.97 a quarter: €54.99 + 3 × €41.99 a month.
  assert.equal(await cents(widget, 'sticky-total'), 5499 + 3 * 4199);
  assert.match(await sticky.locator('xpath=..').textContent(), /billed quarterly: €/);
  const results = widget.locator('section.results');
  assert.ok((await results.boundingBox()).y > 800, 'the results are further down');
  // Not a live region: a screen reader hears the total once, in the results.
  assert.equal(await sticky.evaluate((el) => el.closest('[aria-live]')), null);
  // Its button, by keyboard, brings the results into view and focus.
  const see = widget.locator('.sticky-total button');
  await see.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const section = document.querySelector('messaging-quota').shadowRoot.querySelector('section.results');
    const r = section.getBoundingClientRect();
    // Scrolled to its top (within a pixel's rounding) or anywhere in view.
    return r.top > -2 && r.top < innerHeight;
  });
  assert.equal((await focused(page)).tag, 'SECTION');
  await context.close();

  // Wide, the results sit beside the plan: no bar.
  const wide = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await hostPage(site, wide, '/wide.html', '<messaging-quota rules-src="/rules/example-eur-gbp.json" sections="calculator" loading="eager"></messaging-quota>');
  const desk = await open(site, '/wide.html', { context: wide });
  assert.equal(await desk.locator('messaging-quota').getByTestId('sticky-total').isVisible(), false);
  await wide.close();
});
