// The loader's properties (test/fuzz/properties.ts) with the small budget of
// `npm test`, plus inline `#id` sources, which need a document.
import fc from 'fast-check';
import { inlineProperties, loaderProperties } from './properties.js';
import type { Json } from './mutations.js';

const RUNS = 200;

const original: Json = await (await fetch(new URL('../../src/content/all-immune-therapies.json', import.meta.url))).json();

describe('loadBundle properties', () => {
  for (const p of [...loaderProperties(original), ...inlineProperties()]) {
    it(p.name, () => fc.assert(p.property, { numRuns: RUNS, includeErrorInReport: true }));
  }
});
