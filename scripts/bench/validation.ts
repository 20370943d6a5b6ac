/**
 * Validation cost, for the record (figures live here, never in tests):
 * `npx tsx scripts/bench/validation.ts`, and a table of `npm run bench`.
 * Prints, as the median of 5 runs (BENCH_RUNS), the
 * salvage time of 30,000 broken items, and the main-thread time and heap
 * growth of validateBundle + salvageBundle for the two worst 2 MB hostile
 * bundles, beside the default bundle as a baseline, and of the salvage alone
 * on the parsed tree taken over in place, as the page's loader does it. Time is wall-clock and
 * CPU time (on a shared machine wall-clock includes waiting for a core).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { handOver } from '../../src/content/own-data.js';
import { salvageBundle } from '../../src/content/salvage.js';
import { validateBundle } from '../../src/content/validate.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const TWO_MB = 2 * 1024 * 1024;

const defaultText = readFileSync(join(resolve(import.meta.dirname, '../..'), 'src/content/all-immune-therapies.json'), 'utf8');

/** The default bundle with `change` made to its parsed copy, as JSON text. */
function variant(change: (b: Record<string, any>) => void): string {
  const doc = JSON.parse(defaultText);
  change(doc);
  return JSON.stringify(doc);
}

/** As many copies of `item` as fit in a 2 MB bundle's `therapies`. */
function fill(item: unknown): unknown[] {
  const each = JSON.stringify(item).length + 1;
  return new Array(Math.floor((TWO_MB - defaultText.length) / each)).fill(item);
}

interface Figure {
  wall: number;
  cpu: number;
  /** Heap growth right after the work, garbage included (MB). */
  heap: number;
  /** Heap still held by the result once garbage is collected (MB). */
  kept: number;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** Where a run's result stays reachable while its heap is measured. */
const results: unknown[] = [];

/** Median wall and CPU time (ms) and heap growth (MB) of `work` on a freshly parsed copy of `text`. */
function measure(text: string, work: (input: unknown) => unknown, runCount: number): Figure {
  const runs: Figure[] = [];
  for (let i = 0; i < runCount; i++) {
    results.push(JSON.parse(text));
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    results.push(work(results[0]));
    const wall = performance.now() - start;
    const cpu = process.cpuUsage(cpuBefore);
    const heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    gc();
    const held = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    results.length = 0;
    runs.push({ wall, cpu: (cpu.user + cpu.system) / 1000, heap, kept: held });
  }
  const of = (key: keyof Figure) => median(runs.map((r) => r[key]));
  return { wall: of('wall'), cpu: of('cpu'), heap: of('heap'), kept: of('kept') };
}

const both = (input: unknown) => [validateBundle(input), salvageBundle(input)];
/** What the page's loader does with the tree it parsed: salvage it without copying it (own-data.ts `handOver`). */
const inPlace = (input: unknown) => salvageBundle(handOver(input));

/** [name, JSON text]: the default bundle (the baseline) and the two worst 2 MB hostile bundles; the browser table loads the same. */
export function hostileBundles(): [string, string][] {
  const tinyItems = variant((b) => (b.therapies = fill({ id: 0 })));
  return [
    ['default bundle (baseline)', defaultText],
    [`${JSON.parse(tinyItems).therapies.length} tiny invalid items`, tinyItems],
    ['one list of 400,000 elements', variant((b) => (b.therapies = new Array(400_000).fill('xx')))],
  ];
}

/** The table: one line per case, after a title line. */
export function validationTable(runs = 5): string[] {
  const broken30k = variant((b) => {
    for (let i = 0; i < 30_000; i++) b.therapies.push({ id: `broken-${i}`, name: '', reviewedOn: '2021-02-30' });
  });
  const rows: [string, string, Figure][] = [
    ['salvage, 30,000 broken items', broken30k, measure(broken30k, salvageBundle, runs)],
    ...hostileBundles().flatMap(([name, text]): [string, string, Figure][] => [
      [`validate+salvage, ${name}`, text, measure(text, both, runs)],
      [`salvage in place, ${name}`, text, measure(text, inPlace, runs)],
    ]),
  ];
  const lines = [`Validation in Node ${process.version} (main-thread cost of a hostile bundle), median of ${runs} runs`];
  for (const [name, text, figure] of rows) {
    const size = `${(text.length / 2 ** 20).toFixed(2)} MB`;
    const time = `wall ${figure.wall.toFixed(0).padStart(5)} ms  cpu ${figure.cpu.toFixed(0).padStart(5)} ms`;
    lines.push(`${name.padEnd(50)} ${size.padStart(8)}  ${time}  heap +${figure.heap.toFixed(1)} MB (kept ${figure.kept.toFixed(1)} MB)`);
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(validationTable(Math.max(1, Number(process.env.BENCH_RUNS ?? 5))).join('\n'));
}
