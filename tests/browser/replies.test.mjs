// InMails as LinkedIn refunds them: at the share of InMails the visitor expects answered, the
// cheapest plan, the month's cost per answered InMail, and the credits that come back. The
// figures are docs/rules.md's worked example ("Reply rate", rules/linkedin-help.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, hostPage, type, costCents } from './support.mjs';

const site = useSite();

const cents = async (scope, testid) => Number(await scope.getByTestId(testid).first().getAttribute('data-cents'));

test('the cheapest plan for 40 InMails at 20 % and at 60 % answered, and what each answered InMail costs', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await hostPage(site, context, '/replies.html', `<main>
    <messaging-quota id="w" preset="linkedin-help" today="2026-01-20" sections="calculator,compare" loading="eager"
      need="100" need-inmail="40" reply-rate="20"></messaging-quota></main>`);
  const page = await open(site, '/replies.html', { context });
  const widget = page.locator('#w');
  await page.evaluate(() => {
    window.__changes = [];
    document.querySelector('#w').addEventListener('messaging-quota:change', (e) => window.__changes.push(e.detail));
  });
  const recommendation = widget.getByTestId('recommendation');
  await recommendation.waitFor();
  assert.equal(await widget.getByTestId('reply-rate').inputValue(), '20');
  // 20 %: 8 of 40 answered; Sales Navigator and 2 × 25 messages, $94.97, $11.87 each.
  assert.deepEqual(
    [await recommendation.getAttribute('data-tier'), await recommendation.getAttribute('data-addons'), await recommendation.getAttribute('data-cents')],
    ['sales-navigator', '25x2', '9497'],
  );
  assert.equal(await cents(widget, 'recommendation-per-answered'), 1187);
  assert.match(await widget.getByTestId('recommendation-per-answered').textContent(), /\$11\.87 per answered InMail \(8 of 40 answered\)/);

  // 60 %: 24 answered give their credits back, so 16 credits carry the 40 InMails.
  await type(widget, 'reply-rate', '60');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot
    .querySelector('[data-testid="recommendation"]')?.dataset.tier === 'premium-business');
  assert.deepEqual(
    [await recommendation.getAttribute('data-addons'), await recommendation.getAttribute('data-inmail-blocks'), await recommendation.getAttribute('data-cents')],
    ['25x3', '1', '8496'],
  );
  assert.equal(await cents(widget, 'recommendation-per-answered'), 354);
  // The comparison reads per answered InMail too, tier by tier.
  await widget.locator('section.compare').scrollIntoViewIfNeeded();
  await widget.getByTestId('compare-per-answered-premium-business').waitFor();
  assert.equal((await widget.getByTestId('compare-per-answered-premium-business').textContent()).trim(), '$3.54');
  assert.equal((await widget.getByTestId('compare-per-answered-sales-navigator').textContent()).trim(), '$3.96');
  // And the chart: each point read (hovered or tabbed to) says it per answered InMail.
  const points = await widget.locator('svg g[role="img"]').evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label')));
  assert.ok(points.some((l) => /^Your need, 100 messages: cheapest \$84\.96 a month \(.+\); \$3\.54 per answered InMail$/.test(l)), points.join('\n'));
  assert.ok(points.filter((l) => / messages: /.test(l)).every((l) => /per answered InMail$/.test(l)));

  // Applied, the calculator bills the same plan at the need: no InMail paid one by one, the
  // credits given back said, and the month per answered InMail.
  await widget.getByTestId('apply-recommendation').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot
    .querySelector('[data-testid="tier-option-premium-business"]')?.checked);
  await type(widget, 'sent-count', '100');
  await type(widget, 'inmail-sent-count', '40');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot
    .querySelector('[data-testid="per-answered-inmail"]')?.dataset.cents === '354');
  assert.equal(await costCents(widget), 8496);
  assert.match(await widget.locator('.results').textContent(), /24 back on replies/);
  assert.equal(await widget.getByTestId('per-answered-inmail').textContent(), '$3.54');

  // A host hears the rate, the InMails answered and the credits they gave back.
  const last = await page.evaluate(() => window.__changes.at(-1));
  assert.deepEqual(last.summary.replies, { reply_percent: 60, answered: 24, credits_refunded: 24, per_answered_cents: 354 });
  assert.deepEqual(page.problems, []);
  await context.close();
});

/** A rule set whose credits live 20 days and come back on a reply within 30. */
const LIFE = {
  id: 'life', name: 'Short-lived credits', currency: 'USD',
  tiers: [{ id: 'solo', name: 'Solo', price_cents: 1000, free_messages: 10, inmail_credits: 10, inmail_credit_days: 20, inmail_refund_days: 30 }],
  bundles: [{ size: 10, price_cents: 500 }],
  inmail: { block_size: 1, block_price_cents: 100, pay_per_inmail_cents: 200 },
};

/** The log's credit events, oldest first: kind, day and credits. */
const creditEvents = (widget) => widget.getByTestId('credits-event').evaluateAll((items) =>
  items.map((li) => ({ kind: li.dataset.kind, day: li.querySelector('time').getAttribute('datetime'), credits: Number(li.dataset.credits) })).reverse());

test('a month played: every InMail answered gives its credit back, the rest expire on their day, the reset grants anew', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(`${site.url}/life.json`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(LIFE) }));
  await hostPage(site, context, '/played.html', `<main>
    <messaging-quota id="w" rules-src="/life.json" today="2026-01-01" reply-rate="100" sections="calculator,demo" loading="eager"></messaging-quota></main>`);
  const page = await open(site, '/played.html', { context });
  const widget = page.locator('#w');
  const credits = () => widget.getByTestId('inmail-credits-remaining').textContent();
  await widget.getByTestId('recipient-kind').selectOption('not-connected');
  for (let i = 0; i < 3; i++) await widget.getByTestId('send-inmail-button').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('[data-testid="inmail-credits-remaining"]')?.textContent === '7');

  // Day by day to 21 January: each reply (a day to two weeks after) gives its credit back.
  const day = (iso) => page.waitForFunction((d) => document.querySelector('#w').shadowRoot
    .querySelector('[data-testid="today"]')?.dataset.date === d, iso);
  for (let d = 2; d <= 21; d++) {
    await widget.getByTestId('next-day').click();
    await day(`2026-01-${String(d).padStart(2, '0')}`);
    // Two weeks ahead, the results say which credits are about to expire.
    if (d === 15) assert.match(await widget.locator('.results').textContent(), /10 credits expire on [^·]*Jan 21/);
  }
  const events = await creditEvents(widget);
  const back = events.filter((e) => e.kind === 'refunded');
  assert.equal(back.reduce((sum, e) => sum + e.credits, 0), 3, 'the three answered InMails gave their credits back');
  assert.ok(back.every((e) => e.day > '2026-01-01' && e.day <= '2026-01-15'));
  // Granted on 1 January for 20 days: the 10 credits expire on the 21st, a week before the reset.
  assert.deepEqual(events.filter((e) => e.kind === 'expired'), [{ kind: 'expired', day: '2026-01-21', credits: 10 }]);
  assert.match(await widget.locator('[data-testid="credits-event"][data-kind="expired"]').textContent(), /10 InMail credits expired/);
  assert.equal(await credits(), '0');
  assert.equal(await widget.locator('[data-testid="message-log"] li.log-entry[data-outcome="inmail"][data-status="read"]').count(), 3, 'each answered');

  // An InMail now is paid one by one; the reset on 1 February grants 10 afresh.
  await widget.getByTestId('send-inmail-button').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('[data-testid="monthly-cost"]')?.dataset.cents === '1200');
  await widget.getByTestId('jump-to-reset').click();
  await day('2026-02-01');
  assert.equal(await credits(), '10');
  assert.equal(await costCents(widget), 1000);
  assert.deepEqual(page.problems, []);
  await context.close();
});
