import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { CHROMIUM_ARGS } from './support.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const site = await serve('dist');
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(site.url + '/?today=2026-01-20');
await page.waitForTimeout(800);
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'v8.execute'] });
const kind = process.argv[2] ?? 'tier';
await page.evaluate(async (kind) => {
  const root = document.querySelector('[data-messaging-quota]').shadowRoot;
  const q = (id) => root.querySelector(`[data-testid="${id}"]`);
  for (let i = 1; i <= 20; i++) {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    if (kind === 'tier') q(`tier-option-${i % 2 ? 'premium-business' : 'basic'}`).click();
    else { const input = q(kind); input.value = String(i % 14 + 40); input.dispatchEvent(new Event('input', { bubbles: true, composed: true })); }
    await new Promise((r) => setTimeout(r, 60));
  }
}, kind);
const buf = await browser.stopTracing();
const events = JSON.parse(buf.toString()).traceEvents;
const sum = new Map();
for (const e of events) if (e.ph === 'X' && e.dur) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur);
[...sum].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([n, d]) => console.log((d / 1000 / 20).toFixed(2).padStart(7), n));
await browser.close(); await site.close();
