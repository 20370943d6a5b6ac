/**
 * `npm run fuzz`: the validator and loader properties of `npm test`, in Node,
 * with a large budget.
 *
 *   FUZZ_RUNS=20000   runs per property (default 20000)
 *   FUZZ_SEED=123     replay a seed printed by an earlier run
 *   FUZZ_ONLY=loader  only the properties whose name or group contains this
 *
 * Inline `#id` sources need a document and are fuzzed in the browser only
 * (`npm test`, test/fuzz/loader.property.test.ts).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loaderProperties, validatorProperties, type NamedProperty } from '../test/fuzz/properties.js';

const runs = Number(process.env.FUZZ_RUNS ?? 20_000);
const seed = process.env.FUZZ_SEED === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(process.env.FUZZ_SEED);
const only = process.env.FUZZ_ONLY?.toLowerCase();

const original: unknown = JSON.parse(readFileSync(new URL('../src/content/all-immune-therapies.json', import.meta.url), 'utf8'));

const properties: NamedProperty[] = [...validatorProperties(original), ...loaderProperties(original)].filter(
  (p) => !only || `${p.group} ${p.name}`.toLowerCase().includes(only),
);

console.log(`fuzz: ${properties.length} properties x ${runs} runs, seed ${seed}`);
let failures = 0;
const started = performance.now();
for (const p of properties) {
  const t0 = performance.now();
  const details = await fc.check(p.property, { numRuns: runs, seed, includeErrorInReport: true });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (details.failed) {
    failures++;
    console.log(`✗ ${p.group}: ${p.name} (${seconds} s)`);
    console.log(fc.defaultReportMessage(details)?.replace(/^/gm, '    '));
    console.log(`    replay: FUZZ_SEED=${seed} FUZZ_ONLY=${JSON.stringify(p.name)} npm run fuzz`);
  } else {
    console.log(`✓ ${p.group}: ${p.name} (${details.numRuns} runs, ${seconds} s)`);
  }
}
const total = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\n${properties.length - failures} passed, ${failures} failed (${total} s)`);
process.exit(failures === 0 ? 0 : 1);
