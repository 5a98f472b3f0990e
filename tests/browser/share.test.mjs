// Sharing what you changed: a link that carries edited rules to a fresh browser, the embed
// code that shows the same plan on a host page, hostile links refused with a notice, and
// copy buttons that say whether they worked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { useSite, open, text, costCents, hostPage, focused, axeViolations } from './support.mjs';

const site = useSite();
const fresh = () => site.browser.newContext({ viewport: { width: 1280, height: 900 } });

/** Edits Premium Business's price in the rule form, applies it, and picks the tier. */
async function editPremiumBusiness(page, dollars) {
  const price = page.getByTestId('rules-tier-price-premium-business');
  await price.fill(dollars);
  await page.getByTestId('rules-apply').click();
  await page.getByTestId('tier-option-premium-business').check();
}

/**
 * The share link once it carries the edited rules (they are compressed off the render) and
 * each of `parts` (the link and the code follow the state 100 ms after it settles).
 */
async function sharedLink(page, parts = []) {
  await page.waitForFunction((wanted) => {
    const input = document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('[data-testid="share-link"]');
    return ['#mq-rules=', ...wanted].every((part) => input?.value.includes(part));
  }, parts);
  return page.getByTestId('share-link').inputValue();
}

test('a link with edited rules shows them in a fresh browser, with nothing saved', async () => {
  const mine = await open(site, '/?today=2026-01-20');
  await editPremiumBusiness(mine, '77.77');
  await mine.getByTestId('sent-count').fill('12');
  const link = await sharedLink(mine, ['tier=premium-business', 'sent=12']);
  assert.equal(await costCents(mine), 7777);
  assert.ok(link.startsWith(`${site.url}/`), link);
  assert.ok(new URL(link).searchParams.get('tier') === 'premium-business');
  await mine.waitForFunction(() => location.hash.includes('mq-rules='));
  assert.equal(new URL(mine.url()).hash, new URL(link).hash, 'the address bar holds the same link');
  await mine.close();

  const context = await fresh();
  const theirs = await open(site, new URL(link).pathname + new URL(link).search + new URL(link).hash, { context });
  assert.equal(await theirs.getByTestId('tier-option-premium-business').isChecked(), true);
  assert.equal(await costCents(theirs), 7777, 'the edited price');
  assert.equal(await text(theirs, 'remaining'), '18');
  assert.equal(await theirs.getByTestId('input-notice').count(), 0);
  assert.equal(await theirs.getByTestId('rules-tier-price-premium-business').inputValue(), '77.77');
  await context.close();
});

test('the embed code, pasted into an empty host page, shows the same tier, add-ons, usage and cost', async () => {
  const mine = await open(site, '/?today=2026-01-20');
  await editPremiumBusiness(mine, '61.00');
  await mine.getByTestId('addon-count-25').fill('2');
  await mine.getByTestId('sent-count').fill('9');
  await sharedLink(mine, ['tier=premium-business', 'addons=25x2', 'sent=9']);
  const code = await mine.getByTestId('embed-snippet').inputValue();
  const cents = await costCents(mine);
  assert.match(code, /^<script src="http:\/\/127\.0\.0\.1:\d+\/messaging-quota\.js"><\/script>\n<messaging-quota /);
  await mine.close();

  const context = await fresh();
  await hostPage(site, context, '/pasted.html', code, { head: '' });
  const page = await open(site, '/pasted.html', { context });
  assert.equal(await page.getByTestId('tier-option-premium-business').isChecked(), true);
  assert.equal(await page.getByTestId('addon-count-25').inputValue(), '2');
  assert.equal(await page.getByTestId('sent-count').inputValue(), '9');
  assert.equal(await costCents(page), cents);
  assert.equal(cents, 6100 + 2 * 1499);
  assert.equal(await page.getByTestId('input-notice').count(), 0);
  await context.close();
});

/** The part of a link, written by hand: `json` compressed as the browser does, base64url. */
const part = (json) => deflateRawSync(Buffer.from(json)).toString('base64url');

test('tampered, cut and oversized rules in a link are refused with a notice; the rest of the link applies', async () => {
  const mine = await open(site, '/?today=2026-01-20');
  await editPremiumBusiness(mine, '77.77');
  const good = new URL(await sharedLink(mine)).hash.split('mq-rules=')[1];
  await mine.close();
  const cases = [
    ['tampered', good.slice(0, 40) + (good[40] === 'A' ? 'B' : 'A') + good.slice(41), /damaged|rule|could not be used/],
    ['cut short', good.slice(0, Math.floor(good.length / 2)), /damaged/],
    ['not base64', `${good.slice(0, 10)}!!!`, /damaged/],
    ['too long', 'A'.repeat(8001), /longer than 8,000 characters/],
    ['unpacks too large', part(' '.repeat(70000)), /more than 64 KB/],
    ['not a rule set', part('{"id":"x","name":"<img src=x onerror=alert(1)>","tiers":[]}'), /not a valid rule set/],
  ];
  for (const [name, rules, reason] of cases) {
    const context = await fresh();
    const requests = [];
    context.on('request', (r) => requests.push(new URL(r.url()).origin));
    const page = await open(site, `/?today=2026-01-20&tier=recruiter&sent=5#mq-rules=${rules}`, { context });
    const notice = await text(page, 'input-notice');
    assert.match(notice, /Link: its edited rules could not be used/, `${name}: ${notice}`);
    assert.match(notice, reason, `${name}: ${notice}`);
    assert.equal(await page.getByTestId('tier-option-recruiter').isChecked(), true, `${name}: the rest of the link applies`);
    assert.equal(await text(page, 'remaining'), '145', `${name}: Recruiter's 150, 5 sent`);
    assert.equal(await page.locator('img').count(), 0, 'nothing in it is markup');
    assert.deepEqual([...new Set(requests)], [site.url], `${name}: no other origin is reached`);
    await page.getByTestId('send-button').click();
    assert.equal(await text(page, 'remaining'), '144', `${name}: the widget keeps working`);
    await context.close();
  }
});

test('copying says it worked; where the clipboard is refused, the text is selected to copy by hand', async () => {
  const context = await fresh();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  let page = await open(site, '/?today=2026-01-20&tier=recruiter', { context });
  const said = (words) => page.getByTestId('share-status').filter({ hasText: words }).waitFor();
  await page.getByTestId('share-copy-link').click();
  await said('Link copied.');
  assert.equal(await page.getByTestId('share-status').getAttribute('aria-live'), 'polite');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.getByTestId('share-link').inputValue());
  await page.getByTestId('share-copy-snippet').click();
  await said('Embed code copied.');
  assert.deepEqual(await axeViolations(page), [], 'the Share panel passes axe, its status shown');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /<messaging-quota tier="recruiter" today="2026-01-20"><\/messaging-quota>$/);
  await page.close();

  // A page whose clipboard refuses.
  await context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      get: () => ({ writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) }),
    });
  });
  page = await open(site, '/?today=2026-01-20', { context });
  await page.getByTestId('share-copy-snippet').click();
  await page.getByTestId('share-status').filter({ hasText: 'Ctrl+C' }).waitFor();
  assert.equal((await focused(page)).testid, 'embed-snippet');
  const selected = await page.getByTestId('embed-snippet').evaluate((el) => [el.selectionStart, el.selectionEnd, el.value.length]);
  assert.deepEqual(selected, [0, selected[2], selected[2]], 'all of the code is selected');
  await context.close();
});
