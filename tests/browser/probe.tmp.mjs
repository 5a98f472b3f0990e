import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { CHROMIUM_ARGS } from './support.mjs';
const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const helloDist = fileURLToPath(new URL('../../bench/hello/dist', import.meta.url));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
async function probe(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length > 0);
  await page.waitForTimeout(300);
  const out = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const rows = [['html', nav.requestStart, nav.responseEnd], ['domContentLoaded', nav.domContentLoadedEventStart, nav.domContentLoadedEventEnd]];
    for (const r of performance.getEntriesByType('resource')) rows.push([r.name.replace(location.origin, ''), r.startTime, r.responseEnd]);
    for (const m of performance.getEntriesByType('mark')) rows.push(['mark ' + m.name, m.startTime, m.startTime]);
    for (const p of performance.getEntriesByType('paint')) rows.push([p.name, p.startTime, p.startTime]);
    return rows.sort((a, b) => a[2] - b[2]).map(([n, s, e]) => `${s.toFixed(1).padStart(7)} ${e.toFixed(1).padStart(7)}  ${n}`).join('\n');
  });
  await context.close();
  return out;
}
const site = await serve(dist); const hello = await serve(helloDist);
for (let i = 0; i < 3; i++) { await probe(site.url + '/?today=2026-01-20'); await probe(hello.url + '/'); }
console.log(await probe(site.url + '/?today=2026-01-20'));
console.log('--- hello'); console.log(await probe(hello.url + '/'));
await browser.close(); await site.close(); await hello.close();
