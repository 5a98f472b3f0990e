// Prints the phone figures: on a mobile profile (4x CPU slowdown, 150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up; cold cache, served compressed as a CDN would), each load
// interleaved with a hello-world Yew app's: when the month's cost is first on screen (the
// page's first paint, for a page drawn ahead), when the widget is alive (its first render,
// or its hydration over the drawing), their ratio to hello-world's first render, and the
// bytes fetched before it; for the standalone page and a calculator-only embed on an article,
// both drawn ahead by the build, and for that article by the script tag alone (its page as
// written, not drawn ahead); then the longest main-thread task from navigation through the
// first input at 390 and 1280 px (4x CPU), with its cause from a trace (bench/tasks.mjs), for
// those pages, a page with two widgets and the article without one.
// A measurement script, not a test: it prints figures and never fails on them.
import { existsSync, mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/browser/server.mjs';
import { chromium, CHROMIUM_ARGS } from '../tests/browser/support.mjs';
import { tasksThroughFirstInput } from './tasks.mjs';

const LOADS = Number(process.env.LOADS ?? 9);
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const helloDist = fileURLToPath(new URL('./hello/dist', import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;

const PHONE = { latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8), offline: false };
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

/**
 * One cold load of `url` on the mobile profile: when the month's cost is first on screen
 * (the first frame that holds it, or the first paint if later), the first render
 * (navigation start → the `messaging-quota:first-render` mark) and the bytes on the wire
 * before it.
 */
async function phoneLoad(url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(() => {
    // Checked at each frame before it is painted: the frame that first holds the cost.
    const frame = () => {
      const cost = document.querySelector('[data-messaging-quota], messaging-quota')?.shadowRoot?.querySelector('[data-testid="monthly-cost"]');
      if (cost?.textContent.trim() && cost.checkVisibility()) window.__costFrame = performance.now();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { timeout: 120000 });
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length > 0, null, { timeout: 120000, polling: 200 });
  const { render, bytes, cost } = await page.evaluate(() => {
    const at = performance.getEntriesByName('messaging-quota:first-render')[0].startTime;
    const navigation = performance.getEntriesByType('navigation')[0];
    const before = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= at);
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? at;
    return {
      render: at,
      bytes: navigation.transferSize + before.reduce((sum, r) => sum + r.transferSize, 0),
      cost: Math.max(window.__costFrame ?? at, paint),
    };
  });
  await context.close();
  return { render, bytes, cost };
}

/** The page's first widget is alive, every part shown (a widget further down waits until it comes near). */
const APPEARED = `(() => { const r = document.querySelector('[data-messaging-quota], messaging-quota')?.shadowRoot;
  return !!r?.querySelector('.mq-root[data-alive] [data-testid=remaining]') && [...r.querySelectorAll('.mq-part')].every((p) => p.firstElementChild); })()`;
/** The page alone has loaded. */
const LOADED = { ready: 'document.readyState === "complete"', input: '0' };
/** The first input: a tier picked, then a frame. */
const FIRST_INPUT = `(async () => {
  const root = document.querySelector('[data-messaging-quota], messaging-quota').shadowRoot;
  root.querySelector('[data-testid="tier-option-basic"]').click();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
})()`;

/**
 * The longest task from navigation through the first input at 4x CPU, with its cause: of all
 * (`any`), of those after the browser has committed the navigation (`after`; a page without
 * the widget has that too), and of those that mostly ran script (`script`: the widget's code).
 */
async function longestTask(url, width, { ready = APPEARED, input = FIRST_INPUT } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const tasks = await tasksThroughFirstInput(browser, context, url, { ready, input });
  await context.close();
  const none = { ms: 0, cause: 'none over 50 ms' };
  return {
    any: tasks[0] ?? none,
    after: tasks.find((t) => t.kind !== 'navigation') ?? none,
    script: tasks.find((t) => t.kind === 'script') ?? none,
  };
}

// The article as its author wrote it, by script tag alone: the site with that page undrawn.
const undrawnDist = mkdtempSync(join(tmpdir(), 'mq-undrawn-'));
cpSync(dist, undrawnDist, { recursive: true });
cpSync(fileURLToPath(new URL('../examples/article-calculator.html', import.meta.url)), join(undrawnDist, 'examples/article-calculator.html'));

const site = await serve(dist);
const undrawn = await serve(undrawnDist);
const hello = existsSync(`${helloDist}/index.html`) ? await serve(helloDist) : null;
const pages = [
  ['standalone page, drawn ahead', `${site.url}/?today=2026-01-20`],
  ['calculator embed, drawn ahead', `${site.url}/examples/article-calculator.html`],
  ['calculator embed, script tag alone', `${undrawn.url}/examples/article-calculator.html`],
];
const loads = pages.map(() => []);
const helloLoads = [];
for (let i = 0; i < LOADS; i++) {
  for (const [n, [, url]] of pages.entries()) {
    loads[n].push(await phoneLoad(url));
    if (n === 0 && hello) helloLoads.push(await phoneLoad(`${hello.url}/`));
  }
}
const helloRender = hello ? median(helloLoads.map((l) => l.render)) : NaN;
const ratio = (x) => (hello ? `${(x / helloRender).toFixed(2)}x` : '');
console.log(`\nMobile profile (4x CPU, 150 ms RTT, 1.6 Mbit/s down), cold, median of ${LOADS} interleaved loads:`);
console.log(`  ${''.padEnd(36)} ${'cost on screen'.padStart(16)} ${'alive'.padStart(16)}   bytes before alive`);
for (const [n, [name]] of pages.entries()) {
  const cost = median(loads[n].map((l) => l.cost));
  const render = median(loads[n].map((l) => l.render));
  console.log(`  ${name.padEnd(36)} ${`${ms(cost)} ${ratio(cost)}`.padStart(16)} ${`${ms(render)} ${ratio(render)}`.padStart(16)}   ${kb(median(loads[n].map((l) => l.bytes)))}`);
}
if (hello) console.log(`  ${'hello-world Yew app (first render)'.padEnd(36)} ${''.padStart(16)} ${ms(helloRender).padStart(16)}   ${kb(median(helloLoads.map((l) => l.bytes)))}`);
console.log('  (goals: the cost at the first paint when drawn ahead, 1.0x; by script tag alone 1.8x)');

console.log('\nLongest main-thread task from navigation through the first input (a tier picked), 4x CPU, median of 5');
console.log('(goal 50 ms), with the median run\'s cause from a trace: the widget\'s phase by its marks, and what the');
console.log('task spent on script, compiling wasm functions on their first call, and layout and paint:');
for (const width of [390, 1280]) {
  for (const [name, url, page] of [
    ['standalone page, drawn', `${site.url}/?today=2026-01-20`],
    ['calculator embed, drawn', `${site.url}/examples/article-calculator.html`],
    ['calculator embed, tag alone', `${undrawn.url}/examples/article-calculator.html`],
    ['two widgets, drawn', `${site.url}/examples/two-widgets.html`],
    ['the same article without a widget', `${site.url}/examples/article-plain.html`, LOADED],
  ]) {
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await longestTask(url, width, page));
    for (const which of ['after', 'script', 'any']) {
      const middle = runs.map((r) => r[which]).sort((a, b) => a.ms - b.ms)[2];
      const label = { after: `${name}, after navigation`, script: '  running script', any: '  with the navigation' }[which];
      console.log(`  ${label.padEnd(48)} ${String(width).padStart(4)} px ${ms(middle.ms).padStart(7)}  runs ${runs.map((r) => r[which].ms.toFixed(0)).join(', ')}: ${middle.cause}`);
    }
  }
}
await hello?.close();
await undrawn.close();
await site.close();
await browser.close();
rmSync(undrawnDist, { recursive: true, force: true });
