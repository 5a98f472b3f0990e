// Teams, as a buyer and a product manager use them: seats in the calculator, a send blocked at
// the seats' cap and unblocked from the pop-up with a seat more, the cheapest plan for a team,
// and a checkout link that carries the seats. The figures are docs/rules.md's worked examples
// ("Teams", rules/example-teams.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, hostPage, type, costCents } from './support.mjs';

const site = useSite();

/** A host page of the team rules, with these attributes (served with any query, so the
 * widget's own link reloads it). */
async function teamPage(context, path, attributes) {
  const body = `<main>
    <messaging-quota id="w" rules-src="/rules/example-teams.json" today="2026-01-20" loading="eager"
      checkout-url="/examples/checkout.html?plan={tier}&amp;seats={seats}&amp;addons={addons}"
      ${attributes}></messaging-quota></main>`;
  await hostPage(site, context, path, body);
  await context.route((url) => url.pathname === path && url.search !== '', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
      <script src="/messaging-quota.js"></script></head><body>${body}</body></html>`,
  }));
  const page = await open(site, path, { context });
  await page.evaluate(() => {
    window.__events = [];
    for (const name of ['messaging-quota:change', 'messaging-quota:upgrade-click', 'messaging-quota:checkout']) {
      document.querySelector('#w').addEventListener(name, (e) => {
        window.__events.push({ name, detail: e.detail });
        if (name === 'messaging-quota:checkout') e.preventDefault();
      });
    }
  });
  return page;
}

const shadow = (page, fn, arg) => page.waitForFunction(fn, arg);

test('a team of eight by the seat, and a send at the seats\' cap unblocked with a sixth seat', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await teamPage(context, '/teams.html', 'sections="calculator" tier="sales-navigator-team" seats="8" sync-url="true" persist="teams"');
  const widget = page.locator('#w');
  await widget.getByTestId('seats').waitFor();
  assert.equal(await widget.getByTestId('seats').inputValue(), '8');
  // 8 × $99.99; 400 messages; the tier's line says the seats.
  assert.equal(await costCents(widget), 79_992);
  assert.equal((await widget.getByTestId('allowance').textContent()).trim(), '400');
  assert.match(await widget.locator('.cost-lines').textContent(), /Sales Navigator Team × 8 seats/);
  assert.match(await widget.locator('.plan-picker').textContent(), /Sold for 2 to 50 seats/);
  // Fewer than the tier's fewest is its fewest.
  await type(widget, 'seats', '1');
  await shadow(page, () => document.querySelector('#w').shadowRoot
    .querySelector('[data-testid="monthly-cost"]')?.dataset.cents === '19998');
  await widget.getByTestId('seats').blur();
  assert.equal(await widget.getByTestId('seats').inputValue(), '2');

  // Recruiter × 5 with ten 100-message bundles: the pool holds 1,750, the caps let 1,500 out.
  await widget.getByTestId('tier-option-recruiter').check();
  await type(widget, 'seats', '5');
  await type(widget, 'addon-count-100', '10');
  await shadow(page, () => document.querySelector('#w').shadowRoot
    .querySelector('[data-testid="allowance"]')?.textContent.trim() === '1500');
  assert.equal(await costCents(widget), 299_490);
  await type(widget, 'sent-count', '1500');
  await widget.getByTestId('send-button').click();
  const dialog = widget.getByTestId('upgrade-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.match(await dialog.textContent(), /each seat at most 300, a cap its admin sets/);
  // No bundle gets past the cap: only a sixth seat, at what the team's month then costs.
  const options = await widget.locator('[data-testid^="upgrade-option-"]').evaluateAll((els) => els
    .filter((b) => b.tagName === 'BUTTON').map((b) => [b.dataset.testid, Number(b.dataset.totalCents)]));
  assert.deepEqual(options, [['upgrade-option-seats', 349_390]]);
  await widget.getByTestId('upgrade-option-seats').click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await widget.getByTestId('seats').inputValue(), '6');
  assert.equal(await costCents(widget), 349_390);
  assert.equal((await widget.getByTestId('allowance').textContent()).trim(), '1800');
  // The host heard the seat bought, and the team's seats in the change.
  const events = await page.evaluate(() => window.__events);
  const upgrade = events.find((e) => e.name === 'messaging-quota:upgrade-click');
  assert.deepEqual([upgrade.detail.kind, upgrade.detail.seats, upgrade.detail.new_total_cents], ['seat', 6, 349_390]);
  assert.equal(events.filter((e) => e.name === 'messaging-quota:change').at(-1).detail.selection.seats, 6);

  // The state reads back from the page's link and the saved state: a reload shows the same team.
  await page.waitForFunction(() => /[?&]seats=6(&|$)/.test(location.search));
  await page.reload();
  await widget.getByTestId('seats').waitFor();
  assert.ok(await widget.getByTestId('tier-option-recruiter').isChecked());
  assert.equal(await widget.getByTestId('seats').inputValue(), '6');
  assert.equal(await costCents(widget), 349_390);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the cheapest plan for a team of eight, bought through a link that carries the seats', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await teamPage(context, '/team-finder.html', 'sections="calculator,compare" team="8" need="60" need-inmail="5"');
  const widget = page.locator('#w');
  const recommendation = widget.getByTestId('recommendation');
  await recommendation.waitFor();
  assert.equal(await widget.getByTestId('need-team').inputValue(), '8');
  assert.match(await widget.getByTestId('team-hint').textContent(), /each person's/);
  // Eight people, 60 messages and 5 InMails each: Sales Navigator Team × 8 + 1 × 100.
  assert.deepEqual(
    await recommendation.evaluate((r) => [r.dataset.tier, r.dataset.seats, r.dataset.addons, r.dataset.cents]),
    ['sales-navigator-team', '8', '100x1', '84991'],
  );
  assert.match(await recommendation.textContent(), /Sales Navigator Team × 8 seats\u2069? \+ 1 × 100 messages/);
  assert.match(await recommendation.textContent(), /short of 480/);
  // The tiers sold to one account cannot seat the team: no price in their rows.
  await widget.locator('section.compare').scrollIntoViewIfNeeded();
  const basicRow = widget.getByTestId('compare-row-basic');
  await basicRow.waitFor();
  assert.equal(await basicRow.getAttribute('data-cents'), null);
  assert.equal(await widget.getByTestId('compare-row-sales-navigator-team').getAttribute('data-cents'), '84991');

  // Buying it: the link and the event carry the seats.
  const link = widget.getByTestId('checkout-recommendation');
  assert.ok((await link.getAttribute('href')).endsWith('/examples/checkout.html?plan=sales-navigator-team&seats=8&addons=100x1'));
  await link.click();
  await page.waitForFunction(() => window.__events.some((e) => e.name === 'messaging-quota:checkout'));
  const checkout = await page.evaluate(() => window.__events.find((e) => e.name === 'messaging-quota:checkout').detail);
  assert.deepEqual([checkout.tier, checkout.seats, checkout.addons, checkout.month_cents], ['sales-navigator-team', 8, '100x1', 84_991]);

  // Used, the calculator bills the same team at the need.
  await widget.getByTestId('apply-recommendation').click();
  await widget.getByTestId('seats').waitFor();
  assert.equal(await widget.getByTestId('seats').inputValue(), '8');
  await type(widget, 'sent-count', '480');
  await type(widget, 'inmail-sent-count', '40');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot
    .querySelector('[data-testid="monthly-cost"]')?.dataset.cents === '84991');
  // A team too large for any tier has no plan.
  await type(widget, 'need-team', '60');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot
    .querySelector('[data-testid="recommendation"]')?.classList.contains('none'));
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the visitor\'s own plan: marked, every other plan an upgrade or a downgrade against it, only ways up, and checkout told the change', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await hostPage(site, context, '/account.html', `<main>
    <messaging-quota id="w" rules-src="/rules/example-teams.json" today="2026-01-20" loading="eager" sections="calculator,compare"
      current-tier="sales-navigator-team" current-seats="8" current-addons="25x1" tier="basic" sent="15"
      checkout-url="/examples/checkout.html?from={from_tier}&amp;to={tier}&amp;seats={seats}"></messaging-quota>
    <messaging-quota id="bad" rules-src="/rules/example-teams.json" sections="calculator" loading="eager"
      current-tier="enterprise"></messaging-quota></main>`);
  const page = await open(site, '/account.html', { context, widgets: 2 });
  const widget = page.locator('#w');
  await widget.getByTestId('plan-change-recruiter').waitFor();
  // Today: 8 seats and a 25 bundle, $814.91 a month; each tier as that plan would be on it.
  assert.equal((await widget.getByTestId('plan-change-sales-navigator-team').textContent()).trim(), 'Your plan');
  assert.equal((await widget.getByTestId('plan-change-recruiter').textContent()).trim(), 'Upgrade · $3,192.08 a month more than today');
  assert.deepEqual(
    await widget.getByTestId('plan-change-basic').evaluate((e) => [e.dataset.change, e.dataset.deltaCents]),
    ['downgrade', '-79992'],
  );
  // The pop-up offers only ways up from the visitor's plan: no Premium Business.
  await widget.getByTestId('send-button').click();
  await widget.getByTestId('upgrade-dialog').waitFor({ state: 'visible' });
  const ways = await widget.locator('button[data-testid^="upgrade-option-"]').evaluateAll((els) => els.map((b) => b.dataset.testid));
  assert.deepEqual(ways, ['upgrade-option-addon-25', 'upgrade-option-addon-100', 'upgrade-option-sales-navigator-team', 'upgrade-option-recruiter']);
  await widget.getByTestId('upgrade-dialog-close').click();
  // Checkout is told it is a change from the visitor's plan.
  const href = await widget.locator('.results').getByTestId('checkout-basic').getAttribute('href');
  assert.ok(href.endsWith('/examples/checkout.html?from=sales-navigator-team&to=basic&seats=1'), href);
  // The comparison's rows say it too.
  await widget.locator('section.compare').scrollIntoViewIfNeeded();
  await widget.getByTestId('compare-row-recruiter').waitFor();
  assert.equal(await widget.getByTestId('compare-row-sales-navigator-team').getAttribute('data-change'), 'current');
  assert.equal(await widget.getByTestId('compare-row-recruiter').getAttribute('data-change'), 'upgrade');
  // The finder's plan for 100 messages, Basic + 1 × 100, against the visitor's plan at that need.
  const change = widget.getByTestId('recommendation-change');
  assert.equal(await change.getAttribute('data-change'), 'downgrade');
  assert.equal((await change.textContent()).trim(), 'Downgrade · $764.92 a month less than today');
  // A plan the rules do not sell is refused with a notice, and no plan is marked.
  const bad = page.locator('#bad');
  await bad.getByTestId('input-notice').first().waitFor();
  assert.match(await bad.getByTestId('input-notice').first().textContent(), /current-tier/);
  assert.equal(await bad.locator('.plan-change').count(), 0);
  await context.close();
});

test('a team month played: seats at their own rates, one seat blocked while the others send, unblocked from the pop-up', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await hostPage(site, context, '/team-month.html', `<main>
    <messaging-quota id="w" rules-src="/rules/example-teams.json" today="2026-01-01" loading="eager" sections="calculator,demo"
      tier="sales-navigator-team" seats="3"></messaging-quota></main>`);
  const page = await open(site, '/team-month.html', { context });
  const widget = page.locator('#w');
  // Every send to a connection, so only the seats' limits decide.
  await widget.locator('details.scenario > summary').click();
  for (const kind of ['shared-connection', 'not-connected', 'group', 'company-page']) {
    await type(widget, `scenario-share-${kind}`, '0');
  }
  const dialog = widget.getByTestId('upgrade-dialog');
  // Seats send 2, 1 and 3 a working day against 50 messages each: seat 3 meets its 50 first.
  for (let day = 0; day < 40 && !(await dialog.isVisible()); day++) {
    const before = await widget.getByTestId('today').getAttribute('data-date');
    await widget.getByTestId('step').click();
    await page.waitForFunction((d) => {
      const root = document.querySelector('#w').shadowRoot;
      return root.querySelector('[data-testid="today"]')?.dataset.date !== d || root.querySelector('[data-testid="upgrade-dialog"]')?.open;
    }, before);
  }
  await dialog.waitFor({ state: 'visible' });
  assert.match(await dialog.textContent(), /Seat 3 has sent the 50 messages it may send this month, while the rest of the team still has room/);
  assert.equal(await widget.getByTestId('today').getAttribute('data-date'), '2026-01-23');
  const log = widget.getByTestId('message-log');
  assert.ok(await log.locator('li[data-seat="3"][data-outcome="blocked"]').count() >= 1);
  assert.ok(await log.locator('li[data-seat="1"][data-outcome="delivered"]').count() >= 1);
  assert.match(await log.locator('li[data-seat="3"]').first().textContent(), /Seat 3/);
  // A 25 bundle is the team's: 175 messages, 58 or 59 a seat; the cheapest way.
  const cheapest = widget.locator('button[data-testid^="upgrade-option-"][data-cheapest="true"]');
  assert.equal(await cheapest.getAttribute('data-testid'), 'upgrade-option-addon-25');
  await cheapest.click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await widget.getByTestId('addon-count-25').inputValue(), '1');
  // Played on, seat 3 sends again: on Monday its three messages are delivered.
  await widget.getByTestId('step').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot
    .querySelector('[data-testid="today"]')?.dataset.date === '2026-01-24');
  await widget.getByTestId('next-day').click();
  await widget.getByTestId('next-day').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot
    .querySelector('[data-testid="today"]')?.dataset.date === '2026-01-26');
  await widget.getByTestId('step').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot
    .querySelector('[data-testid="today"]')?.dataset.date === '2026-01-27');
  const monday = await log.locator('li[data-seat="3"]').evaluateAll((items) => items
    .filter((li) => li.querySelector('time').getAttribute('datetime') === '2026-01-26').map((li) => li.dataset.outcome));
  assert.deepEqual(monday, ['delivered', 'delivered', 'delivered']);
  assert.deepEqual(page.problems, []);
  await context.close();
});
