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
