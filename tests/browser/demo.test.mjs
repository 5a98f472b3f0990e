// Demo mode: play a month by mouse and keyboard, and change the rules live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, text, type, costCents } from './support.mjs';

const site = useSite();

async function today(page) {
  return page.getByTestId('today').getAttribute('data-date');
}

async function log(page) {
  return page.getByTestId('message-log').locator('li.log-entry').evaluateAll((items) =>
    items.map((li) => ({ outcome: li.dataset.outcome, status: li.dataset.status })));
}

test('the timeline shows the period, today and the reset; sends are drawn on their day', async () => {
  const page = await open(site, '/?today=2026-01-20');
  const timeline = page.getByTestId('timeline');
  assert.equal(await timeline.locator('li.day:not(.reset-day)').count(), 31);
  assert.equal(await timeline.locator('li.today').getAttribute('data-date'), '2026-01-20');
  assert.equal(await page.getByTestId('reset-day').getAttribute('data-date'), '2026-02-01');
  await page.getByTestId('send-button').click();
  await page.getByTestId('send-button').click();
  assert.equal(await timeline.locator('li.today').getAttribute('data-sends'), '2');
  assert.deepEqual(await log(page), [{ outcome: 'delivered', status: 'sent' }, { outcome: 'delivered', status: 'sent' }]);
  await page.close();
});

test('by mouse: next day moves receipts on, jump to reset zeroes the counters with a reset event', async () => {
  const page = await open(site, '/?today=2026-01-29&sent=14');
  await page.getByTestId('send-button').click();
  await page.getByTestId('send-button').click();
  await page.getByTestId('upgrade-dialog-close').click();
  assert.deepEqual((await log(page)).map((e) => e.status), ['not-delivered', 'sent']);
  await page.getByTestId('next-day').click();
  assert.equal(await today(page), '2026-01-30');
  assert.deepEqual((await log(page)).map((e) => e.status), ['not-delivered', 'delivered'], 'sent → delivered');
  assert.equal(await text(page, 'remaining'), '0');
  await page.getByTestId('jump-to-reset').click();
  assert.equal(await today(page), '2026-02-01');
  assert.equal(await text(page, 'remaining'), '15', 'allowance reset');
  assert.equal(await page.getByTestId('reset-event').count(), 1);
  assert.match(await text(page, 'reset-event'), /Allowance reset/);
  assert.equal(await page.getByTestId('reset-date').getAttribute('datetime'), '2026-03-01');
  await page.close();
});

test('auto-play runs the seeded scenario, pauses on the pop-up, and repeats exactly', async () => {
  const run = async () => {
    const page = await open(site, '/?today=2026-03-02');
    await page.getByTestId('speed').selectOption('120');
    await page.getByTestId('play').click();
    await page.getByTestId('upgrade-dialog').waitFor({ state: 'visible', timeout: 20000 });
    assert.equal(await page.getByTestId('play').count(), 1, 'paused: Play shows again');
    const state = { today: await today(page), log: await log(page), remaining: await text(page, 'remaining') };
    await page.close();
    return state;
  };
  const first = await run();
  assert.equal(first.remaining, '0');
  assert.ok(first.log.some((e) => e.outcome === 'blocked' && e.status === 'not-delivered'));
  assert.ok(first.log.some((e) => e.status === 'read' || e.status === 'delivered'));
  assert.deepEqual(await run(), first, 'the same seed plays the same month');
});

test('step and pause: one day per step; the badge counts new replies', async () => {
  const page = await open(site, '/?today=2026-03-02&tier=recruiter');
  await page.getByText('Auto-play scenario').click();
  await page.getByTestId('scenario-read-rate').fill('100');
  for (let i = 0; i < 4; i++) await page.getByTestId('step').click();
  assert.equal(await today(page), '2026-03-06');
  assert.equal(await page.locator('details.scenario').getAttribute('open'), '', 'the opened scenario stays open through updates');
  assert.ok((await log(page)).some((e) => e.status === 'read'));
  const badge = page.getByTestId('notification-badge');
  assert.ok(Number(await badge.textContent()) > 0, 'replies arrived');
  await page.getByRole('button', { name: /new replies/ }).click();
  assert.equal(await badge.count(), 0, 'seen');
  await page.getByTestId('play').click();
  await page.getByTestId('pause').click();
  assert.equal(await page.getByTestId('play').count(), 1);
  await page.close();
});

test('by keyboard: S sends, N next day, R jumps to the reset, P plays and pauses, L large text', async () => {
  const page = await open(site, '/?today=2026-01-20');
  await page.getByTestId('timeline').click();
  await page.keyboard.press('s');
  assert.equal(await text(page, 'remaining'), '14');
  await page.keyboard.press('n');
  assert.equal(await today(page), '2026-01-21');
  await page.keyboard.press('r');
  assert.equal(await today(page), '2026-02-01');
  await page.keyboard.press('p');
  await page.getByTestId('pause').waitFor();
  await page.keyboard.press('p');
  await page.getByTestId('play').waitFor();
  await page.keyboard.press('l');
  assert.match(await page.locator('.mq-root').getAttribute('class'), /large-text/);
  // Typing in a field is not a shortcut.
  await page.getByTestId('need-messages').fill('');
  await page.getByTestId('need-messages').type('5');
  assert.equal(await today(page), '2026-02-01');
  await page.close();
});

test('the rule editor applies valid rules live and refuses invalid ones, naming the field', async () => {
  const page = await open(site, '/?today=2026-01-20');
  const editor = page.getByTestId('rules-editor');
  const original = await editor.inputValue();
  await editor.fill(original.replace('"price_cents": 2999', '"price_cents": -2999'));
  await page.getByTestId('rules-apply').click();
  const error = page.getByTestId('rules-error');
  assert.equal(await error.getAttribute('data-path'), 'tiers[1].price_cents');
  assert.match(await error.textContent(), /tiers\[1\]\.price_cents: must not be negative/);
  await page.getByTestId('tier-option-premium-business').check();
  assert.equal(await costCents(page), 2999, 'the old rules stay active');

  await editor.fill(original.replace('"free_messages": 30', '"free_messages": 40').replace('"price_cents": 2999', '"price_cents": 3499'));
  await page.getByTestId('rules-apply').click();
  assert.equal(await error.count(), 0);
  assert.equal(await text(page, 'allowance'), '40');
  assert.equal(await costCents(page), 3499);

  for (const [broken, path] of [
    [original.replace('"id": "sales-navigator"', '"id": "basic"'), 'tiers[2].id'],
    [original.replace('{ "size": 25, "price_cents": 1499 }', '{ "size": 0, "price_cents": 1499 }'), 'bundles[0].size'],
    [JSON.stringify({ ...JSON.parse(original), tiers: [] }), 'tiers'],
    [original.replace('"free_messages": 15', '"free_messages": 99999999'), 'tiers[0].free_messages'],
  ]) {
    await editor.fill(broken);
    await page.getByTestId('rules-apply').click();
    assert.equal(await error.getAttribute('data-path'), path);
  }
  // A number where a text belongs, and a fraction where a whole number does: each named
  // with its place and what belongs there (serde's wording of a float is the browser's).
  for (const [broken, path, said] of [
    [original.replace('"name": "Basic"', '"name": 1.5'), 'tiers[0].name', /a text belongs here/],
    [original.replace('"name": "Basic"', '"name": 1e300'), 'tiers[0].name', /a text belongs here/],
    [original.replace('"free_messages": 15', '"free_messages": 15.5'), 'tiers[0].free_messages', /tiers\[0\]\.free_messages/],
    // Each level of the place found on the error's way out: an object's field, an
    // array's index, a field missing from the second tier (the place is that tier).
    [original.replace(/"block_size": (\d+)/, '"block_size": "$1"'), 'inmail.block_size', /inmail\.block_size/],
    [original.replace('{ "size": 25, "price_cents": 1499 }', '{ "size": 25, "price_cents": [1499] }'), 'bundles[0].price_cents', /bundles\[0\]\.price_cents/],
    [original.replace(/"name": "Premium Business",\s*/, ''), 'tiers[1]', /tiers\[1\]/],
  ]) {
    assert.notEqual(broken, original);
    await editor.fill(broken);
    await page.getByTestId('rules-apply').click();
    assert.equal(await error.getAttribute('data-path'), path);
    assert.match(await error.textContent(), said);
  }
  assert.equal(await text(page, 'allowance'), '40', 'still the last good rules');
  await page.getByTestId('preset-article').click();
  assert.equal(await text(page, 'allowance'), '30');
  await page.close();
});

test('the form edits the draft; presets are labelled with their source; rollover shows across resets', async () => {
  const page = await open(site, '/?today=2026-01-20');
  await page.getByTestId('rules-tier-price-basic').fill('5.00');
  assert.match(await page.getByTestId('rules-editor').inputValue(), /"id": "basic", "name": "Basic", "price_cents": 500/);
  assert.equal(await costCents(page), 0, 'not applied until Apply');
  await page.getByTestId('rules-apply').click();
  assert.equal(await costCents(page), 500);

  await page.getByTestId('preset-linkedin-help').click();
  assert.match(await page.getByTestId('preset-linkedin-help').getAttribute('title'), /from LinkedIn Help/);
  assert.equal(await page.getByTestId('preset-linkedin-help').getAttribute('aria-pressed'), 'true');
  await page.getByTestId('tier-option-premium-business').check();
  assert.equal(await text(page, 'inmail-credits-remaining'), '15');
  await page.getByTestId('recipient-kind').selectOption('not-connected');
  for (let i = 0; i < 5; i++) {
    await page.getByTestId('send-button').click();
    await page.getByTestId('send-inmail-button').click();
  }
  assert.equal(await text(page, 'inmail-credits-remaining'), '10');
  await page.getByTestId('jump-to-reset').click();
  assert.match(await text(page, 'reset-event'), /10 InMail credits rolled over/);
  assert.equal(await text(page, 'inmail-credits-remaining'), '25');
  await page.getByTestId('jump-to-reset').click();
  await page.getByTestId('jump-to-reset').click();
  assert.equal(await text(page, 'inmail-credits-remaining'), '45', 'capped at 45');
  await page.waitForURL(/preset=linkedin-help/);
  await page.close();
});
