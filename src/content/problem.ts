/**
 * Problems and warnings found in a bundle: where (keys, and a JSON path
 * derived from them), what (a stable machine `code` with a few facts), and
 * the words for it. Every message of validation, salvage and the review
 * warnings is worded here, from the code and its facts, and nowhere else.
 */
import type { ItemKind } from './item-kinds.js';

/** One step of a JSON path: an object key or a list index. */
export type PathKey = string | number;

/**
 * What is wrong, stable across versions, for code that words a problem its
 * own way (the preview's editor copy). The facts each code carries are in
 * brackets.
 */
export type ProblemCode =
  /** A value of the wrong kind [`expected`: `string`, `number`, `object` or `array`]. */
  | 'type'
  /** A required field is missing. */
  | 'required'
  /** Text that is empty or only white space. */
  | 'empty'
  /** Text with no visible character (only zero-width or invisible characters). */
  | 'invisible'
  /** A URL whose scheme is not `https:` or `http:`, or that holds spaces or control characters. */
  | 'url'
  /** A date not written YYYY-MM-DD. */
  | 'date'
  /** A YYYY-MM-DD date that names no day in the calendar [`value`: the date]. */
  | 'calendar-date'
  /** An id with a character an id cannot have. */
  | 'id'
  /** A `locale` that is not a language tag. */
  | 'locale'
  /** A `schemaVersion` that is not a version [`expected`: the version this code reads]. */
  | 'schema-version'
  /** A `schemaVersion` newer than this code reads [`value`: it; `expected`: the newest this code reads]. */
  | 'newer-version'
  /** A second item with an id already used in its list [`value`: the id; `refers`: the first item]. */
  | 'duplicate-id'
  /** A reference to an id no item has [`value`: the id; `refers`: the list it should name an item of]. */
  | 'unknown-reference'
  /** A `nextReviewOn` before the review it follows [`value`: that `reviewedOn`]. */
  | 'review-order'
  /** An item hidden because an item it needs is hidden [`value`: that item's id; `refers`: that item]. */
  | 'hidden-dependency'
  /** A document with more values than the validator reads [`expected`: the limit]. */
  | 'too-large'
  /** A document that throws when read (a hostile Proxy). */
  | 'unreadable';

/** What an editor should know about a bundle without it being an error (`--strict` fails on them). */
export type WarningCode =
  /**
   * A field the schema does not know, ignored by the elements [`value`: its
   * name; `expected`: the closest known field; `item`: the id of the item
   * that holds it]. Its `keys` lead to the object that holds it.
   */
  | 'unknown-field'
  /** A therapy or article past its next review [`value`: the day it was due; `expected`: its last review]. */
  | 'review-due'
  /** An article without a `url`: its teaser leads nowhere. */
  | 'no-link';

/** Facts of a problem, by code (see `ProblemCode`). */
export interface Facts {
  value?: string;
  expected?: string;
  refers?: readonly PathKey[];
  item?: string;
}

/** One thing wrong with a bundle: where (a JSON path), what (`code`) and in words, for an editor. */
export interface Problem<Code extends string = ProblemCode> extends Facts {
  /** JSON path such as `therapies[1].sources[0].url`; `(root)` for the document itself. */
  path: string;
  /** The same path as keys, `['therapies', 1, 'sources', 0, 'url']`; empty for the root. Never parse `path`. */
  keys: readonly PathKey[];
  code: Code;
  message: string;
}

/** A warning: where, what and in words, like a problem. */
export type Warning = Problem<WarningCode>;

/** Each list's item, in words. */
export const NOUNS: Record<ItemKind, string> = { therapies: 'therapy', articles: 'article', experts: 'expert', quotes: 'quote' };

const TYPE_NAMES: Record<string, string> = { string: 'text', number: 'a number', object: 'an object', array: 'a list' };

/** The words for a problem's `code` with `facts`; `found` is the value found, for the codes that describe it. */
function words(keys: readonly PathKey[], code: ProblemCode, facts: Facts, found: unknown): string {
  const { value, expected = '', refers = [] } = facts;
  switch (code) {
    case 'type':
      return `must be ${keys.length === 0 ? 'a JSON object' : (TYPE_NAMES[expected] ?? expected)}, not ${describe(found)}`;
    case 'required':
      return 'is required';
    case 'empty':
      return 'must not be empty or only spaces';
    case 'invisible':
      return 'must contain visible text';
    case 'url':
      return 'must be an https:, http: or relative URL';
    case 'date':
      return 'must be a date written YYYY-MM-DD';
    case 'calendar-date':
      return `${value} is not a calendar date`;
    case 'id':
      return "must be an id: a letter or digit, then letters, digits, '-', '_' or '.'";
    case 'locale':
      return 'must be a language tag such as "en" or "es-MX"';
    case 'schema-version':
      return `must be ${expected} (the schema version), not ${describe(found)}`;
    case 'newer-version':
      return `schemaVersion ${value} is newer than this widget supports (${expected})`;
    case 'duplicate-id':
      return `duplicate id '${value}' (also at ${formatPath(refers)})`;
    case 'unknown-reference': {
      const noun = NOUNS[refers[0] as ItemKind];
      const last = keys[keys.length - 1];
      return `${typeof last === 'string' ? last : `${noun}Id`} '${value}' does not match any ${noun}`;
    }
    case 'review-order':
      return `must not be before the review it follows (reviewedOn ${value})`;
    case 'hidden-dependency':
      return `hidden because its ${NOUNS[refers[0] as ItemKind]} '${value}' (${formatPath(refers)}) is hidden`;
    case 'too-large':
      return `is too large to check: it holds more than ${expected} values`;
    case 'unreadable':
      return 'could not be read as data';
  }
}

/** The words for a warning's `code` with `facts` (apart from `words`: the page's script makes no warning, so it ships none of these). */
function warningWords(code: WarningCode, { value, expected }: Facts): string {
  switch (code) {
    case 'unknown-field':
      return `unknown field '${value}'${expected ? ` (did you mean '${expected}'?)` : ''}`;
    case 'review-due':
      return `is due for review since ${value} (last reviewed ${expected})`;
    case 'no-link':
      return 'is missing: the teaser leads nowhere';
  }
}

/** Builds a problem from its keys, code and facts: the path and the words are derived from them. */
export function problemAt<Code extends ProblemCode>(keys: readonly PathKey[], code: Code, facts: Facts = {}, found?: unknown): Problem<Code> {
  return { path: formatPath(keys), keys, code, ...facts, message: words(keys, code, facts, found) };
}

/** Builds a warning from its keys, code and facts, as `problemAt` builds a problem. */
export function warningAt(keys: readonly PathKey[], code: WarningCode, facts: Facts = {}): Warning {
  return { path: formatPath(keys), keys, code, ...facts, message: warningWords(code, facts) };
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

/**
 * A problem or warning in one line, `path: message`, the path followed by the
 * item's id when it names one: `therapies[0] (car-t): unknown field 'whoItsFor' (did you mean 'whoItIsFor'?)`.
 */
export function lineOf(problem: Problem<string>): string {
  return `${problem.path}${problem.item === undefined ? '' : ` (${problem.item})`}: ${problem.message}`;
}

/** The first of `problems` in one line (`path: message`), and how many more. */
export function reasonOf(problems: readonly Problem[]): string {
  const [first] = problems;
  if (!first) return '';
  const more = problems.length - 1;
  return `${lineOf(first)}${more > 0 ? ` (and ${plural(more, 'more problem')})` : ''}`;
}

/** One line per problem, `path: message`, as the CLI and the console print them. */
export function formatProblems(problems: readonly Problem[], omitted = 0): string[] {
  const lines = problems.map(lineOf);
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
      return `the number ${value}`;
    case 'boolean':
    case 'undefined':
      return String(value);
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
export function sortProblems<P extends Problem<string>>(problems: readonly P[], input: unknown): P[] {
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
      // A text's letters never rank: `rank` reads only the keys of an object.
      parent = (parent as Record<PathKey, unknown> | undefined)?.[x];
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
