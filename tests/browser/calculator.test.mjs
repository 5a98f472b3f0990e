// The calculator as a visitor uses it: pick a plan, read the month, send until blocked,
// unblock from the pop-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, text, type, costCents, focused } from './support.mjs';

const site = useSite();

test('a fresh visit shows Basic: 15 messages, all left, free', async () => {
  const page = await open(site, '/?today=2026-01-31');
  assert.equal(await text(page, 'allowance'), '15');
  assert.equal(await text(page, 'remaining'), '15');
  assert.equal(await costCents(page), 0);
  assert.equal(await text(page, 'monthly-cost'), '$0.00');
  assert.equal(await page.getByTestId('reset-date').getAttribute('datetime'), '2026-02-01');
  assert.equal(await text(page, 'days-until-reset'), '1');
  assert.equal(await page.getByTestId('tier-option-basic').isChecked(), true);
  // No warning yet; its place says what will show there.
  assert.equal(await text(page, 'quota-warning'), '');
  assert.equal(await page.getByTestId('quota-warning').getAttribute('data-level'), 'ok');
  assert.match(await page.locator('[data-messaging-quota] .level-hint').textContent(), /From 80% used, a warning shows here; past the limit, a message is not delivered/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('choosing a tier and bundles updates allowance and cost at once', async () => {
  const page = await open(site, '/?today=2026-01-20');
  await page.getByTestId('tier-option-sales-navigator').check();
  await type(page, 'addon-count-100', '1');
  assert.equal(await text(page, 'allowance'), '150');
  assert.equal(await costCents(page), 11498);
  assert.equal(await text(page, 'monthly-cost'), '$114.98');
  await page.getByTestId('tier-option-recruiter').check();
  await type(page, 'addon-count-100', '0');
  await type(page, 'addon-count-25', '2');
  assert.equal(await text(page, 'allowance'), '200');
  assert.equal(await costCents(page), 26993);
  // A line per charge.
  const lines = await page.locator('.cost-lines tbody tr').allTextContents();
  assert.deepEqual(lines, ['Recruiter$239.95', '25 messages × 2$29.98']);
  await page.close();
});

test('InMail credits and pay-per-InMail, as in the worked example', async () => {
  const page = await open(site, '/?today=2026-01-20');
  await page.getByTestId('tier-option-premium-business').check();
  await type(page, 'inmail-blocks', '2');
  await type(page, 'inmail-sent-count', '8');
  assert.equal(await text(page, 'inmail-credits-remaining'), '0');
  assert.equal(await page.getByTestId('pay-per-inmail-count').getAttribute('data-count'), '2');
  assert.equal(await costCents(page), 6999);
  await page.close();
});

test('bad numbers are refused beside the field and the last valid value stays', async () => {
  const page = await open(site, '/?today=2026-01-20');
  await type(page, 'sent-count', '5');
  assert.equal(await text(page, 'remaining'), '10');
  for (const [input, message] of [['-3', 'Must not be negative'], ['abc', 'Whole numbers only'], ['99999999', 'At most 1,000,000']]) {
    await type(page, 'sent-count', input);
    const error = await text(page, 'sent-count-error');
    assert.ok(error.startsWith(message), `${input}: ${error}`);
    assert.ok(error.includes('still using 5'), error);
    assert.equal(await text(page, 'remaining'), '10', `${input} leaves the state alone`);
    assert.equal(await page.getByTestId('sent-count').getAttribute('aria-invalid'), 'true');
  }
  await type(page, 'sent-count', '7');
  assert.equal(await page.getByTestId('sent-count-error').count(), 0);
  assert.equal(await text(page, 'remaining'), '8');
  // Arrow keys step the value.
  await page.getByTestId('sent-count').press('ArrowUp');
  assert.equal(await text(page, 'remaining'), '7');
  await page.close();
});

test('typing key by key keeps focus, caret and what was typed; results follow each key', async () => {
  const page = await open(site, '/?today=2026-01-20');
  const sent = page.getByTestId('sent-count');
  await sent.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('12');
  assert.equal(await sent.inputValue(), '12');
  assert.equal(await text(page, 'remaining'), '3');
  assert.equal((await focused(page)).testid, 'sent-count', 'focus stays in the field');
  // Typing at the start: the caret stays where the visitor put it (else this reads 121).
  await page.keyboard.press('Home');
  await page.keyboard.type('1');
  assert.equal(await sent.inputValue(), '112');
  assert.equal(await text(page, 'remaining'), '0');
  await page.keyboard.press('Delete');
  assert.equal(await sent.inputValue(), '12');
  assert.equal(await text(page, 'remaining'), '3');
  // A key that makes the text invalid keeps the text, says why, and uses the last value.
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  assert.equal(await sent.inputValue(), '12x');
  assert.match(await text(page, 'sent-count-error'), /still using 12/);
  assert.equal((await focused(page)).testid, 'sent-count');
  await page.keyboard.press('Backspace');
  assert.equal(await page.getByTestId('sent-count-error').count(), 0);
  // A price typed in dollars is not rewritten mid-typing (29.9 stays 29.9, not 29.90).
  const price = page.getByTestId('rules-tier-price-premium-business');
  await price.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('29.9');
  assert.equal(await price.inputValue(), '29.9');
  await page.keyboard.type('5');
  assert.equal(await price.inputValue(), '29.95');
  assert.equal((await focused(page)).testid, 'rules-tier-price-premium-business');
  assert.match(await page.getByTestId('rules-editor').inputValue(), /"price_cents": 2995/);
  await page.close();
});

test('sending to the limit: delivered, then blocked with the upgrade pop-up, then unblocked', async () => {
  const page = await open(site, '/?today=2026-01-20&sent=13');
  await page.getByTestId('send-button').click();
  assert.equal(await page.getByTestId('send-outcome').getAttribute('data-outcome'), 'delivered');
  assert.equal(await text(page, 'remaining'), '1');
  assert.match(await text(page, 'quota-warning'), /93% of this month's messages used/);
  assert.equal(await page.locator('[data-messaging-quota] .level-hint').count(), 0, 'the warning takes its place');
  await page.getByTestId('send-button').click();
  assert.equal(await text(page, 'remaining'), '0');

  await page.getByTestId('send-button').click();
  const outcome = page.getByTestId('send-outcome');
  assert.equal(await outcome.getAttribute('data-outcome'), 'blocked');
  assert.match(await outcome.textContent(), /Not delivered/);
  assert.equal(await text(page, 'remaining'), '0', 'not counted');
  assert.equal(await costCents(page), 0, 'not charged');

  const dialog = page.getByTestId('upgrade-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialog.getAttribute('role'), 'dialog');
  const body = await dialog.textContent();
  assert.match(body, /Monthly message limit reached/);
  // Dates are written by the browser's Intl, for the widget's locale (en-US here).
  const reset = await page.evaluate(() => new Intl.DateTimeFormat('en-US',
    { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 1, 1)));
  assert.ok(body.includes(`resets on ${reset} (12 days left)`), body);
  // Every way to unblock, with its price; the 25-message bundle is cheapest.
  for (const id of ['premium-business', 'sales-navigator', 'recruiter-lite', 'recruiter']) {
    assert.equal(await page.getByTestId(`upgrade-option-${id}`).count(), 1, id);
  }
  const cheapest = page.getByTestId('upgrade-option-addon-25');
  assert.equal(await cheapest.getAttribute('data-cheapest'), 'true');
  assert.match(await cheapest.textContent(), /\$14\.99\/mo/);
  assert.equal(await page.locator('[data-cheapest="true"]').count(), 1);
  assert.equal((await focused(page)).inDialog, true, 'focus moves into the pop-up');

  await cheapest.click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await text(page, 'allowance'), '40');
  assert.equal(await costCents(page), 1499);
  assert.match(await text(page, 'send-outcome'), /Done: Add 25 messages/);
  await page.getByTestId('send-button').click();
  assert.equal(await page.getByTestId('send-outcome').getAttribute('data-outcome'), 'delivered');
  assert.equal(await text(page, 'remaining'), '24');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the pop-up works from the keyboard: focus inside, Tab stays inside, Esc closes, focus returns', async () => {
  const page = await open(site, '/?today=2026-01-20&sent=15');
  await page.getByTestId('send-button').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('upgrade-dialog').waitFor({ state: 'visible' });
  assert.deepEqual(await focused(page), { testid: 'upgrade-option-addon-25', tag: 'BUTTON', inDialog: true });
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    assert.ok(now.inDialog || now.tag === 'BODY', `Tab ${i} left the dialog for ${JSON.stringify(now)}`);
  }
  await page.keyboard.press('Escape');
  await page.getByTestId('upgrade-dialog').waitFor({ state: 'hidden' });
  assert.equal((await focused(page)).testid, 'send-button', 'focus returns to Send');
  // The close button works too, and choosing by keyboard applies the option.
  await page.keyboard.press('Enter');
  await page.getByTestId('upgrade-dialog-close').click();
  await page.getByTestId('upgrade-dialog').waitFor({ state: 'hidden' });
  await page.getByTestId('send-button').press('Enter');
  await page.getByTestId('upgrade-option-premium-business').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('upgrade-dialog').waitFor({ state: 'hidden' });
  assert.equal(await page.getByTestId('tier-option-premium-business').isChecked(), true);
  assert.equal(await text(page, 'allowance'), '30');
  await page.close();
});

test('recipients: a non-connection needs an InMail, groups and company pages are refused', async () => {
  const page = await open(site, '/?today=2026-01-20&tier=recruiter-lite&inmail_sent=29');
  assert.equal(await page.getByTestId('send-inmail-button').count(), 0, 'offered for non-connections only');
  await page.getByTestId('recipient-kind').selectOption('not-connected');
  assert.match(await text(page, 'send-inmail-button'), /uses 1 of 1 credits/, 'offered as soon as the recipient is chosen');
  await page.getByTestId('send-button').click();
  assert.equal(await page.getByTestId('send-outcome').getAttribute('data-outcome'), 'inmail');
  assert.match(await text(page, 'send-outcome'), /needs an InMail/);
  await page.getByTestId('send-inmail-button').click();
  assert.equal(await text(page, 'inmail-credits-remaining'), '0');
  assert.equal(await costCents(page), 11995, 'paid with a credit');
  assert.match(await text(page, 'send-inmail-button'), /costs \$10\.00/);
  await page.getByTestId('send-inmail-button').click();
  assert.equal(await costCents(page), 12995, '31st InMail is pay-per-InMail');
  assert.equal(await text(page, 'remaining'), '50', 'InMail never uses the allowance');

  for (const kind of ['group', 'company-page']) {
    await page.getByTestId('recipient-kind').selectOption(kind);
    await page.getByTestId('send-button').click();
    assert.equal(await page.getByTestId('send-outcome').getAttribute('data-outcome'), 'refused');
    assert.match(await text(page, 'send-outcome'), /individual members only/);
  }
  assert.equal(await text(page, 'remaining'), '50');
  await page.close();
});

test('billing day: the reset follows the chosen day, clamped to short months', async () => {
  const page = await open(site, '/?today=2026-02-10');
  await page.getByTestId('billing-day').selectOption('31');
  assert.equal(await page.getByTestId('reset-date').getAttribute('datetime'), '2026-02-28');
  assert.equal(await text(page, 'days-until-reset'), '18');
  await page.close();
});
