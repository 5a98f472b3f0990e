// Loading what the widgets need, once per page and shared by all: the wasm and its bindings,
// the stylesheet, a language's words; and readying Intl off the main thread meanwhile. Each
// file is one build's (content-named, so any cache may keep it): this loader's, or the one
// the build manifest names once a redeploy has removed this loader's files. A failure says
// which file and how, and is not kept, so the next attempt loads again.

import { BUILD, MANIFEST } from '@messaging-quota/build';

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
function warmIntl(base, assets) {
  const offMainThread = new Promise((resolve) => {
    let worker;
    try {
      worker = new Worker(new URL(assets.worker, base));
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
 * Loads the wasm module of the build `assets` names (attempt `attempt` on this page): its
 * bindings and its binary are fetched together, Intl readied meanwhile. A retry goes past the
 * HTTP cache, and imports the bindings under a URL of its own (a failed module import is not
 * tried again under the same URL). Rejects with a LoadError.
 */
export async function loadModule(base, attempt, assets) {
  const retry = attempt > 1;
  const wasmUrl = new URL(assets.wasm, base).href;
  const scriptUrl = new URL(assets.script, base);
  if (retry) scriptUrl.searchParams.set('attempt', attempt);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const binary = fetch(wasmUrl, { cache: retry ? 'reload' : 'default', signal }).then(
    (response) => (response.ok ? response : Promise.reject(new LoadError('wasm', 'http', wasmUrl, response.status))),
    (error) => Promise.reject(new LoadError('wasm', timedOut(error) ? 'timeout' : 'network', wasmUrl)),
  );
  // Awaited below, unless the bindings fail first: never an unhandled rejection.
  binary.catch(() => {});
  const warmed = warmIntl(base, assets);
  let api;
  try {
    api = await inTime(import(/* @vite-ignore */ /* webpackIgnore: true */ scriptUrl.href), 'script', scriptUrl.href);
  } catch (error) {
    throw await diagnose('script', scriptUrl.href, error);
  }
  // The later sections' module, fetched by the bindings once the widget has first rendered.
  api.locateLater(new URL(assets.later, base).href);
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
  await warmed;
  performance.mark('messaging-quota:wasm-ready');
  return api;
}

/**
 * The widget's stylesheet, checked against this build's integrity (a file cut short or
 * changed on the way fails), as a constructed stylesheet every widget adopts. Rejects with a
 * LoadError.
 */
export async function loadStylesheet(base, attempt, assets) {
  const url = new URL(assets.stylesheet, base).href;
  try {
    const response = await fetch(url, {
      integrity: assets.stylesheetIntegrity,
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
export function prefetchWords(base, code, answers, assets) {
  const file = assets.words[code];
  if (!file) return;
  const url = new URL(file, base).href;
  if (answers.has(url)) return;
  const answer = fetch(url);
  // A failed fetch is not kept: the next widget, or this one back online, fetches afresh.
  answer.catch(() => {
    if (answers.get(url) === answer) answers.delete(url);
  });
  answers.set(url, answer);
}

/** The language files by code, as absolute URLs, for the widget. */
export function wordsFiles(base, assets) {
  return new Map(Object.entries(assets.words).map(([code, file]) => [code, new URL(file, base).href]));
}

/** The build this loader was made with, as the manifest names one. */
export const THIS_BUILD = BUILD;

/**
 * Whether a failure may mean the files were replaced by a redeploy: the file is gone
 * (404, 410), or its bytes are not the file (another build's, or a host's page for a missing
 * file answered 200).
 */
export const mayBeRedeployed = (error) =>
  error instanceof LoadError && ((error.failure === 'http' && [404, 410].includes(error.status)) || error.failure === 'invalid');

/** A file name of a build: a path under the loader's folder, nothing that leaves it. */
const fileName = (name) => typeof name === 'string' && /^[\w.-]+(\/[\w.-]+)*$/.test(name) && !name.split('/').includes('..');

/**
 * The current build, as the manifest beside the loader names it, asked past every cache:
 * `{ build, assets }`, or null when there is none to be had or it is not one (a manifest is
 * input like any other: each name must be a file under the loader's folder).
 */
export async function currentBuild(base) {
  // A bundled package has no manifest: the app that bundles it owns its deploys.
  if (!MANIFEST) return null;
  try {
    const response = await fetch(new URL(MANIFEST, base), { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) return null;
    const { build, assets } = await response.json();
    const named = ['wasm', 'script', 'stylesheet', 'worker', 'later'].every((k) => fileName(assets?.[k]));
    const words = assets?.words && typeof assets.words === 'object' && Object.values(assets.words).every(fileName);
    const integrity = typeof assets?.stylesheetIntegrity === 'string' && /^sha\d{3}-[\w+/=]+$/.test(assets.stylesheetIntegrity);
    if (typeof build !== 'string' || !named || !words || !integrity) return null;
    const { wasm, script, stylesheet, stylesheetIntegrity, worker, later } = assets;
    return { build, assets: { wasm, script, stylesheet, stylesheetIntegrity, worker, later, words: { ...assets.words } } };
  } catch {
    return null;
  }
}
