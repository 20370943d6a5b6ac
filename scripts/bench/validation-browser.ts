/**
 * The main-thread cost of a hostile bundle in Chromium, as a page pays it:
 * `npx tsx scripts/bench/validation-browser.ts`, and a table of `npm run bench`.
 * Bundles src/content/load.ts (esbuild, minified, as the script ships it),
 * serves it on 127.0.0.1 with the bundles of the Node table
 * (scripts/bench/validation.ts), and has Debian's Chromium load each with
 * `loadBundle`, the elements' one way in (fetch, decode, parse, the
 * null-prototype copy, validation, salvage, the console warning). Prints, as
 * the median of BENCH_RUNS runs (a fresh browser each), the longest task
 * (the longest gap between beats of a zero-delay timer, wall clock), the CPU
 * time of the longest main-thread task (from a Chromium trace: thread time,
 * which other processes on a busy machine do not stretch), the total time
 * from fetch to settled, and the JS heap growth.
 *
 *   BENCH_PROFILE=1   also print the 12 functions with the most self time
 *                     (CDP Profiler, unminified) for each hostile bundle, in
 *                     the whole load and in its longest task
 */
import { buildSync } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { hostileBundles } from './validation.js';

const ROOT = resolve(import.meta.dirname, '../..');
const EXECUTABLE = process.env.CHROME_PATH || '/usr/bin/chromium';

const ENTRY = `
import { loadBundle } from './src/content/load.ts';
window.measureLoad = async (url) => {
  // The longest task, as the gap between two beats of a zero-delay timer: a beat waits for whatever task holds the thread.
  let longest = 0;
  let last = performance.now();
  let beating = true;
  const beat = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (beating) setTimeout(beat, 0);
  };
  setTimeout(beat, 0);
  const heapBefore = performance.memory.usedJSHeapSize;
  const start = performance.now();
  let outcome;
  try {
    const loaded = await loadBundle(url);
    outcome = 'shows ' + ['therapies', 'articles', 'experts', 'quotes'].reduce((n, k) => n + loaded.bundle[k].length, 0) + ', hides ' + loaded.hidden.length;
  } catch (error) {
    outcome = error.code;
  }
  const total = performance.now() - start;
  const heap = (performance.memory.usedJSHeapSize - heapBefore) / 2 ** 20;
  await new Promise((done) => setTimeout(done, 50));
  beating = false;
  return { longest, total, heap, outcome };
};
`;

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  /** µs, on the clock of trace events. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The 12 functions of `profile` with the most self time (within `during`, µs, when given), one line each. */
function topFunctions(profile: CpuProfile, title: string, during?: Task): string[] {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (during && (time < during.start || time > during.end)) return;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + delta / 1000);
  });
  return [`  ${title}, self time:`, ...[...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([key, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${key}`)];
}

interface TraceEvent {
  name: string;
  ph: string;
  tid: number;
  args?: { name?: string };
  /** Start and duration (wall clock), and thread (CPU) time, µs. */
  ts: number;
  dur?: number;
  tdur?: number;
}

/** A main-thread task: its CPU time (ms) and when it ran (µs, trace clock). */
interface Task {
  cpu: number;
  start: number;
  end: number;
}

/**
 * The longest task (by CPU time) on the page's main thread in a Chromium
 * trace: a task's run plus the microtask checkpoint right after it (where
 * promise continuations, most of the loader, run).
 */
function longestTask(trace: Buffer): Task {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')?.tid;
  const parts = events
    .filter((event) => event.tid === main && event.ph === 'X' && /^(ThreadControllerImpl::RunTask|BlinkScheduler_PerformMicrotaskCheckpoint)$/.test(event.name))
    .sort((a, b) => a.ts - b.ts);
  let longest: Task = { cpu: 0, start: 0, end: 0 };
  let task: Task = { cpu: 0, start: 0, end: -Infinity };
  for (const part of parts) {
    if (part.ts < task.end) continue; // nested in the task before
    const end = part.ts + (part.dur ?? 0);
    const cpu = (part.tdur ?? 0) / 1000;
    task = part.name.startsWith('Blink') && part.ts - task.end < 1000 ? { ...task, cpu: task.cpu + cpu, end } : { cpu, start: part.ts, end };
    if (task.cpu > longest.cpu) longest = task;
  }
  return longest;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** The table: one line per bundle, after a title line. */
export async function browserValidationTable(runs = 5): Promise<string[]> {
  const script = buildSync({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: !process.env.BENCH_PROFILE,
    format: 'esm',
    write: false,
  }).outputFiles[0]!.text;
  const bundles = hostileBundles();
  const server = createServer((request, response) => {
    const name = decodeURIComponent(request.url!.slice(1));
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>validation</title><script type="module" src="/load.js"></script>');
    } else if (request.url === '/load.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      const bundle = bundles.find(([n]) => n === name);
      if (bundle) response.writeHead(200, { 'content-type': 'application/json' }).end(bundle[1]);
      else response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const lines = [`Validation in Chromium (loadBundle: fetch to settled, one page each), median of ${runs} runs`];
  try {
    for (const [name, text] of bundles) {
      const samples: { longest: number; cpu: number; total: number; heap: number; outcome: string }[] = [];
      for (let i = 0; i < runs; i++) {
        const browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
        try {
          const page = await browser.newPage();
          page.on('console', () => undefined);
          await page.goto(`${origin}/`);
          await page.waitForFunction(() => 'measureLoad' in window);
          const profiling = process.env.BENCH_PROFILE && i === 0 && name !== bundles[0]![0];
          const cdp = profiling ? await page.context().newCDPSession(page) : undefined;
          if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
          await browser.startTracing(page, { categories: ['toplevel'] });
          const sample = await page.evaluate((url) => (window as unknown as { measureLoad: (u: string) => Promise<(typeof samples)[number]> }).measureLoad(url), `/${encodeURIComponent(name)}`);
          const longest = longestTask(await browser.stopTracing());
          if (cdp) {
            const profile = (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile;
            lines.push(...topFunctions(profile, `profile of ${name}`), ...topFunctions(profile, `its longest task (cpu ${longest.cpu.toFixed(0)} ms)`, longest));
          }
          // The profiled run's tasks are slower: its CPU time is left out of the median.
          samples.push({ ...sample, cpu: cdp ? Number.NaN : longest.cpu });
        } finally {
          await browser.close();
        }
      }
      const of = (key: 'longest' | 'cpu' | 'total' | 'heap') => median(samples.map((s) => s[key]).filter((value) => !Number.isNaN(value)));
      const size = `${(text.length / 2 ** 20).toFixed(2)} MB`;
      lines.push(
        `${name.padEnd(50)} ${size.padStart(8)}  longest task ${of('longest').toFixed(0).padStart(5)} ms (cpu ${of('cpu').toFixed(0).padStart(4)} ms)  total ${of('total').toFixed(0).padStart(5)} ms  heap +${of('heap').toFixed(1)} MB  (${samples[0]!.outcome})`,
      );
    }
  } finally {
    server.close();
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log((await browserValidationTable(Math.max(1, Number(process.env.BENCH_RUNS ?? 5)))).join('\n'));
}
