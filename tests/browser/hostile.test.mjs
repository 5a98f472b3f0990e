// Hostile input: rule sets whose names hold markup and script, rule URLs that try to leave
// the page's origin, and what a visitor types into the rule editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, open, text, type, focused, hostPage } from './support.mjs';

const site = useSite();

const attr = (text) => text.replaceAll('&', '&amp;').replaceAll("'", '&#39;');

test('tier names, rule names and sources holding markup are shown as text; nothing runs', async () => {
  // Names are at most 60 characters; the source (200) also carries a script element.
  const evil = (n) => `<img src=x onerror="__pwned=${n}"><b>Bold ${n}</b>`;
  const rules = {
    id: 'evil', name: evil(1), source: `${evil(2)}<script>__pwned=5</script>`,
    tiers: [
      { id: 'basic', name: evil(3), price_cents: 0, free_messages: 1, inmail_credits: 0 },
      { id: 'pro', name: evil(4), price_cents: 1000, free_messages: 50, inmail_credits: 0 },
    ],
    bundles: [{ size: 10, price_cents: 500 }],
    inmail: { block_size: 3, block_price_cents: 1000, pay_per_inmail_cents: 1000 },
  };
  const context = await site.browser.newContext();
  await hostPage(site, context, '/hostile-rules.html',
    `<messaging-quota rules='${attr(JSON.stringify(rules))}' today="2026-01-20" sent="1"></messaging-quota>`);
  const page = await open(site, '/hostile-rules.html', { context });
  await page.getByTestId('send-button').click();
  await page.getByTestId('upgrade-dialog').waitFor({ state: 'visible' });
  const option = await text(page, 'upgrade-option-pro');
  assert.ok(option.includes('Upgrade to <img src=x onerror="__pwned=4">'), option);
  await page.getByTestId('upgrade-dialog-close').click();
  // Every section that shows a name: the tiers, the results, the table, the chart, the rules.
  await page.getByTestId('need-messages').scrollIntoViewIfNeeded();
  assert.ok((await text(page, 'compare-row-pro')).includes('<b>Bold 4</b>'));
  assert.ok((await page.getByTestId('cost-chart').locator('path.series title').first().textContent()).includes('<b>Bold 3</b>'));
  const widgetText = await page.locator('messaging-quota').evaluate((el) => el.shadowRoot.textContent);
  for (const n of [1, 2, 3]) assert.ok(widgetText.includes(`<b>Bold ${n}</b>`), `name ${n} as text`);
  const injected = await page.locator('messaging-quota').evaluate((el) =>
    el.shadowRoot.querySelectorAll('img, script, b').length);
  assert.equal(injected, 0, 'no element came from a name');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('rules-src may not leave the page origin, however the URL is written', async () => {
  // The same server answers as localhost, another origin: a fetch that got through would
  // bring the linkedin-help rules and their premium-career tier.
  const other = site.url.replace('127.0.0.1', 'localhost');
  const host = other.replace('http://', '');
  const hostile = [
    `/\\${host}/rules/linkedin-help.json`,
    `/&#9;/${host}/rules/linkedin-help.json`,
    `/&#10;/${host}/rules/linkedin-help.json`,
    `ht&#9;tp://${host}/rules/linkedin-help.json`,
    `&#1;${other}/rules/linkedin-help.json`,
    `da&#9;ta:application/json,${encodeURIComponent(JSON.stringify({ id: 'x', name: 'X', tiers: [{ id: 'premium-career', name: 'P', price_cents: 0, free_messages: 99, inmail_credits: 0 }], bundles: [], inmail: { block_size: 3, block_price_cents: 1000, pay_per_inmail_cents: 1000 } }))}`,
    `${other}/rules/linkedin-help.json`,
  ];
  const context = await site.browser.newContext();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await hostPage(site, context, '/hostile-src.html',
    hostile.map((src, i) => `<div id="w${i}" data-messaging-quota data-loading="eager" data-sections="calculator" data-rules-src="${src}"></div>`).join(''));
  const page = await open(site, '/hostile-src.html', { widgets: hostile.length, context });
  for (let i = 0; i < hostile.length; i++) {
    const widget = page.locator(`#w${i}`);
    assert.equal(await widget.getByTestId('tier-option-premium-career').count(), 0, `widget ${i}: not fetched`);
    assert.equal(await text(widget, 'allowance'), '15', `widget ${i}: the default rules apply`);
    assert.match(await text(widget, 'input-notice'), /rules-src="[\s\S]*" was ignored: rules may only be loaded from this site's own origin/, `widget ${i}`);
  }
  assert.deepEqual(requests.filter((u) => u.includes('linkedin-help')), [], 'no request for the rules');
  await context.close();
});

test('a same-origin rules-src loads; a broken one falls back with a notice', async () => {
  const context = await site.browser.newContext();
  await hostPage(site, context, '/good-src.html',
    `<div id="good" data-messaging-quota data-loading="eager" data-sections="calculator" data-rules-src="rules/linkedin-help.json"></div>
     <div id="missing" data-messaging-quota data-loading="eager" data-sections="calculator" data-rules-src="/rules/nope.json"></div>`);
  const page = await open(site, '/good-src.html', { widgets: 2, context });
  assert.equal(await page.locator('#good').getByTestId('tier-option-premium-career').count(), 1);
  assert.match(await text(page.locator('#missing'), 'input-notice'), /rules-src="\/rules\/nope.json" was ignored: the server answered 404/);
  await context.close();
});

test('what a visitor types in the rule editor is what it shows: emptied, a brace, pasted rules', async () => {
  const page = await open(site, '/?today=2026-01-20');
  const editor = page.getByTestId('rules-editor');
  const original = await editor.inputValue();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  assert.equal(await editor.inputValue(), '');
  await page.keyboard.type('{');
  assert.equal(await editor.inputValue(), '{', 'the brace stays');
  assert.equal((await focused(page)).testid, 'rules-editor');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // Paste: one input event with the whole text.
  const pasted = original.replace('"free_messages": 15', '"free_messages": 20');
  await editor.evaluate((el, value) => {
    el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
  }, pasted);
  assert.equal(await editor.inputValue(), pasted, 'the pasted rules show');
  await page.getByTestId('rules-apply').click();
  assert.equal(await text(page, 'allowance'), '20');
  await page.close();
});

test('in the browser too, a field the rules do not know is an error that names it', async () => {
  const page = await open(site, '/?today=2026-01-20');
  const editor = page.getByTestId('rules-editor');
  const original = await editor.inputValue();
  await editor.fill(original.replace('"price_cents": 2999,', '"price_cents": 2999, "pricecents": 1,'));
  await page.getByTestId('rules-apply').click();
  assert.equal(await page.getByTestId('rules-error').getAttribute('data-path'), 'tiers[1].pricecents');
  assert.match(await text(page, 'rules-error'), /“pricecents” is not a field of this format/);
  await editor.fill(original.replace('"source"', '"sauce"'));
  await page.getByTestId('rules-apply').click();
  assert.equal(await page.getByTestId('rules-error').getAttribute('data-path'), 'sauce');
  await editor.fill(original.replace('"name": "Basic"', '"name": "\\ud800\\u0041"'));
  await page.getByTestId('rules-apply').click();
  assert.equal(await page.getByTestId('rules-error').getAttribute('data-path'), 'tiers[0].name', 'a lone surrogate is not text');
  await editor.fill('{ "id": ');
  await page.getByTestId('rules-apply').click();
  assert.equal(await page.getByTestId('rules-error').getAttribute('data-path'), '');
  assert.match(await text(page, 'rules-error'), /JSON/);
  await page.close();
});

test('the rule form keeps its place while a bundle size repeats another; the problem is named', async () => {
  const page = await open(site, '/?today=2026-01-20');
  const size = page.getByTestId('rules-bundle-size-1');
  await size.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('25');
  assert.equal(await size.inputValue(), '25');
  assert.equal((await focused(page)).testid, 'rules-bundle-size-1', 'focus stays');
  assert.equal(await page.getByTestId('rules-bundle-price-1').inputValue(), '49.99', 'the same bundle is under the caret');
  assert.equal(await page.getByTestId('rules-error').getAttribute('data-path'), 'bundles[1].size');
  assert.match(await text(page, 'rules-error'), /duplicate bundle size 25/);
  await page.keyboard.type('0');
  assert.equal(await page.getByTestId('rules-error').count(), 0);
  assert.equal(await size.inputValue(), '250');
  await page.close();
});

test('with seven tiers and the last as the minimum, the select shows it', async () => {
  const tiers = Array.from({ length: 7 }, (_, i) => ({ id: `t${i}`, name: `Tier ${i}`, price_cents: i * 1000, free_messages: 10 + i * 10, inmail_credits: 0 }));
  const rules = { id: 'seven', name: 'Seven', tiers, bundles: [{ size: 25, price_cents: 1499 }], inmail: { block_size: 3, block_price_cents: 1000, pay_per_inmail_cents: 1000 } };
  const context = await site.browser.newContext();
  await hostPage(site, context, '/seven.html', `<messaging-quota rules='${attr(JSON.stringify(rules))}' min-tier="t6" sections="compare"></messaging-quota>`);
  const page = await open(site, '/seven.html', { context });
  const select = page.getByTestId('min-tier');
  assert.equal(await select.inputValue(), 't6');
  assert.equal(await page.getByTestId('recommendation').getAttribute('data-tier'), 't6');
  await select.selectOption('');
  await select.selectOption('t6');
  assert.equal(await select.inputValue(), 't6');
  await context.close();
});

test('rules without a source apply, export and import back; a reload with persist keeps them', async () => {
  const context = await site.browser.newContext({ acceptDownloads: true });
  const page = await open(site, '/examples/strict-csp.html', { context });
  const editor = page.getByTestId('rules-editor');
  const noSource = (await editor.inputValue()).replace(/\n\s*"source": "[^"]*",/, '').replace('"name": "Article"', '"name": "Mine"');
  assert.ok(!noSource.includes('source'));
  await editor.fill(noSource);
  await page.getByTestId('rules-apply').click();
  assert.equal(await page.getByTestId('rules-error').count(), 0);
  assert.equal(await page.getByTestId('rules-tier-price-basic').count(), 1, 'the form stays');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rules-export').click()]);
  const file = await download.path();
  await page.getByTestId('preset-linkedin-help').click();
  await page.getByTestId('rules-import').setInputFiles(file);
  await page.getByText('Active: Mine').first().waitFor();
  assert.equal(await page.getByTestId('rules-error').count(), 0, 'the exported file imports');
  await context.close();
});

test('a link at the last day of the calendar stays readable after Next day', async () => {
  const page = await open(site, '/?today=9999-12-31');
  await page.getByTestId('next-day').click();
  await page.getByTestId('jump-to-reset').click();
  assert.equal(await page.getByTestId('today').getAttribute('data-date'), '9999-12-31');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('today') === '9999-12-31');
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length >= 1);
  assert.equal(await page.getByTestId('input-notice').count(), 0);
  assert.equal(await page.getByTestId('today').getAttribute('data-date'), '9999-12-31');
  await page.close();
});
