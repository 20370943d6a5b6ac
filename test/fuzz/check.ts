/**
 * The few assertions the shared properties need. Plain functions that throw,
 * so the same properties run in the browser (mocha, `npm test`) and in Node
 * (`npm run fuzz`), where `@open-wc/testing` cannot be imported.
 */

export function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function equal(actual: unknown, expected: unknown, message: string): void {
  if (!Object.is(actual, expected)) {
    throw new Error(`${message}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Equal as JSON documents: same keys (own, enumerable, in any order) and values. */
export function sameJson(actual: unknown, expected: unknown, message: string): void {
  const a = canonical(actual);
  const b = canonical(expected);
  if (a !== b) throw new Error(`${message}:\n  expected ${b.slice(0, 400)}\n  got      ${a.slice(0, 400)}`);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) {
      Object.defineProperty(sorted, key, { value: (item as Record<string, unknown>)[key], enumerable: true });
    }
    return sorted;
  }) ?? 'undefined';
}

/** Any value as text for a failure message, even one whose toString throws. */
export function show(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  } catch {
    try {
      return String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
}
