// Where the loader lives: its files (the wasm, its bindings, the stylesheet, the language
// files) sit beside it, under the names this build gave them.

const INLINE_HELP =
  'messaging-quota: this loader was pasted inline, so it cannot tell where its files are. ' +
  'Add data-base="https://your.site/quota/" (the folder holding messaging-quota.js) to its ' +
  '<script> element, or set window.messagingQuotaBase to that URL before it.';

/** A folder URL: a base that names a folder without its final slash still means the folder. */
function folder(url) {
  const u = new URL(url, location.href);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u;
}

/**
 * The folder the loader was served from: its script's `src` (a script tag, injected or not,
 * `async`, `defer`); as a module (no current script), the script whose `src` names it;
 * pasted inline (a tag manager's custom HTML, a CMS block), the base its snippet names with
 * `data-base` on the script or `window.messagingQuotaBase`. `null`, after one console error
 * that says what to add, when none is known: the page is left as it was.
 */
export function loaderBase() {
  const script = document.currentScript;
  try {
    if (script?.src) return new URL('.', script.src);
    const named = script?.dataset?.base || globalThis.messagingQuotaBase;
    if (named) return folder(named);
    const module = script ? null : document.querySelector('script[src*="messaging-quota.js"]');
    if (module?.src) return new URL('.', module.src);
  } catch {
    // A base that is not a URL: said below.
  }
  console.error(INLINE_HELP);
  return null;
}
