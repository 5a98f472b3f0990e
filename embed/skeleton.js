// The widget's space before it is there: a skeleton exactly as tall as the widget will be
// (for its parts, its width and its language), marked busy for assistive technology; and,
// when loading failed, a message with a Retry button in the same space.

import { BOX_CSS, THEME } from '@messaging-quota/build';
import { attribute, partsOf } from './element.js';
import { languageOf } from './language.js';

/**
 * The rules the skeleton and the widget share (BOX_CSS): the space each part takes by the
 * width the widget has (container queries) and by its language (the sizes are generated from
 * the measured heights: embed/sizes.json), and the root's box they assume. Also the
 * skeleton's look and the load failure's, in the widget's own theme defaults (THEME, from
 * src/host/reference.rs),
 * which must not wait for the widget's stylesheet (it may be what failed). A constructed
 * stylesheet: no request, and allowed under a strict CSP, which governs style elements and
 * attributes, not the CSSOM.
 */
const CSS = `
${BOX_CSS}
.mq-skeleton {
  position: relative;
  color-scheme: light;
  background: ${THEME['--mq-bg']};
  border-color: ${THEME['--mq-border']};
  border-radius: calc(${THEME['--mq-radius']} + 4px);
}
.mq-skeleton[data-theme="dark"] { color-scheme: dark; }
.mq-skeleton[data-theme="auto"] { color-scheme: light dark; }
.mq-skeleton .mq-part {
  border-radius: ${THEME['--mq-radius']};
  background: ${THEME['--mq-surface']};
}
@media (prefers-reduced-motion: no-preference) {
  .mq-skeleton[aria-busy="true"] .mq-part { animation: mq-pulse 1.6s ease-in-out infinite alternate; }
}
@keyframes mq-pulse { from { opacity: 1; } to { opacity: 0.55; } }
.mq-load-error {
  position: absolute; inset-block-start: 16px; inset-inline: 16px; z-index: 1;
  display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding: 16px;
  font-family: ${THEME['--mq-font']}; font-size: ${THEME['--mq-font-size']}; line-height: 1.45;
  color: ${THEME['--mq-text']};
  background: ${THEME['--mq-danger-bg']};
  border: 1px solid ${THEME['--mq-danger']};
  border-radius: ${THEME['--mq-radius']};
}
.mq-load-error p { margin: 0; flex: 1 1 16em; }
.mq-load-updated {
  position: absolute; inset-block-start: 16px; inset-inline: 16px; z-index: 1; margin: 0;
  padding: 16px; font-family: ${THEME['--mq-font']}; font-size: ${THEME['--mq-font-size']};
  line-height: 1.45; color: ${THEME['--mq-text']}; background: ${THEME['--mq-bg']};
  border: 1px solid ${THEME['--mq-border']}; border-radius: ${THEME['--mq-radius']};
}
.mq-load-error button {
  font: inherit; font-weight: 600; cursor: pointer; padding: 8px 16px; min-height: 44px;
  color: ${THEME['--mq-accent-text']};
  background: ${THEME['--mq-accent']};
  border: 0; border-radius: ${THEME['--mq-radius']};
}
.mq-load-error button:focus-visible {
  outline: 3px solid ${THEME['--mq-focus']}; outline-offset: 2px;
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
  root.querySelector('.mq-load-updated')?.remove();
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

/**
 * The site was redeployed while the widget loaded: the skeleton says it is loading the new
 * version (announced politely), in place of a failure, and stays busy.
 */
export function showUpdating(root, element) {
  const { words } = languageOf(element);
  clearLoadError(root, element);
  if (root.querySelector('.mq-load-updated')) return;
  const note = document.createElement('p');
  note.className = 'mq-load-updated';
  note.setAttribute('role', 'status');
  note.dataset.testid = 'load-updated';
  note.textContent = words.updated;
  root.prepend(note);
}
