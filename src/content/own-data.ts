/**
 * Copies untrusted data (a parsed bundle, or an object a page hands the
 * `bundle` property) into plain data the validator can read safely: objects
 * with a null prototype and only their own enumerable data properties, lists
 * as dense arrays. Reading a missing key of the copy never reaches
 * `Object.prototype`, whatever a page's old libraries put there; getters never
 * run. The walk is iterative (no recursion depth to exhaust) and linear. A
 * tree fresh from `JSON.parse` that the loader hands over is made so in place.
 */

/** An object with no prototype: only its own keys can be read. */
export type OwnRecord = { [key: string]: unknown };

/** Most values (objects, lists and scalars) copied from one input; a 2 MB JSON text holds fewer. */
export const MAX_VALUES = 2_000_000;

/** Thrown by `ownData` when the input holds more than `MAX_VALUES` values. */
export class TooLargeError extends RangeError {
  constructor() {
    super(`holds more than ${MAX_VALUES} values`);
  }
}

/** An empty object with a null prototype. */
export function emptyRecord(): OwnRecord {
  return Object.create(null) as OwnRecord;
}

/** The value of an own data property, or undefined (a getter is never called). */
function ownValue(source: object, key: PropertyKey): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(source, key);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

/** Sets `key` on a copy under construction as an own property, even `__proto__`. */
function setOwn(record: object, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else (record as OwnRecord)[key] = value;
}

/**
 * A copy of `input` made of null-prototype objects and plain arrays. An object
 * met twice (shared or cyclic) is copied once and shared the same way.
 * Functions and symbols as values stay as they are (the schema rejects them).
 * Throws `TooLargeError` past `MAX_VALUES` values, and whatever a hostile
 * Proxy throws; callers turn both into a problem.
 *
 * An object copy is filled as a plain object and loses its prototype once
 * full: V8 keeps it in fast mode, where `Object.create(null)` starts in slow
 * dictionary mode (a 200,000-item bundle copied in 240-350 ms instead of 470-510).
 */
export function ownData(input: unknown): unknown {
  return finish(ownDataSteps(input));
}

/** Values copied between two pauses of `ownDataSteps`. */
export const VALUES_PER_STEP = 4096;

/** Trees fresh from `JSON.parse` that `ownDataSteps` may take over in place (see `handOver`). */
const handedOver = new WeakSet<object>();

/**
 * Hands a fresh `JSON.parse` result to `ownDataSteps`, which then makes it
 * own data in place instead of copying it: such a tree has only plain objects
 * and dense arrays, each met once, with own data properties. The caller keeps
 * no other use of it (its objects lose their prototype). For a 2 MB hostile
 * bundle this saves a copy of every value, and the garbage collection after it.
 */
export function handOver(tree: unknown): unknown {
  if (typeof tree === 'object' && tree !== null) handedOver.add(tree);
  return tree;
}

/** `ownData` in steps: pauses (yields) every `VALUES_PER_STEP` values, so a caller can let the page breathe. */
export function* ownDataSteps(input: unknown): Generator<void, unknown> {
  if (typeof input !== 'object' || input === null) return input;
  /** A handed-over tree is its own copy: its values are read and written back where they are. */
  const inPlace = handedOver.delete(input);
  const read = inPlace ? (source: object, key: PropertyKey) => (source as OwnRecord)[key as string] : ownValue;
  const copies = new Map<object, object>();
  const sources: object[] = [input];
  const targets: object[] = [inPlace ? input : Array.isArray(input) ? [] : {}];
  copies.set(input, targets[0]!);
  let values = 1;
  /** The copy of `value` if it is an object (queued to be filled), else `value` itself. */
  const copyOf = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (inPlace) {
      sources.push(value);
      targets.push(value);
      return value;
    }
    const known = copies.get(value);
    if (known) return known;
    const copy: object = Array.isArray(value) ? [] : {};
    copies.set(value, copy);
    sources.push(value);
    targets.push(copy);
    return copy;
  };
  let work = 0;
  while (sources.length > 0) {
    const source = sources.pop()!;
    const copy = targets.pop()!;
    if (Array.isArray(source)) {
      const length = source.length;
      values += length;
      if (values > MAX_VALUES) throw new TooLargeError();
      const list = copy as unknown[];
      for (let i = 0; i < length; i++) {
        if (++work % VALUES_PER_STEP === 0) yield;
        list[i] = copyOf(read(source, i));
      }
    } else {
      const keys = Object.keys(source);
      values += keys.length;
      if (values > MAX_VALUES) throw new TooLargeError();
      for (const key of keys) {
        if (++work % VALUES_PER_STEP === 0) yield;
        setOwn(copy, key, copyOf(read(source, key)));
      }
      Object.setPrototypeOf(copy, null);
    }
  }
  return copies.get(input);
}

/** Runs steps to the end, at once, and returns their result. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Milliseconds of work between two pauses of `finishSliced`: well under a 50 ms long task. */
const SLICE_MS = 25;

/** A pause between steps of work: resolves at once, or in a later task once what the page has waiting (input, rendering) has run; `now` asks for the latter. */
export type Pause = (now?: boolean) => Promise<void>;

/**
 * A `Pause` for one piece of work that gives the thread back once the work
 * has held it for `SLICE_MS` since the last pause (or `now`), by a zero-delay
 * timer; otherwise it resolves at once, in the same task: work shorter than
 * a slice (a small bundle's) waits for no timer.
 */
export function pacer(): Pause {
  let since = performance.now();
  return async (now) => {
    if (!now && performance.now() - since < SLICE_MS) return;
    await new Promise((resume) => setTimeout(resume, 0));
    since = performance.now();
  };
}

/**
 * Runs steps to the end, giving the page's main thread back whenever a slice
 * of work has taken `SLICE_MS`; the result is the one `finish` gives.
 */
export async function finishSliced<T>(steps: Generator<void, T>, pause = pacer()): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** True when `value` holds more than `limit` values (itself included); stops counting at the limit. */
export function holdsMoreThan(value: unknown, limit: number): boolean {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (++count > limit) return true;
    if (typeof next !== 'object' || next === null) continue;
    const children = Array.isArray(next) ? next : Object.values(next);
    if (children.length > limit) return true;
    for (const child of children) stack.push(child);
  }
  return false;
}
