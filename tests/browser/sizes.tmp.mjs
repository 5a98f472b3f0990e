import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { CHROMIUM_ARGS } from './support.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const site = await serve('dist');
const page = await (await browser.newContext()).newPage();
await page.goto(site.url + '/?today=2026-01-20');
await page.waitForTimeout(800);
console.log(await page.evaluate(() => {
  const root = document.querySelector('[data-messaging-quota]').shadowRoot;
  const out = [];
  root.querySelectorAll('.mq-part, .mq-slot').forEach((p) => out.push(`${p.className} ${p.dataset.slot ?? ''} ${p.innerHTML.length} chars, ${p.querySelectorAll('*').length} elements`));
  out.push('total elements ' + root.querySelectorAll('*').length);
  return out.join('\n');
}));
await browser.close(); await site.close();
