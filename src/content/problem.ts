/**
 * Problems found in a bundle: where (keys and a JSON path derived from them)
 * and what, in words for an editor.
 */

/** One step of a JSON path: an object key or a list index. */
export type PathKey = string | number;

/** One thing wrong with a bundle: where (a JSON path) and what, for an editor. */
export interface Problem {
  /** JSON path such as `therapies[1].sources[0].url`; `(root)` for the document itself. */
  path: string;
  /** The same path as keys, `['therapies', 1, 'sources', 0, 'url']`; empty for the root. Never parse `path`. */
  keys: readonly PathKey[];
  message: string;
}

/** Builds a problem from its keys: the `path` string is derived, never parsed back. */
export function problemAt(keys: readonly PathKey[], message: string): Problem {
  return { path: formatPath(keys), keys, message };
}

/** `['therapies', 1, 'url']` → `therapies[1].url`. */
export function formatPath(keys: readonly PathKey[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${key}` : key;
  }
  return out || '(root)';
}

/** `1 item`, `2 items`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The first of `problems` in one line (`path: message`), and how many more. */
export function reasonOf(problems: readonly Problem[]): string {
  const [first] = problems;
  if (!first) return '';
  const more = problems.length - 1;
  return `${first.path}: ${first.message}${more > 0 ? ` (and ${plural(more, 'more problem')})` : ''}`;
}

/** One line per problem, `path: message`, as the CLI and the console print them. */
export function formatProblems(problems: readonly Problem[], omitted = 0): string[] {
  const lines = problems.map((p) => `${p.path}: ${p.message}`);
  if (omitted > 0) lines.push(`… and ${plural(omitted, 'more problem')}`);
  return lines;
}

/** A value in a few words: `text`, `a list`, `the number 5`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return 'text';
    case 'number':
    case 'bigint':
      return `the number ${String(value)}`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    default:
      return `a ${typeof value}`;
  }
}

/** An object that is not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sorts a few problems into document order (list items by index, fields in
 * the order the document writes them, missing fields after the present ones,
 * problems of one field in the order found) and drops exact repeats.
 */
export function sortProblems(problems: readonly Problem[], input: unknown): Problem[] {
  if (problems.length < 2) return [...problems];
  const keyed = problems.map((problem, found) => ({ problem, found, keys: problem.keys }));
  const rank = (parent: unknown, key: PathKey): number => {
    if (typeof key === 'number') return key;
    const keys = isRecord(parent) ? Object.keys(parent) : [];
    const index = keys.indexOf(key);
    return index === -1 ? keys.length : index;
  };
  keyed.sort((a, b) => {
    let parent = input;
    for (let i = 0; i < Math.min(a.keys.length, b.keys.length); i++) {
      const x = a.keys[i]!;
      const y = b.keys[i]!;
      if (x !== y) return rank(parent, x) - rank(parent, y) || String(x).localeCompare(String(y));
      parent = isRecord(parent) || Array.isArray(parent) ? (parent as Record<PathKey, unknown>)[x] : undefined;
    }
    return a.keys.length - b.keys.length || a.found - b.found;
  });
  const seen = new Set<string>();
  return keyed
    .map(({ problem }) => problem)
    .filter((problem) => {
      const key = `${problem.path}\n${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
