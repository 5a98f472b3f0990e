// What real hosting and real visitors add: a redeploy that removes the files a page's loader
// names, two tabs on one saved state, a storage that is full, a language file that fails and
// comes back, error text that is not the widget's, and names that carry bidi controls.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { useSite, open, text, hostPage, DIST, settle } from './support.mjs';
import { serve } from './server.mjs';

const site = useSite();
const rendered = (page, n = 1) => page.waitForFunction((count) => performance.getEntriesByName('messaging-quota:first-render').length >= count, n);

// ---- Redeploys ----------------------------------------------------------------------------

const scratch = mkdtempSync(join(tmpdir(), 'mq-redeploy-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under `dir`, as paths relative to it. */
function files(dir, prefix = '') {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, path)).isDirectory() ? files(dir, path) : [path];
  });
}

/**
 * Another build of the same widget, as a redeploy brings one: every content-named file under
 * a new name (its hash changed), and the loader, the manifest and the pages naming them.
 */
function nextBuild(from, to) {
  cpSync(from, to, { recursive: true });
  const renames = new Map();
  const manifest = JSON.parse(readFileSync(join(to, 'messaging-quota-build.json'), 'utf8'));
  renames.set(manifest.build, [...manifest.build].reverse().join(''));
  for (const path of files(to)) {
    const hash = path.match(/-([0-9a-f]{16})\.[a-z]+$/)?.[1];
    if (!hash) continue;
    const moved = path.replace(hash, [...hash].reverse().join(''));
    renameSync(join(to, path), join(to, moved));
    renames.set(path.split('/').pop(), moved.split('/').pop());
  }
  for (const path of files(to).filter((p) => /\.(js|json|html)$/.test(p))) {
    let body = readFileSync(join(to, path), 'utf8');
    for (const [old, moved] of renames) body = body.replaceAll(old, moved);
    writeFileSync(join(to, path), body);
  }
  return to;
}

/** A host page of the live site: a widget far down it, and maybe one that loads at once. */
const hostHtml = (early) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
  <script src="/messaging-quota.js"></script></head><body>
  ${early ? '<messaging-quota id="early" sections="calculator" loading="eager"></messaging-quota>' : ''}
  <div style="height: 4000px"></div>
  <messaging-quota id="late" sections="calculator"></messaging-quota></body></html>`;

/** Puts `build` live in `dir`, as a static host's deploy does: the old files are gone. */
function deploy(build, dir) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(build, dir, { recursive: true });
  writeFileSync(join(dir, 'host.html'), hostHtml(false));
  writeFileSync(join(dir, 'host-early.html'), hostHtml(true));
}

const skeletonShown = (page) => page.waitForFunction(() => document.querySelector('#late')?.shadowRoot?.querySelector('.mq-skeleton'));
const costIs = (page, id, cents) => page.waitForFunction(([el, c]) =>
  document.querySelector(el).shadowRoot.querySelector('[data-testid="monthly-cost"]')?.dataset.cents === c, [id, cents]);

const oldBuild = join(scratch, 'old');
cpSync(DIST, oldBuild, { recursive: true });
const newBuild = nextBuild(oldBuild, join(scratch, 'new'));

/** Records, in the page, whether the late widget's skeleton said it was updating. */
async function watchUpdating(page) {
  await page.evaluate(() => {
    const root = document.querySelector('#late').shadowRoot;
    window.__updating = null;
    window.__loadErrors = 0;
    new MutationObserver(() => {
      const note = root.querySelector('[data-testid="load-updated"]');
      if (note) window.__updating = note.textContent;
      if (root.querySelector('[data-testid="load-error"]')) window.__loadErrors += 1;
    }).observe(root, { subtree: true, childList: true });
  });
}

for (const loaderMaxAge of [0, 300]) {
  const how = loaderMaxAge ? 'the loader cached for five minutes' : 'the loader served no-cache';
  test(`a redeploy that removes the old files: the widget learns the new build and loads it (${how})`, async () => {
    const live = join(scratch, `live-${loaderMaxAge}`);
    deploy(oldBuild, live);
    const server = await serve(live, { loaderMaxAge });
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    // The page that loaded before the redeploy, in a browser of its own (so its cache does
    // not hold the old files for the other).
    const before = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const newPage = async (path, ctx = context) => {
      const page = await ctx.newPage();
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${server.url}${path}`);
      await skeletonShown(page);
      return page;
    };
    try {
      // A page whose widget loaded before the redeploy, kept open.
      const loaded = await newPage('/host-early.html', before);
      await rendered(loaded, 1);
      let page = await newPage('/host.html');
      if (loaderMaxAge) {
        // A visit that took the loader (cached now) and left before its widget loaded.
        await page.close();
        deploy(newBuild, live);
        const loaderFetches = () => server.requests.filter((p) => p === '/messaging-quota.js').length;
        const fetched = loaderFetches();
        page = await newPage('/host.html');
        assert.equal(loaderFetches(), fetched, 'the second visit took the old loader from the cache');
      } else {
        deploy(newBuild, live);
      }
      await watchUpdating(page);
      await page.locator('#late').scrollIntoViewIfNeeded();
      await page.locator('#late').getByTestId('monthly-cost').waitFor({ timeout: 30000 });
      assert.equal(await page.evaluate(() => window.__loadErrors), 0, 'no "check your connection" on the way');
      assert.match(await page.evaluate(() => window.__updating), /updated; loading the new version/);
      assert.ok(server.requests.includes('/messaging-quota-build.json'), 'the manifest was asked for');
      const newWasm = JSON.parse(readFileSync(join(newBuild, 'messaging-quota-build.json'), 'utf8')).assets.wasm;
      assert.ok(server.requests.includes(`/${newWasm}`), 'the new build\'s wasm loaded');
      await page.locator('#late').getByTestId('tier-option-premium-business').check();
      await costIs(page, '#late', '2999');
      // The widget that loaded before keeps working, and one further down its page comes
      // from the module it has.
      await loaded.locator('#early').getByTestId('tier-option-premium-business').check();
      await costIs(loaded, '#early', '2999');
      await loaded.locator('#late').scrollIntoViewIfNeeded();
      await loaded.locator('#late').getByTestId('monthly-cost').waitFor({ timeout: 30000 });
      assert.deepEqual(problems, []);
    } finally {
      await before.close();
      await context.close();
      await server.close();
    }
  });
}

test('files missing with no new build to load: the failure is said as before, and Try again asks again', async () => {
  const live = join(scratch, 'live-missing');
  deploy(oldBuild, live);
  const manifest = JSON.parse(readFileSync(join(live, 'messaging-quota-build.json'), 'utf8'));
  const server = await serve(live);
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/host.html`);
    await skeletonShown(page);
    // The wasm is gone and the manifest still names it: not a redeploy.
    const wasm = join(live, manifest.assets.wasm);
    const kept = `${wasm}.kept`;
    renameSync(wasm, kept);
    await page.locator('#late').scrollIntoViewIfNeeded();
    const alert = page.locator('#late').getByTestId('load-error');
    await alert.waitFor();
    const asked = server.requests.filter((p) => p === '/messaging-quota-build.json').length;
    assert.equal(asked, 1);
    renameSync(kept, wasm);
    await page.locator('#late').getByTestId('load-retry').click();
    await page.locator('#late').getByTestId('monthly-cost').waitFor();
  } finally {
    await context.close();
    await server.close();
  }
});

// ---- Two tabs -----------------------------------------------------------------------------

const TAB_PAGE = `<messaging-quota id="w" persist="tabs" sections="calculator,rules" loading="eager"></messaging-quota>`;

test('two tabs on one persist key follow each other\'s saved changes; reopened, nothing is lost', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await hostPage(site, context, '/tabs.html', TAB_PAGE);
  const one = await open(site, '/tabs.html', { context });
  const two = await open(site, '/tabs.html', { context });
  await one.getByTestId('tier-option-premium-business').check();
  await two.getByTestId('tier-option-premium-business').waitFor();
  await two.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('[data-testid="tier-option-premium-business"]').checked);
  await two.getByTestId('sent-count').fill('7');
  await one.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('[data-testid="sent-count"]').value === '7');
  await one.getByTestId('addon-count-100').fill('1');
  await two.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('[data-testid="addon-count-100"]').value === '1');
  for (const tab of [one, two]) assert.equal(await tab.getByTestId('input-notice').count(), 0, 'followed without a word');
  const three = await open(site, '/tabs.html', { context });
  assert.equal(await three.getByTestId('tier-option-premium-business').isChecked(), true);
  assert.equal(await three.getByTestId('sent-count').inputValue(), '7');
  assert.equal(await three.getByTestId('addon-count-100').inputValue(), '1');
  await context.close();
});

test('a tab with rules being edited is not overwritten: it says another tab changed the plan and offers it', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await hostPage(site, context, '/tabs.html', TAB_PAGE);
  const one = await open(site, '/tabs.html', { context });
  const two = await open(site, '/tabs.html', { context });
  const draft = '{ "id": "half-typed"';
  await two.getByTestId('rules-editor').fill(draft);
  await one.getByTestId('tier-option-recruiter').check();
  const notice = two.getByTestId('input-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /changed in another tab/);
  assert.equal(await two.getByTestId('rules-editor').inputValue(), draft, 'what was being typed is still there');
  assert.equal(await two.getByTestId('tier-option-recruiter').isChecked(), false);
  await two.getByTestId('load-other-tab').click();
  assert.equal(await two.getByTestId('tier-option-recruiter').isChecked(), true);
  assert.equal(await two.getByTestId('load-other-tab').count(), 0);
  await context.close();
});

// ---- A full storage -----------------------------------------------------------------------

test('a storage that throws QuotaExceededError: said once on the page, the plan kept, saved once there is room', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__full = true;
    window.__refused = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__full && key.startsWith('messaging-quota:')) {
        window.__refused += 1;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  await hostPage(site, context, '/full.html', TAB_PAGE);
  const page = await open(site, '/full.html', { context });
  await page.getByTestId('tier-option-recruiter').check();
  const notice = page.getByTestId('input-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /storage is full/);
  const refused = await page.evaluate(() => window.__refused);
  await page.getByTestId('sent-count').fill('9');
  // The change was tried, and refused again.
  await page.waitForFunction((n) => window.__refused > n, refused);
  await settle(page);
  assert.equal((await notice.textContent()).match(/storage is full/g).length, 1, 'said once');
  assert.equal(await page.getByTestId('tier-option-recruiter').isChecked(), true, 'the plan is kept on the page');
  // Room again: written by itself, and the notice goes.
  await page.evaluate(() => { window.__full = false; });
  await page.waitForFunction(() => localStorage.getItem('messaging-quota:tabs')?.includes('recruiter'), null, { timeout: 15000 });
  await page.waitForFunction(() => !document.querySelector('#w').shadowRoot.querySelector('[data-testid="input-notice"]'));
  await page.reload();
  await rendered(page);
  assert.equal(await page.getByTestId('tier-option-recruiter').isChecked(), true);
  assert.equal(await page.getByTestId('sent-count').inputValue(), '9');
  await context.close();
});

// ---- A language file that fails, then comes back ------------------------------------------

test('a language file that failed is fetched again: on Try again, and when the browser is back online', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  let broken = true;
  await context.route(/\/i18n\/de-[0-9a-f]{16}\.json$/, (route) => (broken ? route.abort('connectionreset') : route.continue()));
  await hostPage(site, context, '/de.html', '<messaging-quota id="w" sections="calculator" loading="eager"></messaging-quota>', { lang: 'de' });
  const page = await open(site, '/de.html', { context });
  const root = page.locator('#w .mq-root').first();
  assert.equal(await root.getAttribute('lang'), 'en');
  assert.match(await text(page, 'input-notice'), /could not be loaded/);
  broken = false;
  await page.getByTestId('language-retry').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.mq-root').lang.startsWith('de'));
  assert.equal(await page.getByTestId('input-notice').count(), 0, 'the notice went with the failure');

  // Offline when the page loads, then back online: German by itself.
  broken = true;
  const second = await open(site, '/de.html', { context });
  await second.getByTestId('input-notice').waitFor();
  broken = false;
  await second.evaluate(() => window.dispatchEvent(new Event('online')));
  await second.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.mq-root').lang.startsWith('de'));
  await context.close();
});

// ---- Only the widget's sentences ----------------------------------------------------------

/** A link's rules part for `json`, as the widget writes one: raw DEFLATE, base64url. */
const rulesPart = (json) => deflateRawSync(Buffer.from(json)).toString('base64url');

const READERS_WORDS = /TypeError|Reflect|invalid type|unit value|missing field|expected struct|Unexpected token|JSON\.parse|SyntaxError/;

test('errors in a link, a rule draft and a saved state are said in the widget\'s words, the reader\'s in the console', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  // An array nested 30,000 deep where a rule set belongs.
  const deep = `${'['.repeat(30000)}${']'.repeat(30000)}`;
  await page.goto(`${site.url}/?today=2026-01-20#mq-rules=${rulesPart(deep)}`);
  await rendered(page);
  const notice = await text(page, 'input-notice');
  assert.match(notice, /nested too deeply/);
  assert.doesNotMatch(notice, READERS_WORDS);
  // A draft with a value of the wrong kind, and one that is not JSON.
  const editor = page.getByTestId('rules-editor');
  const rules = JSON.parse(await editor.inputValue());
  rules.tiers[0].name = null;
  await editor.fill(JSON.stringify(rules, null, 2));
  await page.getByTestId('rules-apply').click();
  const wrongKind = await text(page, 'rules-error');
  assert.match(wrongKind, /tiers\[0\]\.name: .*a text belongs here/, consoleLines.join('\n'));
  assert.doesNotMatch(wrongKind, READERS_WORDS);
  await editor.fill('{ "id": oops }');
  await page.getByTestId('rules-apply').click();
  const syntax = await text(page, 'rules-error');
  // Where, when the browser says (Chrome does not for every error).
  assert.match(syntax, /not valid JSON( \(line 1, column \d+\))?\./);
  assert.doesNotMatch(syntax, READERS_WORDS);
  assert.ok(consoleLines.some((l) => /the JSON reader said/.test(l)), 'the reader\'s own words are in the console');
  await context.close();
});

// ---- Names with bidi controls -------------------------------------------------------------

test('a right-to-left override in a tier name reorders nothing around it', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await open(site, '/?today=2026-01-20', { context });
  const rules = JSON.parse(await page.getByTestId('rules-editor').inputValue());
  rules.tiers[0].name = 'Basic \u202Eeno';
  const link = `${site.url}/?today=2026-01-20#mq-rules=${rulesPart(JSON.stringify(rules))}`;
  await page.goto('about:blank');
  await page.goto(link);
  await rendered(page);
  const row = page.getByTestId(`compare-row-${rules.tiers[0].id}`);
  await row.waitFor();
  // The badges after the name read left to right: each first letter left of its last.
  const readings = await row.evaluate((tr) => [...tr.querySelectorAll('th .badge')].map((badge) => {
    const range = document.createRange();
    const node = badge.firstChild;
    range.setStart(node, 0);
    range.setEnd(node, 1);
    const first = range.getBoundingClientRect().left;
    range.setStart(node, node.length - 1);
    range.setEnd(node, node.length);
    return { text: badge.textContent, inOrder: first < range.getBoundingClientRect().left };
  }));
  assert.ok(readings.length > 0, 'the row has a badge after the name');
  for (const reading of readings) assert.ok(reading.inOrder, `"${reading.text}" reads in order`);
  // Wherever the name shows, it is isolated: in a <bdi>, or between FSI and PDI in a sentence.
  const exposed = await page.evaluate(() => {
    const out = [];
    const walk = (root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.data.includes('\u202E')) continue;
        const isolatedByElement = n.parentElement.closest('bdi, option, textarea, input');
        const isolatedInText = /\u2068[^\u2069]*\u202E[^\u2069]*\u2069/.test(n.data);
        if (!isolatedByElement && !isolatedInText) out.push(`${n.parentElement.localName}.${n.parentElement.className}: ${n.data}`);
      }
      root.querySelectorAll('*').forEach((el) => el.shadowRoot && walk(el.shadowRoot));
    };
    walk(document.body);
    return out;
  });
  assert.deepEqual(exposed, []);
  await context.close();
});
