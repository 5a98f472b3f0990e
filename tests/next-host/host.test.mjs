// The npm package in a Next.js App Router app: its server component page draws the widget
// ahead, so the exported HTML shows the plan's figures with JavaScript off; in the browser the
// widget comes alive over them and answers. scripts/test.sh builds it first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { useSite, text } from '../browser/support.mjs';

const OUT = fileURLToPath(new URL('./out', import.meta.url));
const site = useSite({ dist: OUT });

test('the exported page holds the widget drawn ahead, with its figures', async () => {
  const html = readFileSync(`${OUT}/index.html`, 'utf8');
  assert.match(html, /<messaging-quota [^>]*><template shadowrootmode="open"><style>/);
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}/`);
  const figure = (id) => page.evaluate((t) => document.querySelector('#quota').shadowRoot?.querySelector(`[data-testid="${t}"]`)?.textContent, id);
  assert.equal(await figure('allowance'), '150');
  assert.equal(await figure('monthly-cost'), '$114.98');
  await context.close();
});

test('in the browser the widget comes alive over the drawing and answers', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${site.url}/`);
  await page.waitForFunction(() => document.querySelector('#quota').shadowRoot?.querySelector('.mq-root[data-alive]'));
  const widget = page.locator('#quota');
  await widget.getByTestId('sent-count').fill('30');
  assert.equal(await text(widget, 'remaining'), '120');
  await widget.getByTestId('tier-option-recruiter').check();
  await page.waitForFunction(() => document.querySelector('[data-testid="host-change"]').textContent.startsWith('recruiter '));
  assert.deepEqual(problems, []);
  await context.close();
});
