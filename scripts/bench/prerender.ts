/**
 * The pre-rendered card in numbers (called by `npm run bench`; alone:
 * `tsx scripts/bench/prerender.ts`): CLS and first contentful paint of a
 * page with text around three cards, at 390 and 1280 px, cold cache (a new
 * browser, so a fresh profile, per measurement), for
 * - bare tags (the README's quick start, no fallback, no CSS),
 * - the README's fallback snippet (scripts/bench/cls-snippet.html),
 * - the pre-rendered cards of `therapy-widgets render` (compact, as the
 *   snippet; full), on a plain page and under the strict CSP
 *   `default-src 'self'; style-src 'self'`,
 * - static HTML: the cards' readable fallback alone, no script;
 * and the byte size of one pre-rendered full card (raw and gzip; with Lit's
 * hydration markers kept, for comparison with hydration); those sizes alone,
 * without a browser: `tsx scripts/bench/prerender.ts --sizes` (npm run bench:sizes).
 * CLS is the sum of `layout-shift` entries (buffered PerformanceObserver)
 * until every card has rendered from the live bundle, plus half a second.
 *
 *   BENCH_RUNS=5   runs per cell
 *   CHROME_PATH    the browser (default /usr/bin/chromium)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { loadBundle, provideBundleBytes } from '../../src/content/load.js';
import { ELEMENTS } from '../../src/output/registry.js';
import { renderElement } from '../../src/output/render-element.js';
import { PAGE_CSS, proseBody } from './page.js';

const ROOT = resolve(import.meta.dirname, '../..');
const EXECUTABLE = process.env.CHROME_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const STRICT_CSP = "default-src 'self'; style-src 'self'";
const THERAPIES = ['car-t', 'blinatumomab', 'inotuzumab'];
const BUNDLE = join(ROOT, 'src/content/all-immune-therapies.json');
const VIEWPORTS = [
  { name: '390', width: 390, height: 844 },
  { name: '1280', width: 1280, height: 800 },
];

/** Runs first (an external file, so the strict CSP allows it): CLS and the moment every card has rendered from the live bundle. */
const MEASURE = `(() => {
  const bench = (window.__bench = { cls: 0, done: null });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const cards = () => [...document.querySelectorAll('therapy-card')];
  const check = () => {
    const all = cards();
    const scripted = document.querySelector('script[type="module"]');
    if (!scripted ? document.readyState === 'complete' : all.length && all.every((el) => el.hasUpdated && el.getAttribute('state') === 'ready')) {
      bench.done = performance.now();
      return;
    }
    setTimeout(check, 20);
  };
  check();
})();`;

function cli(...args: string[]): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/therapy-widgets.js'), 'render', BUNDLE, ...THERAPIES.flatMap((id) => ['--item', id]), '--script', '/dist/therapy-widgets.js', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

/** The CLI's output as [script tag, card, card, card]. */
function splitCards(output: string): string[] {
  return output.trimEnd().split(/\n(?=<script |<therapy-card )/);
}

const SNIPPET = readFileSync(join(ROOT, 'scripts/bench/cls-snippet.html'), 'utf8');
const SNIPPET_CSS = /<style>([\s\S]*?)<\/style>/.exec(SNIPPET)![1]!;
const SNIPPET_CARDS = [...SNIPPET.matchAll(/<therapy-card[\s\S]*?<\/therapy-card>/g)].map((m) => m[0]);
const SCRIPT = '<script type="module" src="/dist/therapy-widgets.js"></script>';

export interface Case {
  name: string;
  csp?: boolean;
  css?: string;
  script: string;
  cards: string[];
}

export function cases(): Case[] {
  const compact = splitCards(cli('--variant', 'compact'));
  const full = splitCards(cli());
  const fallbackOnly = full.slice(1).map((card) => /<\/template>([\s\S]*?)<script type="application\/ld\+json">/.exec(card)![1]!);
  return [
    { name: 'bare tags (compact, no fallback, no CSS)', script: SCRIPT, cards: SNIPPET_CARDS.map((c) => c.replace(/>[\s\S]*<\/therapy-card>$/, '></therapy-card>')) },
    { name: 'README fallback snippet (compact)', script: SCRIPT, css: SNIPPET_CSS, cards: SNIPPET_CARDS },
    { name: 'pre-rendered, compact', script: compact[0]!, cards: compact.slice(1) },
    { name: 'pre-rendered, full', script: full[0]!, cards: full.slice(1) },
    { name: 'pre-rendered, full, strict CSP', csp: true, script: full[0]!, cards: full.slice(1) },
    { name: 'static HTML (the fallback alone, no script)', script: '', cards: fallbackOnly },
  ];
}

function page(c: Case, index: number, measured = true): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${c.name}</title>
${c.csp ? '' : '<link rel="icon" href="data:,">'}
${measured ? '<script src="/bench/measure.js"></script>' : ''}
<link rel="stylesheet" href="/bench/page.css?case=${index}">
${c.script}
</head>
${proseBody(c.cards)}`;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

/** Serves the repo and `/bench/page?case=N` (`&bare=1`: without the measuring script, for Lighthouse). */
export function server(all: Case[], extra: Record<string, { type: string; body: string }> = {}) {
  return createServer(requestHandler(all, { extra }));
}

/**
 * The server's request handler, for an HTTP/1.1 or HTTP/2 server; `gzip`:
 * text goes compressed to a client that accepts it, as a CDN sends it.
 * `extra` answers paths of its own first (a bench-only file).
 */
export function requestHandler(all: Case[], { gzip = false, extra = {} as Record<string, { type: string; body: string }> } = {}) {
  return (req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      const compress = gzip && /gzip/.test(String(req.headers['accept-encoding'] ?? ''));
      const bytes = compress ? gzipSync(body) : body;
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...(compress ? { 'content-encoding': 'gzip' } : {}), ...headers });
      res.end(bytes);
    };
    const own = extra[url.pathname];
    if (own) return send(own.type, own.body);
    if (url.pathname === '/bench/measure.js') return send(TYPES['.js']!, MEASURE);
    // The strict CSP page has no icon link (it blocks a data: image), so the browser asks for this one: nothing, and no failure.
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (url.pathname === '/bench/page.css') return send(TYPES['.css']!, `${PAGE_CSS}${all[Number(url.searchParams.get('case'))]?.css ?? ''}`);
    if (url.pathname === '/bench/page') {
      const c = all[Number(url.searchParams.get('case'))]!;
      return send('text/html; charset=utf-8', page(c, Number(url.searchParams.get('case')), !url.searchParams.has('bare')), c.csp ? { 'content-security-policy': STRICT_CSP } : {});
    }
    const file = normalize(join(ROOT, decodeURIComponent(url.pathname)));
    if (!file.startsWith(ROOT) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    send(TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  };
}

interface Sample {
  cls: number;
  fcp: number;
  violations: number;
}

async function measure(origin: string, index: number, viewport: { width: number; height: number }): Promise<Sample> {
  const browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    let violations = 0;
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) violations++;
    });
    await page.goto(`${origin}/bench/page?case=${index}`);
    await page.waitForFunction(() => (window as unknown as { __bench: { done: number | null } }).__bench.done !== null, null, { timeout: 30_000, polling: 50 });
    await page.waitForTimeout(500);
    const { cls, fcp } = await page.evaluate(() => ({
      cls: (window as unknown as { __bench: { cls: number } }).__bench.cls,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }));
    return { cls, fcp, violations };
  } finally {
    await browser.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** The byte size of one pre-rendered full card (CAR T), lean as the CLI writes it and with Lit's hydration markers. */
async function cardSize() {
  const full = splitCards(cli('--item', 'car-t'))[1]!.replace(/<\/therapy-card>[\s\S]*$/, '</therapy-card>');
  provideBundleBytes(undefined, new Uint8Array(readFileSync(BUNDLE)));
  await loadBundle(undefined);
  const hydratable = await renderElement(ELEMENTS[0]!, { therapy: 'car-t' });
  const css = readFileSync(join(ROOT, 'dist/therapy-widgets.css'));
  const size = (text: string | Buffer) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });
  return { card: size(full), hydratable: size(hydratable), stylesheet: size(css) };
}

/** Runs every case `runs` times at each width; returns the table's lines. */
export async function prerenderBench(runs: number): Promise<string[]> {
  const all = cases();
  const listening = server(all);
  await new Promise<void>((done) => listening.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  const samples = all.map(() => VIEWPORTS.map(() => [] as Sample[]));
  try {
    for (let run = 0; run < runs; run++) {
      for (const [i] of all.entries()) for (const [v, viewport] of VIEWPORTS.entries()) samples[i]![v]!.push(await measure(origin, i, viewport));
      process.stderr.write(`pre-rendered bench: run ${run + 1}/${runs} done\n`);
    }
  } finally {
    listening.close();
  }
  const rows = [['text around 3 cards, cold cache', 'CLS 390', 'CLS 1280', 'FCP ms 390', 'FCP ms 1280', 'CSP violations']];
  for (const [i, c] of all.entries()) {
    const [phone, desktop] = samples[i]!;
    const cls = (list: Sample[]) => `${median(list.map((s) => s.cls)).toFixed(4)} (max ${Math.max(...list.map((s) => s.cls)).toFixed(4)})`;
    const fcp = (list: Sample[]) => median(list.map((s) => s.fcp)).toFixed(0);
    rows.push([c.name, cls(phone!), cls(desktop!), fcp(phone!), fcp(desktop!), String(Math.max(...[...phone!, ...desktop!].map((s) => s.violations)))]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  lines.push('', ...(await sizeLines()), `(median of ${runs} runs; measure again with: BENCH_RUNS=${runs} npx tsx scripts/bench/prerender.ts)`);
  return lines;
}

/** The byte sizes of the card and its stylesheet, as lines (also alone: npm run bench:sizes). */
export async function sizeLines(): Promise<string[]> {
  const { card, hydratable, stylesheet } = await cardSize();
  return [
    `one pre-rendered full card (therapy-card car-t: shadow root, fallback, JSON-LD): ${card.raw} B raw, ${card.gzip} B gzip`,
    `  the same card as Lit renders it for hydration (markers and <style> kept, no fallback, no JSON-LD): ${hydratable.raw} B raw, ${hydratable.gzip} B gzip`,
    `  its stylesheet, dist/therapy-widgets.css (one per page, cached): ${stylesheet.raw} B raw, ${stylesheet.gzip} B gzip`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(ROOT, 'dist/therapy-widgets.css'))) throw new Error('run npm run build first');
  const lines = process.argv.includes('--sizes') ? await sizeLines() : await prerenderBench(Math.max(1, Number(process.env.BENCH_RUNS ?? 5)));
  console.log(lines.join('\n'));
}
