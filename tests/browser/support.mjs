// Shared set-up for the browser tests: the built site on a local server, Debian's Chromium
// driven by playwright-core, and helpers that read the widget as a visitor does.
import { after, before } from 'node:test';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Playwright's Chromium driver, for the measurement scripts in bench/ too. */
export { chromium };
import { serve } from './server.mjs';

export const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
/** The same site built with the test hooks (scripts/test.sh): a simulated crash. */
export const TEST_HOOKS_DIST = fileURLToPath(new URL('../../target/test-hooks-dist', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The one file in dist/`folder` whose name matches `pattern`, as a path from the site's root. */
function builtFile(folder, pattern, dist = DIST) {
  const found = readdirSync(`${dist}/${folder}`).filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`dist/${folder}: expected one file like ${pattern}, found ${found.join(', ') || 'none'}`);
  return `/${folder ? `${folder}/` : ''}${found[0]}`;
}

/**
 * This build's content-named files, as the loader names them (each name carries 16 hex digits
 * of its content's SHA-256), as paths from the site's root: { wasm, script, stylesheet,
 * worker, later, words: { de, … } }.
 */
export function builtAssets(dist = DIST) {
  const hash = '-[0-9a-f]{16}';
  const words = {};
  for (const file of readdirSync(`${dist}/i18n`)) {
    const code = file.match(new RegExp(`^([a-z]+)${hash}\\.json$`))?.[1];
    if (code) words[code] = `/i18n/${file}`;
  }
  return {
    wasm: builtFile('wasm', new RegExp(`^messaging-quota_bg${hash}\\.wasm$`), dist),
    script: builtFile('wasm', new RegExp(`^messaging-quota${hash}\\.js$`), dist),
    stylesheet: builtFile('', new RegExp(`^messaging-quota${hash}\\.css$`), dist),
    worker: builtFile('', new RegExp(`^messaging-quota-intl${hash}\\.js$`), dist),
    later: builtFile('wasm', new RegExp(`^messaging-quota-later${hash}\\.wasm$`), dist),
    words,
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Starts the server and the browser once per test file; closes both afterwards. */
export function useSite({ dist = DIST } = {}) {
  const site = {};
  before(async () => {
    if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist} is missing: run scripts/test.sh, which builds it`);
    site.server = await serve(dist);
    site.url = site.server.url;
    site.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * Opens a page of the site and waits for every widget on it to render.
 * Collects console errors and CSP violations in `page.problems`.
 */
export async function open(site, path = '/', { widgets = 1, context } = {}) {
  const ctx = context ?? (await site.browser.newContext({ viewport: { width: 1280, height: 900 } }));
  const page = await ctx.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.__cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(site.url + path);
  await page.waitForFunction((n) => performance.getEntriesByName('messaging-quota:first-render').length >= n, widgets);
  // The sections after the first come a frame apart: wait until every part has its section.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-messaging-quota], messaging-quota')]
    .every((el) => !el.shadowRoot?.querySelector('.mq-root:not(.mq-skeleton)') || !el.shadowRoot.querySelector('.mq-part:empty')));
  return page;
}

/**
 * Waits until the page has run `turns` rounds of its event loop: a frame, then a task queued
 * after it. Work the page had queued (a microtask, a 0 ms timer, a frame callback, an
 * IntersectionObserver's first report, a layout shift's entry) has run by then: what should
 * have happened has, and what should not have would have.
 */
export async function settle(page, turns = 3) {
  await page.evaluate((n) => new Promise((resolve) => {
    const turn = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => setTimeout(() => turn(left - 1), 0)));
    turn(n);
  }), turns);
}

/** Waits until every widget of the page shows each of its parts (they follow one a frame). */
export async function allParts(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('[data-messaging-quota], messaging-quota')]
    .every((el) => el.shadowRoot?.querySelector('.mq-root:not(.mq-skeleton)') && !el.shadowRoot.querySelector('.mq-part:empty')));
}

/** Holds back the wasm module until `release()`: the drawing (or skeleton) is all there is meanwhile. */
export async function holdWasm(context) {
  let release;
  const released = new Promise((r) => { release = r; });
  await context.route(/\/wasm\/messaging-quota_bg-[0-9a-f]{16}\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * Serves the site's pages to this context as they were before the build drew their widgets
 * ahead (no declarative shadow root): a widget loaded by its script tag alone, whose loader
 * shows a skeleton until it is there.
 */
export async function withoutDrawings(context) {
  await context.route((url) => url.pathname.endsWith('.html') || url.pathname.endsWith('/'), async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    route.fulfill({ response, body: html.replace(/<template shadowrootmode="open">[\s\S]*?<\/template>/g, '') });
  });
}

/**
 * A host page served at `path` for this context only: `body` in a page whose head loads the
 * loader (or `head` instead), in `lang` and `dir`, with extra response `headers`.
 */
export async function hostPage(site, context, path, body, { lang = 'en', dir = 'ltr', headers = {}, head = '<script src="/messaging-quota.js"></script>' } = {}) {
  await context.route(`${site.url}${path}`, (route) => route.fulfill({
    contentType: 'text/html',
    headers,
    body: `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>Host</title>
      ${head}</head><body>${body}</body></html>`,
  }));
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe's violations inside the first element matching `selector`, as `rule: targets` lines. */
export async function axeViolations(page, selector = '[data-messaging-quota]') {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (sel) => {
    const result = await window.axe.run(document.querySelector(sel), { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

/** The text of the element with this test id (first match). */
export async function text(scope, testid) {
  return (await scope.getByTestId(testid).first().textContent()).trim();
}

/** Replaces what a field holds, as typing does. */
export async function type(scope, testid, value) {
  const field = scope.getByTestId(testid).first();
  await field.fill(value);
}

/** The monthly cost in cents, from `data-cents`. */
export async function costCents(scope) {
  return Number(await scope.getByTestId('monthly-cost').first().getAttribute('data-cents'));
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

/** The element focused, looking through shadow roots: its test id, tag and whether it sits in the dialog. */
export async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { testid: el?.getAttribute('data-testid') ?? null, tag: el?.tagName ?? null, inDialog: !!el?.closest('dialog') };
  });
}
