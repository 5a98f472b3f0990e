// The main thread's tasks from navigation through the first input, from a Chromium trace,
// each with its cause: what the widget was doing (from its performance marks) and what the
// browser spent the task on. Used by bench/mobile.mjs; a measurement, never a test.

const CATEGORIES = [
  'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm',
  'blink.user_timing', 'loading',
];

/** What a task's time went to: the kinds of work the trace names inside it. */
const KINDS = [
  ['decode', /^(v8\.wasm\.compileConsume|wasm\.OnBytesReceived|wasm\.FinishStreaming|v8\.wasm\.compileConsumeDone)$/],
  ['compile', /^wasm\.CompileLazy$/],
  ['layout', /^(Layout|UpdateLayoutTree|Paint|PrePaint|Layerize|Commit|UpdateLayer)$/],
  ['navigation', /^DocumentLoader::CommitNavigation$/],
  ['parse', /^(ParseHTML|ParseAuthorStyleSheet)$/],
  ['gc', /^(MajorGC|MinorGC|V8\.GC_MARK_COMPACTOR)$/],
  ['script', /^(FunctionCall|EvaluateScript|v8\.callFunction|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame)$/],
];

/**
 * Loads `url` in `context`'s new page at 4x CPU, waits for `ready` (an expression), runs
 * `input` (an expression; the first input), and returns every main-thread task over 50 ms
 * with its start, length and cause, the longest first.
 */
export async function tasksThroughFirstInput(browser, context, url, { ready, input }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  // Through plain CDP calls: Playwright's own page scripts would be long tasks at 4x.
  const ask = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })).result.value;
  while (!(await ask(ready))) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await ask(input);
  const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await page.close();
  return causes(trace);
}

/** The renderer's main thread's tasks over 50 ms, each with its cause. */
function causes(trace) {
  const name = trace.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
    && trace.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'ParseHTML'));
  const main = trace.filter((e) => e.pid === name.pid && e.tid === name.tid);
  const start = main.find((e) => e.name === 'navigationStart')?.ts ?? Math.min(...main.filter((e) => e.ts).map((e) => e.ts));
  const marks = main.filter((e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('messaging-quota:'))
    .map((e) => [e.name.slice('messaging-quota:'.length), e.ts]);
  const at = (mark) => marks.find(([m]) => m === mark)?.[1] ?? Infinity;
  const spans = main.filter((e) => e.ph === 'X' && e.dur);
  return main.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur > 50000)
    .map((task) => {
      const end = task.ts + task.dur;
      const inside = spans.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end);
      const time = Object.fromEntries(KINDS.map(([kind]) => [kind, 0]));
      for (const e of inside) {
        const kind = KINDS.find(([, re]) => re.test(e.name));
        if (kind && kind[0] !== 'script') time[kind[0]] += e.dur;
      }
      // Script spans nest (a call inside a timer): the outermost counts.
      const script = KINDS.find(([kind]) => kind === 'script')[1];
      time.script = Math.max(0, ...inside.filter((e) => script.test(e.name)).map((e) => e.dur)) - time.compile;
      // Committing a navigation holds the rest of it (the script context, the first HTML).
      if (time.navigation) return { at: (task.ts - start) / 1000, ms: task.dur / 1000, kind: 'navigation', cause: 'the browser committing the navigation (its script context, the first of the HTML)' };
      return { at: (task.ts - start) / 1000, ms: task.dur / 1000, kind: kindOf(time), cause: cause(task, time, at) };
    })
    .sort((a, b) => b.ms - a.ms);
}

/** What a task spent most on. */
function kindOf(time) {
  const [kind] = Object.entries(time).sort((a, b) => b[1] - a[1])[0];
  return kind === 'compile' ? 'script' : kind;
}

/** Names what a task was: the widget's phase when it ran its code, else the browser's work. */
function cause(task, time, at) {
  const kind = kindOf(time);
  const ms = (t) => `${(t / 1000).toFixed(0)}`;
  const split = `script ${ms(time.script)}, compiling wasm ${ms(time.compile)}, layout ${ms(time.layout)}`;
  if (kind === 'decode') return 'decode (the module\'s streaming compile)';
  if (kind === 'parse') return `parsing the page's HTML (${split})`;
  if (kind === 'gc') return 'garbage collection';
  if (kind === 'layout') return `layout and paint (${split})`;
  // The widget's phase: the last of its marks before the task ended (a mark made in the
  // task counts: the loader marks the mount as it starts it).
  const phases = [
    ['script-start', 'the loader'],
    ['wasm-ready', 'the loader, the module ready'],
    ['mount', 'mount (reading the page, the first state, checking a drawing)'],
    ['render', 'render step'],
    ['hydrate', 'hydration step'],
    ['first-render', 'a later section, the warm-up or the first input'],
  ];
  const end = task.ts + task.dur;
  const last = phases.filter(([mark]) => at(mark) <= end).sort(([a], [b]) => at(a) - at(b)).pop();
  const phase = last?.[1] ?? 'the page\'s own script';
  return `${phase} (${split})`;
}
