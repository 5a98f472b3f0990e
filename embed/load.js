// Loading what the widgets need, once per page and shared by all: the wasm and its bindings,
// the stylesheet, a language's words; and readying Intl off the main thread meanwhile. Each
// file is this build's (content-named, so any cache may keep it); a failure says which file
// and how, and is not kept, so the next attempt loads again.

import { ASSETS } from '@messaging-quota/build';

/** How long a file may take, from asking to having it all, before it counts as failed. */
const TIMEOUT_MS = 30000;

/** How long the Intl warm-up may take before the main thread does it instead. */
const WARM_UP_MS = 3000;

/**
 * A file the widget needs could not be used: which (`wasm`, `script`, `stylesheet`) and how
 * (`http` with its status, `network`, `timeout`, `invalid`: cut short, changed or another
 * build's). Its fields are the `messaging-quota:error` event's detail (LoadErrorDetail).
 */
export class LoadError extends Error {
  constructor(asset, failure, url, status = null) {
    super(`could not load ${url} (${asset}:${failure}${status ? ` ${status}` : ''})`);
    Object.assign(this, { asset, failure, url, status });
  }

  detail(attempt) {
    const { asset, failure, status, url } = this;
    return { reason: `${asset}:${failure}`, asset, failure, status, url, attempt };
  }
}

const timedOut = (error) => error?.name === 'TimeoutError' || error?.name === 'AbortError';

/**
 * Why a request for `url` failed, when the error alone does not say: asked again past every
 * cache, an error status is `http`, no answer is `network`, and a good answer means the
 * first one was not the file (`invalid`, as a failed integrity check is).
 */
async function diagnose(asset, url, error) {
  if (error instanceof LoadError) return error;
  if (timedOut(error)) return new LoadError(asset, 'timeout', url);
  if (error instanceof SyntaxError) return new LoadError(asset, 'invalid', url);
  try {
    const probe = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
    await probe.body?.cancel();
    return probe.ok ? new LoadError(asset, 'invalid', url) : new LoadError(asset, 'http', url, probe.status);
  } catch {
    return new LoadError(asset, 'network', url);
  }
}

/** `promise`, or a timeout failure of `asset` after TIMEOUT_MS. */
function inTime(promise, asset, url) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new LoadError(asset, 'timeout', url)), TIMEOUT_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Readies Intl, which the widget writes every number and date with, while the wasm loads.
 * The first Intl.NumberFormat in a renderer process builds V8's list of available locales:
 * 20–50 ms on the test machine, over 100 ms at 4x CPU slowdown, in one call that cannot be
 * split. A worker does it on its own thread, and the process keeps the result, so the
 * page's main thread never pays it. Browsers start workers only from the page's own origin:
 * where the loader is served from elsewhere, a policy forbids workers, or the worker does not
 * answer in time, the main thread does it, each step in a task of its own. Never fails.
 */
function warmIntl(base) {
  const offMainThread = new Promise((resolve) => {
    let worker;
    try {
      worker = new Worker(new URL(ASSETS.worker, base));
    } catch {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      worker.terminate();
      resolve();
    };
    const timer = setTimeout(done, WARM_UP_MS);
    worker.onmessage = worker.onerror = done;
  });
  const task = (step) => nextTask().then(step);
  return offMainThread
    .then(() => task(() => new Intl.NumberFormat().format(0)))
    .then(() => task(() => new Intl.DateTimeFormat().format(0)));
}

/**
 * Loads the wasm module (attempt `attempt` on this page): its bindings and its binary are
 * fetched together, Intl readied meanwhile. A retry goes past the HTTP cache, and imports the
 * bindings under a URL of its own (a failed module import is not tried again under the same
 * URL). Rejects with a LoadError.
 */
export async function loadModule(base, attempt) {
  const retry = attempt > 1;
  const wasmUrl = new URL(ASSETS.wasm, base).href;
  const scriptUrl = new URL(ASSETS.script, base);
  if (retry) scriptUrl.searchParams.set('attempt', attempt);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const binary = fetch(wasmUrl, { cache: retry ? 'reload' : 'default', signal }).then(
    (response) => (response.ok ? response : Promise.reject(new LoadError('wasm', 'http', wasmUrl, response.status))),
    (error) => Promise.reject(new LoadError('wasm', timedOut(error) ? 'timeout' : 'network', wasmUrl)),
  );
  // Awaited below, unless the bindings fail first: never an unhandled rejection.
  binary.catch(() => {});
  const warmed = warmIntl(base);
  let api;
  try {
    api = await inTime(import(scriptUrl.href), 'script', scriptUrl.href);
  } catch (error) {
    throw await diagnose('script', scriptUrl.href, error);
  }
  const response = await binary;
  try {
    await api.default({ module_or_path: response });
  } catch (error) {
    // Bytes that are not this build's wasm (cut short, with bytes added, another build's);
    // or a stream cut off or timed out while compiling, which asking again tells apart.
    const wasm = [WebAssembly.CompileError, WebAssembly.LinkError, WebAssembly.RuntimeError];
    if (wasm.some((type) => error instanceof type)) throw new LoadError('wasm', 'invalid', wasmUrl);
    throw await diagnose('wasm', wasmUrl, error);
  }
  // The default rules are read in a task apart from instantiation and from the mount:
  // measured, it takes about a third off the longest task at 4x CPU (tests/browser/host.mjs).
  await nextTask();
  api.prepare();
  await warmed;
  performance.mark('messaging-quota:wasm-ready');
  return api;
}

/**
 * The widget's stylesheet, checked against this build's integrity (a file cut short or
 * changed on the way fails), as a constructed stylesheet every widget adopts. Rejects with a
 * LoadError.
 */
export async function loadStylesheet(base, attempt) {
  const url = new URL(ASSETS.stylesheet, base).href;
  try {
    const response = await fetch(url, {
      integrity: ASSETS.stylesheetIntegrity,
      cache: attempt > 1 ? 'reload' : 'default',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new LoadError('stylesheet', 'http', url, response.status);
    const sheet = new CSSStyleSheet();
    await sheet.replace(await response.text());
    return sheet;
  } catch (error) {
    throw await diagnose('stylesheet', url, error);
  }
}

/**
 * Starts fetching the words of language `code` while the wasm loads (the widget reads the
 * same answer from `answers`; English is built in). A failure is the widget's to report, with
 * a notice and English words; it is never an unhandled rejection.
 */
export function prefetchWords(base, code, answers) {
  const file = ASSETS.words[code];
  if (!file) return;
  const url = new URL(file, base).href;
  if (answers.has(url)) return;
  const answer = fetch(url);
  answer.catch(() => {});
  answers.set(url, answer);
}

/** The language files by code, as absolute URLs, for the widget. */
export function wordsFiles(base) {
  return new Map(Object.entries(ASSETS.words).map(([code, file]) => [code, new URL(file, base).href]));
}
