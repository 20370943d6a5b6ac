/**
 * Lighthouse on the pre-rendered card (called by `npm run bench`; alone:
 * `tsx scripts/bench/lighthouse.ts`): the page of scripts/bench/prerender.ts
 * with three pre-rendered full cards against the same page as static HTML
 * (the cards' fallback alone, no script), with Lighthouse's phone preset
 * (its default: simulated slow 4G and 4x CPU slowdown) and its desktop
 * preset, performance category only, each run in a new Chromium (cold cache).
 * Columns: the median of the runs of the performance score, total blocking
 * time, largest contentful paint and cumulative layout shift; and the
 * requests Lighthouse saw fail (`net::ERR_ABORTED` and the like), by URL.
 *
 *   BENCH_LIGHTHOUSE_RUNS=3   runs per cell
 *   BENCH_LIGHTHOUSE_DEVTOOLS=1  also the phone preset with its throttling applied
 *                             while the page loads (throttlingMethod devtools),
 *                             where the simulation counts every request that
 *                             finished before the unthrottled first paint
 *   CHROME_PATH               the browser (default /usr/bin/chromium)
 */
import type { AddressInfo } from 'node:net';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Result } from 'lighthouse';
import { cases, server } from './prerender.js';

const EXECUTABLE = process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const COMPARED = ['pre-rendered, full', 'static HTML (the fallback alone, no script)'];
const PRESETS: { name: string; config: Config | undefined }[] = [
  { name: 'phone', config: undefined },
  { name: 'desktop', config: desktopConfig },
  // The phone preset's network and CPU applied for real while the page loads, not simulated from an unthrottled load.
  ...(process.env.BENCH_LIGHTHOUSE_DEVTOOLS ? [{ name: 'phone, applied', config: { extends: 'lighthouse:default', settings: { throttlingMethod: 'devtools' } } as Config }] : []),
];

interface Sample {
  score: number;
  tbt: number;
  lcp: number;
  cls: number;
  failed: string[];
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
    };
  } finally {
    chrome.kill();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** Runs each compared page `runs` times with each preset; returns the table's lines. */
export async function lighthouseBench(runs: number): Promise<string[]> {
  const all = cases();
  const listening = server(all);
  await new Promise<void>((done) => listening.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  const rows = [['Lighthouse, text around 3 cards', 'preset', 'performance', 'TBT ms', 'LCP ms', 'CLS', 'failed requests']];
  try {
    for (const preset of PRESETS) {
      for (const name of COMPARED) {
        const index = all.findIndex((c) => c.name === name);
        const samples: Sample[] = [];
        for (let i = 0; i < runs; i++) samples.push(await run(`${origin}/bench/page?case=${index}&bare`, origin, preset.config));
        const failed = [...new Set(samples.flatMap((s) => s.failed))];
        rows.push([
          name,
          preset.name,
          String(median(samples.map((s) => s.score))),
          median(samples.map((s) => s.tbt)).toFixed(0),
          median(samples.map((s) => s.lcp)).toFixed(0),
          median(samples.map((s) => s.cls)).toFixed(3),
          failed.length ? failed.join('; ') : 'none',
        ]);
        process.stderr.write(`lighthouse: ${preset.name}, ${name} done\n`);
      }
    }
  } finally {
    listening.close();
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  lines.push(`(median of ${runs} runs; measure again with: ${process.env.BENCH_LIGHTHOUSE_DEVTOOLS ? 'BENCH_LIGHTHOUSE_DEVTOOLS=1 ' : ''}BENCH_LIGHTHOUSE_RUNS=${runs} npx tsx scripts/bench/lighthouse.ts)`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await lighthouseBench(Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)))).join('\n'));
}
