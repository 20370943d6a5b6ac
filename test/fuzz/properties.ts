/**
 * The properties of the validator and the loader, shared by `npm test` (a
 * small budget, in Chromium) and `npm run fuzz` (a large one, in Node). Each
 * is built from the default bundle, so mutations start from real content.
 */
import fc from 'fast-check';
import { clearBundleCache, ContentError, loadBundle, type LoadedBundle, type LoadOptions } from '../../src/content/load.js';
import { salvageBundle } from '../../src/content/salvage.js';
import { MAX_PROBLEMS, type Problem } from '../../src/content/schema.js';
import { validateBundle, type ValidationResult } from '../../src/content/validate.js';
import { equal, ok, sameJson, show } from './check.js';
import {
  allPaths,
  BUNDLE_KEYS,
  cleanPollution,
  expectNoPollution,
  isObject,
  lookup,
  mutate,
  mutation,
  parsePath,
  protoMutation,
  prototypeNames,
  type Json,
} from './mutations.js';

/** Which budget a property runs under: its inputs' cost and how much there is to explore. */
export type Budget = 'any' | 'mutation' | 'loader';

export interface NamedProperty {
  group: string;
  name: string;
  budget: Budget;
  // Sync and async properties of different argument tuples, run by fc.assert / fc.check.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  property: fc.IRawProperty<any>;
}

/** The result is either a bundle, or at least one problem that has a path and says something. */
export function expectWellFormed(result: ValidationResult): void {
  if (result.ok) {
    equal(result.problems.length, 0, 'problems of a valid bundle');
    ok(isObject(result.bundle), 'a valid result carries the bundle');
    return;
  }
  ok(Array.isArray(result.problems), 'problems is a list');
  ok(result.problems.length >= 1 && result.problems.length <= MAX_PROBLEMS, `1 to ${MAX_PROBLEMS} problems, not ${result.problems.length}`);
  ok(Number.isInteger(result.omitted) && result.omitted >= 0, `omitted ${result.omitted}`);
  for (const problem of result.problems) {
    ok(typeof problem.path === 'string', `a problem path is text: ${JSON.stringify(problem)}`);
    ok(typeof problem.message === 'string' && problem.message !== '', `a problem says something: ${JSON.stringify(problem)}`);
  }
}

/**
 * A problem points into the document: at a value that exists, or at a
 * required key that is missing from an object that exists. The messages that
 * quote a value quote the one at the path.
 */
export function expectPointsIntoDocument(doc: Json, problem: Problem): void {
  const where = `${problem.path}: ${problem.message}`;
  const keys = parsePath(problem.path);
  const at = lookup(doc, keys);
  if (problem.message === 'is required' || !at.found) {
    equal(at.found, false, `${where} (the key exists)`);
    ok(keys.length > 0, `${where} (a missing key below the root)`);
    const parent = lookup(doc, keys.slice(0, -1));
    ok(parent.found && isObject(parent.value), `${where} (its parent is not an object in the document)`);
    ok(problem.message === 'is required' || problem.path === 'schemaVersion', where);
    return;
  }
  const duplicate = /^duplicate id '(.*)' \(also at (.+)\)$/.exec(problem.message);
  if (duplicate) {
    equal(at.value, duplicate[1], where);
    equal(lookup(doc, [...parsePath(duplicate[2]!), 'id']).value, duplicate[1], where);
  }
  const reference = /^\w+ '(.*)' does not match any \w+$/.exec(problem.message);
  if (reference) equal(at.value, reference[1], where);
}

/** Items of one list are reported in the order they appear. */
export function expectListOrder(problems: readonly Problem[]): void {
  for (let i = 1; i < problems.length; i++) {
    const a = parsePath(problems[i - 1]!.path);
    const b = parsePath(problems[i]!.path);
    const at = a.findIndex((key, k) => key !== b[k]);
    if (at === -1 || at >= b.length) continue;
    if (typeof a[at] === 'number' && typeof b[at] === 'number') {
      ok((a[at] as number) < (b[at] as number), `${problems[i - 1]!.path} before ${problems[i]!.path}`);
    }
  }
}

const mutations = (min: number, max: number) => fc.array(mutation, { minLength: min, maxLength: max });

/** The validator: any value in, a bundle or problems with paths out, never an exception. */
export function validatorProperties(original: Json): NamedProperty[] {
  const names = prototypeNames();
  return [
    {
      group: 'any value',
      name: 'never throws for any JSON value',
      budget: 'any',
      property: fc.property(fc.jsonValue(), (value) => expectWellFormed(validateBundle(value))),
    },
    {
      group: 'any value',
      name: 'never throws for any value',
      budget: 'any',
      property: fc.property(fc.anything(), (value) => expectWellFormed(validateBundle(value))),
    },
    {
      group: 'any value',
      name: 'never throws for objects with the keys of a bundle and any JSON values',
      budget: 'any',
      property: fc.property(fc.dictionary(fc.constantFrom(...BUNDLE_KEYS), fc.jsonValue({ maxDepth: 3 })), (value) =>
        expectWellFormed(validateBundle(value)),
      ),
    },
    {
      group: 'mutations of the default bundle',
      name: 'report only problems that point into the document',
      budget: 'mutation',
      property: fc.property(mutations(1, 3), (list) => {
        const doc = mutate(original, list);
        const result = validateBundle(doc);
        expectWellFormed(result);
        if (result.ok) return;
        for (const problem of result.problems) expectPointsIntoDocument(doc, problem);
        expectListOrder(result.problems);
      }),
    },
    {
      group: 'mutations of the default bundle',
      name: 'never pollute Object.prototype, nor output a __proto__ key',
      budget: 'mutation',
      property: fc
        .property(protoMutation, mutations(0, 2), (first, rest) => {
          const doc = mutate(original, [...rest, first]);
          ok(JSON.stringify(doc).includes('"__proto__"'), 'the document has a __proto__ key');
          const result = validateBundle(doc);
          expectNoPollution(names);
          if (result.ok) sameJson(allPaths(result.bundle).filter((path) => path.at(-1) === '__proto__'), [], '__proto__ keys in the output');
        })
        .afterEach(cleanPollution),
    },
    {
      group: 'mutations of the default bundle',
      name: 'leave the input unchanged, and validate their own output to the same bundle',
      budget: 'mutation',
      property: fc.property(mutations(0, 3), (list) => {
        const doc = mutate(original, list);
        const before = JSON.stringify(doc);
        const result = validateBundle(doc);
        equal(JSON.stringify(doc), before, 'the input after validation');
        if (!result.ok) return;
        const again = validateBundle(result.bundle);
        ok(again.ok, `the output of a valid bundle is valid: ${again.ok ? '' : JSON.stringify(again.problems)}`);
        sameJson(again.bundle, result.bundle, 'the output validated again');
      }),
    },
  ];
}

// ---------------------------------------------------------------------------
// The loader, over a fetch that answers whatever the property generates.

const encoder = new TextEncoder();
const URL_BASE = 'https://bundle.example/fuzz/';

type Outcome = 'ok' | ContentError['code'];

interface Loaded {
  outcome: Outcome;
  result?: LoadedBundle;
  error?: ContentError;
  fetches: number;
}

type Respond = (call: number) => Response | Promise<Response>;

/**
 * Runs `load` with `fetch` replaced by `respond`, and classifies what came
 * out: a bundle, or a ContentError with a code and a message. Anything else
 * (another exception, a rejection that is not a ContentError) fails the property.
 */
async function withFetch(respond: Respond, load: () => Promise<LoadedBundle>): Promise<Loaded> {
  const original = globalThis.fetch;
  let fetches = 0;
  globalThis.fetch = (async () => respond(fetches++)) as typeof fetch;
  clearBundleCache();
  try {
    const result = await load();
    return { outcome: 'ok', result, fetches };
  } catch (error) {
    ok(error instanceof ContentError, `the loader rejected with ${show(error)}, not a ContentError`);
    ok(typeof error.message === 'string' && error.message.trim() !== '', 'a ContentError says something');
    return { outcome: error.code, error, fetches };
  } finally {
    globalThis.fetch = original;
    clearBundleCache();
  }
}

let sequence = 0;
/** A fresh URL per run, so no run can see another's cached bundle. */
const nextUrl = () => `${URL_BASE}${++sequence}.json`;

const load = (respond: Respond, options?: LoadOptions) => {
  const url = nextUrl();
  return withFetch(respond, () => loadBundle(url, options));
};

/** A body as one stream of the given chunks (a split may fall inside a UTF-8 character). */
function streamOf(bytes: Uint8Array, splits: readonly number[] = []): ReadableStream<Uint8Array> {
  const cuts = [...new Set(splits.map((s) => s % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.slice(from, cut));
    from = cut;
  }
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/** What loading parsed JSON must give: the sound part of it (salvageBundle), or a schema error when nothing is usable. */
function verdict(value: unknown): { outcome: Outcome; bundle?: unknown } {
  const salvage = salvageBundle(value);
  return salvage.bundle ? { outcome: 'ok', bundle: salvage.bundle } : { outcome: 'schema' };
}

/** What loading `bytes` must give: strict UTF-8 decoding, JSON.parse and salvage, in that order. */
function expected(bytes: Uint8Array): { outcome: Outcome; bundle?: unknown } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { outcome: 'parse' };
  }
  return verdict(value);
}

function expectSameAs(loaded: Loaded, bytes: Uint8Array): void {
  const want = expected(bytes);
  equal(loaded.outcome, want.outcome, `the outcome (${loaded.error?.message.slice(0, 200) ?? 'ok'})`);
  if (want.outcome === 'ok') {
    sameJson(loaded.result!.bundle, want.bundle, 'the loaded bundle');
    equal(loaded.result!.baseUrl.startsWith(URL_BASE), true, `baseUrl ${loaded.result!.baseUrl}`);
  }
  if (loaded.outcome === 'schema') ok(loaded.error!.problems && loaded.error!.problems.length > 0, 'a schema error carries its problems');
}

const json200 = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } });

/** Byte edits of a text: the kind of damage a truncated upload or a bad editor does. */
const byteEdit = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type ByteEdit = typeof byteEdit extends fc.Arbitrary<infer T> ? T : never;

function editBytes(source: Uint8Array, edits: readonly ByteEdit[]): Uint8Array<ArrayBuffer> {
  let bytes = Array.from(source);
  for (const edit of edits) {
    const at = edit.at % (bytes.length + 1);
    if (edit.kind === 'set') bytes[Math.min(at, bytes.length - 1)] = edit.byte;
    else if (edit.kind === 'insert') bytes.splice(at, 0, ...edit.bytes);
    else if (edit.kind === 'delete') bytes.splice(at, edit.count);
    else bytes = bytes.slice(0, at);
  }
  return Uint8Array.from(bytes);
}

/** Texts and values that a broken server or a hostile one sends. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.json({ maxDepth: 3 }),
  fc.constantFrom(
    '',
    ' ',
    '\uFEFF{}',
    'null',
    '[]',
    '"__proto__"',
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '<!doctype html><title>404</title>',
    '{"schemaVersion": 1,',
  ),
);

/** The loader: any body, status or failure in, a bundle or a ContentError out, never an exception. */
export function loaderProperties(original: Json): NamedProperty[] {
  const names = prototypeNames();
  const originalText = JSON.stringify(original, null, 2);
  // A title with characters of 2, 3 and 4 bytes in UTF-8, so chunk splits fall inside them.
  const unicode = { ...(original as Record<string, unknown>), title: 'Inmunoterapias — leucemia, ñandú 😀 ‑ Ω' };
  const unicodeBytes = encoder.encode(JSON.stringify(unicode));
  const group = 'the loader';
  return [
    {
      group,
      name: 'random bytes as a body give a parse or schema error, as JSON.parse and the validator say',
      budget: 'loader',
      property: fc
        .asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
          expectSameAs(await load(() => json200(bytes)), bytes);
          expectNoPollution(names);
        })
        .afterEach(cleanPollution),
    },
    {
      group,
      name: 'any text or JSON as a body is decoded, parsed and validated like the validator does it',
      budget: 'loader',
      property: fc
        .asyncProperty(hostileText, async (text) => {
          const bytes = encoder.encode(text);
          expectSameAs(await load(() => json200(text)), bytes);
          expectNoPollution(names);
        })
        .afterEach(cleanPollution),
    },
    {
      group,
      name: 'mutated bundles, sent as JSON text, load exactly when they validate',
      budget: 'loader',
      property: fc
        .asyncProperty(mutations(1, 3), fc.boolean(), async (list, withProto) => {
          const doc = mutate(original, list);
          let text = JSON.stringify(doc);
          if (withProto) text = text.replace(/^\{/, '{"__proto__": {"polluted": true, "therapies": []}, ');
          const bytes = encoder.encode(text);
          expectSameAs(await load(() => json200(text)), bytes);
          expectNoPollution(names);
        })
        .afterEach(cleanPollution),
    },
    {
      group,
      name: 'byte edits of the bundle text give a bundle, a parse error or a schema error, never more',
      budget: 'loader',
      property: fc.asyncProperty(fc.array(byteEdit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const bytes = editBytes(encoder.encode(originalText), edits);
        expectSameAs(await load(() => json200(bytes)), bytes);
      }),
    },
    {
      group,
      name: 'a body in any chunks, split inside UTF-8 characters too, reads as the whole',
      budget: 'loader',
      property: fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), mutations(0, 1), async (splits, list) => {
        const bytes = list.length ? encoder.encode(JSON.stringify(mutate(unicode, list))) : unicodeBytes;
        expectSameAs(await load(() => json200(streamOf(bytes, splits))), bytes);
      }),
    },
    {
      group,
      name: 'a body over the size limit is a network error, whatever Content-Length says',
      budget: 'loader',
      property: fc.asyncProperty(
        fc.integer({ min: 2, max: 3000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom('none', 'exact', 'less', 'more'),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (length, maxBytes, declared, splits) => {
          const bytes = encoder.encode(`[${' '.repeat(length - 2)}]`);
          const header =
            declared === 'none' ? undefined : String(declared === 'exact' ? length : declared === 'less' ? length - 1 : length + 1);
          const loaded = await load(
            () => json200(streamOf(bytes, splits), header === undefined ? {} : { 'content-length': header }),
            { maxBytes },
          );
          const tooLarge = length > maxBytes || (header !== undefined && Number(header) > maxBytes);
          equal(loaded.outcome, tooLarge ? 'network' : 'schema', `${length} bytes, limit ${maxBytes}, Content-Length ${header}`);
        },
      ),
    },
    {
      group,
      name: 'any HTTP status but 2xx is a network error that names it',
      budget: 'loader',
      property: fc.asyncProperty(
        fc.integer({ min: 200, max: 599 }).filter((s) => ![204, 205, 304].includes(s)),
        async (status) => {
          const loaded = await load(() => new Response(originalText, { status }));
          if (status < 300) {
            equal(loaded.outcome, 'ok', `HTTP ${status}`);
            return;
          }
          equal(loaded.outcome, 'network', `HTTP ${status}`);
          ok(loaded.error!.message.includes(`HTTP ${status}`), `the message names HTTP ${status}: ${loaded.error!.message}`);
        },
      ),
    },
    {
      group,
      name: 'a fetch that fails with anything at all is a network error',
      budget: 'loader',
      property: fc.asyncProperty(
        fc.oneof(
          fc.constant(new TypeError('Failed to fetch')),
          fc.string().map((m) => new Error(m)),
          fc.anything(),
        ),
        async (thrown) => {
          const loaded = await load(() => {
            throw thrown;
          });
          equal(loaded.outcome, 'network', `fetch threw ${show(thrown)}`);
        },
      ),
    },
    {
      group,
      name: 'a body that breaks off with anything at all is a network error',
      budget: 'loader',
      property: fc.asyncProperty(fc.nat({ max: unicodeBytes.length }), fc.anything(), async (cut, reason) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(unicodeBytes.slice(0, cut));
            controller.error(reason);
          },
        });
        const loaded = await load(() => json200(body));
        equal(loaded.outcome, 'network', `the body broke off after ${cut} bytes with ${show(reason)}`);
      }),
    },
    {
      group,
      name: 'loads share one request while it is pending or has succeeded, and retry after a failure',
      budget: 'loader',
      property: fc.asyncProperty(
        fc.array(fc.record({ succeeds: fc.boolean(), together: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 6 }),
        async (steps) => {
          const url = nextUrl();
          let answer = 0;
          const loaded = await withFetch(
            () => (steps[Math.min(answer++, steps.length - 1)]!.succeeds ? json200(originalText) : new Response('', { status: 503 })),
            async () => {
              let last: LoadedBundle | undefined;
              for (const step of steps) {
                const results = await Promise.allSettled(Array.from({ length: step.together }, () => loadBundle(url)));
                const outcomes = new Set(results.map((r) => r.status));
                equal(outcomes.size, 1, 'loads made together end together');
                if (results[0]!.status === 'fulfilled') {
                  if (last) equal(results[0]!.value, last, 'a later load gets the cached bundle');
                  last = results[0]!.value;
                }
              }
              if (!last) throw new ContentError('network', 'no step succeeded');
              return last;
            },
          );
          const firstSuccess = steps.findIndex((s) => s.succeeds);
          equal(loaded.fetches, firstSuccess === -1 ? steps.length : firstSuccess + 1, 'requests made');
        },
      ),
    },
    {
      group,
      name: 'a bundle object (the property) gives a bundle or a schema error, validated once',
      budget: 'loader',
      property: fc
        .asyncProperty(mutations(0, 3), async (list) => {
          const doc = mutate(original, list) as object;
          const want = verdict(doc);
          const loaded = await withFetch(
            () => {
              throw new Error('an object source must not fetch');
            },
            () => loadBundle(doc),
          );
          equal(loaded.fetches, 0, 'requests for an object');
          equal(loaded.outcome, want.outcome, 'the outcome');
          if (want.outcome === 'ok') {
            sameJson(loaded.result!.bundle, want.bundle, 'the bundle');
            equal(await loadBundle(doc), loaded.result, 'the same object again gives the same result');
          }
          expectNoPollution(names);
        })
        .afterEach(cleanPollution),
    },
  ];
}

/** Inline `<script type="application/json" id>` sources: browser only (Node has no document). */
export function inlineProperties(): NamedProperty[] {
  return [
    {
      group: 'the loader',
      name: 'any text in an inline JSON script gives a bundle, a parse error or a schema error',
      budget: 'loader',
      property: fc.asyncProperty(hostileText, async (text) => {
        const script = document.createElement('script');
        script.type = 'application/json';
        script.id = `fuzz-inline-${++sequence}`;
        script.textContent = text;
        document.body.append(script);
        try {
          const loaded = await withFetch(
            () => {
              throw new Error('an inline source must not fetch');
            },
            () => loadBundle(`#${script.id}`),
          );
          equal(loaded.fetches, 0, 'requests for an inline bundle');
          let value: unknown;
          let parsed = true;
          try {
            value = JSON.parse(text);
          } catch {
            parsed = false;
          }
          equal(loaded.outcome, !parsed ? 'parse' : verdict(value).outcome, 'the outcome');
        } finally {
          script.remove();
        }
      }),
    },
  ];
}
