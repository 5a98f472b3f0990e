// Alive in small steps: a drawn widget hydrates, and a widget loaded by its script tag alone
// renders off the page, each in steps the page runs between (frames are drawn, input is
// taken); a hydration in steps ends on the drawing unchanged, a render in steps is put in
// place whole and ends as the drawing of the same widget; what the visitor does between two
// steps applies once the widget is alive, in order.
// At 4x CPU slowdown, as on a phone, so coming alive takes many steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withoutDrawings, allParts, settle, holdWasm } from './support.mjs';

const site = useSite();
const W = 'messaging-quota, [data-messaging-quota]';

/** A page at 4x CPU slowdown whose widget's wasm waits for `release()`. */
async function slowPage(context) {
  const release = await holdWasm(context);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { page, release };
}

/**
 * The markup of the widget's `selector` as it stands: each control's value and checked state
 * as properties (a drawing writes them as attributes, a render sets them), attributes in
 * name order, without yew's hydration markers (empty comments).
 */
const markup = (page, selector) => page.evaluate(([w, sel]) => {
  const live = document.querySelector(w).shadowRoot.querySelector(sel);
  const copy = live.cloneNode(true);
  const controls = [...live.querySelectorAll('input, select, textarea')];
  [...copy.querySelectorAll('input, select, textarea')].forEach((c, i) => {
    c.removeAttribute('value');
    c.removeAttribute('checked');
    c.setAttribute('data-now', controls[i].type === 'radio' || controls[i].type === 'checkbox' ? String(controls[i].checked) : controls[i].value);
  });
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    const attributes = [...el.attributes].map((a) => [a.name, a.value]).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [name] of attributes) el.removeAttribute(name);
    for (const [name, value] of attributes) el.setAttribute(name, value);
  }
  return copy.outerHTML.replace(/<!--[\s\S]*?-->/g, '');
}, [W, selector]);

test('a drawing comes alive in steps; what the visitor does between two steps applies once alive, in order', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 900 } });
  const { page, release } = await slowPage(context);
  await page.goto(`${site.url}/examples/article.html`, { waitUntil: 'domcontentloaded' });
  await page.evaluate((w) => {
    const root = document.querySelector(w).shadowRoot;
    window.__replaced = [];
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.removedNodes) if (n.nodeType === Node.ELEMENT_NODE) window.__replaced.push(n.className);
    }).observe(root, { childList: true, subtree: true });
    // In a frame between two steps of the hydration (it has begun, the widget is not alive
    // yet), the visitor picks a tier, adds two bundles, types a count and sends a message.
    window.__between = new Promise((resolve) => {
      const look = () => {
        const begun = performance.getEntriesByName('messaging-quota:hydrate').length > 0;
        if (!begun) return requestAnimationFrame(look);
        if (root.querySelector('.mq-root[data-alive]')) return resolve('alive before a frame was drawn: one task');
        const field = (id, value) => {
          const input = root.querySelector(`[data-testid="${id}"]`);
          input.value = value;
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        };
        root.querySelector('[data-testid="tier-option-premium-business"]').click();
        field('addon-count-100', '2');
        field('sent-count', '6');
        field('sent-count', '7');
        root.querySelector('[data-testid="send-button"]').click();
        resolve('between two steps');
      };
      requestAnimationFrame(look);
    });
  }, W);
  release();
  assert.equal(await page.evaluate(() => window.__between), 'between two steps');
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('.mq-root[data-alive]'), W);
  const widget = page.locator(W).first();
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('[data-testid="remaining"]').textContent === '222', W);
  assert.equal(await widget.getByTestId('allowance').textContent(), '230');
  assert.equal(await widget.getByTestId('sent-count').inputValue(), '8', 'typed 7, then sent one');
  assert.equal(await widget.getByTestId('tier-option-premium-business').isChecked(), true);
  assert.equal(await widget.getByTestId('addon-count-100').inputValue(), '2');
  assert.deepEqual(await page.evaluate(() => window.__replaced.filter((c) => /mq-/.test(c))), [], 'no part of the drawing replaced');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a drawing hydrated in steps ends as it was drawn: every part, node for node', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, release } = await slowPage(context);
  await page.goto(`${site.url}/examples/article.html`, { waitUntil: 'domcontentloaded' });
  const drawn = await markup(page, '.mq-root');
  await page.evaluate((w) => {
    window.__steps = 0;
    const count = () => {
      if (document.querySelector(w).shadowRoot.querySelector('.mq-root[data-alive]')) return;
      if (performance.getEntriesByName('messaging-quota:hydrate').length) window.__steps += 1;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  }, W);
  release();
  await page.waitForFunction((w) => document.querySelector(w).shadowRoot.querySelector('.mq-root[data-alive]'), W);
  assert.ok(await page.evaluate(() => window.__steps) >= 2, 'frames drawn while it hydrated');
  // Alive, the only change is the mark that says so (its saved state is the drawing's).
  const alive = (await markup(page, '.mq-root')).replace(' data-alive=""', '');
  assert.equal(alive, drawn);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('by script tag alone, the first render runs in steps off the page, then takes the skeleton\'s place whole, as the drawing of the same widget', async () => {
  // The drawing to compare with: the same page, drawn ahead, alive.
  const drawnContext = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const drawnPage = await drawnContext.newPage();
  await drawnPage.goto(`${site.url}/examples/article.html`);
  await drawnPage.waitForFunction((w) => document.querySelector(w)?.shadowRoot.querySelector('.mq-root[data-alive]'), W);
  await allParts(drawnPage);
  await settle(drawnPage);
  const drawn = await markup(drawnPage, '.mq-calculator');
  await drawnContext.close();

  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await withoutDrawings(context);
  const { page, release } = await slowPage(context);
  await page.goto(`${site.url}/examples/article.html`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction((w) => document.querySelector(w)?.shadowRoot?.querySelector('.mq-skeleton'), W);
  await page.evaluate((w) => {
    const root = document.querySelector(w).shadowRoot;
    window.__steps = 0;
    window.__placed = [];
    // Each time the widget's root comes into the shadow root: what it holds then.
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeType !== Node.ELEMENT_NODE || !n.matches('.mq-mount')) continue;
          const tiers = n.querySelectorAll('.mq-root:not(.mq-skeleton) [data-testid^="tier-option-"]');
          window.__placed.push(n.querySelector('.mq-skeleton') ? 'skeleton' : `${tiers.length} tiers`);
        }
      }
    }).observe(root, { childList: true });
    const count = () => {
      if (root.querySelector('[data-mq-rendering]')) window.__steps += 1;
      if (!performance.getEntriesByName('messaging-quota:first-render').length) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  }, W);
  release();
  await page.waitForFunction(() => performance.getEntriesByName('messaging-quota:first-render').length > 0);
  assert.ok(await page.evaluate(() => window.__steps) >= 2, 'frames drawn while it rendered off the page, the skeleton standing in');
  const placed = await page.evaluate(() => window.__placed);
  // The stand-in (a copy of the skeleton) came in first, then the widget's first view, whole
  // (the calculator's first stage: every tier; its fields and figures follow a paint apart).
  assert.deepEqual(placed, ['skeleton', '5 tiers']);
  assert.equal(await page.evaluate((w) => document.querySelector(w).shadowRoot.querySelectorAll('[data-mq-rendering], .mq-skeleton').length, W), 0, 'nothing of the stand-in left');
  await allParts(page);
  await settle(page);
  assert.equal(await markup(page, '.mq-calculator'), drawn);
  assert.deepEqual(page.errors, []);
  await context.close();
});
