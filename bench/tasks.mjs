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
  ['parse', /^(ParseHTML|ParseAuthorStyleSheet|DocumentLoader::CommitNavigation)$/],
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
        if (kind) time[kind[0]] += e.dur;
      }
      // Script spans nest (a call inside a timer): the outermost counts.
      time.script = Math.max(0, ...inside.filter((e) => KINDS[5][1].test(e.name)).map((e) => e.dur)) - time.compile;
      return { at: (task.ts - start) / 1000, ms: task.dur / 1000, cause: cause(task, time, at) };
    })
    .sort((a, b) => b.ms - a.ms);
}

/** Names what a task was: the widget's phase when it ran its code, else the browser's work. */
function cause(task, time, at) {
  const [kind] = Object.entries(time).sort((a, b) => b[1] - a[1])[0];
  const ms = (t) => `${(t / 1000).toFixed(0)}`;
  const split = `script ${ms(time.script)}, compiling wasm ${ms(time.compile)}, layout ${ms(time.layout)}`;
  if (kind === 'decode') return 'decode (the module\'s streaming compile)';
  if (kind === 'parse') return 'the page\'s navigation and parsing';
  if (kind === 'gc') return 'garbage collection';
  if (kind === 'layout') return `layout and paint (${split})`;
  const t = task.ts;
  let phase;
  if (t < at('script-start')) phase = 'the page\'s own script';
  else if (t < at('mount')) phase = 'the loader';
  else if (t < Math.min(at('hydrate'), at('render'))) phase = 'mount (reading the page, checking a drawing)';
  else if (t < at('first-render')) phase = at('hydrate') < at('render') ? 'hydration step' : 'render step';
  else phase = 'a later section, the warm-up or the first input';
  return `${phase} (${split})`;
}
