/**
 * The one schema of a content bundle. The TypeScript types, the runtime
 * validator (used by the elements, the loader, the preview page and the CLI)
 * and the published JSON Schema (`dist/therapy-bundle.schema.json`, generated
 * at build time from `bundleSchema`) all come from this file.
 *
 * Rules that JSON Schema can express (types, required fields, patterns) live
 * in the valibot schema; rules across the document (duplicate ids, references)
 * run in `crossCheck`, on the raw input, so they are reported even when other
 * parts of the bundle have type errors.
 */
import * as v from 'valibot';

/** The newest `schemaVersion` this code understands. */
export const SCHEMA_VERSION = 1;

/** Most problems reported for one bundle; the rest are counted, not listed. */
export const MAX_PROBLEMS = 100;

/**
 * An http(s) URL, or a relative one: no whitespace or control characters, and
 * either an `http:`/`https:` scheme or none at all. Without whitespace, what
 * looks like a scheme here is exactly what a browser's URL parser takes as one,
 * so `javascript:`, `data:` and `java\tscript:` are all rejected.
 */
export const URL_PATTERN =
  /^(?:[hH][tT][tT][pP][sS]?:|(?![a-zA-Z][a-zA-Z0-9+.-]*:))[^\s\u0000-\u001f\u007f]+$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const MSG = {
  url: 'must be an https:, http: or relative URL',
  date: 'must be a date written YYYY-MM-DD',
  id: "must be an id: a letter or digit, then letters, digits, '-', '_' or '.'",
  empty: 'must not be empty or only spaces',
  locale: 'must be a language tag such as "en" or "es-MX"',
} as const;

/** True when `value` (YYYY-MM-DD) names a day that exists in the calendar. */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

const text = v.pipe(v.string(), v.regex(/\S/, MSG.empty));
const id = v.pipe(v.string(), v.regex(ID_PATTERN, MSG.id));
const url = v.pipe(v.string(), v.regex(URL_PATTERN, MSG.url));
const date = v.pipe(
  v.string(),
  v.regex(DATE_PATTERN, MSG.date),
  v.check(
    (value) => !DATE_PATTERN.test(value) || isCalendarDate(value),
    (issue) => `${String(issue.input)} is not a calendar date`,
  ),
);
const textList = v.array(text);

/** `v.object`, which also takes arrays, preceded by a check that the value is not one. */
function record<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    v.unknown(),
    v.check((value) => !Array.isArray(value), 'must be an object, not a list'),
    v.object(entries),
  );
}
const idList = v.array(id);
const image = record({ src: url, alt: v.string() });

const source = record({
  title: text,
  url: v.optional(url),
  publisher: v.optional(text),
  date: v.optional(date),
});

const therapy = record({
  id,
  name: text,
  brandNames: v.optional(textList),
  drugClass: v.optional(text),
  target: v.optional(text),
  summary: v.optional(text),
  howItWorks: v.optional(textList),
  whoItIsFor: v.optional(text),
  keyPoints: v.optional(textList),
  risks: v.optional(textList),
  sources: v.optional(v.array(source)),
  reviewedOn: v.optional(date),
});

const article = record({
  id,
  kicker: v.optional(text),
  headline: text,
  publishedOn: date,
  summary: v.optional(text),
  takeaways: v.optional(textList),
  url: v.optional(url),
  image: v.optional(image),
  video: v.optional(record({ url, poster: v.optional(url), title: text })),
  therapyIds: v.optional(idList),
});

const expert = record({
  id,
  name: text,
  role: v.optional(text),
  affiliation: v.optional(text),
  url: v.optional(url),
  photo: v.optional(image),
});

const quote = record({
  id,
  expertId: id,
  text,
  therapyIds: v.optional(idList),
  articleId: v.optional(id),
});

/** The bundle schema (version 1). Unknown fields are accepted and dropped. */
export const bundleSchema = v.object({
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SCHEMA_VERSION)),
  id,
  locale: v.optional(v.pipe(v.string(), v.check(isLocale, MSG.locale))),
  title: text,
  publisher: record({ name: text, url: v.optional(url) }),
  reviewedOn: date,
  disclaimer: text,
  therapies: v.optional(v.array(therapy), []),
  articles: v.optional(v.array(article), []),
  experts: v.optional(v.array(expert), []),
  quotes: v.optional(v.array(quote), []),
});

export type Bundle = v.InferOutput<typeof bundleSchema>;
export type Therapy = v.InferOutput<typeof therapy>;
export type Article = v.InferOutput<typeof article>;
export type Expert = v.InferOutput<typeof expert>;
export type Quote = v.InferOutput<typeof quote>;
export type Source = v.InferOutput<typeof source>;
export type Image = v.InferOutput<typeof image>;

/** The lists of a bundle, by the name used in JSON paths. */
export type ItemKind = 'therapies' | 'articles' | 'experts' | 'quotes';
export const ITEM_KINDS: readonly ItemKind[] = ['therapies', 'articles', 'experts', 'quotes'];

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

export type ValidationResult =
  | { ok: true; bundle: Bundle; problems: [] }
  | { ok: false; problems: Problem[]; /** problems found beyond `MAX_PROBLEMS` */ omitted: number };

/** One step of a JSON path: an object key or a list index. */
export type PathKey = string | number;

/** `['therapies', 1, 'url']` → `therapies[1].url`. */
export function formatPath(keys: readonly PathKey[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${key}` : key;
  }
  return out || '(root)';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  Object: 'an object',
  Array: 'a list',
};

function describe(value: unknown): string {
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

/** Turns valibot's generic type and key messages into sentences for editors. */
function schemaMessage(issue: v.BaseIssue<unknown>): string {
  const lastKey = issue.path?.[issue.path.length - 1]?.key;
  if (issue.type === 'object' && issue.input === undefined && typeof lastKey === 'string') {
    return 'is required';
  }
  const wanted = TYPE_NAMES[issue.expected ?? ''] ?? issue.expected;
  return `must be ${wanted}, not ${describe(issue.input)}`;
}

function versionMessage(issue: v.BaseIssue<unknown>): string {
  const input = issue.input;
  if (input === undefined) return 'is required';
  if (typeof input === 'number' && Number.isInteger(input) && input > SCHEMA_VERSION) {
    return `schemaVersion ${input} is newer than this widget supports (${SCHEMA_VERSION})`;
  }
  return `must be ${SCHEMA_VERSION} (the schema version), not ${describe(input)}`;
}

function toProblem(issue: v.BaseIssue<unknown>): Problem {
  const keys = (issue.path ?? []).map((item) => item.key as PathKey);
  if (keys.length === 1 && keys[0] === 'schemaVersion') return problemAt(keys, versionMessage(issue));
  return problemAt(keys, issue.kind === 'schema' ? schemaMessage(issue) : issue.message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownList(bundle: Record<string, unknown>, kind: string): unknown[] {
  const list = Object.hasOwn(bundle, kind) ? bundle[kind] : undefined;
  return Array.isArray(list) ? list : [];
}

/** Every `id` of a list, with the index it was first seen at; duplicates reported. */
function collectIds(list: unknown[], kind: string, problems: Problem[]): Map<string, number> {
  const ids = new Map<string, number>();
  list.forEach((item, index) => {
    if (!isRecord(item) || typeof item.id !== 'string') return;
    const first = ids.get(item.id);
    if (first === undefined) ids.set(item.id, index);
    else {
      problems.push(problemAt([kind, index, 'id'], `duplicate id '${item.id}' (also at ${formatPath([kind, first])})`));
    }
  });
  return ids;
}

/** Duplicate ids within each list and references to ids that do not exist. */
function crossCheck(input: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const ids = {
    therapies: collectIds(ownList(input, 'therapies'), 'therapies', problems),
    articles: collectIds(ownList(input, 'articles'), 'articles', problems),
    experts: collectIds(ownList(input, 'experts'), 'experts', problems),
    quotes: collectIds(ownList(input, 'quotes'), 'quotes', problems),
  };
  const reference = (value: unknown, target: ItemKind, field: string, keys: PathKey[]) => {
    if (typeof value === 'string' && !ids[target].has(value)) {
      const noun = { therapies: 'therapy', articles: 'article', experts: 'expert', quotes: 'quote' }[target];
      problems.push(problemAt(keys, `${field} '${value}' does not match any ${noun}`));
    }
  };
  const therapyRefs = (item: Record<string, unknown>, kind: string, index: number) => {
    const list = item.therapyIds;
    if (!Array.isArray(list)) return;
    list.forEach((ref, i) => reference(ref, 'therapies', 'therapyId', [kind, index, 'therapyIds', i]));
  };
  ownList(input, 'articles').forEach((item, index) => {
    if (isRecord(item)) therapyRefs(item, 'articles', index);
  });
  ownList(input, 'quotes').forEach((item, index) => {
    if (!isRecord(item)) return;
    reference(item.expertId, 'experts', 'expertId', ['quotes', index, 'expertId']);
    reference(item.articleId, 'articles', 'articleId', ['quotes', index, 'articleId']);
    therapyRefs(item, 'quotes', index);
  });
  return problems;
}

/**
 * Sorts problems into document order: list items by index, fields in the order
 * the document writes them (missing fields after the present ones), and
 * problems of one field in the order they were found.
 */
function sortProblems(problems: Problem[], input: unknown): Problem[] {
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

/**
 * Validates any value as a bundle. Never throws: returns the typed bundle, or
 * every problem found (up to `MAX_PROBLEMS`), each with its JSON path.
 */
export function validateBundle(input: unknown): ValidationResult {
  if (!isRecord(input)) {
    return { ok: false, problems: [problemAt([], `must be a JSON object, not ${describe(input)}`)], omitted: 0 };
  }
  const version = Object.hasOwn(input, 'schemaVersion') ? input.schemaVersion : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    const message = `schemaVersion ${version} is newer than this widget supports (${SCHEMA_VERSION})`;
    return { ok: false, problems: [problemAt(['schemaVersion'], message)], omitted: 0 };
  }
  const result = v.safeParse(bundleSchema, input);
  const problems = sortProblems([...(result.issues ?? []).map(toProblem), ...crossCheck(input)], input);
  if (result.success && problems.length === 0) {
    return { ok: true, bundle: result.output, problems: [] };
  }
  return { ok: false, problems: problems.slice(0, MAX_PROBLEMS), omitted: Math.max(0, problems.length - MAX_PROBLEMS) };
}

/** One line per problem, `path: message`, as the CLI and the console print them. */
export function formatProblems(problems: readonly Problem[], omitted = 0): string[] {
  const lines = problems.map((p) => `${p.path}: ${p.message}`);
  if (omitted > 0) lines.push(`… and ${omitted} more problem${omitted === 1 ? '' : 's'}`);
  return lines;
}
