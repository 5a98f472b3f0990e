// Every number a visitor acts on is the number they get: the pop-up's totals, the finder's
// plans and figures, what "Use this plan" applies, and the words around them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, text, type, costCents, focused } from './support.mjs';

const site = useSite();

/** The pop-up's options in the order shown: test id, data-cents, data-total-cents, text. */
async function options(page) {
  return page.locator('[data-testid^="upgrade-option-"]').evaluateAll((buttons) => buttons.map((b) => ({
    id: b.dataset.testid, cents: Number(b.dataset.cents), total: Number(b.dataset.totalCents),
    cheapest: b.dataset.cheapest === 'true', price: b.querySelector('.option-price').textContent,
  })));
}

test('the pop-up prices each way to unblock as the calculator will, InMail credits included', async () => {
  // Basic, 5 InMails paid one by one ($50), all 15 messages sent.
  const page = await open(site, '/?today=2026-01-20&sent=15&inmail_sent=5');
  assert.equal(await costCents(page), 5000);
  const clicks = [];
  await page.exposeFunction('recordUpgrade', (detail) => clicks.push(detail));
  await page.evaluate(() => document.addEventListener('messaging-quota:upgrade-click', (e) => window.recordUpgrade(e.detail)));
  await page.getByTestId('send-button').click();
  await page.getByTestId('upgrade-dialog').waitFor({ state: 'visible' });
  const shown = await options(page);
  const lite = shown.find((o) => o.id === 'upgrade-option-recruiter-lite');
  // Recruiter Lite's 30 credits cover those 5 InMails: $119.95 in all, not $169.95.
  assert.deepEqual([lite.cents, lite.total], [11995, 11995]);
  assert.match(lite.price, /\$119\.95\/mo in all/);
  const recruiter = shown.find((o) => o.id === 'upgrade-option-recruiter');
  assert.equal(recruiter.total, 23995);
  // Ordered by what the visitor pays in all; the first is the cheapest.
  assert.deepEqual(shown.map((o) => o.total), [...shown.map((o) => o.total)].sort((a, b) => a - b));
  assert.deepEqual(shown.map((o) => o.cheapest), shown.map((_, i) => i === 0));
  await page.getByTestId('upgrade-option-recruiter-lite').click();
  await page.getByTestId('upgrade-dialog').waitFor({ state: 'hidden' });
  assert.equal(await costCents(page), 11995, 'the calculator shows what the option showed');
  assert.equal(clicks.length, 1);
  assert.deepEqual([clicks[0].tier, clicks[0].price_cents, clicks[0].new_total_cents], ['recruiter-lite', 11995, 11995]);
  await page.close();
});

test('with 15 InMails paid one by one, the upgrade that covers them is marked cheapest', async () => {
  const page = await open(site, '/?today=2026-01-20&sent=15&inmail_sent=15');
  await page.getByTestId('send-button').click();
  await page.getByTestId('upgrade-dialog').waitFor({ state: 'visible' });
  const [first] = await options(page);
  assert.deepEqual([first.id, first.total, first.cheapest], ['upgrade-option-recruiter-lite', 11995, true]);
  assert.equal((await focused(page)).testid, 'upgrade-option-recruiter-lite', 'the cheapest is focused');
  await page.close();
});

test('spare capacity in its own units; per message divides only what messages cost', async () => {
  const page = await open(site, '/?today=2026-01-20');
  await type(page, 'need-messages', '120');
  await type(page, 'need-inmails', '10');
  // Basic + 100 + 25 (140 messages) and 4 blocks (12 credits): 20 messages and 2 credits spare.
  const row = await text(page, 'compare-row-basic');
  assert.match(row, /20 messages, 2 InMail credits/);
  assert.doesNotMatch(row, /22/);
  // ($49.99 + $14.99) / 120, not ($104.98) / 120.
  assert.match(row, /\$0\.54/);
  assert.match(await text(page, 'recommendation'), /to spare: 20 messages, 2 InMail credits/);
  await page.close();
});

test('"Use this plan" at the largest need applies what the widget holds, and it reads back', async () => {
  const page = await open(site, '/?today=2026-01-20');
  await type(page, 'need-messages', '1000000');
  const rec = page.getByTestId('recommendation');
  const addons = await rec.getAttribute('data-addons');
  const cents = Number(await rec.getAttribute('data-cents'));
  await page.getByTestId('apply-recommendation').click();
  assert.equal(await page.locator('[data-testid$="-error"]').count(), 0, 'no field refuses what was applied');
  const counts = Object.fromEntries(addons.split(',').map((pair) => pair.split('x')).map(([size, n]) => [size, n]));
  for (const [size, n] of Object.entries(counts)) {
    assert.equal(await page.getByTestId(`addon-count-${size}`).inputValue(), n, `${size}-message bundles`);
  }
  assert.equal(await costCents(page), cents);
  // The link carries the bundles; a reload keeps them without a word.
  await page.waitForURL((url) => url.searchParams.get('addons') === addons);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length > 0);
  assert.equal(await page.getByTestId('input-notice').count(), 0);
  assert.equal(await costCents(page), cents);
  await page.close();
});

test('the presets say where their figures come from in words for visitors', async () => {
  const page = await open(site, '/?today=2026-01-20');
  const rules = await page.locator('[data-messaging-quota] .active-rules').textContent();
  assert.match(rules, /Source: Prices and limits as a guide to LinkedIn messaging limits states them/);
  assert.match(rules, /Taken November 2026/);
  for (const note of ['shared/seed', 'RULES.md', 'article (']) assert.ok(!rules.includes(note), rules);
  // Edited rules travel in the embed code with the same source.
  await type(page, 'rules-tier-price-basic', '1');
  await page.getByTestId('rules-apply').click();
  const snippet = await page.getByTestId('embed-snippet').inputValue();
  assert.ok(!snippet.includes('shared/seed') && !snippet.includes('RULES.md'), snippet);
  await page.close();
});

test('at 320 and 390 px the rule form stays whole: every field in view, every label whole', async () => {
  for (const width of [320, 390]) {
    const context = await site.browser.newContext({ viewport: { width, height: 800 } });
    const page = await open(site, '/?today=2026-01-20', { context });
    for (const id of ['rules-tier-price-recruiter', 'rules-tier-messages-recruiter', 'rules-tier-credits-recruiter']) {
      const field = page.getByTestId(id);
      await field.scrollIntoViewIfNeeded();
      const box = await field.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width, `${id} at ${width} px: ${JSON.stringify(box)}`);
      const label = await field.evaluate((input) => {
        const l = input.closest('.number-field').querySelector('label');
        const r = l.getBoundingClientRect();
        return { text: l.textContent, right: r.right, clipped: l.scrollWidth > l.clientWidth + 1, visible: r.width > 1 };
      });
      assert.ok(label.visible && !label.clipped && label.right <= width, `${id}'s label at ${width} px: ${JSON.stringify(label)}`);
    }
    await context.close();
  }
});

test('a changed rule says it waits, with Apply in view, Ctrl+Enter and Discard', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 700 } });
  const page = await open(site, '/?today=2026-01-20', { context });
  assert.equal(await page.getByTestId('rules-pending').count(), 0);
  const price = page.getByTestId('rules-tier-price-premium-business');
  await price.scrollIntoViewIfNeeded();
  await price.fill('39.99');
  const pending = page.getByTestId('rules-pending');
  assert.match(await pending.textContent(), /Changes not applied yet/);
  // Apply is in view right where the change was made, not below the JSON box.
  const apply = await page.getByTestId('rules-apply').boundingBox();
  assert.ok(apply.y >= 0 && apply.y + apply.height <= 700, `Apply at ${JSON.stringify(apply)}`);
  assert.equal(await page.getByTestId('tier-option-premium-business').locator('xpath=..').textContent().then((t) => t.includes('$29.99')), true, 'not applied yet');
  await price.press('Control+Enter');
  assert.equal(await pending.count(), 0);
  assert.match(await page.getByTestId('tier-option-premium-business').locator('xpath=..').textContent(), /\$39\.99/);
  // Discard goes back to the rules in use; typing the value back is no change at all.
  await price.fill('49.99');
  await page.getByTestId('rules-discard').click();
  assert.equal(await pending.count(), 0);
  assert.equal(await price.inputValue(), '39.99');
  await price.fill('49.99');
  await price.fill('39.99');
  assert.equal(await pending.count(), 0);
  await context.close();
});

test('the month player explains itself: a key for the bars, one clear name per control', async () => {
  const page = await open(site, '/?today=2026-01-20');
  const key = await page.getByTestId('timeline-key').locator('li').allTextContents();
  assert.deepEqual(key, ['Delivered', 'InMail', 'Not delivered', 'Refused']);
  const skip = await text(page, 'next-day');
  const play = await text(page, 'step');
  assert.match(skip, /Skip to tomorrow/);
  assert.match(play, /Play one day/);
  const hint = await page.getByTestId('next-day').evaluate((b) => b.getRootNode().getElementById(b.getAttribute('aria-describedby')).textContent);
  assert.match(hint, /without sending anything/);
  assert.match(hint, /sends the day's scenario messages/);
  await page.close();
});

test('the finder is one step from the top at 390 and 1280 px', async () => {
  for (const width of [390, 1280]) {
    const context = await site.browser.newContext({ viewport: { width, height: 800 } });
    const page = await open(site, '/?today=2026-01-20', { context });
    const nav = page.getByTestId('nav-compare');
    const box = await nav.boundingBox();
    assert.ok(box.y + box.height <= 800, `the way to the finder is on the first screen at ${width} px`);
    assert.match(await nav.textContent(), /Find the cheapest plan/);
    await nav.click();
    const heading = await page.evaluate(() => {
      const root = document.querySelector('[data-messaging-quota]').shadowRoot;
      const h = root.activeElement;
      const r = h.getBoundingClientRect();
      return { text: h.textContent, top: r.top, tag: h.tagName };
    });
    assert.deepEqual([heading.tag, heading.text], ['H2', 'Find the cheapest plan']);
    assert.ok(heading.top >= 0 && heading.top < 200, `the finder's heading is at the top at ${width} px: ${heading.top}`);
    const need = await page.getByTestId('need-messages').boundingBox();
    assert.ok(need.y + need.height <= 800, 'its first field is in view');
    await context.close();
  }
});

test('the page heading follows the language; numbers in words are grouped', async () => {
  const page = await open(site, '/?today=2026-01-20');
  const title = () => page.evaluate(() => document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('h1').textContent);
  assert.equal(await title(), 'Messaging Quota');
  assert.match(await page.title(), /LinkedIn-style messaging limits/);
  await page.getByTestId('language').selectOption('de-DE');
  await page.waitForFunction(() => document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('.page-heading p').textContent.includes('Nachrichtenkontingent'));
  assert.match(await page.title(), /Nachrichtenlimits/);
  await page.getByTestId('language').selectOption('en-US');
  await page.waitForFunction(() => document.title.includes('LinkedIn-style'));
  await type(page, 'sent-count', '99999999');
  assert.match(await text(page, 'sent-count-error'), /^At most 1,000,000/);
  // Basic has no InMail credits: said plainly.
  assert.match(await page.locator('[data-messaging-quota] .inmail-line').textContent(), /^No InMail credits this month\.$/);
  await page.close();
});
