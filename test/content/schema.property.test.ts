// The validator's properties (test/fuzz/properties.ts) with the small budget
// of `npm test`; `npm run fuzz` runs the same ones with a large budget.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { validateBundle } from '../../src/content/validate.js';
import { validatorProperties, type Budget } from '../fuzz/properties.js';
import { allPaths, lookup, parsePath, type Json } from '../fuzz/mutations.js';

/** Runs per property: over arbitrary values, and over mutations of the default bundle. */
const RUNS: Record<Budget, number> = { any: 200, mutation: 300, loader: 200 };

const original: Json = await (await fetch(new URL('../../src/content/all-immune-therapies.json', import.meta.url))).json();

describe('validateBundle properties', () => {
  it('start from a valid bundle that the path helpers can read', () => {
    expect(validateBundle(original).ok).to.equal(true);
    const url = lookup(original, parsePath('therapies[0].sources[2].url'));
    expect(url.found).to.equal(true);
    expect(url.value).to.match(/^https:/);
    expect(lookup(original, parsePath('therapies[0].sources[0].url')).found).to.equal(false);
    expect(lookup(original, parsePath('(root)')).value).to.equal(original);
    expect(lookup(original, ['therapies', 99]).found).to.equal(false);
    expect(allPaths(original)).to.deep.include(['therapies', 0, 'sources', 2, 'url']);
  });

  const properties = validatorProperties(original);
  for (const group of new Set(properties.map((p) => p.group))) {
    describe(group, () => {
      for (const p of properties.filter((q) => q.group === group)) {
        it(p.name, () => fc.assert(p.property, { numRuns: RUNS[p.budget], includeErrorInReport: true }));
      }
    });
  }
});
