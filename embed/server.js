// `messaging-quota/server`: the widget drawn ahead of the page, for servers and build steps.
// `renderToString(attributes)` gives the declarative shadow root a `<messaging-quota>` element
// holds in the HTML (`<template shadowrootmode="open">`: the styles, then the widget with its
// figures), so the page shows them before any script runs; the loader brings it to life over
// them. The server renderer is the widget's own code, as wasm (the same components the browser
// renders), built in: nothing is fetched and no Node-only API is used, so an edge runtime that
// runs wasm can call it too.

import { initSync, render as renderInWasm } from '@messaging-quota/server-bindings';
import { BUILD, CSS, STYLE_HASH, WASM } from '@messaging-quota/server-data';

let started = false;

/** Starts the server renderer once: its wasm is in this module, as base64. */
function start() {
  if (started) return;
  const text = atob(WASM);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  initSync({ module: bytes });
  started = true;
}

/** The attributes as `[name, value]` pairs: from an object (`{ tier: 'basic' }`) or pairs. */
function pairs(attributes) {
  const entries = Array.isArray(attributes) ? attributes : Object.entries(attributes ?? {});
  return entries
    .filter(([, value]) => value !== undefined && value !== null && value !== false)
    .map(([name, value]) => [String(name), value === true ? '' : String(value)]);
}

/**
 * Renders a widget with these attributes ahead of the page. Resolves to `{ html, problems }`:
 * the shadow root's markup, and what it could not use (a bad attribute, a rules file it was
 * not given), in words. `options`: `lang` (the page's language, for a widget without a
 * `locale`), `today` (`YYYY-MM-DD`, for a widget without a `today`; else this day), `rules`
 * and `messages` (the text its `rules-src` and `messages-src` point to).
 */
export async function render(attributes, options = {}) {
  start();
  const { lang, today, rules, messages } = options;
  return renderInWasm(pairs(attributes), { lang, today, rules, messages, css: CSS, build: BUILD });
}

/** The shadow root's markup for a widget with these attributes (see `render`). */
export async function renderToString(attributes, options = {}) {
  return (await render(attributes, options)).html;
}

/**
 * The `style-src` source a Content Security Policy needs for the styles inside the shadow
 * root (`'sha256-…'`): the same for every widget of this build.
 */
export const styleHash = STYLE_HASH;

/** The build the markup is of; a loader of another build renders afresh over it. */
export const build = BUILD;
