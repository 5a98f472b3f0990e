// Comparing plans: state a need, read the cheapest way and every tier side by side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, text, type, costCents } from './support.mjs';

const site = useSite();

test('a need gives the exact cheapest plan, and applying it sets the selection', async () => {
  const page = await open(site, '/?today=2026-01-20');
  await type(page, 'need-messages', '120');
  await type(page, 'need-inmails', '10');
  const rec = page.getByTestId('recommendation');
  assert.equal(await rec.getAttribute('data-tier'), 'basic');
  assert.equal(await rec.getAttribute('data-cents'), String(4999 + 1499 + 4000));
  assert.equal(await rec.getAttribute('data-addons'), '100x1,25x1');
  assert.match(await rec.textContent(), /Basic \+ 1 × 100 messages, 1 × 25 messages, 4 InMail blocks/);
  assert.match(await rec.textContent(), /\$104\.98 a month · \$1,259\.76 a year/);
  assert.match(await rec.textContent(), /allows 15 messages a month, short of 120/);

  await page.getByTestId('apply-recommendation').click();
  assert.equal(await page.getByTestId('tier-option-basic').isChecked(), true);
  assert.equal(await page.getByTestId('addon-count-100').inputValue(), '1');
  assert.equal(await page.getByTestId('addon-count-25').inputValue(), '1');
  assert.equal(await page.getByTestId('inmail-blocks').inputValue(), '4');
  assert.equal(await text(page, 'allowance'), '140');
  assert.equal(await costCents(page), 10498);
  assert.equal(await page.getByTestId('apply-recommendation').isDisabled(), true);
  assert.match(await text(page, 'recommendation'), /already meets this need/);
  await page.close();
});

test('the worked examples: 100 messages, 150 InMails', async () => {
  const page = await open(site, '/?today=2026-01-20&need=100');
  assert.equal(await page.getByTestId('recommendation').getAttribute('data-tier'), 'basic');
  assert.equal(await page.getByTestId('recommendation').getAttribute('data-cents'), '4999');
  await type(page, 'need-messages', '0');
  await type(page, 'need-inmails', '150');
  assert.equal(await page.getByTestId('recommendation').getAttribute('data-tier'), 'recruiter');
  assert.equal(await page.getByTestId('recommendation').getAttribute('data-cents'), '23995');
  await page.close();
});

test('the table shows every tier, the cheapest and the current marked; a minimum tier is respected', async () => {
  const page = await open(site, '/?today=2026-01-20&need=100&tier=sales-navigator');
  const cents = {};
  for (const id of ['basic', 'premium-business', 'sales-navigator', 'recruiter-lite', 'recruiter']) {
    cents[id] = Number(await page.getByTestId(`compare-row-${id}`).getAttribute('data-cents'));
  }
  assert.deepEqual(cents, { basic: 4999, 'premium-business': 7496, 'sales-navigator': 9497, 'recruiter-lite': 14993, recruiter: 23995 });
  assert.match(await page.getByTestId('compare-row-basic').getAttribute('class'), /cheapest/);
  assert.match(await page.getByTestId('compare-row-sales-navigator').getAttribute('class'), /current/);
  assert.match(await text(page, 'compare-row-basic'), /\$0\.50/, 'cost per message');

  await page.getByTestId('min-tier').selectOption('sales-navigator');
  assert.equal(await page.getByTestId('recommendation').getAttribute('data-tier'), 'sales-navigator');
  assert.match(await page.getByTestId('compare-row-basic').getAttribute('class'), /below-minimum/);
  assert.match(await page.getByTestId('compare-row-sales-navigator').getAttribute('class'), /cheapest/);
  await page.waitForURL(/min_tier=sales-navigator/);
  await page.close();
});

test('the chart: an SVG with labelled axes, a line per tier, a text alternative and readable points', async () => {
  const page = await open(site, '/?today=2026-01-20&need=120');
  const chart = page.getByTestId('cost-chart');
  assert.equal(await chart.getAttribute('role'), 'img');
  assert.equal(await chart.locator('title').first().textContent(), 'Monthly cost by messages needed');
  assert.match(await chart.locator('desc').textContent(), /Your need, 120 messages: cheapest \$64\.98 a month/);
  assert.equal(await chart.locator('path.series').count(), 5);
  assert.equal(await chart.locator('path.envelope').count(), 1);
  const xLabels = await chart.locator('.axis text[text-anchor="middle"]:not(.axis-title)').allTextContents();
  assert.deepEqual(xLabels, ['0', '50', '100', '150', '200']);
  const yLabels = await chart.locator('.axis text[text-anchor="end"]').allTextContents();
  assert.equal(yLabels[0], '$0');
  assert.ok(yLabels.length >= 3);
  assert.match(await chart.locator('.axis-title').textContent(), /Messages needed per month/);
  // A point says its value on focus.
  const point = chart.locator('g.point').nth(2);
  const label = await point.getAttribute('aria-label');
  assert.match(label, /messages: \$[\d.,]+ a month \(/);
  await point.focus();
  assert.equal(await point.locator('.tip').isVisible(), true);
  // The selection's marker is drawn as SVG and follows the selection.
  const marker = chart.locator('g.marker.current');
  assert.equal(await marker.getAttribute('aria-label'), 'Your selection: 15 messages for $0.00 a month');
  assert.equal(await marker.locator('rect').evaluate((e) => e.namespaceURI), 'http://www.w3.org/2000/svg');
  const before = await marker.locator('rect').getAttribute('x');
  await page.getByTestId('tier-option-recruiter').check();
  assert.equal(await marker.getAttribute('aria-label'), 'Your selection: 150 messages for $239.95 a month');
  assert.notEqual(await marker.locator('rect').getAttribute('x'), before);
  assert.equal(await chart.locator('g.marker.current').count(), 1);
  await page.close();
});
