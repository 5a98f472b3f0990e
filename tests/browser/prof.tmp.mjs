import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { CHROMIUM_ARGS } from './support.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const site = await serve(process.argv[2]);
const context = await browser.newContext();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(site.url + '/?today=2026-01-20');
await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length > 0);
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
// total time (inclusive) per function name
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) {
  const n = byId.get(id); const name = n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ')';
  self.set(name, (self.get(name) ?? 0) + t);
  const seen = new Set(); let cur = id;
  while (cur) { const nm = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) ?? 0) + t); } cur = parent.get(cur); }
}
console.log('SELF'); [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([n, t]) => console.log((t / 1000).toFixed(1).padStart(7), n.slice(0, 140)));
console.log('INCL'); [...incl].sort((a, b) => b[1] - a[1]).slice(0, 45).forEach(([n, t]) => console.log((t / 1000).toFixed(1).padStart(7), n.slice(0, 140)));
await browser.close(); await site.close();
