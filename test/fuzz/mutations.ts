/**
 * Mutations of a JSON document and the path helpers the properties use to
 * check that every problem the validator reports points into the document.
 */
import fc from 'fast-check';
import { equal, ok } from './check.js';

export type Key = string | number;
export type Json = unknown;

export const BUNDLE_KEYS = [
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

/** `therapies[1].sources[0].url` → `['therapies', 1, 'sources', 0, 'url']`; `(root)` → `[]`. */
export function parsePath(path: string): Key[] {
  if (path === '(root)') return [];
  ok(/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\])*$/.test(path), `a well-formed problem path, not ${JSON.stringify(path)}`);
  return [...path.matchAll(/([A-Za-z_]\w*)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1]! : Number(m[2])));
}

export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** The value at `keys`, following own properties only. */
export function lookup(doc: Json, keys: readonly Key[]): { found: boolean; value?: Json } {
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
export function allPaths(doc: Json): Key[][] {
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

export const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

/** Sets an own property, even one named `__proto__`. */
export function setOwn(target: object, key: Key, value: Json): void {
  if (Array.isArray(target) && typeof key === 'number') target[key] = value;
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export type Mutation =
  | { kind: 'replace'; depth: number; pick: number; value: Json }
  | { kind: 'delete'; depth: number; pick: number }
  | { kind: 'duplicate'; depth: number; pick: number }
  | { kind: 'proto'; depth: number; pick: number };

/** Values that are close to valid, so the reference and format rules run too. */
export const nearlyValid = fc.constantFrom<Json>(
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
  ' JavaScript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'https://example.org/',
  '//example.org/x',
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

/** One change anywhere in the document, no deeper than `depth`. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
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

/** Adds a `__proto__` key to an object of the document. */
export const protoMutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constant('proto' as const), depth, pick: fc.nat() });

/** A `__proto__` value that would change every object if it were merged into Object.prototype. */
export const PROTO_VALUE = { polluted: true, id: 'hidden', name: 'hidden', schemaVersion: 1, therapies: [] };

/** Applies one mutation in place, at a path picked among those no deeper than `depth`. */
export function applyMutation(doc: Json, m: Mutation): void {
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

/** The document after the mutations, as JSON.parse would give it. */
export function mutate(original: Json, mutations: readonly Mutation[]): Json {
  const doc = clone(original);
  for (const m of mutations) applyMutation(doc, m);
  return clone(doc);
}

/** Own property names of Object.prototype and Array.prototype, to see that nothing was added. */
export function prototypeNames(): string[] {
  return [...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Array.prototype)].sort();
}

/** Object.prototype is as it was: no `polluted` (or any other) key was merged into it. */
export function expectNoPollution(names: readonly string[]): void {
  equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype.polluted');
  equal(prototypeNames().join(' '), names.join(' '), 'own names of Object.prototype and Array.prototype');
}

/** Removes what a failing run may have added, so one failure does not fail every later run. */
export function cleanPollution(): void {
  delete (Object.prototype as Record<string, unknown>).polluted;
}
