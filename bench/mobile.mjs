// Prints the phone figures: on a mobile profile (4x CPU slowdown, 150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up; cold cache, served compressed as a CDN would), each load
// interleaved with a hello-world Yew app's: the first render, its ratio, and the bytes
// fetched before it, for the standalone page and for a calculator-only embed on an article;
// then the longest task from navigation through the first input at 390 and 1280 px (4x CPU).
// A measurement script, not a test: it prints figures and never fails on them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/browser/server.mjs';
import { chromium, CHROMIUM_ARGS } from '../tests/browser/support.mjs';

const LOADS = Number(process.env.LOADS ?? 9);
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const helloDist = fileURLToPath(new URL('./hello/dist', import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;

const PHONE = { latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8), offline: false };
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

/**
 * One cold load of `url` on the mobile profile: the first render (navigation start → the
 * `messaging-quota:first-render` mark) and the bytes on the wire before it.
 */
async function phoneLoad(url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { timeout: 120000 });
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length > 0, null, { timeout: 120000, polling: 200 });
  const [render, bytes] = await page.evaluate(() => {
    const at = performance.getEntriesByName('messaging-quota:first-render')[0].startTime;
    const navigation = performance.getEntriesByType('navigation')[0];
    const before = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= at);
    return [at, navigation.transferSize + before.reduce((sum, r) => sum + r.transferSize, 0)];
  });
  await context.close();
  return { render, bytes };
}

/** The longest task from navigation through the first input (a tier picked), at 4x CPU. */
async function longestTask(url, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  // Through plain CDP calls: Playwright's own page scripts would be long tasks at 4x.
  const ask = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })).result.value;
  const appeared = `(() => { const r = document.querySelector('[data-messaging-quota], messaging-quota')?.shadowRoot;
    return !!r?.querySelector('[data-testid=remaining]') && [...r.querySelectorAll('.mq-part')].every((p) => p.firstElementChild); })()`;
  while (!(await ask(appeared))) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await ask(`(async () => {
    const root = document.querySelector('[data-messaging-quota], messaging-quota').shadowRoot;
    root.querySelector('[data-testid="tier-option-basic"]').click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
  })()`);
  const longest = await ask('window.__longest');
  await context.close();
  return longest;
}

const site = await serve(dist);
const hello = existsSync(`${helloDist}/index.html`) ? await serve(helloDist) : null;
const standalone = [];
const embed = [];
const helloLoads = [];
for (let i = 0; i < LOADS; i++) {
  standalone.push(await phoneLoad(`${site.url}/?today=2026-01-20`));
  if (hello) helloLoads.push(await phoneLoad(`${hello.url}/`));
  embed.push(await phoneLoad(`${site.url}/examples/article-calculator.html`));
}
const helloRender = hello ? median(helloLoads.map((l) => l.render)) : NaN;
const line = (name, loads) => {
  const render = median(loads.map((l) => l.render));
  const ratio = hello ? `  ${(render / helloRender).toFixed(2)}x hello-world (budget 1.8x)` : '';
  console.log(`  ${name.padEnd(34)} ${ms(render).padStart(8)}   ${kb(median(loads.map((l) => l.bytes))).padStart(9)} before it${ratio}`);
};
console.log(`\nMobile profile (4x CPU, 150 ms RTT, 1.6 Mbit/s down), cold, median of ${LOADS} interleaved loads: first render, bytes fetched before it`);
line('standalone page', standalone);
line('calculator-only embed (article)', embed);
if (hello) line('hello-world Yew app', helloLoads);

console.log('\nLongest task, navigation through the first input (a tier picked), 4x CPU, median of 5:');
for (const width of [390, 1280]) {
  for (const [name, path] of [['standalone page', '/?today=2026-01-20'], ['calculator-only embed', '/examples/article-calculator.html']]) {
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await longestTask(site.url + path, width));
    console.log(`  ${name.padEnd(24)} ${String(width).padStart(4)} px   ${ms(median(runs))} (goal 50 ms; runs ${runs.map((r) => r.toFixed(0)).join(', ')})`);
  }
}
await hello?.close();
await site.close();
await browser.close();
