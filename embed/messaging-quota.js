// Messaging Quota loader: one <script type="module" src=".../messaging-quota.js"> mounts
// the widget into every <div data-messaging-quota> (now and later) and defines the
// <messaging-quota> element. Safe to load twice; the wasm module is initialised once.
// No inline script or style, so it runs under a strict Content Security Policy.
performance.mark('messaging-quota:script-start');

const here = new URL('.', import.meta.url);
const KEY = Symbol.for('messaging-quota');

/**
 * Loads the wasm module: its bindings and its binary are fetched together. While the
 * browser compiles the binary (off the main thread), the main thread readies Intl: the
 * first Intl.NumberFormat of a page loads the browser's locale data (45 ms on the test
 * machine), and the widget writes every number through Intl. Each warm-up is its own
 * task, so none blocks the page for long.
 */
function load() {
  const binary = fetch(new URL('wasm/messaging-quota_bg.wasm', here));
  const ready = import('./wasm/messaging-quota.js').then(async (api) => {
    await api.default({ module_or_path: binary });
    return api;
  });
  const task = (step) => new Promise((resolve) => setTimeout(() => resolve(step()), 0));
  const warmed = task(() => new Intl.NumberFormat().format(0)).then(() => task(() => new Intl.DateTimeFormat().format(0)));
  return Promise.all([ready, warmed]).then(([api]) => {
    performance.mark('messaging-quota:wasm-ready');
    return api;
  });
}

const shared = (globalThis[KEY] ??= {
  // The first copy of this script to run owns the wasm instance; later copies reuse it.
  ready: load(),
  stylesheet: new URL('messaging-quota.css', here).href,
  handles: new WeakMap(),
});

/** The widget's attributes as [name, value] pairs, `data-` prefixes dropped. */
function attributesOf(element) {
  const prefixed = !element.localName.includes('-');
  return Array.from(element.attributes)
    .filter((a) => !prefixed || a.name.startsWith('data-'))
    .map((a) => [prefixed ? a.name.slice(5) : a.name, a.value]);
}

/** Mounts one widget into its own shadow root, with the stylesheet inside it. */
async function mountInto(element) {
  if (shared.handles.has(element)) return;
  shared.handles.set(element, null);
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = shared.stylesheet;
  const styled = new Promise((resolve) => { link.onload = link.onerror = resolve; });
  const container = document.createElement('div');
  container.className = 'mq-mount';
  root.replaceChildren(link, container);
  const [api] = await Promise.all([shared.ready, styled]);
  performance.mark('messaging-quota:mount');
  if (shared.handles.get(element) !== null || !element.isConnected) return;
  shared.handles.set(element, api.mount(container, element, attributesOf(element)));
  if (element.hasAttribute('data-post-height')) postHeight();
}

function unmount(element) {
  const handle = shared.handles.get(element);
  shared.handles.delete(element);
  if (handle) handle.destroy();
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

const SELECTOR = '[data-messaging-quota]';

function scan(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  if (node.matches(SELECTOR)) mountInto(node);
  node.querySelectorAll(SELECTOR).forEach(mountInto);
}

if (!shared.observing) {
  shared.observing = true;
  const start = () => {
    scan(document.documentElement);
    new MutationObserver((records) => {
      for (const record of records) {
        record.addedNodes.forEach(scan);
        record.removedNodes.forEach((node) => {
          if (node.nodeType !== Node.ELEMENT_NODE || node.localName === 'messaging-quota') return;
          if (node.matches(SELECTOR) && !node.isConnected) unmount(node);
          node.querySelectorAll(SELECTOR).forEach((el) => { if (!el.isConnected) unmount(el); });
        });
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  // No need to wait for the whole page: the observer also sees the parser add elements,
  // so with `async` a widget mounts as soon as both it and the wasm are there.
  start();

  shared.ready.then((api) => {
    if (customElements.get('messaging-quota')) return;
    customElements.define('messaging-quota', class extends HTMLElement {
      static observedAttributes = api.attributeNames();
      connectedCallback() { mountInto(this); }
      disconnectedCallback() { unmount(this); }
      attributeChangedCallback() {
        const handle = shared.handles.get(this);
        if (handle) handle.update(attributesOf(this));
      }
    });
  });
}
