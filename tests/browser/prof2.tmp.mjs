import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { CHROMIUM_ARGS } from './support.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const site = await serve(process.argv[2]);
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(site.url + '/?today=2026-01-20');
await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length > 0);
await page.waitForTimeout(500);
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const kind = process.argv[3] ?? 'tier';
await page.evaluate(async (kind) => {
  const root = document.querySelector('[data-messaging-quota]').shadowRoot;
  const q = (id) => root.querySelector(`[data-testid="${id}"]`);
  for (let i = 1; i <= 30; i++) {
    if (kind === 'tier') q(`tier-option-${i % 2 ? 'premium-business' : 'basic'}`).click();
    else { const input = q(kind); input.value = String(i % 14 + 40); input.dispatchEvent(new Event('input', { bubbles: true, composed: true })); }
    await new Promise((r) => setTimeout(r, 30));
  }
}, kind);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const counts = new Map(); profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const self = new Map(), incl = new Map();
for (const [id, t] of counts) {
  const n = byId.get(id); const name = n.callFrame.functionName || '(anon)';
  self.set(name, (self.get(name) ?? 0) + t);
  const seen = new Set(); let cur = id;
  while (cur) { const nm = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) ?? 0) + t); } cur = parent.get(cur); }
}
const show = (m, k) => [...m].filter(([n]) => !['(idle)', '(root)', '(program)'].includes(n)).sort((a, b) => b[1] - a[1]).slice(0, k).forEach(([n, t]) => console.log((t / 1000 / 30).toFixed(2).padStart(7), n.replace(/::h[0-9a-f]{16}/g, '').slice(0, 150)));
console.log('SELF ms per input'); show(self, 25); console.log('INCL'); show(incl, 40);
await browser.close(); await site.close();
