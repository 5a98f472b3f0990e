// A crash inside the wasm (which nothing a visitor or a host does should cause) leaves an
// error card in each widget, not a blank or frozen one. Run against the build with the test
// hooks (target/test-hooks-dist, made by scripts/test.sh); dist/ has no such hook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useSite, open, builtAssets, DIST, TEST_HOOKS_DIST } from './support.mjs';

const site = useSite({ dist: TEST_HOOKS_DIST });

test('a crash shows an error card in the widget\'s language, not a blank widget', async () => {
  const page = await open(site, '/?today=2026-01-20');
  await page.evaluate(async (script) => {
    const bindings = await import(script);
    try { bindings.__simulateCrash(); } catch { /* the wasm traps after the hook ran */ }
  }, builtAssets(TEST_HOOKS_DIST).script);
  const card = page.locator('.mq-error-card');
  await card.waitFor();
  assert.equal(await card.getAttribute('role'), 'alert');
  assert.match(await card.textContent(), /stopped working/);
  await page.close();
});

test('the production build has no test hook', () => {
  const { wasm, script } = builtAssets(DIST);
  for (const file of [wasm, script]) {
    assert.ok(!readFileSync(`${DIST}${file}`).includes('simulateCrash'), `${file} holds no test hook`);
  }
  assert.ok(readFileSync(`${TEST_HOOKS_DIST}${builtAssets(TEST_HOOKS_DIST).script}`).includes('simulateCrash'), 'the test build has it');
});
