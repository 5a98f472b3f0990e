// Prices as pricing pages show them: a Monthly / Yearly switch, the visitor's currency, and
// every figure in the chosen period and currency.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, open, text, hostPage, costCents } from './support.mjs';

const site = useSite();
const EXAMPLE = readFileSync(new URL('../../rules/example-eur-gbp.json', import.meta.url), 'utf8');

/** A rule set in yen: the example's tiers and bundles at whole-yen prices. */
function yenRules() {
  const rules = JSON.parse(EXAMPLE);
  rules.id = 'yen';
  rules.currency = 'JPY';
  delete rules.price_lists;
  rules.tiers.forEach((t, i) => { t.price_cents = [0, 4500, 9800, 17800, 34800][i]; t.yearly_price_cents = t.price_cents * 10 || undefined; });
  rules.bundles.forEach((b, i) => { b.price_cents = [2200, 7500, 15000, 37000][i]; b.yearly_price_cents = b.price_cents * 10; });
  rules.inmail = { block_size: 3, block_price_cents: 1500, pay_per_inmail_cents: 1500 };
  return JSON.stringify(rules);
}

const attr = (json) => json.replaceAll('&', '&amp;').replaceAll("'", '&#39;');

test('the switch: billed yearly, each price is a twelfth of its year; the year and the saving are exact', async () => {
  const page = await open(site, '/examples/euros.html');
  const widget = page.locator('messaging-quota');
  assert.equal(await widget.getByTestId('billing-yearly').isChecked(), true);
  const cost = widget.getByTestId('monthly-cost');
  assert.equal(await cost.getAttribute('data-period'), 'yearly');
  assert.equal(await cost.getAttribute('data-currency'), 'EUR');
  // Premium Business: €279.90 a year, €23.33 a month (rounded), saving €55.98 (17%).
  assert.equal(await costCents(widget), 2333);
  assert.equal(await widget.getByTestId('yearly-cost').getAttribute('data-cents'), '27990');
  const saving = widget.getByTestId('yearly-saving');
  assert.equal(await saving.getAttribute('data-cents'), String(12 * 2799 - 27990));
  assert.equal(await saving.getAttribute('data-percent'), '17');
  // A German page: Intl writes euros the German way.
  assert.match(await text(widget, 'monthly-cost'), /^23,33\s€$/);
  assert.match(await saving.textContent(), /55,98\s€/);
  assert.match(await widget.locator('.cost-lines tbody').textContent(), /jährlich abgerechnet: 279,90\s€/);

  await widget.getByTestId('billing-monthly').check();
  assert.equal(await cost.getAttribute('data-period'), 'monthly');
  assert.equal(await costCents(widget), 2799);
  assert.equal(await widget.getByTestId('yearly-cost').getAttribute('data-cents'), String(12 * 2799));
  assert.equal(await widget.getByTestId('yearly-saving').count(), 0);
  // Billed monthly, the finder says what yearly billing would give.
  const hint = widget.getByTestId('yearly-hint');
  assert.match(await hint.textContent(), /Jährlich abgerechnet/);
  assert.ok(Number(await hint.getAttribute('data-cents')) > 0);
  await page.close();
});

test('everything compares in the chosen period: the pop-up, the finder, the table', async () => {
  const page = await open(site, '/examples/euros.html');
  const widget = page.locator('messaging-quota');
  await widget.getByTestId('tier-option-basic').check();
  await widget.getByTestId('sent-count').fill('15');
  await widget.getByTestId('send-button').click();
  await widget.getByTestId('upgrade-dialog').waitFor({ state: 'visible' });
  const options = await widget.locator('[data-testid^="upgrade-option-"]').evaluateAll((els) => els.map((b) => ({
    id: b.dataset.testid, total: Number(b.dataset.totalCents), year: Number(b.dataset.yearCents), text: b.textContent,
  })));
  assert.deepEqual(options.map((o) => o.year), [...options.map((o) => o.year)].sort((a, b) => a - b), 'ordered by the year as billed');
  const premium = options.find((o) => o.id === 'upgrade-option-premium-business');
  assert.deepEqual([premium.total, premium.year], [2333, 27990]);
  assert.match(premium.text, /jährlich abgerechnet \(279,90\s€/);
  await widget.getByTestId('upgrade-option-premium-business').click();
  assert.equal(await costCents(widget), 2333, 'the calculator shows what the option showed');
  // The table's monthly column is billed yearly too.
  await widget.getByTestId('need-messages').fill('30');
  const row = widget.getByTestId('compare-row-premium-business');
  assert.equal(await row.getAttribute('data-cents'), '2333');
  assert.match(await widget.locator('.compare-table thead').textContent(), /Pro Monat, jährlich/);
  await page.close();
});

test('a currency picked from the rules\' price lists: pounds from the same file', async () => {
  const page = await open(site, '/examples/euros.html');
  const widget = page.locator('messaging-quota');
  await widget.getByTestId('currency').selectOption('GBP');
  assert.equal(await widget.getByTestId('monthly-cost').getAttribute('data-currency'), 'GBP');
  assert.equal(await costCents(widget), Math.round(24990 / 12));
  assert.match(await text(widget, 'monthly-cost'), /£/);
  await page.close();
});

test('yen have no minor unit: whole yen everywhere', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await hostPage(site, context, '/yen.html', `<messaging-quota rules='${attr(yenRules())}' tier="premium-business" addons="25x1"
    sections="calculator" today="2026-01-20" loading="eager"></messaging-quota>`);
  const page = await open(site, '/yen.html', { context });
  assert.equal(await costCents(page), 4500 + 2200);
  assert.match(await text(page, 'monthly-cost'), /^¥6,700$/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a hostile or unknown currency or billing is named in a notice and the default applies', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await hostPage(site, context, '/hostile-currency.html', `
    <messaging-quota id="a" currency="XXX" sections="calculator" loading="eager"></messaging-quota>
    <messaging-quota id="b" currency="EUR" billing="yearly" sections="calculator" loading="eager"></messaging-quota>
    <messaging-quota id="c" currency="&lt;img src=x onerror=alert(1)&gt;" billing="weekly" sections="calculator" loading="eager"></messaging-quota>`);
  const page = await open(site, '/hostile-currency.html', { context, widgets: 3 });
  for (const id of ['a', 'b', 'c']) {
    const widget = page.locator(`#${id}`);
    assert.equal(await widget.getByTestId('monthly-cost').getAttribute('data-currency'), 'USD', id);
    assert.equal(await widget.getByTestId('monthly-cost').getAttribute('data-period'), 'monthly', id);
  }
  assert.match(await text(page.locator('#a'), 'input-notice'), /currency="XXX" was ignored: not a currency code/);
  const b = await page.locator('#b').getByTestId('input-notice').allTextContents();
  assert.ok(b.some((n) => /currency="EUR" was ignored: these rules have no prices in it \(try USD\)/.test(n)), b.join(' | '));
  assert.ok(b.some((n) => /billing="yearly" was ignored: these rules sell nothing by the year/.test(n)), b.join(' | '));
  assert.match(await page.locator('#c').getByTestId('input-notice').first().textContent(), /not a currency code/);
  assert.equal(await page.locator('#c img').count(), 0, 'text, never markup');
  assert.equal(await page.locator('#a').getByTestId('billing-yearly').count(), 0, 'no switch without yearly prices');
  await context.close();
});

test('events carry the currency and the period beside every amount', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__events = [];
    for (const name of ['ready', 'change', 'upgrade-click']) {
      document.addEventListener(`messaging-quota:${name}`, (e) => window.__events.push({ name, detail: e.detail }));
    }
  });
  const page = await open(site, '/examples/euros.html', { context });
  const widget = page.locator('messaging-quota');
  const ready = await page.evaluate(() => window.__events.find((e) => e.name === 'ready').detail);
  assert.equal(ready.currency, 'EUR');
  assert.equal(ready.billing, 'yearly');
  assert.equal(ready.summary.monthly_cost_cents, 2333);
  assert.equal(ready.summary.yearly_cost_cents, 27990);
  assert.equal(ready.summary.yearly_saving_cents, 12 * 2799 - 27990);
  assert.deepEqual(ready.summary.lines.map((l) => [l.charge, l.billed, l.cents, l.year_cents]), [['tier', 'yearly', 2333, 27990]]);
  await widget.getByTestId('billing-monthly').check();
  await page.waitForFunction(() => window.__events.some((e) => e.name === 'change' && e.detail.billing === 'monthly'));
  await widget.getByTestId('tier-option-basic').check();
  await widget.getByTestId('sent-count').fill('15');
  await widget.getByTestId('send-button').click();
  await widget.getByTestId('upgrade-option-addon-25').click();
  const click = await page.evaluate(() => window.__events.find((e) => e.name === 'upgrade-click').detail);
  assert.deepEqual([click.currency, click.billing, click.price_cents, click.new_total_cents, click.new_yearly_cents], ['EUR', 'monthly', 1399, 1399, 12 * 1399]);
  await context.close();
});
