// Installing the widget on a page: every `<div data-messaging-quota>` (now and later) mounted,
// the `<messaging-quota>` element defined. Safe to install twice (a second copy of the
// loader reuses the first's module and widgets); the wasm module is loaded once, and only
// when a widget needs it: an embed waits until it comes within a viewport of being seen
// (`loading="eager"` starts at once). Until then each widget shows a light skeleton that
// takes the space the widget will take, so nothing on the page moves when it arrives; if
// loading fails, the skeleton says so in the same space and offers to try again.
// No inline script or style, so it runs under a strict Content Security Policy.

import { ASSETS, ATTRIBUTES, BUILD, PARAMS, VERSION } from '@messaging-quota/build';
import { OFF, attribute, attributesOf } from './element.js';
import { languageOf } from './language.js';
import {
  LoadError, currentBuild, loadModule, loadStylesheet, mayBeRedeployed, prefetchWords, wordsFiles,
} from './load.js';
import { clearLoadError, showLoadError, showUpdating, sizingSheet, skeleton } from './skeleton.js';

/** What a page can ask of the widget without an element: which version it runs. */
function announce() {
  globalThis.messagingQuota ??= Object.freeze({ version: VERSION });
}

/** Selects the widgets whose flag attribute `name` is on (`data-name` on a mount point). */
function flagged(name) {
  return ['', 'data-'].map((p) => {
    const off = OFF.map((v) => `[${p}${name}="${v}" i]`).join(', ');
    return `${p ? '[data-messaging-quota]' : 'messaging-quota'}[${p}${name}]:not(${off})`;
  });
}

/**
 * Before the page is first painted: a widget drawn ahead of the page (prerendered) whose
 * link or saved state will change its figures once it is alive shows them marked as not yet
 * the visitor's (the widget's stylesheet reads `--messaging-quota-pending`). A link applies
 * to a widget that keeps the URL (`sync-url`) when the URL carries the widget's parameters;
 * a saved state to one that remembers under a key (`persist`) the storage holds.
 */
function markPending() {
  const selectors = [];
  const query = new URLSearchParams(location.search);
  if (PARAMS.some((p) => query.has(p)) || location.hash.includes('mq-rules=')) selectors.push(...flagged('sync-url'));
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (!key?.startsWith('messaging-quota:')) continue;
      const name = key.slice('messaging-quota:'.length);
      const values = name === 'default' ? ['', 'true', '1', 'yes', 'on'] : [name];
      for (const v of values) selectors.push(`messaging-quota[persist="${CSS.escape(v)}"]`, `[data-messaging-quota][data-persist="${CSS.escape(v)}"]`);
    }
  } catch {
    // Storage forbidden: nothing saved applies.
  }
  if (!selectors.length) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${selectors.join(', ')} { --messaging-quota-pending: 1; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/**
 * Whether the parser is past `element` (its children, and a declarative shadow root's,
 * are all there): the page has finished loading, or a node follows it or one of its
 * ancestors.
 */
function parsed(element) {
  if (document.readyState !== 'loading') return true;
  for (let node = element; node; node = node.parentNode) if (node.nextSibling) return true;
  return false;
}

/** Installs the widget on this page, its files under `here` (a folder URL). */
export function install(here) {
  const KEY = Symbol.for('messaging-quota');
  const shared = (globalThis[KEY] ??= {
    // The first copy of this script to run owns the module and the widgets; later copies
    // reuse them.
    module: null,
    stylesheet: null,
    // Attempts at loading on this page (a retry goes past the caches).
    attempt: 0,
    // The build whose files load: this loader's, until a redeploy removes them and the
    // build manifest names the current one.
    build: BUILD,
    assets: ASSETS,
    // The manifest being asked for, shared by the widgets that failed at once.
    learning: null,
    widgets: new WeakMap(),
    // Widgets whose loading failed, waiting for a retry.
    failed: new Set(),
    // Catalogue fetches by URL, shared with the widgets.
    answers: new Map(),
  });
  if (shared.observing) return;
  shared.observing = true;
  announce();
  markPending();
  // Widgets met while the parser may still be inside them: connected once it is past.
  const unparsed = new Set();

  /** What every widget needs, loaded once and shared; a failure is dropped, not kept. */
  function needs() {
    shared.attempt ||= 1;
    const attempt = shared.attempt;
    shared.module ??= loadModule(here, attempt, shared.assets).catch((error) => {
      shared.module = null;
      throw error;
    });
    shared.stylesheet ??= loadStylesheet(here, attempt, shared.assets).catch((error) => {
      shared.stylesheet = null;
      throw error;
    });
    return Promise.all([shared.module, shared.stylesheet]);
  }

  // Widgets near the viewport start loading; the margin gives them a viewport's head start.
  const nearView = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        nearView.unobserve(entry.target);
        start(entry.target);
      }
    }
  }, { rootMargin: '100% 0px 100% 0px' });

  /**
   * Sets a widget up: its shadow root, the sizing rules and the skeleton, or the drawing a
   * prerender gave it (a declarative shadow root, kept as it is); starts it when due.
   */
  function connect(element) {
    const known = shared.widgets.get(element);
    if (known) {
      // Moved (removed and added again in one task): the same widget carries on.
      known.leaving = false;
      return;
    }
    // A drawing (a declarative shadow root) streams in as the parser goes through the
    // element: until it is past, what the element holds is not known yet.
    if (!parsed(element)) {
      unparsed.add(element);
      return;
    }
    unparsed.delete(element);
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sizingSheet()];
    const drawing = [...root.children].find((c) => c.matches('.mq-mount[data-mq-build]')) ?? null;
    let container = drawing;
    let placeholder = drawing?.querySelector(':scope > .mq-root');
    if (!drawing) {
      container = document.createElement('div');
      container.className = 'mq-mount';
      placeholder = skeleton(element);
      container.append(placeholder);
      root.replaceChildren(container);
    }
    const widget = {
      root, container, placeholder, drawn: drawing?.dataset.mqBuild ?? null, handle: null, starting: false, leaving: false,
    };
    shared.widgets.set(element, widget);
    if (attribute(element, 'loading') === 'eager') start(element);
    else nearView.observe(element);
  }

  /**
   * Whether the site now serves another build than `tried`, whose files failed: asks the
   * manifest (past every cache; once for all the widgets that failed together) and, when it
   * names another build, loads that one from now on, what loaded of the old one dropped.
   */
  async function learnedNewBuild(tried) {
    shared.learning ??= currentBuild(here).finally(() => { shared.learning = null; });
    const current = await shared.learning;
    if (!current || current.build === tried) return false;
    if (current.build === shared.build) return true;
    shared.build = current.build;
    shared.assets = current.assets;
    shared.attempt += 1;
    // A module already loaded keeps the widgets it mounted working; new ones get the new build.
    shared.module = null;
    shared.stylesheet = null;
    return true;
  }

  /** Loads what the widget needs, then mounts it in place of its skeleton. Never rejects. */
  async function start(element) {
    const widget = shared.widgets.get(element);
    if (!widget || widget.starting || widget.handle) return;
    widget.starting = true;
    const { code } = languageOf(element);
    prefetchWords(here, code, shared.answers, shared.assets);
    let api;
    let stylesheet;
    for (;;) {
      const build = shared.build;
      try {
        [api, stylesheet] = await needs();
        break;
      } catch (error) {
        // Files gone after a redeploy: the new build's, once, saying so meanwhile.
        const current = shared.widgets.get(element) === widget;
        if (current && mayBeRedeployed(error)) {
          showUpdating(widget.placeholder, element);
          if (shared.build !== build || await learnedNewBuild(build)) {
            prefetchWords(here, code, shared.answers, shared.assets);
            continue;
          }
        }
        widget.starting = false;
        if (shared.widgets.get(element) === widget) failed(element, widget, error);
        return;
      }
    }
    // Mount in a task of its own, apart from the module's compilation.
    await new Promise((resolve) => setTimeout(resolve, 0));
    widget.starting = false;
    if (shared.widgets.get(element) !== widget || !element.isConnected) return;
    // The sizing rules last: they win over the widget's own where both size a part. (A
    // drawing of this build brings this build's styles with it.)
    const drawnHere = widget.drawn === null ? undefined : widget.drawn === shared.build;
    if (!drawnHere) widget.root.adoptedStyleSheets = [stylesheet, sizingSheet()];
    performance.mark('messaging-quota:mount');
    widget.handle = api.mount(
      widget.container, element, attributesOf(element), here.href, wordsFiles(here, shared.assets), shared.answers,
      drawnHere,
    );
    if (element.hasAttribute('data-post-height')) postHeight();
  }

  /**
   * Loading failed: the skeleton says so with a Retry button, the host hears of it
   * (`messaging-quota:error`), and the console says which file and how.
   */
  function failed(element, widget, error) {
    const problem = error instanceof LoadError ? error : new LoadError('script', 'invalid', here.href);
    shared.failed.add(element);
    showLoadError(widget.placeholder, element, retry);
    console.warn(`messaging-quota: ${problem.message}; the widget offers to try again.`);
    element.dispatchEvent(new CustomEvent('messaging-quota:error', {
      bubbles: true, composed: true, detail: problem.detail(shared.attempt),
    }));
  }

  /** Tries again, for every widget that failed: one new attempt, shared. */
  function retry() {
    if (!shared.failed.size) return;
    // A new attempt for what failed; what is loading or loaded already is shared.
    if (!shared.module || !shared.stylesheet) shared.attempt += 1;
    const waiting = [...shared.failed];
    shared.failed.clear();
    for (const element of waiting) {
      const widget = shared.widgets.get(element);
      if (!widget) continue;
      clearLoadError(widget.placeholder, element);
      start(element);
    }
  }

  // Back online: whatever failed loads again by itself.
  window.addEventListener('online', retry);

  /** The element left the page; unless it comes back in the same task, the widget goes. */
  function disconnect(element) {
    const widget = shared.widgets.get(element);
    if (!widget) return;
    widget.leaving = true;
    queueMicrotask(() => {
      if (widget.leaving && !element.isConnected) teardown(element, widget);
    });
  }

  /** Frees everything the widget holds: its app, timers, fetches, observer and shadow content. */
  function teardown(element, widget) {
    nearView.unobserve(element);
    shared.widgets.delete(element);
    shared.failed.delete(element);
    widget.handle?.destroy();
    widget.handle = null;
    widget.root.replaceChildren();
    widget.root.adoptedStyleSheets = [];
  }

  /** In an iframe, tells the parent page the document's height whenever it changes. */
  function postHeight() {
    if (window.parent === window || shared.postingHeight) return;
    shared.postingHeight = true;
    let last = 0;
    new ResizeObserver(() => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ type: 'messaging-quota:height', height }, '*');
      }
    }).observe(document.documentElement);
  }

  /** The host changed the widget's attributes: a mounted widget applies them. */
  function changed(element) {
    const widget = shared.widgets.get(element);
    if (widget?.handle) widget.handle.update(attributesOf(element));
  }

  const SELECTOR = '[data-messaging-quota]';

  function scan(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches(SELECTOR)) connect(node);
    node.querySelectorAll(SELECTOR).forEach(connect);
  }

  function scanRemoved(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches(SELECTOR) && !node.isConnected) disconnect(node);
    node.querySelectorAll(SELECTOR).forEach((el) => { if (!el.isConnected) disconnect(el); });
  }

  /** Connects the widgets the parser has gone past since they were met. */
  function connectParsed() {
    for (const element of unparsed) {
      if (!element.isConnected) unparsed.delete(element);
      else if (parsed(element)) connect(element);
    }
  }

  // No need to wait for the whole page: the observer also sees the parser add elements.
  scan(document.documentElement);
  new MutationObserver((records) => {
    for (const record of records) {
      record.removedNodes.forEach(scanRemoved);
      record.addedNodes.forEach(scan);
      // A mount point's own data- attributes changed.
      if (record.type === 'attributes' && record.target.matches?.(SELECTOR)) changed(record.target);
    }
    if (unparsed.size) connectParsed();
  }).observe(document.documentElement, {
    childList: true, subtree: true, attributeFilter: ATTRIBUTES.map((a) => `data-${a}`),
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', connectParsed, { once: true });

  if (!customElements.get('messaging-quota')) {
    customElements.define('messaging-quota', class extends HTMLElement {
      static observedAttributes = ATTRIBUTES;
      connectedCallback() { connect(this); }
      disconnectedCallback() { disconnect(this); }
      attributeChangedCallback() { if (this.isConnected) changed(this); }
    });
  }
}
