import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { MAX_PROBLEMS, validateBundle, type Problem, type ValidationResult } from '../../src/content/schema.js';

/** Runs of the properties over arbitrary values. */
const ANY_VALUE_RUNS = 200;
/** Runs of the properties over mutations of the default bundle. */
const MUTATION_RUNS = 300;

type Key = string | number;
type Json = unknown;

const BUNDLE_KEYS = [
  'schemaVersion',
  'id',
  'locale',
  'title',
  'publisher',
  'reviewedOn',
  'disclaimer',
  'therapies',
  'articles',
  'experts',
  'quotes',
];

/** The result is either a bundle, or at least one problem that has a path and says something. */
function expectWellFormed(result: ValidationResult): void {
  if (result.ok) {
    expect(result.problems).to.deep.equal([]);
    expect(result.bundle).to.be.an('object');
    return;
  }
  expect(result.problems).to.be.an('array');
  expect(result.problems.length).to.be.within(1, MAX_PROBLEMS);
  expect(Number.isInteger(result.omitted) && result.omitted >= 0, `omitted ${result.omitted}`).to.equal(true);
  for (const problem of result.problems) {
    expect(problem.path).to.be.a('string');
    expect(problem.message).to.be.a('string');
    expect(problem.message).to.not.equal('');
  }
}

/** `therapies[1].sources[0].url` → `['therapies', 1, 'sources', 0, 'url']`; `(root)` → `[]`. */
function parsePath(path: string): Key[] {
  if (path === '(root)') return [];
  expect(path, 'a well-formed problem path').to.match(/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\])*$/);
  return [...path.matchAll(/([A-Za-z_]\w*)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1]! : Number(m[2])));
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** The value at `keys`, following own properties only. */
function lookup(doc: Json, keys: readonly Key[]): { found: boolean; value?: Json } {
  let value = doc;
  for (const key of keys) {
    const found =
      typeof key === 'number'
        ? Array.isArray(value) && key < value.length && Object.hasOwn(value, key)
        : isObject(value) && !Array.isArray(value) && Object.hasOwn(value, key);
    if (!found) return { found: false };
    value = (value as Record<Key, Json>)[key];
  }
  return { found: true, value };
}

/** Every path inside the document, parents before their children. */
function allPaths(doc: Json): Key[][] {
  const out: Key[][] = [];
  const walk = (value: Json, keys: Key[]): void => {
    if (!isObject(value)) return;
    const entries: [Key, Json][] = Array.isArray(value)
      ? value.map((item, i) => [i, item])
      : Object.keys(value).map((key) => [key, (value as Record<string, Json>)[key]]);
    for (const [key, item] of entries) {
      const path = [...keys, key];
      out.push(path);
      walk(item, path);
    }
  };
  walk(doc, []);
  return out;
}

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

/** Sets an own property, even one named `__proto__`. */
function setOwn(target: object, key: Key, value: Json): void {
  if (Array.isArray(target) && typeof key === 'number') target[key] = value;
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Mutation =
  | { kind: 'replace'; depth: number; pick: number; value: Json }
  | { kind: 'delete'; depth: number; pick: number }
  | { kind: 'duplicate'; depth: number; pick: number }
  | { kind: 'proto'; depth: number; pick: number };

/** Values that are close to valid, so the reference and format rules run too. */
const nearlyValid = fc.constantFrom<Json>(
  '',
  ' ',
  'car-t',
  'blinatumomab',
  'olalekan-oluwole',
  '2021-03-12-immune-therapies',
  'nope',
  '2021-02-30',
  '2024-02-29',
  'javascript:alert(1)',
  'https://example.org/',
  'not a locale!',
  2,
  1.5,
  0,
  null,
  [],
  {},
  ['car-t'],
  ['nope'],
);

const depth = fc.integer({ min: 1, max: 6 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('replace' as const),
    depth,
    pick: fc.nat(),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), nearlyValid),
  }),
  fc.record({ kind: fc.constant('delete' as const), depth, pick: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), depth, pick: fc.nat() }),
  fc.record({ kind: fc.constant('proto' as const), depth, pick: fc.nat() }),
);
const protoMutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constant('proto' as const), depth, pick: fc.nat() });

/** A `__proto__` value that would change every object if it were merged into Object.prototype. */
const PROTO_VALUE = { polluted: true, id: 'hidden', name: 'hidden', schemaVersion: 1, therapies: [] };

/** Applies one mutation in place, at a path picked among those no deeper than `depth`. */
function applyMutation(doc: Json, m: Mutation): void {
  let candidates = allPaths(doc).filter((path) => path.length <= m.depth);
  if (m.kind === 'duplicate') candidates = candidates.filter((path) => typeof path.at(-1) === 'number');
  if (m.kind === 'proto') {
    candidates = [[], ...candidates].filter((path) => {
      const value = lookup(doc, path).value;
      return isObject(value) && !Array.isArray(value);
    });
  }
  if (candidates.length === 0) return;
  const keys = candidates[m.pick % candidates.length]!;
  if (m.kind === 'proto') {
    setOwn(lookup(doc, keys).value as object, '__proto__', clone(PROTO_VALUE));
    return;
  }
  const parent = lookup(doc, keys.slice(0, -1)).value as Record<Key, Json> & Json[];
  const last = keys.at(-1)!;
  if (m.kind === 'replace') setOwn(parent, last, clone(m.value));
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent.splice((last as number) + 1, 0, clone(parent[last]));
}

/** The default bundle after the mutations, as JSON.parse would give it. */
function mutate(original: Json, mutations: readonly Mutation[]): Json {
  const doc = clone(original);
  for (const m of mutations) applyMutation(doc, m);
  return clone(doc);
}

/**
 * A problem points into the document: at a value that exists, or at a
 * required key that is missing from an object that exists. The messages that
 * quote a value quote the one at the path.
 */
function expectPointsIntoDocument(doc: Json, problem: Problem): void {
  const where = `${problem.path}: ${problem.message}`;
  const keys = parsePath(problem.path);
  const at = lookup(doc, keys);
  if (problem.message === 'is required' || !at.found) {
    expect(at.found, `${where} (the key exists)`).to.equal(false);
    expect(keys.length, where).to.be.above(0);
    const parent = lookup(doc, keys.slice(0, -1));
    expect(parent.found && isObject(parent.value), `${where} (its parent is not an object in the document)`).to.equal(true);
    expect(problem.message === 'is required' || problem.path === 'schemaVersion', where).to.equal(true);
    return;
  }
  const duplicate = /^duplicate id '(.*)' \(also at (.+)\)$/.exec(problem.message);
  if (duplicate) {
    expect(at.value, where).to.equal(duplicate[1]);
    expect(lookup(doc, [...parsePath(duplicate[2]!), 'id']).value, where).to.equal(duplicate[1]);
  }
  const reference = /^\w+ '(.*)' does not match any \w+$/.exec(problem.message);
  if (reference) expect(at.value, where).to.equal(reference[1]);
}

/** Items of one list are reported in the order they appear. */
function expectListOrder(problems: readonly Problem[]): void {
  for (let i = 1; i < problems.length; i++) {
    const a = parsePath(problems[i - 1]!.path);
    const b = parsePath(problems[i]!.path);
    const at = a.findIndex((key, k) => key !== b[k]);
    if (at === -1 || at >= b.length) continue;
    if (typeof a[at] === 'number' && typeof b[at] === 'number') {
      expect(a[at] as number, `${problems[i - 1]!.path} before ${problems[i]!.path}`).to.be.below(b[at] as number);
    }
  }
}

function prototypeNames(): string[] {
  return [...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Array.prototype)].sort();
}

describe('validateBundle properties', () => {
  describe('any value', () => {
    it('never throws for any JSON value', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => expectWellFormed(validateBundle(value))),
        { numRuns: ANY_VALUE_RUNS },
      );
    });

    it('never throws for any value', () => {
      fc.assert(
        fc.property(fc.anything(), (value) => expectWellFormed(validateBundle(value))),
        { numRuns: ANY_VALUE_RUNS },
      );
    });

    it('never throws for objects with the keys of a bundle and any JSON values', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...BUNDLE_KEYS), fc.jsonValue({ maxDepth: 3 })), (value) =>
          expectWellFormed(validateBundle(value)),
        ),
        { numRuns: ANY_VALUE_RUNS },
      );
    });
  });

  describe('mutations of the default bundle', () => {
    let original: Json;
    let names: string[];

    before(async () => {
      const response = await fetch(new URL('../../src/content/all-immune-therapies.json', import.meta.url));
      original = await response.json();
      names = prototypeNames();
    });

    afterEach(() => {
      delete (Object.prototype as Record<string, unknown>).polluted;
    });

    it('start from a valid bundle that the path helpers can read', () => {
      expect(validateBundle(original).ok).to.equal(true);
      const url = lookup(original, parsePath('therapies[0].sources[1].url'));
      expect(url.found).to.equal(true);
      expect(url.value).to.match(/^https:/);
      expect(lookup(original, parsePath('therapies[0].sources[0].url')).found).to.equal(false);
      expect(lookup(original, parsePath('(root)')).value).to.equal(original);
      expect(lookup(original, ['therapies', 99]).found).to.equal(false);
      expect(allPaths(original)).to.deep.include(['therapies', 0, 'sources', 1, 'url']);
    });

    it('report only problems that point into the document', () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const doc = mutate(original, mutations);
          const result = validateBundle(doc);
          expectWellFormed(result);
          if (result.ok) return;
          for (const problem of result.problems) expectPointsIntoDocument(doc, problem);
          expectListOrder(result.problems);
        }),
        { numRuns: MUTATION_RUNS },
      );
    });

    it('never pollute Object.prototype, nor output a __proto__ key', () => {
      fc.assert(
        fc.property(protoMutation, fc.array(mutation, { maxLength: 2 }), (first, rest) => {
          const doc = mutate(original, [...rest, first]);
          expect(JSON.stringify(doc)).to.include('"__proto__"');
          const result = validateBundle(doc);
          expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
          expect(prototypeNames()).to.deep.equal(names);
          if (result.ok) expect(allPaths(result.bundle).filter((path) => path.at(-1) === '__proto__')).to.deep.equal([]);
        }),
        { numRuns: MUTATION_RUNS },
      );
    });
  });
});
