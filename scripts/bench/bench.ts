/**
 * `npm run bench`: builds, serves the repo on 127.0.0.1, drives Debian's
 * Chromium through playwright-core (no browser download) and prints one table,
 * also written as JSON to scripts/bench/results/<timestamp>.json.
 *
 * What is measured, and how:
 * - Size: raw, gzip (level 9) and brotli (quality 11) bytes of the two scripts,
 *   the verdict on the ceiling: gzip -9 of dist/therapy-widgets.js ≤ 26,214 B
 *   (issue 17; flagged OVER when past it), and what each module adds to it
 *   (scripts/bench/size.ts).
 * - For N = 1, 100, 1000 cards on one page, three variants of the same content:
 *   `ours` (<therapy-card> from dist/therapy-widgets.js), `vanilla` (a
 *   hand-written custom element, scripts/bench/vanilla-card.js) and `static`
 *   (the same markup and CSS as plain HTML, generated here from the default
 *   bundle). Run interleaved: each run measures every N and variant, in a
 *   rotating order.
 *   - ready: performance.now() (ms since navigation start) when every card has
 *     `state="ready"` (a MutationObserver on the attribute, in the page); for
 *     `static`, DOMContentLoaded, when all its content is parsed.
 *   - frame: the next painted frame after ready: a requestAnimationFrame
 *     callback, then a MessageChannel message posted from it, which runs once
 *     that frame's style, layout and paint are done.
 *   - heap: JSHeapUsedSize (CDP Performance.getMetrics) after a forced garbage
 *     collection (CDP HeapProfiler.collectGarbage).
 *   - requests: every request the page made (page.on('request')), and how many
 *     of them were for a bundle (.json).
 * - CLS: the sum of `layout-shift` entries (buffered PerformanceObserver, none
 *   with recent input) of a page with text around three cards, with the
 *   README's fallback snippet (scripts/bench/cls-snippet.html) on a desktop and a
 *   phone viewport and, for comparison, the same tags bare (no fallback, no CSS).
 * - Layout CPU: at the largest N, one more page load per variant and run with
 *   a Chromium trace; the CPU time (`tdur`) of every `Layout` event on the
 *   renderer's main thread until the frame after ready (scripts/bench/layout.ts,
 *   also runnable alone to compare git revisions). A separate load, so the
 *   tracing does not slow the wall-clock columns.
 * - Validation: the main-thread time and heap growth of validating and
 *   salvaging the worst 2 MB hostile bundles, in Node (scripts/bench/validation.ts).
 * - The pre-rendered card: CLS and first contentful paint against bare tags,
 *   the README snippet and static HTML, at 390 and 1280 px, and its byte
 *   size (scripts/bench/prerender.ts, also runnable alone: npm run bench:prerender);
 *   then Lighthouse's phone and desktop presets on it against static HTML
 *   (scripts/bench/lighthouse.ts: performance, TBT, LCP, CLS, failed requests).
 * - Each measurement launches a new browser (a fresh temporary profile: no
 *   HTTP cache, no code cache). Cells show the median of the runs and [min–max].
 *
 *   BENCH_RUNS=5        runs per cell (at least 5 for a report)
 *   BENCH_N=1,100,1000  card counts
 *   BENCH_LIGHTHOUSE_RUNS=3
 *                       Lighthouse runs per page and preset
 *   BENCH_NO_BUILD=1    use dist/ as it is
 *   BENCH_SERVE=1       only serve the pages (BENCH_PORT=...), to profile them by hand;
 *                       /bench/cards?variant=ours&n=100&script=/other/therapy-widgets.js
 *                       compares another build (with its content/ folder beside it)
 *   CHROME_PATH         the browser (default /usr/bin/chromium)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { styles as baseStyles } from '../../src/internal/content-element.styles.js';
import { styles as cardStyles } from '../../src/therapy-card/therapy-card.styles.js';
import { LAYOUT_CATEGORIES, layoutCpu, type TraceEvent } from './layout.js';
import { moduleSizes, moduleTable } from './size.js';
import { validationTable } from './validation.js';
import { PAGE_CSS, proseBody } from './page.js';
import { renderTherapy } from './vanilla-card.js';

const ROOT = resolve(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'scripts/bench/results');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const LIGHTHOUSE_RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));
const COUNTS = (process.env.BENCH_N ?? '1,100,1000').split(',').map(Number);
const VARIANTS = ['static', 'vanilla', 'ours'] as const;
/** The card count whose pages also get a traced load for Layout CPU time. */
const LAYOUT_N = Math.max(...COUNTS);
type Variant = (typeof VARIANTS)[number];
const EXECUTABLE = process.env.CHROME_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const VIEWPORT = { width: 1280, height: 800 };
/** A phone, for the layout-stability rows only. */
const PHONE = { width: 390, height: 844 };
const BUNDLE_PATH = '/dist/content/all-immune-therapies.json';
const SCRIPTS = ['dist/therapy-widgets.js', 'dist/therapy-widgets.classic.js'];

/** The library's targets, as the issues state them. gzipBytes is the size ceiling of issue 17 (25.6 KB). */
const TARGETS = {
  gzipBytes: 26_214,
  frameRatio: { 100: 1.3, 1000: 1.5 } as Record<number, number>,
  bundleRequests: 1,
  cls: 0.01,
};

// ---------------------------------------------------------------------------
// Pages

interface Bundle {
  locale?: string;
  reviewedOn: string;
  disclaimer: string;
  publisher: { name: string; url?: string };
  therapies: { id: string; name: string }[];
}

const bundle: Bundle = JSON.parse(readFileSync(join(ROOT, 'src/content/all-immune-therapies.json'), 'utf8'));
const therapyIds = bundle.therapies.map((t) => t.id);

/** The CSS of <therapy-card>, as its shadow root has it (for the vanilla element). */
const SHADOW_CSS = `${baseStyles.cssText}\n${cardStyles.cssText}`;
/** The same CSS for a plain page: `:host` becomes the wrapper's class. */
const STATIC_CSS = SHADOW_CSS.replace(/:host\(([^)]*\])\)/g, '.tw-host$1').replace(/:host/g, '.tw-host').replace(/::slotted\(\*\)/g, '.tw-host > *');

const scriptText = (text: string) => text.replace(/<\//g, '<\\/');

/** Runs first in every page: marks when every card is ready and the next frame after it. */
const MEASURE = `(() => {
  const root = document.documentElement;
  const n = Number(root.dataset.n);
  const bench = (window.__bench = { ready: null, frame: null, cls: 0, shifts: [] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      bench.cls += entry.value;
      bench.shifts.push({ at: entry.startTime, value: entry.value, sources: (entry.sources || []).map((s) => s.node ? (s.node.id || s.node.nodeName) : '?') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const ready = () => {
    bench.ready = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { bench.frame = performance.now(); };
      channel.port2.postMessage(0);
    });
  };
  if (root.dataset.variant === 'static') {
    document.addEventListener('DOMContentLoaded', ready, { once: true });
    return;
  }
  const seen = new WeakSet();
  let count = 0;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const el = record.target;
      if (seen.has(el) || el.getAttribute('state') !== 'ready') continue;
      seen.add(el);
      if (++count === n) {
        observer.disconnect();
        ready();
      }
    }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['state'] });
})();`;

function head(variant: Variant, n: number, title: string, extra = '', script = '/dist/therapy-widgets.js'): string {
  const assets = {
    ours: `<script type="module" src="${script.replace(/[<"&]/g, encodeURIComponent)}"></script>`,
    vanilla: `<script type="module">import { defineVanillaCard } from '/scripts/bench/vanilla-card.js';
defineVanillaCard(${scriptText(JSON.stringify(SHADOW_CSS))}, ${JSON.stringify(BUNDLE_PATH)});</script>`,
    static: `<style>${STATIC_CSS}</style>`,
  }[variant];
  return `<!doctype html>
<html lang="en" data-variant="${variant}" data-n="${n}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script>${MEASURE}</script>
${assets}
<style>${PAGE_CSS}${extra}</style>
</head>`;
}

function card(variant: Variant, index: number): string {
  const id = therapyIds[index % therapyIds.length]!;
  if (variant === 'ours') return `<therapy-card therapy="${id}"></therapy-card>`;
  if (variant === 'vanilla') return `<vanilla-card therapy="${id}"></vanilla-card>`;
  const therapy = bundle.therapies.find((t) => t.id === id)!;
  return `<div class="tw-host" state="ready">${renderTherapy(therapy, bundle, `http://127.0.0.1${BUNDLE_PATH}`)}</div>`;
}

function cardsPage(variant: Variant, n: number, script?: string): string {
  const cards = Array.from({ length: n }, (_, i) => card(variant, i)).join('\n');
  return `${head(variant, n, `${n} cards, ${variant}`, '', script)}\n<body>\n<main>\n${cards}\n</main>\n</body>\n</html>\n`;
}

/** The fallback snippet, one card per therapy, from scripts/bench/cls-snippet.html. */
const SNIPPET = readFileSync(join(ROOT, 'scripts/bench/cls-snippet.html'), 'utf8');
const SNIPPET_CSS = /<style>([\s\S]*?)<\/style>/.exec(SNIPPET)![1]!;
const SNIPPET_CARDS = [...SNIPPET.matchAll(/<therapy-card[\s\S]*?<\/therapy-card>/g)].map((m) => m[0]);

/** `snippet`: the README's fallback snippet; `bare`: the same tags, empty, with no CSS. */
type ClsMode = 'snippet' | 'bare';

function clsPage(mode: ClsMode): string {
  const cards = mode === 'snippet' ? SNIPPET_CARDS : SNIPPET_CARDS.map((c) => c.replace(/>[\s\S]*<\/therapy-card>$/, '></therapy-card>'));
  return `${head('ours', 3, 'Layout stability', mode === 'snippet' ? SNIPPET_CSS : '')}\n${proseBody(cards)}`;
}

// ---------------------------------------------------------------------------
// Server: the repo root, plus the generated pages.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const send = (status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache' });
    res.end(body);
  };
  if (url.pathname === '/bench/cards') {
    const script = url.searchParams.get('script') ?? undefined;
    return send(200, TYPES['.html']!, cardsPage(url.searchParams.get('variant') as Variant, Number(url.searchParams.get('n')), script));
  }
  if (url.pathname === '/bench/cls') return send(200, TYPES['.html']!, clsPage(url.searchParams.get('mode') === 'bare' ? 'bare' : 'snippet'));
  const file = normalize(join(ROOT, decodeURIComponent(url.pathname)));
  if (!file.startsWith(ROOT) || !existsSync(file) || !statSync(file).isFile()) return send(404, 'text/plain', 'not found');
  send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
}

// ---------------------------------------------------------------------------
// Measurements

interface Sample {
  ready: number;
  frame: number;
  heap: number;
  requests: number;
  bundleRequests: number;
}

interface ClsSample {
  cls: number;
  shifts: { at: number; value: number; sources: string[] }[];
}

async function withBrowser<T>(run: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}

async function measure(origin: string, variant: Variant, n: number): Promise<Sample> {
  return withBrowser(async (browser) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${origin}/bench/cards?variant=${variant}&n=${n}`);
    await page.waitForFunction(() => (window as unknown as { __bench: { frame: number | null } }).__bench.frame !== null, null, {
      timeout: 60_000,
      polling: 50,
    });
    const { ready, frame } = await page.evaluate(() => (window as unknown as { __bench: { ready: number; frame: number } }).__bench);
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
    return {
      ready,
      frame,
      heap,
      requests: urls.length,
      bundleRequests: urls.filter((u) => new URL(u).pathname.endsWith('.json')).length,
    };
  });
}

/** Layout CPU ms (trace) of one load of the cards page, until the frame after every card is ready. */
async function measureLayout(origin: string, variant: Variant, n: number): Promise<number> {
  return withBrowser(async (browser) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await browser.startTracing(page, { categories: LAYOUT_CATEGORIES });
    await page.goto(`${origin}/bench/cards?variant=${variant}&n=${n}`);
    await page.waitForFunction(() => (window as unknown as { __bench: { frame: number | null } }).__bench.frame !== null, null, {
      timeout: 120_000,
      polling: 50,
    });
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    return layoutCpu(trace.traceEvents).cpu;
  });
}

async function measureCls(origin: string, mode: ClsMode, viewport: { width: number; height: number }): Promise<ClsSample> {
  return withBrowser(async (browser) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${origin}/bench/cls?mode=${mode}`);
    await page.waitForFunction(() => (window as unknown as { __bench: { frame: number | null } }).__bench.frame !== null, null, {
      timeout: 30_000,
      polling: 50,
    });
    // Late shifts (fonts, container queries settling) get half a second more.
    await page.waitForTimeout(500);
    return page.evaluate(() => {
      const { cls, shifts } = (window as unknown as { __bench: ClsSample }).__bench;
      return { cls, shifts };
    });
  });
}

// ---------------------------------------------------------------------------
// Statistics and the table

interface Stat {
  median: number;
  min: number;
  max: number;
}

function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

const ms = (s: Stat) => `${s.median.toFixed(1)} [${s.min.toFixed(1)}–${s.max.toFixed(1)}]`;
const mb = (s: Stat) => `${(s.median / 2 ** 20).toFixed(2)} [${(s.min / 2 ** 20).toFixed(2)}–${(s.max / 2 ** 20).toFixed(2)}]`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function table(rows: string[][]): string {
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

// ---------------------------------------------------------------------------

/** BENCH_SERVE=1: only serve the pages (to open them in a browser's profiler), until Ctrl-C. */
async function serveOnly(): Promise<void> {
  const server = createServer(handle);
  await new Promise<void>((done) => server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  console.log(`serving ${origin}/bench/cards?variant=ours&n=100 (variant: ${VARIANTS.join(', ')}) and ${origin}/bench/cls?mode=snippet (or bare)`);
}

async function main(): Promise<void> {
  if (process.env.BENCH_SERVE) return serveOnly();
  if (!process.env.BENCH_NO_BUILD) {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('npm run build failed');
  }

  const sizes = SCRIPTS.map((file) => {
    const bytes = readFileSync(join(ROOT, file));
    return {
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const module = sizes.find((s) => s.file === 'dist/therapy-widgets.js')!;
  const budget = {
    target: `gzip -9 of dist/therapy-widgets.js ≤ ${TARGETS.gzipBytes} B (ceiling)`,
    value: `${module.gzip} B`,
    met: module.gzip <= TARGETS.gzipBytes,
  };
  // The size verdict needs no browser: print it at once, and again in the table.
  console.log(`size: ${budget.target}: ${budget.value}, ${budget.met ? 'under' : `OVER THE CEILING by ${module.gzip - TARGETS.gzipBytes} B`}`);
  console.log(moduleTable(await moduleSizes()).join('\n'));

  const server = createServer(handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const version = await withBrowser(async (browser) => browser.version());

  const samples = new Map<string, Sample[]>();
  const clsCases = [
    { name: 'README snippet, desktop', mode: 'snippet' as const, viewport: VIEWPORT },
    { name: 'README snippet, phone 390x844', mode: 'snippet' as const, viewport: PHONE },
    { name: 'bare tags (no fallback, no CSS), desktop', mode: 'bare' as const, viewport: VIEWPORT },
  ];
  const cls = clsCases.map(() => [] as ClsSample[]);
  const layout = new Map<Variant, number[]>(VARIANTS.map((variant) => [variant, []]));
  const started = performance.now();
  for (let run = 0; run < RUNS; run++) {
    for (const n of COUNTS) {
      const order = VARIANTS.map((_, i) => VARIANTS[(i + run) % VARIANTS.length]!);
      for (const variant of order) {
        const key = `${n} ${variant}`;
        samples.set(key, [...(samples.get(key) ?? []), await measure(origin, variant, n)]);
      }
    }
    for (const variant of VARIANTS) layout.get(variant)!.push(await measureLayout(origin, variant, LAYOUT_N));
    for (const [i, c] of clsCases.entries()) cls[i]!.push(await measureCls(origin, c.mode, c.viewport));
    process.stderr.write(`run ${run + 1}/${RUNS} done (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  server.close();

  const cells = COUNTS.flatMap((n) =>
    VARIANTS.map((variant) => {
      const list = samples.get(`${n} ${variant}`)!;
      return {
        n,
        variant,
        ready: stat(list.map((s) => s.ready)),
        frame: stat(list.map((s) => s.frame)),
        heap: stat(list.map((s) => s.heap)),
        requests: stat(list.map((s) => s.requests)),
        bundleRequests: stat(list.map((s) => s.bundleRequests)),
      };
    }),
  );
  const cell = (n: number, variant: Variant) => cells.find((c) => c.n === n && c.variant === variant)!;
  const ratios = COUNTS.map((n) => ({
    n,
    frameVsStatic: cell(n, 'ours').frame.median / cell(n, 'static').frame.median,
    frameVsVanilla: cell(n, 'ours').frame.median / cell(n, 'vanilla').frame.median,
    readyVsStatic: cell(n, 'ours').ready.median / cell(n, 'static').ready.median,
    readyVsVanilla: cell(n, 'ours').ready.median / cell(n, 'vanilla').ready.median,
  }));
  const clsStats = clsCases.map((c, i) => ({ ...c, cls: stat(cls[i]!.map((s) => s.cls)) }));

  const targets = [
    budget,
    ...ratios
      .filter((r) => TARGETS.frameRatio[r.n])
      .map((r) => ({
        target: `N=${r.n} next frame ≤ ${TARGETS.frameRatio[r.n]}x static`,
        value: `${r.frameVsStatic.toFixed(2)}x`,
        met: r.frameVsStatic <= TARGETS.frameRatio[r.n]!,
      })),
    {
      target: 'one bundle request per page',
      value: COUNTS.map((n) => `N=${n}: ${cell(n, 'ours').bundleRequests.max}`).join(', '),
      met: COUNTS.every((n) => cell(n, 'ours').bundleRequests.max === TARGETS.bundleRequests),
    },
    { target: `CLS with the README snippet (desktop) < ${TARGETS.cls}`, value: `max ${clsStats[0]!.cls.max.toFixed(4)}`, met: clsStats[0]!.cls.max < TARGETS.cls },
  ];

  const layoutStats = new Map(VARIANTS.map((variant) => [variant, stat(layout.get(variant)!)]));
  const rows: string[][] = [['', '', '', '', '', '', '']];
  rows.push(['size', 'raw', 'gzip', 'brotli', '', '']);
  for (const s of sizes) rows.push([s.file, `${s.raw} B`, `${s.gzip} B`, `${s.brotli} B`, '', '']);
  rows.push(['', '', '', '', '', '']);
  rows.push(['N  variant', 'ready ms', 'next frame ms', 'heap MB (after GC)', 'requests (bundle)', 'ours/this: frame (ready)', 'Layout CPU ms (trace)']);
  for (const c of cells) {
    const r = ratios.find((x) => x.n === c.n)!;
    const ratio =
      c.variant === 'static'
        ? `${r.frameVsStatic.toFixed(2)}x (${r.readyVsStatic.toFixed(2)}x)`
        : c.variant === 'vanilla'
          ? `${r.frameVsVanilla.toFixed(2)}x (${r.readyVsVanilla.toFixed(2)}x)`
          : '';
    const layoutCell = c.n === LAYOUT_N ? ms(layoutStats.get(c.variant)!) : '';
    rows.push([`${String(c.n).padEnd(4)} ${c.variant}`, ms(c.ready), ms(c.frame), mb(c.heap), `${c.requests.median} (${c.bundleRequests.median})`, ratio, layoutCell]);
  }
  rows.push(['', '', '', '', '', '']);
  rows.push(['CLS, text around 3 cards', 'median [min–max]', '', '', '', '']);
  for (const c of clsStats) rows.push([c.name, `${c.cls.median.toFixed(4)} [${c.cls.min.toFixed(4)}–${c.cls.max.toFixed(4)}]`, '', '', '', '']);
  rows.push(['', '', '', '', '', '']);
  rows.push(['target', 'value', 'verdict', '', '', '']);
  for (const t of targets) rows.push([t.target, t.value, verdict(t.met), '', '', '']);
  rows.shift();

  // Other work on the machine skews every time: the load average says how much there was.
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const title = `therapy-widgets bench: ${version}, ${RUNS} runs per cell (median [min–max]), fresh browser profile per measurement, viewport ${VIEWPORT.width}x${VIEWPORT.height}, load average ${load}`;
  console.log(`${title}\n\n${table(rows)}`);
  // The pre-rendered card against the other ways to embed (scripts/bench/prerender.ts).
  const { prerenderBench } = await import('./prerender.js');
  console.log(`\n${(await prerenderBench(RUNS)).join('\n')}`);
  // The same page and static HTML through Lighthouse's phone and desktop presets (scripts/bench/lighthouse.ts).
  const { lighthouseBench } = await import('./lighthouse.js');
  console.log(`\n${(await lighthouseBench(LIGHTHOUSE_RUNS)).join('\n')}`);
  const validation = validationTable(RUNS);
  console.log(`\n${validation.join('\n')}`);

  mkdirSync(RESULTS, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(RESULTS, `${stamp}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), browser: version, loadAverage: loadavg(), runs: RUNS, viewport: VIEWPORT, sizes, cells, ratios, layout: { n: LAYOUT_N, ...Object.fromEntries(layoutStats) }, validation, cls: clsStats.map((c, i) => ({ ...c, samples: cls[i] })), targets, samples: Object.fromEntries(samples) }, null, 2)}\n`,
  );
  console.log(`\nresults: ${file.slice(ROOT.length + 1)} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

await main();
