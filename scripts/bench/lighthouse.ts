/**
 * Lighthouse on the pre-rendered card (called by `npm run bench`; alone:
 * `tsx scripts/bench/lighthouse.ts`): the page of scripts/bench/prerender.ts
 * with three pre-rendered full cards against the same page as static HTML
 * (the cards' fallback alone, no script), performance category only, each
 * run in a new Chromium (cold cache). Rows:
 * - phone: Lighthouse's default preset (simulated slow 4G, 4x CPU slowdown),
 *   the page served by a plain HTTP/1.1 server, uncompressed;
 * - desktop: its desktop preset, the same server;
 * - phone, HTTP/2 + gzip: the phone preset with the page served as a CDN or
 *   a hospital's host serves it (scripts/bench/http2-server.ts; skipped,
 *   saying why, without `openssl`).
 * Columns: the median of the runs of the performance score, total blocking
 * time, largest contentful paint and cumulative layout shift; and the
 * requests Lighthouse saw fail (`net::ERR_ABORTED` and the like), by URL.
 *
 *   BENCH_LIGHTHOUSE_RUNS=3   runs per cell
 *   BENCH_LIGHTHOUSE_DEVTOOLS=1  also the phone preset with its throttling applied
 *                             while the page loads (throttlingMethod devtools),
 *                             where the simulation counts every request that
 *                             finished before the unthrottled first paint
 *   BENCH_LIGHTHOUSE_EXPLAIN=1   also a page whose script loads after the first
 *                             paint (scripts/bench/after-paint-loader.js, not
 *                             shipped), and, per page and row, what the simulated
 *                             LCP waited for: Lantern's optimistic graph, node by node
 *   CHROME_PATH               the browser (default /usr/bin/chromium)
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Result } from 'lighthouse';
import { Simulation } from 'lighthouse/core/lib/lantern/lantern.js';
import { listenHttp2, type Listening } from './http2-server.js';
import { cases, requestHandler, server, type Case } from './prerender.js';

const EXECUTABLE = process.env.CHROME_PATH || '/usr/bin/chromium';
// The HTTP/2 server's certificate is made for this run only.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--ignore-certificate-errors'];
const EXPLAIN = Boolean(process.env.BENCH_LIGHTHOUSE_EXPLAIN);
const LOADER = {
  path: '/bench/after-paint.js',
  name: 'pre-rendered, full, script after first paint (bench-only loader)',
  file: { type: 'text/javascript', body: readFileSync(new URL('./after-paint-loader.js', import.meta.url), 'utf8') },
};
const COMPARED = ['pre-rendered, full', 'static HTML (the fallback alone, no script)', ...(EXPLAIN ? [LOADER.name] : [])];
const PRESETS: { name: string; config: Config | undefined; http2?: boolean }[] = [
  { name: 'phone', config: undefined },
  { name: 'desktop', config: desktopConfig },
  { name: 'phone, HTTP/2 + gzip', config: undefined, http2: true },
  // The phone preset's network and CPU applied for real while the page loads, not simulated from an unthrottled load.
  ...(process.env.BENCH_LIGHTHOUSE_DEVTOOLS ? [{ name: 'phone, applied', config: { extends: 'lighthouse:default', settings: { throttlingMethod: 'devtools' } } as Config }] : []),
];

interface Sample {
  score: number;
  tbt: number;
  lcp: number;
  cls: number;
  failed: string[];
  /** Lantern's optimistic LCP graph, a line per node (BENCH_LIGHTHOUSE_EXPLAIN). */
  graph: string[];
}

/** What the last simulation's LCP waited for: each node of its optimistic graph, in simulated time. */
function lcpGraph(origin: string): string[] {
  const timings = Simulation.Simulator.allNodeTimings.get('optimisticLargestContentfulPaint');
  if (!timings) return ['(no simulated LCP: an applied preset)'];
  const label = (node: { type: string; request?: { url: string }; childEvents?: { name: string }[]; duration: number }) =>
    node.type === 'network'
      ? node.request!.url.replace(origin, '')
      : `main thread ${(node.duration / 1000).toFixed(1)} ms observed: ${[...new Set((node.childEvents ?? []).map((e) => e.name))].filter((n) => !/^(RunTask|ThreadControllerImpl)/.test(n)).slice(0, 5).join(', ')}`;
  return [...timings.entries()]
    .sort(([, a], [, b]) => a.startTime - b.startTime)
    .map(([node, t]) => `${t.startTime.toFixed(0).padStart(6)} → ${t.endTime.toFixed(0).padStart(5)} ms  ${label(node as never)}`);
}

/** The requests of a report that did not finish, as `URL (error)`. */
function failedRequests(lhr: Result, origin: string): string[] {
  const details = lhr.audits['network-requests']?.details as { items?: { url: string; finished?: boolean; statusCode?: number }[] } | undefined;
  const failed = (details?.items ?? []).filter((item) => !item.finished || (item.statusCode ?? 0) >= 400).map((item) => `${item.url.replace(origin, '')} (${item.statusCode ?? 'unfinished'})`);
  const console = lhr.audits['errors-in-console']?.details as { items?: { description?: string; url?: string }[] } | undefined;
  for (const item of console?.items ?? []) failed.push(`console: ${item.description ?? ''} ${item.url?.replace(origin, '') ?? ''}`.trim());
  return failed;
}

async function run(url: string, origin: string, config: Config | undefined): Promise<Sample> {
  const chrome = await launch({ chromePath: EXECUTABLE, chromeFlags: FLAGS, logLevel: 'error' });
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' }, config);
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
      tbt: value('total-blocking-time'),
      lcp: value('largest-contentful-paint'),
      cls: value('cumulative-layout-shift'),
      failed: failedRequests(lhr, origin),
      graph: EXPLAIN ? lcpGraph(origin) : [],
    };
  } finally {
    chrome.kill();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** Listens for `all` over HTTP/1.1 uncompressed, or HTTP/2 with gzip; a string says why it cannot. */
async function listen(all: Case[], http2: boolean): Promise<Listening | string> {
  const extra = { [LOADER.path]: LOADER.file };
  if (http2) return listenHttp2(requestHandler(all, { gzip: true, extra }));
  const plain = server(all, extra);
  await new Promise<void>((done) => plain.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${(plain.address() as AddressInfo).port}`, close: () => plain.close() };
}

/** Runs each compared page `runs` times with each preset; returns the table's lines. */
export async function lighthouseBench(runs: number): Promise<string[]> {
  const all = cases();
  const full = all.find((c) => c.name === 'pre-rendered, full')!;
  all.push({ ...full, name: LOADER.name, script: `<script type="module" src="${LOADER.path}"></script>` });
  const rows = [['Lighthouse, text around 3 cards', 'preset', 'performance', 'TBT ms', 'LCP ms', 'CLS', 'failed requests']];
  const explained: string[] = [];
  for (const preset of PRESETS) {
    const listening = await listen(all, preset.http2 ?? false);
    if (typeof listening === 'string') {
      rows.push(['(all pages)', preset.name, listening, '', '', '', '']);
      continue;
    }
    try {
      for (const name of COMPARED) {
        const index = all.findIndex((c) => c.name === name);
        const samples: Sample[] = [];
        for (let i = 0; i < runs; i++) samples.push(await run(`${listening.origin}/bench/page?case=${index}&bare`, listening.origin, preset.config));
        const failed = [...new Set(samples.flatMap((s) => s.failed))];
        const middle = median(samples.map((s) => s.lcp));
        rows.push([
          name,
          preset.name,
          String(median(samples.map((s) => s.score))),
          median(samples.map((s) => s.tbt)).toFixed(0),
          middle.toFixed(0),
          median(samples.map((s) => s.cls)).toFixed(3),
          failed.length ? failed.join('; ') : 'none',
        ]);
        if (EXPLAIN) explained.push('', `simulated LCP of the median run, ${preset.name}, ${name}:`, ...samples.find((s) => s.lcp === middle)!.graph);
        process.stderr.write(`lighthouse: ${preset.name}, ${name} done\n`);
      }
    } finally {
      listening.close();
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  const knobs = `${process.env.BENCH_LIGHTHOUSE_DEVTOOLS ? 'BENCH_LIGHTHOUSE_DEVTOOLS=1 ' : ''}${EXPLAIN ? 'BENCH_LIGHTHOUSE_EXPLAIN=1 ' : ''}`;
  lines.push(`(median of ${runs} runs; measure again with: ${knobs}BENCH_LIGHTHOUSE_RUNS=${runs} npx tsx scripts/bench/lighthouse.ts)`, ...explained);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await lighthouseBench(Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)))).join('\n'));
}
