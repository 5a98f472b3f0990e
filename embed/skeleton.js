// The widget's space before it is there: a skeleton exactly as tall as the widget will be
// (for its parts, its width and its language), marked busy for assistive technology; and,
// when loading failed, a message with a Retry button in the same space.

import { SIZES_CSS } from '@messaging-quota/build';
import { attribute, partsOf } from './element.js';
import { languageOf } from './language.js';

/**
 * The rules the skeleton and the widget share: the space each part takes by the width the
 * widget has (container queries) and by its language (the sizes are generated from the
 * measured heights: embed/sizes.json). Also the skeleton's look and the load failure's,
 * which must not wait for the widget's stylesheet (it may be what failed). A constructed
 * stylesheet: no request, and allowed under a strict CSP, which governs style elements and
 * attributes, not the CSSOM.
 */
const CSS = `
:host { display: block; }
/* The host page's reservation (messaging-quota-reserve.css) ends where the skeleton begins. */
:host { container-type: normal !important; }
:host::before { content: none !important; display: none !important; }
.mq-mount { all: initial; display: block; }
.mq-root {
  box-sizing: border-box; container-type: inline-size; display: flex; flex-direction: column;
  gap: 20px; padding: 16px; border: 1px solid transparent;
}
.mq-part { display: block; box-sizing: border-box; }
${SIZES_CSS}
.mq-skeleton {
  position: relative;
  color-scheme: light;
  background: var(--mq-bg, light-dark(#ffffff, #1b1f23));
  border-color: var(--mq-border, light-dark(#d0d5da, #434a52));
  border-radius: calc(var(--mq-radius, 10px) + 4px);
}
.mq-skeleton[data-theme="dark"] { color-scheme: dark; }
.mq-skeleton[data-theme="auto"] { color-scheme: light dark; }
.mq-skeleton .mq-part {
  border-radius: var(--mq-radius, 10px);
  background: var(--mq-surface, light-dark(#f4f2ee, #262b31));
}
@media (prefers-reduced-motion: no-preference) {
  .mq-skeleton[aria-busy="true"] .mq-part { animation: mq-pulse 1.6s ease-in-out infinite alternate; }
}
@keyframes mq-pulse { from { opacity: 1; } to { opacity: 0.55; } }
.mq-load-error {
  position: absolute; inset-block-start: 16px; inset-inline: 16px; z-index: 1;
  display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding: 16px;
  font: 15px/1.45 var(--mq-font, system-ui, sans-serif);
  color: var(--mq-text, light-dark(#1d2226, #e9e9e9));
  background: var(--mq-danger-bg, light-dark(#fbe9e7, #3d2220));
  border: 1px solid var(--mq-danger, light-dark(#b3261e, #ff9a8f));
  border-radius: var(--mq-radius, 10px);
}
.mq-load-error p { margin: 0; flex: 1 1 16em; }
.mq-load-error button {
  font: inherit; font-weight: 600; cursor: pointer; padding: 8px 16px; min-height: 44px;
  color: var(--mq-accent-text, light-dark(#ffffff, #0b1a2a));
  background: var(--mq-accent, light-dark(#0a66c2, #71b7fb));
  border: 0; border-radius: var(--mq-radius, 10px);
}
.mq-load-error button:focus-visible {
  outline: 3px solid var(--mq-focus, light-dark(#0a66c2, #9ccfff)); outline-offset: 2px;
}
`;

let sheet = null;

/** The shared sizing sheet, made once per page. */
export function sizingSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

/** The skeleton: the parts' reserved space, marked busy, labelled in the widget's language. */
export function skeleton(element) {
  const root = document.createElement('div');
  root.className = 'mq-root mq-skeleton';
  const { lang, dir, words } = languageOf(element);
  root.lang = lang;
  root.dir = dir;
  root.tabIndex = -1;
  const theme = attribute(element, 'theme');
  if (theme) root.dataset.theme = theme;
  for (const part of partsOf(element)) {
    const box = document.createElement('div');
    box.className = `mq-part mq-${part}`;
    root.append(box);
  }
  busy(root, words);
  return root;
}

/** Marks the skeleton as loading. */
function busy(root, words) {
  root.setAttribute('role', 'status');
  root.setAttribute('aria-busy', 'true');
  root.setAttribute('aria-label', words.busy);
}

/**
 * Turns the skeleton into a load failure, in the same space: a short message in the
 * widget's language and a Retry button (`onRetry`), announced as an alert; no longer busy.
 */
export function showLoadError(root, element, onRetry) {
  const { words } = languageOf(element);
  root.querySelector('.mq-load-error')?.remove();
  root.removeAttribute('role');
  root.removeAttribute('aria-busy');
  root.removeAttribute('aria-label');
  const panel = document.createElement('div');
  panel.className = 'mq-load-error';
  panel.setAttribute('role', 'alert');
  panel.dataset.testid = 'load-error';
  const message = document.createElement('p');
  message.textContent = words.failed;
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.dataset.testid = 'load-retry';
  retry.textContent = words.retry;
  retry.addEventListener('click', () => onRetry(true));
  panel.append(message, retry);
  root.prepend(panel);
}

/** Back to loading after a failure; focus stays in the widget when it was on Retry. */
export function clearLoadError(root, element) {
  const panel = root.querySelector('.mq-load-error');
  if (!panel) return;
  const hadFocus = panel.contains(root.getRootNode().activeElement);
  panel.remove();
  busy(root, languageOf(element).words);
  if (hadFocus) root.focus();
}
