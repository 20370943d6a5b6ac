/**
 * Layout cost of a page of cards, from a Chromium trace: the CPU time of every
 * `Layout` event on the page's main thread (its `tdur`), from navigation until
 * the first frame after every card is ready.
 *
 *   npx tsx scripts/bench/layout.ts [REF ...]
 *
 * `npm run bench` uses `layoutCpu` for its own Layout CPU column (N=1000).
 *
 * Each REF is a git revision (its src/ is taken with `git archive`) or
 * `worktree` (the default) for the files as they are. Runs are interleaved,
 * a new browser each (no cache); the table shows the median and [min–max].
 *
 *   BENCH_RUNS=5     runs per REF
 *   BENCH_N=1000     cards on the page (full variant, the default bundle's therapies in turn)
 *   BENCH_WIDTH=1280 viewport width
 *   CHROME_PATH      the browser (default /usr/bin/chromium)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ROOT, widgetsScript } from '../widgets-script.js';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const N = Number(process.env.BENCH_N ?? 1000);
const WIDTH = Number(process.env.BENCH_WIDTH ?? 1280);
const EXECUTABLE = process.env.CHROME_PATH || '/usr/bin/chromium';
const ORIGIN = 'http://bench.invalid';

/** The directory holding `src/` of a revision. */
function sourceDir(ref: string): string {
  if (ref === 'worktree') return ROOT;
  const dir = mkdtempSync(join(tmpdir(), 'bench-layout-'));
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${ref}" src | tar -x -C "${dir}"`]);
  return dir;
}

function page(therapyIds: string[]): string {
  const cards = Array.from({ length: N }, (_, i) => `<therapy-card src="/bundle.json" therapy="${therapyIds[i % therapyIds.length]}"></therapy-card>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>layout</title>
<style>body{margin:0 auto;max-width:48rem;padding:1rem;font-family:system-ui,sans-serif;line-height:1.5}main{display:flex;flex-direction:column;gap:1rem}</style>
</head><body><main>${cards.join('\n')}</main><script type="module" src="/widgets.js"></script></body></html>`;
}

/** The trace categories that hold `Layout` events with their CPU time. */
export const LAYOUT_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { frame?: string } };
}

/** Milliseconds of CPU in Layout on the renderer's main thread (CrRendererMain). */
export function layoutCpu(events: TraceEvent[]): { cpu: number; count: number } {
  const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain');
  const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && (!main || (e.pid === main.pid && e.tid === main.tid)));
  return { cpu: layouts.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000, count: layouts.length };
}

async function measure(widgets: string, html: string, bundle: string): Promise<{ cpu: number; count: number }> {
  const browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 } });
    const tab = await context.newPage();
    await tab.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/widgets.js') return route.fulfill({ contentType: 'text/javascript', body: widgets });
      if (path === '/bundle.json') return route.fulfill({ contentType: 'application/json', body: bundle });
      return route.fulfill({ contentType: 'text/html', body: html });
    });
    await browser.startTracing(tab, { categories: LAYOUT_CATEGORIES });
    await tab.goto(`${ORIGIN}/`);
    await tab.waitForFunction((n) => document.querySelectorAll('therapy-card[state="ready"]').length === n, N, { timeout: 120_000, polling: 100 });
    await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    return layoutCpu(trace.traceEvents);
  } finally {
    await browser.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const refs = process.argv.slice(2).length ? process.argv.slice(2) : ['worktree'];
  const bundle = readFileSync(join(ROOT, 'src/content/all-immune-therapies.json'), 'utf8');
  const html = page((JSON.parse(bundle) as { therapies: { id: string }[] }).therapies.map((t) => t.id));
  const scripts = new Map<string, string>();
  for (const ref of refs) scripts.set(ref, await widgetsScript(sourceDir(ref)));
  const samples = new Map<string, number[]>(refs.map((ref) => [ref, []]));
  let layouts = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const ref of run % 2 ? [...refs].reverse() : refs) {
      const { cpu, count } = await measure(scripts.get(ref)!, html, bundle);
      samples.get(ref)!.push(cpu);
      layouts = count;
      console.error(`run ${run + 1}/${RUNS} ${ref}: Layout CPU ${cpu.toFixed(1)} ms in ${count} Layout events`);
    }
  }
  console.log(`Layout CPU time, ${N} full therapy cards at ${WIDTH} px, median of ${RUNS} [min–max] (last run: ${layouts} Layout events)`);
  for (const [ref, values] of samples) {
    console.log(`${ref.padEnd(12)} ${median(values).toFixed(1)} ms [${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}]`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();
