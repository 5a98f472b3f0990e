// The widget in the visitor's language: every word from the language's catalogue, numbers
// and dates as the browser's Intl writes them, right to left in Arabic, a host's own words,
// and English (with a notice) when a catalogue cannot be used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, open, text, builtAssets, hostPage, axeViolations, allParts } from './support.mjs';

const site = useSite();
const catalogue = (code) => JSON.parse(readFileSync(new URL(`../../i18n/${code}.json`, import.meta.url), 'utf8'));

/** Every text of a catalogue, placeholders and all. */
const texts = (messages) => Object.values(messages).flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m)));

/** The words of a text: runs of three or more letters, placeholders dropped. */
const words = (s) => (s.replace(/\{[a-z-]+\}/g, ' ').match(/\p{L}{3,}/gu) ?? []);

const PRESETS = ['article', 'linkedin-help'].map((id) => JSON.parse(readFileSync(new URL(`../../rules/${id}.json`, import.meta.url), 'utf8')));

/** The words of a rule set's product names: its tiers' and features', and their ids. */
const productNames = (rules) => [
  ...rules.tiers.flatMap((t) => [...words(t.name), ...words(t.id)]),
  ...(rules.features ?? []).flatMap((f) => [...words(f.id), ...words(f.name ?? '')]),
];

/** Sends until the allowance runs out and the upgrade pop-up opens. */
async function sendUntilBlocked(page) {
  const dialog = page.getByTestId('upgrade-dialog');
  for (let i = 0; i < 40 && !(await dialog.isVisible()); i++) await page.getByTestId('send-button').click();
  await dialog.waitFor({ state: 'visible' });
}

/** Everything the widget says, shown or announced: its text, labels, titles and values. */
async function everythingSaid(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-messaging-quota], messaging-quota').shadowRoot.querySelector('.mq-root');
    const said = [root.innerText];
    for (const el of root.querySelectorAll('*')) {
      for (const name of ['aria-label', 'aria-valuetext', 'title', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value) said.push(value);
      }
      if (el.tagName === 'title' || el.tagName === 'desc') said.push(el.textContent);
    }
    return said.join('\n');
  });
}

test('a German page gets a German widget: no English UI word, dates and money as Intl writes them in German', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const i18nRequests = [];
  context.on('request', (r) => { const p = new URL(r.url()).pathname; if (p.startsWith('/i18n/')) i18nRequests.push(p); });
  const page = await open(site, '/examples/deutsch.html', { context });
  const root = page.locator('[data-messaging-quota] .mq-root');
  assert.equal(await root.getAttribute('lang'), 'de', 'the root says which language it speaks');
  assert.equal(await root.getAttribute('dir'), 'ltr');

  // Show as much as there is to show: a blocked send and its pop-up, a played day, the
  // scenario's fields and the shortcuts.
  await page.getByTestId('next-day').click();
  await page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
  await sendUntilBlocked(page);

  const english = new Set(texts(catalogue('en')).flatMap(words));
  for (const word of texts(catalogue('de')).flatMap(words)) english.delete(word);
  // The tiers' and features' names are the rule set's data, not the widget's words.
  const data = new Set(PRESETS.flatMap(productNames));
  const said = await everythingSaid(page);
  const leaked = [...new Set(words(said))].filter((w) => english.has(w) && !data.has(w));
  assert.deepEqual(leaked, [], `English words in the German widget:\n${said}`);

  const expected = await page.evaluate(() => ({
    reset: new Intl.DateTimeFormat('de', { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 1, 1)),
    bundle: new Intl.NumberFormat('de', { style: 'currency', currency: 'USD' }).format(14.99),
    zero: new Intl.NumberFormat('de', { style: 'currency', currency: 'USD' }).format(0),
  }));
  assert.equal(await text(page, 'reset-date'), expected.reset);
  assert.equal(await text(page, 'monthly-cost'), expected.zero);
  assert.match(await page.getByTestId('upgrade-option-addon-25').textContent(), new RegExp(expected.bundle.replace(/[$.]/g, '\\$&')));
  assert.match(await page.getByTestId('upgrade-dialog').textContent(), /Monatliches Nachrichtenlimit erreicht/);

  assert.deepEqual(i18nRequests, [builtAssets().words.de], 'a German page downloads the German words alone, once');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the presets speak the widget’s language: in German, Japanese and Arabic, no English word of their names and sources', async () => {
  const products = new Set([...PRESETS.flatMap(productNames), 'LinkedIn', 'InMail']);
  const english = new Set(PRESETS.flatMap((r) => [...words(r.name), ...words(r.source)]).filter((w) => !products.has(w)));
  for (const lang of ['de', 'ja', 'ar']) {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await hostPage(site, context, `/presets-${lang}.html`,
      `<messaging-quota sections="rules" loading="eager"></messaging-quota>`, { lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
    const page = await open(site, `/presets-${lang}.html`, { context });
    await allParts(page);
    const said = await everythingSaid(page);
    const own = catalogue(lang);
    for (const id of ['article', 'linkedin-help']) {
      assert.ok(said.includes(own[`preset.${id}.source`]), `${lang}: the ${id} preset's source in its words`);
    }
    // A word the language shares with English ("November" in German) is its own.
    const theirs = new Set(texts(own).flatMap(words));
    const leaked = [...new Set(words(said))].filter((w) => english.has(w) && !theirs.has(w));
    assert.deepEqual(leaked, [], `${lang}: English words from the presets:\n${said}`);
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});

test('event details stay in English with ids, cents and ISO dates, whatever the language', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await open(site, '/examples/deutsch.html', { context });
  await page.evaluate(() => {
    window.__changes = [];
    document.querySelector('[data-messaging-quota]').addEventListener('messaging-quota:change', (e) => window.__changes.push(e.detail));
  });
  await page.getByTestId('addon-count-25').fill('2');
  await page.waitForFunction(() => window.__changes.length > 0);
  const detail = await page.evaluate(() => window.__changes.at(-1));
  assert.equal(detail.selection.addons, '25x2', JSON.stringify(detail));
  const line = detail.summary.lines.find((l) => l.charge === 'bundle');
  assert.ok(line, JSON.stringify(detail.summary.lines));
  assert.equal(line.label, '25 messages × 2', 'the English label');
  assert.equal(line.cents, 2998);
  assert.match(detail.summary.reset_date, /^\d{4}-\d{2}-\d{2}$/);
  await context.close();
});

test('locale chooses by language: de-AT gets German words with Austrian formatting, zh-CN English words with Chinese formatting', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const i18nRequests = [];
  context.on('request', (r) => { const p = new URL(r.url()).pathname; if (p.startsWith('/i18n/')) i18nRequests.push(p); });
  await hostPage(site, context, '/host-locales.html', `
    <messaging-quota locale="de-AT" today="2026-01-20" sections="calculator" loading="eager"></messaging-quota>
    <messaging-quota locale="zh-CN" today="2026-01-20" sections="calculator" loading="eager"></messaging-quota>`);
  const page = await open(site, '/host-locales.html', { context, widgets: 2 });
  const [austrian, chinese] = [page.locator('messaging-quota').nth(0), page.locator('messaging-quota').nth(1)];
  assert.equal(await austrian.locator('.mq-root').getAttribute('lang'), 'de-AT');
  assert.equal(await text(austrian, 'send-button'), 'Senden');
  const expected = await page.evaluate(() => ({
    at: new Intl.DateTimeFormat('de-AT', { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 1, 1)),
    zh: new Intl.DateTimeFormat('zh-CN', { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 1, 1)),
  }));
  assert.equal(await text(austrian, 'reset-date'), expected.at);
  assert.equal(await chinese.locator('.mq-root').getAttribute('lang'), 'en', 'the words are English');
  assert.equal(await text(chinese, 'send-button'), 'Send');
  assert.equal(await text(chinese, 'reset-date'), expected.zh, 'the date is Chinese');
  assert.deepEqual(i18nRequests, [builtAssets().words.de]);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('Arabic mirrors: dir="rtl" on the root, the tier price on the left, the meter filling from the right', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await open(site, '/examples/arabic.html', { context });
  const root = page.locator('[data-messaging-quota] .mq-root');
  assert.equal(await root.getAttribute('dir'), 'rtl');
  assert.equal(await root.getAttribute('lang'), 'ar');
  assert.equal(await text(page, 'send-button'), 'إرسال');
  const option = page.locator('.tier-option').first();
  const name = await option.locator('.tier-name').boundingBox();
  const price = await option.locator('.tier-price').boundingBox();
  const radio = await option.locator('input').boundingBox();
  assert.ok(price.x + price.width <= name.x, `the price (${price.x}) sits left of the name (${name.x})`);
  assert.ok(radio.x > name.x, 'the radio button sits on the right');
  const fill = await page.locator('.meter-fill').boundingBox();
  const track = await page.locator('.meter-track').boundingBox();
  assert.ok(Math.abs(fill.x + fill.width - (track.x + track.width)) < 1 && fill.width < track.width, 'the meter fills from the right');
  // The chart's axis runs from the right: more messages further left.
  const ticks = await page.locator('.cost-chart .axis text').evaluateAll((all) => all
    .map((t) => ({ text: t.textContent, x: t.getBoundingClientRect().x })));
  const first = ticks.find((t) => /^[0٠]$/.test(t.text.trim()));
  const last = ticks.filter((t) => t.text.trim() && t.x).at(-2);
  assert.ok(first && first.x > last.x, JSON.stringify(ticks));
  // Its money labels (`300 US$`, longer than `$300`) stay inside the chart, at phone width too.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator('.cost-chart svg').scrollIntoViewIfNeeded();
    const outside = await page.locator('.cost-chart svg').evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')].filter((t) => t.textContent.includes('US'))
        .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }))
        .filter(({ box: b }) => b.width > 0 && (b.left < box.left - 0.5 || b.right > box.right + 0.5))
        .map(({ text, box: b }) => `${text} at ${b.left.toFixed(0)}–${b.right.toFixed(0)} (chart ${box.left.toFixed(0)}–${box.right.toFixed(0)})`);
    });
    assert.deepEqual(outside, [], `at ${width} px`);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

for (const [language, path] of [['Arabic', '/examples/arabic.html'], ['Japanese', '/examples/japanese.html']]) {
  test(`axe finds no accessibility violation in ${language}, the pop-up open too`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(site, path, { context });
    assert.deepEqual(await axeViolations(page), []);
    await sendUntilBlocked(page);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test('a host catalogue changes a word, and adds a language the widget lacks', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(`${site.url}/words/brand.json`, (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify({ 'send.button': 'Abschicken' }),
  }));
  await context.route(`${site.url}/words/pl.json`, (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ 'send.button': 'Wyślij', 'units.days-left': { one: '{count} dzień', few: '{count} dni', many: '{count} dni', other: '{count} dnia' } }),
  }));
  await hostPage(site, context, '/host-words.html', `
    <messaging-quota locale="de" messages-src="/words/brand.json" today="2026-01-20" sections="calculator" loading="eager"></messaging-quota>
    <messaging-quota locale="pl" messages-src="/words/pl.json" today="2026-01-20" sections="calculator" loading="eager"></messaging-quota>`);
  const warnings = [];
  context.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const page = await open(site, '/host-words.html', { context, widgets: 2 });
  const [german, polish] = [page.locator('messaging-quota').nth(0), page.locator('messaging-quota').nth(1)];
  assert.equal(await text(german, 'send-button'), 'Abschicken', 'the host’s word');
  assert.match(await german.locator('.plan-heading, h2').first().textContent(), /Ihr Tarif/, 'the rest German');
  assert.equal(await polish.locator('.mq-root').getAttribute('lang'), 'pl');
  assert.equal(await text(polish, 'send-button'), 'Wyślij');
  assert.match(await polish.locator('h2').first().textContent(), /Your plan/, 'English stands in for what the host did not write');
  assert.equal(await german.getByTestId('input-notice').count(), 0, 'a partial catalogue is no error');
  assert.equal(warnings.filter((w) => w.includes('"pl" words lack')).length, 1, `one warning for the missing keys:\n${warnings.join('\n')}`);
  assert.equal(warnings.filter((w) => w.includes('"de" words lack')).length, 0, 'German has every key');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a broken catalogue falls back to English with a notice; so does a language file that will not load', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(`${site.url}/words/broken.json`, (route) => route.fulfill({ contentType: 'application/json', body: '{"send.button": ' }));
  await context.route(`${site.url}${builtAssets().words.fr}`, (route) => route.fulfill({ status: 503, body: 'down' }));
  await hostPage(site, context, '/host-broken.html', `
    <messaging-quota messages-src="/words/broken.json" today="2026-01-20" sections="calculator" loading="eager"></messaging-quota>
    <messaging-quota locale="fr" today="2026-01-20" sections="calculator" loading="eager"></messaging-quota>
    <messaging-quota messages-src="https://elsewhere.example/words.json" today="2026-01-20" sections="calculator" loading="eager"></messaging-quota>`);
  const warnings = [];
  context.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const page = await open(site, '/host-broken.html', { context, widgets: 3 });
  const [broken, french, foreign] = [0, 1, 2].map((i) => page.locator('messaging-quota').nth(i));
  await broken.getByTestId('input-notice').waitFor();
  assert.match(await text(broken, 'input-notice'), /messages-src="\/words\/broken\.json" was ignored: it is not a message catalogue/);
  assert.equal(await text(broken, 'send-button'), 'Send');
  await french.getByTestId('input-notice').waitFor();
  assert.match(await text(french, 'input-notice'), /The Français text could not be loaded, so the widget is shown in English/);
  assert.equal(await french.locator('.mq-root').getAttribute('lang'), 'en');
  assert.equal(await text(french, 'send-button'), 'Send');
  await foreign.getByTestId('input-notice').waitFor();
  assert.match(await text(foreign, 'input-notice'), /messages-src="https:\/\/elsewhere.example\/words.json" was ignored: messages may only be loaded from this site's own origin/, 'the refusal speaks of the messages');
  assert.ok(warnings.some((w) => w.includes('broken.json')), warnings.join('\n'));
  assert.deepEqual(page.problems.filter((p) => !p.includes('503')), []);
  await context.close();
});

test('the standalone page speaks the browser’s language and offers a language menu; the URL does not change with it', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const page = await open(site, '/?today=2026-01-20', { context });
  const root = page.locator('[data-messaging-quota] .mq-root');
  assert.equal(await root.getAttribute('lang'), 'fr-FR');
  assert.equal(await text(page, 'send-button'), 'Envoyer');
  const menu = page.getByTestId('language');
  assert.equal(await menu.inputValue(), 'fr-FR');
  assert.equal(await page.getByLabel('Langue').count(), 1, 'the menu is labelled in the widget’s language');
  // The widget writes its own link once the first render has settled (`tier` is always in it).
  await page.waitForFunction(() => new URLSearchParams(location.search).has('tier'));
  const before = page.url();
  await menu.selectOption('ja-JP');
  await page.waitForFunction(() => document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('.mq-root').lang === 'ja-JP');
  assert.equal(await text(page, 'send-button'), '送信');
  await menu.selectOption('ar');
  await page.waitForFunction(() => document.querySelector('[data-messaging-quota]').shadowRoot.querySelector('.mq-root').dir === 'rtl');
  assert.equal(await text(page, 'send-button'), 'إرسال');
  assert.equal(page.url(), before, 'the language is not in the URL');
  // A change the URL does carry is written with all it carries: still no language.
  await page.getByTestId('tier-option-recruiter').check();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('tier') === 'recruiter');
  assert.deepEqual([...new URL(page.url()).searchParams.keys()].filter((k) => /lang|locale/.test(k)), [], 'the language is not in the URL');
  assert.equal(await page.locator('[data-messaging-quota] option[lang="ar"]').count(), 1, 'each language named in itself, marked with its lang');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the skeleton speaks the page’s language before anything loads', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await hostPage(site, context, '/host-skeleton.html', `<div style="height:4000px"></div><div data-messaging-quota></div>`, { lang: 'ja' });
  const page = await context.newPage();
  await page.goto(`${site.url}/host-skeleton.html`);
  const skeleton = page.locator('[data-messaging-quota] .mq-skeleton');
  assert.equal(await skeleton.getAttribute('aria-label'), catalogue('ja')['skeleton.label']);
  assert.equal(await skeleton.getAttribute('lang'), 'ja');
  await context.close();
});

test('the loader and the widget choose the same language, whatever the page, the browser and the attributes say', async () => {
  // The loader decides before the wasm is there (embed/language.js: the skeleton's words);
  // the widget decides again (src/browser/catalogue_files.rs). Both must agree.
  const widgets = [
    ['plain', ''],
    ['austrian', 'locale="de-AT"'],
    ['portuguese', 'locale="pt-PT"'],
    ['chinese', 'locale="zh-CN"'],
    ['not-a-tag', 'locale="not a tag"'],
    ['menu', 'language-menu'],
    ['menu-with-locale', 'language-menu locale="ja"'],
    ['host-words', 'messages-src="/words.json"'],
  ];
  for (const [pageLang, browserLocale] of [['fr', 'es-ES'], ['ar', 'it-IT'], ['xx-invalid', 'nl-NL']]) {
    const context = await site.browser.newContext({ locale: browserLocale, viewport: { width: 1280, height: 900 } });
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await context.route(`${site.url}${builtAssets().wasm}`, async (route) => { await held; await route.continue(); });
    await context.route(`${site.url}/words.json`, (route) => route.fulfill({ contentType: 'application/json', body: '{}' }));
    await hostPage(site, context, '/languages.html', widgets.map(([id, attrs]) =>
      `<messaging-quota id="${id}" ${attrs} sections="calculator" loading="eager"></messaging-quota>`).join('\n'), { lang: pageLang });
    const page = await context.newPage();
    await page.goto(`${site.url}/languages.html`);
    const langs = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('messaging-quota')]
      .map((el) => [el.id, el.shadowRoot.querySelector('.mq-root').lang])));
    const before = await langs();
    release();
    await page.waitForFunction((n) => performance.getEntriesByName('messaging-quota:first-render').length >= n, widgets.length);
    const after = await langs();
    assert.deepEqual(after, before, `page ${pageLang}, browser ${browserLocale}`);
    await context.close();
  }
});
