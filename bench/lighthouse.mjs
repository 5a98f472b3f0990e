// Lighthouse (the npm package, pinned in scripts/bench.sh) on the example article with and
// without the widget: what embedding the widget costs a host page's performance score.
// Mobile, Lighthouse's default simulated throttling; median score of RUNS runs each.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/browser/server.mjs';
import { DIST } from '../tests/browser/support.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const cli = fileURLToPath(new URL('../.tools/node_modules/.bin/lighthouse', import.meta.url));
const site = await serve(DIST);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One Lighthouse run (asynchronous: the page is served by this same process). */
async function audit(url) {
  const dir = mkdtempSync(join(tmpdir(), 'mq-lh-'));
  const out = join(dir, 'report.json');
  try {
    await promisify(execFile)(cli, [url, '--output=json', `--output-path=${out}`, '--only-categories=performance', '--quiet',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' } });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const a = report.audits;
    return {
      score: Math.round(report.categories.performance.score * 100),
      cls: a['cumulative-layout-shift'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      lcp: a['largest-contentful-paint'].numericValue,
      fcp: a['first-contentful-paint'].numericValue,
      kib: a['total-byte-weight'].numericValue / 1024,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Lighthouse ${execFileSync(cli, ['--version']).toString().trim()}, mobile, simulated throttling; median of ${RUNS} runs`);
console.log('  page                                   score   CLS     TBT      LCP       FCP       bytes');
const scores = {};
for (const [name, path] of [['the article alone (article-plain.html)', '/examples/article-plain.html'], ['with the widget (article.html)', '/examples/article.html']]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await audit(site.url + path));
  const m = (k) => median(runs.map((r) => r[k]));
  scores[path] = m('score');
  console.log(`  ${name.padEnd(39)}${String(m('score')).padStart(5)}   ${m('cls').toFixed(3)}  ${m('tbt').toFixed(0).padStart(4)} ms  ${m('lcp').toFixed(0).padStart(5)} ms  ${m('fcp').toFixed(0).padStart(5)} ms  ${m('kib').toFixed(0).padStart(4)} KiB`);
}
console.log(`  cost of embedding: ${scores['/examples/article-plain.html'] - scores['/examples/article.html']} points (goal: at most 2)`);
await site.close();
