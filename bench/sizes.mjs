// Measures each part of the widget (heading, calculator, share, compare, demo, rules) at every width from
// 280 to 1400 px (every 5 px), in every language, with the shipped rules, as rendered, and
// prints the heights the skeleton reserves: for each part, bands of widths in which its
// height varies by at most TOLERANCE, each reserving the tallest height in it (and the next
// sample's, so a change between samples is covered). `--write` puts them in
// embed/sizes.json, from which the build generates the skeleton's sizing rules and the host
// reservation stylesheet; run it after a change to the widget's layout, then rebuild. A
// measurement script, not a test.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/browser/server.mjs';
import { chromium, CHROMIUM_ARGS, DIST } from '../tests/browser/support.mjs';

const site = await serve(DIST);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1500, height: 12000 } });
const page = await context.newPage();
const widths = [];
for (let w = 280; w <= 1400; w += 5) widths.push(w);
const TOLERANCE = 32;
const MARGIN = 4;
const FRAME_TOLERANCE = 8;
await context.route(`${site.url}/sizes.html?*`, (route) => route.fulfill({
  contentType: 'text/html',
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/messaging-quota.js"></script>
    <style>body{margin:0} div.host{width:${widths[0]}px}</style></head><body>
    <div class="host" data-messaging-quota data-loading="eager" data-today="2026-01-20" data-share data-heading data-language-menu
      data-locale="${new URL(route.request().url()).searchParams.get('locale')}"></div></body></html>`,
}));
// Every language the widget speaks. The first group's rules hold for any language (a host
// may add one); the others, more specific, fit the languages whose text is shorter.
const LOCALES = ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'ja-JP', 'ar'];
const GROUPS = [
  {},
  { languages: ['en', 'ja'], locales: ['en-US', 'ja-JP'] },
  { languages: ['ar'], locales: ['ar'] },
];
const ABOUT = 'Heights each part of the widget takes, in px, by container width band [from, to) and language group, and (frame) the standalone page\'s whole height by the width of a frame showing it; measured by bench/sizes.mjs --write (the first group, for any language, takes the tallest of all). Generated data: the build turns it into the skeleton\'s sizing rules and the host reservation stylesheet.';
const byLocale = {};
for (const locale of LOCALES) {
await page.goto(`${site.url}/sizes.html?locale=${locale}`);
await page.waitForFunction(() => document.querySelector('.host').shadowRoot?.querySelectorAll('.mq-part > *').length === 6
  && document.querySelector('.host').shadowRoot.querySelector('[data-testid="cost-chart"]'), null, { timeout: 60000 });
byLocale[locale] = await page.evaluate(async (widths) => {
  const host = document.querySelector('.host');
  const root = host.shadowRoot;
  const free = new CSSStyleSheet();
  free.replaceSync('.mq-part { min-height: 0 !important; }');
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, free];
  const out = [];
  for (const w of widths) {
    host.style.width = `${w}px`;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // The container's width, as its queries see it: the root's content box.
    const parts = { width: root.querySelector('.mq-root').clientWidth - 32 };
    for (const part of root.querySelectorAll('.mq-part')) {
      const name = [...part.classList].find((c) => c.startsWith('mq-') && c !== 'mq-part').slice(3);
      parts[name] = Math.ceil(part.getBoundingClientRect().height);
    }
    out.push([w, parts]);
  }
  return out;
}, widths);
}
// The standalone page in a frame of each width (README "In an iframe"): its whole height as
// it tells its parent, in each language (it follows the visitor's browser); the host's
// reservation stylesheet gives a `.messaging-quota-frame` this height before it loads.
const frameByLocale = {};
for (const locale of LOCALES) {
  const framed = await browser.newContext({ locale, viewport: { width: widths[0], height: 900 } });
  const standalone = await framed.newPage();
  await standalone.goto(`${site.url}/index.html?today=2026-01-20`);
  await standalone.waitForFunction(() => {
    const root = document.querySelector('[data-messaging-quota]')?.shadowRoot;
    return root?.querySelector('.mq-root:not(.mq-skeleton)') && [...root.querySelectorAll('.mq-part')].every((p) => p.firstElementChild);
  }, null, { timeout: 60000 });
  frameByLocale[locale] = [];
  for (const w of widths) {
    await standalone.setViewportSize({ width: w, height: 900 });
    frameByLocale[locale].push(await standalone.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(
      () => done(Math.ceil(document.documentElement.getBoundingClientRect().height)))))));
  }
  await framed.close();
}
await browser.close();
await site.close();

/**
 * Bands of container widths for one part: [from, to (exclusive, or null), height], each
 * height within `tolerance` of every sample in its band, plus `margin`.
 */
function bands(samples, tolerance = TOLERANCE, margin = MARGIN) {
  const out = [];
  let start = 0;
  while (start < samples.length) {
    let end = start;
    let lo = samples[start].h;
    let hi = lo;
    while (end + 1 < samples.length) {
      const h = samples[end + 1].h;
      if (Math.max(hi, h) - Math.min(lo, h) > tolerance) break;
      end += 1; lo = Math.min(lo, h); hi = Math.max(hi, h);
    }
    // The band reaches up to the next sample, so it takes that sample's height too.
    const next = samples[end + 1];
    out.push([start === 0 ? null : samples[start].c, next ? next.c : null, Math.max(hi, next?.h ?? 0) + margin]);
    start = end + 1;
  }
  return out;
}

const names = ['heading', 'calculator', 'share', 'compare', 'demo', 'rules'];
const groups = GROUPS.map((group) => {
  const locales = group.locales ?? LOCALES;
  const parts = {};
  for (const name of names) {
    // The tallest of the group's languages at each width (the container's width is the
    // same in every language: the host sets it).
    const samples = byLocale[locales[0]].map(([, p], i) => ({ c: p.width, h: Math.max(...locales.map((l) => byLocale[l][i][1][name])) }));
    parts[name] = bands(samples);
  }
  // The frame: nearly exact, as the page inside sets the frame's height once it is there.
  const frame = bands(widths.map((w, i) => ({ c: w, h: Math.max(...locales.map((l) => frameByLocale[l][i])) })), FRAME_TOLERANCE, 0);
  return { languages: group.languages ?? null, parts, frame };
});
const lines = ['{', `  "about": ${JSON.stringify(ABOUT)},`, '  "groups": ['];
groups.forEach((group, g) => {
  lines.push('    {', `      "languages": ${JSON.stringify(group.languages)},`, '      "parts": {');
  const parts = Object.entries(group.parts);
  parts.forEach(([name, list], i) => lines.push(`        "${name}": [${list.map((b) => JSON.stringify(b)).join(', ')}]${i < parts.length - 1 ? ',' : ''}`));
  lines.push('      },', `      "frame": [${group.frame.map((b) => JSON.stringify(b)).join(', ')}]`, `    }${g < groups.length - 1 ? ',' : ''}`);
});
lines.push('  ]', '}');
const json = `${lines.join('\n')}\n`;
console.log(json);
if (process.argv.includes('--write')) {
  const file = fileURLToPath(new URL('../embed/sizes.json', import.meta.url));
  writeFileSync(file, json);
  console.log(`written to ${file}`);
}
