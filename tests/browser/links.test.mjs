// Shared links: the state lives in the URL, bad values are named, good ones still apply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, text, type, costCents } from './support.mjs';

const site = useSite();

test('a shared link restores the whole state', async () => {
  const page = await open(site, '/?tier=sales-navigator&addons=100x1,25x1&inmail_blocks=1&sent=40&inmail_sent=2&today=2026-02-10&billing_day=31&need=300&need_inmail=5&min_tier=premium-business');
  assert.equal(await page.getByTestId('tier-option-sales-navigator').isChecked(), true);
  assert.equal(await page.getByTestId('addon-count-100').inputValue(), '1');
  assert.equal(await page.getByTestId('addon-count-25').inputValue(), '1');
  assert.equal(await text(page, 'allowance'), '175');
  assert.equal(await text(page, 'remaining'), '135');
  assert.equal(await costCents(page), 6499 + 4999 + 1499 + 1000);
  assert.equal(await page.getByTestId('reset-date').getAttribute('datetime'), '2026-02-28');
  assert.equal(await page.getByTestId('need-messages').inputValue(), '300');
  assert.equal(await page.getByTestId('min-tier').inputValue(), 'premium-business');
  assert.equal(await page.getByTestId('input-notice').count(), 0);
  await page.close();
});

test('a shared link shows what was shared, even to a visitor with a saved state of their own', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The visitor's own month: Sales Navigator with a 100-message bundle, remembered.
  const mine = await open(site, '/?tier=sales-navigator&addons=100x1&sent=128&today=2026-01-20', { context });
  await mine.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('messaging-quota:')));
  await mine.close();
  // A colleague's link: Premium Business at its limit, no bundles.
  const shared = await open(site, '/?tier=premium-business&sent=30&today=2026-01-20', { context });
  assert.equal(await shared.getByTestId('tier-option-premium-business').isChecked(), true);
  assert.equal(await shared.getByTestId('addon-count-100').inputValue(), '0', 'no bundle was shared');
  assert.equal(await text(shared, 'allowance'), '30');
  assert.equal(await text(shared, 'remaining'), '0');
  await shared.getByTestId('send-button').click();
  await shared.getByTestId('upgrade-dialog').waitFor({ state: 'visible' });
  await shared.keyboard.press('Escape');
  await shared.close();
  // Without a link, the visitor's own saved month comes back.
  const back = await open(site, '/', { context });
  assert.equal(await back.getByTestId('tier-option-premium-business').isChecked(), true, 'the last state seen is the one saved');
  await context.close();
});

test('the URL follows every change, without adding history entries', async () => {
  const page = await open(site, '/?today=2026-01-20&utm_source=newsletter&flag&q=a+b%2Cc#section');
  const before = await page.evaluate(() => history.length);
  await page.getByTestId('tier-option-recruiter').check();
  await type(page, 'addon-count-25', '2');
  await type(page, 'sent-count', '12');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('sent') === '12');
  const search = new URL(page.url()).searchParams;
  assert.equal(search.get('tier'), 'recruiter');
  assert.equal(search.get('addons'), '25x2');
  assert.equal(search.get('sent'), '12');
  assert.equal(search.get('today'), '2026-01-20');
  assert.equal(search.get('utm_source'), 'newsletter', "the host's own parameters stay");
  const url = new URL(page.url());
  assert.ok(url.search.startsWith('?utm_source=newsletter&flag&q=a+b%2Cc&'), `written as they were: ${url.search}`);
  assert.equal(url.hash, '#section');
  assert.equal(await page.evaluate(() => history.length), before);
  // The link reproduces the state in a fresh tab.
  const copy = await open(site, new URL(page.url()).pathname + new URL(page.url()).search);
  assert.equal(await text(copy, 'allowance'), '200');
  assert.equal(await text(copy, 'remaining'), '188');
  await copy.close();
  await page.close();
});

test('bad values are ignored with a notice that names them; the rest applies', async () => {
  const page = await open(site, '/?tier=gold&addons=100x2,30x1&sent=-4&inmail_sent=lots&today=2026-02-30&billing_day=99&need=250');
  const notice = await text(page, 'input-notice');
  for (const part of ['tier="gold"', 'addons="30x1"', 'sent="-4"', 'inmail_sent="lots"', 'today="2026-02-30"', 'billing_day="99"']) {
    assert.ok(notice.includes(part), `notice names ${part}: ${notice}`);
  }
  assert.equal(await page.getByTestId('tier-option-basic').isChecked(), true);
  assert.equal(await text(page, 'allowance'), '215', '100x2 still applies');
  assert.equal(await text(page, 'remaining'), '215');
  assert.equal(await page.getByTestId('need-messages').inputValue(), '250');
  // Dismissing the notice keeps the state.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await page.getByTestId('input-notice').count(), 0);
  assert.equal(await text(page, 'allowance'), '215');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a hostile link is shown as text, never as markup', async () => {
  const page = await open(site, '/?tier=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
  assert.match(await text(page, 'input-notice'), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.locator('img').count(), 0);
  await page.close();
});
