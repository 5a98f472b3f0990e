// `npx messaging-quota prerender 'site/**/*.html'`: every widget in those files drawn ahead
// of the page. Each `<messaging-quota …>` (and `<div data-messaging-quota …>`) gets its
// declarative shadow root, inserted right after its start tag (or in place of the one an
// earlier run gave it, so running twice changes nothing); everything else in a file stays
// byte for byte. A file it cannot read as UTF-8 HTML, or a widget whose attributes it refuses
// (or whose `rules-src` or `messages-src` is not in the site), is reported by file and line
// and left as it was.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'parse5';
import { render, styleHash } from './server.js';

const USAGE = `usage: messaging-quota prerender [--root DIR] [--today YYYY-MM-DD] FILE-OR-GLOB...

Gives every <messaging-quota> element in the HTML files (globs: * and **) its shadow root,
drawn ahead of the page: the widget with its figures, before any script runs. --root is the
site's root, for rules-src and messages-src starting with / (default: where the first glob
starts). --today draws widgets without a today attribute for that day (default: this day).`;

/** A glob (`*` within a name, `**` across folders) as a regular expression over `/` paths. */
function globRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      out += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** The folder a glob starts in: its path before the first wildcard. */
function globBase(glob) {
  const parts = glob.split('/');
  const fixed = [];
  for (const part of parts.slice(0, -1)) {
    if (/[*?]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

/** Every file under `dir`, as `/` paths. (Node 20 has no glob of its own.) */
function walk(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) files.push(...walk(path));
    else files.push(path);
  }
  return files;
}

/** The files a pattern names: a file as it is, a glob by matching. */
function expand(pattern) {
  const glob = pattern.split(sep).join('/');
  if (!/[*?]/.test(glob)) return [glob];
  const base = globBase(glob);
  const match = globRegExp(glob.startsWith('./') ? glob.slice(2) : glob);
  return walk(base).map((f) => (f.startsWith('./') ? f.slice(2) : f)).filter((f) => match.test(f)).sort();
}

/** Every widget element of a parsed document, depth first, with its language. */
function widgets(node, lang, found = []) {
  const own = node.attrs?.find((a) => a.name === 'lang')?.value;
  const here = own === undefined ? lang : own;
  const isWidget = node.tagName === 'messaging-quota' || node.attrs?.some((a) => a.name === 'data-messaging-quota');
  if (isWidget) found.push({ node, lang: here });
  else for (const child of node.childNodes ?? []) widgets(child, here, found);
  for (const child of node.content?.childNodes ?? []) widgets(child, here, found);
  return found;
}

/** The element's attributes as the widget reads them (a mount point's without `data-`). */
function attributesOf(node) {
  if (node.tagName === 'messaging-quota') return node.attrs.map((a) => [a.name, a.value]);
  return node.attrs.filter((a) => a.name.startsWith('data-')).map((a) => [a.name.slice(5), a.value]);
}

/** The shadow root an earlier run gave the element: its first child, a declarative template. */
function earlierDrawing(node) {
  const first = node.childNodes.find((c) => c.nodeName !== '#text' || c.value.trim());
  const isDrawing = first?.tagName === 'template' && first.attrs.some((a) => a.name === 'shadowrootmode');
  return isDrawing ? first : null;
}

/** The text of a file `src` names in the site, or why not. */
function siteFile(src, file, root) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return { problem: `${src} is not a file of the site, so it cannot be read ahead` };
  }
  const path = src.split(/[?#]/)[0];
  const full = path.startsWith('/') ? join(root, path) : join(dirname(file), path);
  if (!resolve(full).startsWith(resolve(root))) return { problem: `${src} is outside the site` };
  try {
    return { text: readFileSync(full, 'utf8') };
  } catch {
    return { problem: `${src} could not be read (${relative('.', full)})` };
  }
}

/** Draws every widget of one file; returns its new text, or the same text, and what it reported. */
async function prerenderFile(file, text, root, today) {
  const reports = [];
  const document = parse(text, { sourceCodeLocationInfo: true });
  const htmlLang = document.childNodes.find((n) => n.tagName === 'html')?.attrs.find((a) => a.name === 'lang')?.value;
  const edits = [];
  for (const { node, lang } of widgets(document, htmlLang)) {
    const location = node.sourceCodeLocation;
    const line = location?.startLine ?? 0;
    const report = (what) => reports.push(`${file}:${line}: <${node.tagName}>: ${what}; left as it was`);
    if (!location?.startTag || !location.endTag) {
      report('its end tag is missing, so where it ends is not clear');
      continue;
    }
    const attributes = attributesOf(node);
    const given = Object.fromEntries(attributes);
    const options = { lang: lang || undefined, today };
    let refused = false;
    for (const [name, key] of [['rules-src', 'rules'], ['messages-src', 'messages']]) {
      if (given[name] === undefined) continue;
      const { text: read, problem } = siteFile(given[name].trim(), file, root);
      if (problem) {
        report(`${name}: ${problem}`);
        refused = true;
      }
      options[key] = read;
    }
    if (refused) continue;
    const { html, problems } = await render(attributes, options);
    if (problems.length) {
      report(problems.join('; '));
      continue;
    }
    const earlier = earlierDrawing(node);
    const [from, to] = earlier
      ? [earlier.sourceCodeLocation.startOffset, earlier.sourceCodeLocation.endOffset]
      : [location.startTag.endOffset, location.startTag.endOffset];
    edits.push({ from, to, html });
  }
  let out = text;
  for (const { from, to, html } of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, from) + html + out.slice(to);
  return { text: out, drawn: edits.length, reports };
}

/** Runs the command with its arguments (after `prerender`); resolves to the exit code. */
export async function main(args) {
  let root;
  let today;
  const patterns = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--root') root = args[++i];
    else if (args[i] === '--today') today = args[++i];
    else if (args[i] === '--help' || args[i] === '-h') {
      console.log(USAGE);
      return 0;
    } else patterns.push(args[i]);
  }
  if (!patterns.length || (today && !/^\d{4}-\d{2}-\d{2}$/.test(today))) {
    console.error(USAGE);
    return 2;
  }
  root ??= globBase(patterns[0].split(sep).join('/'));
  let drawn = 0;
  let files = 0;
  let reported = 0;
  for (const file of [...new Set(patterns.flatMap(expand))]) {
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
      console.error(`${file}: no such file`);
      reported += 1;
      continue;
    }
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
    } catch {
      console.error(`${file}:1: not UTF-8 text, so it cannot be read as HTML; left as it was`);
      reported += 1;
      continue;
    }
    const result = await prerenderFile(file, text, root, today);
    for (const line of result.reports) console.error(line);
    reported += result.reports.length;
    drawn += result.drawn;
    if (result.text !== text) {
      writeFileSync(file, result.text);
      files += 1;
    }
  }
  console.log(`messaging-quota: ${drawn} widget(s) drawn ahead, ${files} file(s) changed${reported ? `, ${reported} left as they were (above)` : ''}.`);
  if (drawn) console.log(`A Content Security Policy must allow their styles: style-src ${styleHash}`);
  return 0;
}
