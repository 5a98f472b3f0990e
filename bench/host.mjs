// What the widget costs a host page, measured on the example host pages in headless
// Chromium: layout shift (CLS, from layout-shift entries), long tasks and their blocking
// time (longtask entries), layout shift with the loader arriving late (with and without the
// host's reservation stylesheet), bytes fetched before and after scrolling to a widget far
// below the fold, and the time from that widget entering the viewport to its first render.
// Per width and CPU rate, median of RUNS cold loads. A measurement script: it prints.
import { serve } from '../tests/browser/server.mjs';
import { chromium, CHROMIUM_ARGS, DIST } from '../tests/browser/support.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const site = await serve(DIST);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** Starts collecting layout shifts and long tasks before the page's own scripts run. */
const observe = () => {
  window.__shifts = [];
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: e.startTime, sources: e.sources.map((s) => s.node?.nodeName ?? '?') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ duration: e.duration, at: e.startTime });
  }).observe({ type: 'longtask', buffered: true });
};

/** In the page: CLS, the longest task, blocking time and the number of long tasks. */
const summarise = () => {
  // CLS: the largest session window of shifts (1 s gap, 5 s cap).
  let cls = 0; let session = 0; let first = 0; let last = -Infinity;
  for (const s of window.__shifts) {
    if (s.at - last > 1000 || s.at - first > 5000) { session = 0; first = s.at; }
    session += s.value; last = s.at; cls = Math.max(cls, session);
  }
  const tasks = window.__longTasks.map((t) => t.duration);
  return { cls, longest: Math.max(0, ...tasks), tbt: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0), count: tasks.length };
};

/** Loads a page at a width and CPU rate until every widget on it has rendered. */
async function load(path, width, rate, widgets = 1, prepare = async () => {}) {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 800 : 900 } });
  await prepare(context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(observe);
  await page.goto(site.url + path);
  // Waited for and read through plain CDP calls: Playwright's own page scripts (its
  // waitForFunction and evaluate) are long tasks at 4x and would be counted as the widget's.
  const ask = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  const deadline = Date.now() + 60000;
  while (await ask(`performance.getEntriesByName('messaging-quota:first-render').length`) < widgets) {
    if (Date.now() > deadline) throw new Error(`${path}: no first render`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Let the progressive render finish: every section in, then a quiet second.
  await new Promise((resolve) => setTimeout(resolve, 1500 * rate));
  const result = await ask(`(${summarise})()`);
  await context.close();
  return result;
}

const pages = [
  ['article.html (all four sections)', '/examples/article.html'],
  ['article-calculator.html (calculator)', '/examples/article-calculator.html'],
];
console.log(`Host pages, median of ${RUNS} cold loads each:`);
console.log('  page                                    width  CPU   CLS     longest task  blocking (>50 ms)  long tasks');
for (const [name, path] of pages) {
  for (const [width, rate] of [[1280, 1], [390, 4]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await load(path, width, rate));
    const m = (k) => median(runs.map((r) => r[k]));
    console.log(`  ${name.padEnd(40)}${String(width).padStart(5)}  ${rate}x   ${m('cls').toFixed(4)}  ${m('longest').toFixed(0).padStart(6)} ms     ${m('tbt').toFixed(0).padStart(6)} ms        ${m('count')}`);
  }
}

// Loaded late: the async loader held back 1.5 s (a tag manager, a slow script), with the
// page's reservation stylesheet and without it.
const late = (reserved) => async (context) => {
  await context.route(/messaging-quota\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  if (!reserved) {
    await context.route(/article-async\.html$/, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(/<link rel="stylesheet" href="..\/messaging-quota-reserve.css">/, '');
      await route.fulfill({ response, body: html });
    });
  }
};
console.log(`\nLoaded late (article-async.html: async loader, 1.5 s late), median of ${RUNS}, 1x CPU:`);
console.log('  page                                    width  CLS');
for (const [name, reserved] of [['without a reservation', false], ['with messaging-quota-reserve.css', true]]) {
  for (const width of [390, 1280]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await load('/examples/article-async.html', width, 1, 1, late(reserved)));
    console.log(`  ${name.padEnd(40)}${String(width).padStart(5)}  ${median(runs.map((r) => r.cls)).toFixed(4)}`);
  }
}

// A widget far below the fold: only the loader until it is scrolled near.
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
let bytes = 0;
const fetched = [];
page.on('response', async (response) => {
  const size = Number((await response.allHeaders())['content-length'] ?? (await response.body().catch(() => Buffer.alloc(0))).length);
  bytes += size;
  fetched.push(response.url().replace(site.url, ''));
});
await page.goto(site.url + '/examples/article-far.html');
await page.waitForLoadState('networkidle');
await page.waitForTimeout(1000);
const before = bytes;
const beforeFiles = [...fetched];
const t0 = await page.evaluate(() => {
  document.querySelector('messaging-quota').scrollIntoView();
  return performance.now();
});
await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length > 0, null, { timeout: 60000 });
const rendered = await page.evaluate(() => performance.getEntriesByName('messaging-quota:first-render')[0].startTime);
await page.waitForLoadState('networkidle');
console.log('\nA widget 4,000 px below the fold (article-far.html, 1280 px):');
console.log(`  fetched before scrolling to it: ${(before / 1024).toFixed(1)} KB transferred (brotli) (${beforeFiles.filter((f) => !f.endsWith('.html') && !f.endsWith('.css') || f.includes('messaging-quota')).join(', ')})`);
console.log(`  fetched once scrolled to it:    ${((bytes - before) / 1024).toFixed(1)} KB more (${fetched.slice(beforeFiles.length).join(', ')})`);
console.log(`  scrolled into view → first render: ${(rendered - t0).toFixed(0)} ms`);
await context.close();
await browser.close();
await site.close();
