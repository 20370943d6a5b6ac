/**
 * The one schema of a content bundle. The TypeScript types, the runtime
 * validator (used by the elements, the loader, the preview page and the CLI)
 * and the published JSON Schema (`bundleJsonSchema()` in json-schema.ts) all
 * come from this file.
 *
 * Rules that JSON Schema can express (types, required fields, patterns) live
 * in the valibot schema; rules across the document (duplicate ids, references,
 * review dates in order) run per item in `inspectBundle`.
 */
import * as v from 'valibot';
import { emptyRecord, holdsMoreThan, ownData, TooLargeError, type OwnRecord } from './own-data.js';
import { describe, formatPath, isRecord, problemAt, reasonOf, sortProblems, type PathKey, type Problem } from './problem.js';

export { formatPath, formatProblems, problemAt, type PathKey, type Problem } from './problem.js';

/** The newest `schemaVersion` this code understands. */
export const SCHEMA_VERSION = 1;

/** Most problems reported for one bundle; past them each item is only checked until its first problem. */
export const MAX_PROBLEMS = 100;

/** Most values in an item checked for every problem; a bigger item reports its first problem only. */
export const MAX_ITEM_DETAIL = 2000;

/**
 * An http(s) URL, or a relative one: no whitespace or control characters, and
 * either an `http:`/`https:` scheme or none at all. Without whitespace, what
 * looks like a scheme here is exactly what a browser's URL parser takes as one,
 * so `javascript:`, `data:` and `java\tscript:` are all rejected.
 */
export const URL_PATTERN =
  /^(?:[hH][tT][tT][pP][sS]?:|(?![a-zA-Z][a-zA-Z0-9+.-]*:))[^\s\u0000-\u001f\u007f]+$/;
/**
 * Text that shows something: at least one character that is not white space
 * nor an invisible format, filler, or bidi-control character (zero-width
 * space, word joiner, soft hyphen, Hangul filler, blank Braille, U+202E...).
 */
export const VISIBLE_TEXT_PATTERN =
  /[^\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0]/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const LOCALE_PATTERN = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

const MSG = {
  url: 'must be an https:, http: or relative URL',
  date: 'must be a date written YYYY-MM-DD',
  id: "must be an id: a letter or digit, then letters, digits, '-', '_' or '.'",
  empty: 'must not be empty or only spaces',
  visible: 'must contain visible text',
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

/** The calendar check of every date; the JSON Schema writes it as `format: "date"`. */
export const calendarDate = v.check<string, (issue: v.CheckIssue<string>) => string>(
  (value) => !DATE_PATTERN.test(value) || isCalendarDate(value),
  (issue) => `${String(issue.input)} is not a calendar date`,
);

/**
 * A `schemaVersion` this code reads: an integer from 1 to `SCHEMA_VERSION`.
 * One check, not valibot's number/integer/minValue/maxValue (less code in the
 * script; every problem of the field says `versionMessage`). The JSON Schema
 * writes it as `type: "integer", minimum, maximum`.
 */
export const knownVersion = v.check<unknown>(
  (value) => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= SCHEMA_VERSION,
);

const text = v.pipe(
  v.string(),
  v.regex(VISIBLE_TEXT_PATTERN, (issue) => (/\S/.test(String(issue.input)) ? MSG.visible : MSG.empty)),
);
const id = v.pipe(v.string(), v.regex(ID_PATTERN, MSG.id));
const url = v.pipe(v.string(), v.regex(URL_PATTERN, MSG.url));
const date = v.pipe(v.string(), v.regex(DATE_PATTERN, MSG.date), calendarDate);
const textList = v.array(text);

/**
 * Entries in a null-prototype object: valibot walks them with for-in, which
 * would otherwise also visit what a page added to `Object.prototype`.
 */
/* @__NO_SIDE_EFFECTS__ */
function entries<const E extends v.ObjectEntries>(map: E): E {
  return Object.assign(Object.create(null) as E, map);
}

/** `v.object`, which also takes arrays, preceded by a check that the value is not one. */
/* @__NO_SIDE_EFFECTS__ */
function record<const E extends v.ObjectEntries>(map: E) {
  return v.pipe(
    v.unknown(),
    v.check((value) => !Array.isArray(value), 'must be an object, not a list'),
    v.object(entries(map)),
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

/** The review record an item may carry; its fields override the bundle's (SPEC section 4). */
const review = {
  reviewedOn: v.optional(date),
  reviewedBy: v.optional(text),
  nextReviewOn: v.optional(date),
};

const therapy = record({
  id,
  name: text,
  brandNames: v.optional(textList),
  drugClass: v.optional(text),
  target: v.optional(text),
  summary: v.optional(text),
  howItWorks: v.optional(textList),
  howItIsGiven: v.optional(textList),
  whoItIsFor: v.optional(text),
  keyPoints: v.optional(textList),
  risks: v.optional(textList),
  sources: v.optional(v.array(source)),
  ...review,
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
  ...review,
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
  context: v.optional(text),
  therapyIds: v.optional(idList),
  articleId: v.optional(id),
  source: v.optional(source),
});

/** The bundle-level fields: a problem in any of them makes the whole bundle unusable. */
const bundleFields = {
  schemaVersion: v.pipe(v.unknown(), knownVersion),
  id,
  locale: v.optional(v.pipe(v.string(), v.regex(LOCALE_PATTERN, MSG.locale), v.check(isLocale, MSG.locale))),
  title: text,
  publisher: record({ name: text, url: v.optional(url) }),
  reviewedOn: date,
  reviewedBy: v.optional(text),
  nextReviewOn: v.optional(date),
  disclaimer: text,
};

/** The bundle schema (version 1). Unknown fields are accepted and dropped. */
export const bundleSchema = v.object(
  entries({
    ...bundleFields,
    therapies: v.optional(v.array(therapy), []),
    articles: v.optional(v.array(article), []),
    experts: v.optional(v.array(expert), []),
    quotes: v.optional(v.array(quote), []),
  }),
);

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

/** The bundle-level fields; the lists are checked apart (`notLists`), without a walk over their items. */
const fieldsSchema = v.object(entries(bundleFields));
/** The schema of one item of each list. */
const ITEM_SCHEMAS = { therapies: therapy, articles: article, experts: expert, quotes: quote } as const;

export type ValidationResult =
  | { ok: true; bundle: Bundle; problems: [] }
  | {
      ok: false;
      problems: Problem[];
      /** Problems found beyond `MAX_PROBLEMS` (past the cap, an item counts only the problems found before its first). */
      omitted: number;
    };

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  Object: 'an object',
  Array: 'a list',
};

/** Turns valibot's generic type and key messages into sentences for editors. */
function schemaMessage(issue: v.BaseIssue<unknown>): string {
  const lastKey = issue.path?.[issue.path.length - 1]?.key;
  if (issue.type === 'object' && issue.input === undefined && typeof lastKey === 'string') {
    return 'is required';
  }
  const expected = issue.expected ?? '';
  const wanted = Object.hasOwn(TYPE_NAMES, expected) ? TYPE_NAMES[expected] : issue.expected;
  return `must be ${wanted}, not ${describe(issue.input)}`;
}

/** A problem for each list of `doc` that is present but not a list, in the words valibot's `array` gets. */
function notLists(doc: OwnRecord): Problem[] {
  const problems: Problem[] = [];
  for (const kind of ITEM_KINDS) {
    const list = doc[kind];
    if (list !== undefined && !Array.isArray(list)) problems.push(problemAt([kind], `must be ${TYPE_NAMES.Array}, not ${describe(list)}`));
  }
  return problems;
}

/** The message for a `schemaVersion` that is missing, newer, or not a version. */
function versionMessage(input: unknown): string {
  if (input === undefined) return 'is required';
  if (typeof input === 'number' && Number.isInteger(input) && input > SCHEMA_VERSION) {
    return `schemaVersion ${input} is newer than this widget supports (${SCHEMA_VERSION})`;
  }
  return `must be ${SCHEMA_VERSION} (the schema version), not ${describe(input)}`;
}

/** A valibot issue as a problem, its path under `prefix` (the item's place in the bundle). */
function toProblem(issue: v.BaseIssue<unknown>, prefix: readonly PathKey[] = []): Problem {
  const keys = [...prefix, ...(issue.path ?? []).map((item) => item.key as PathKey)];
  if (keys.length === 1 && keys[0] === 'schemaVersion') return problemAt(keys, versionMessage(issue.input));
  return problemAt(keys, issue.kind === 'schema' ? schemaMessage(issue) : issue.message);
}

function isItemKind(key: string): key is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(key);
}

/** Each list's item, in words. */
export const NOUNS: Record<ItemKind, string> = { therapies: 'therapy', articles: 'article', experts: 'expert', quotes: 'quote' };
const ABORT_EARLY = { abortEarly: true } as const;

/** An item that passed every check, as a null-prototype copy. */
export interface ValidItem {
  index: number;
  output: OwnRecord;
}

/** An item with problems: all of them while under `MAX_PROBLEMS`, else the first (worked out when first read). */
export interface InvalidItem {
  index: number;
  id?: string;
  readonly problems: Problem[];
}

/** What `inspectBundle` found: the shared ground of `validateBundle` and `salvageBundle`. */
export interface Inspection {
  /** Problems outside any item: nothing of the bundle can be shown. */
  blocking: Problem[];
  /** The checked bundle-level fields (lists left out), when nothing blocks. */
  fields?: OwnRecord;
  items: Record<ItemKind, { valid: ValidItem[]; invalid: InvalidItem[] }>;
  /** For each list, every string id and the index it is first seen at. */
  ids: Record<ItemKind, Map<string, number>>;
  /** Every problem in document order, up to `MAX_PROBLEMS`. */
  problems: Problem[];
  omitted: number;
}

/** Gathers problems in document order up to `MAX_PROBLEMS`, and counts the rest. */
class Collector {
  problems: Problem[] = [];
  omitted = 0;
  get full(): boolean {
    return this.problems.length >= MAX_PROBLEMS;
  }
  add(problems: readonly Problem[], uncounted = 0): void {
    for (const problem of problems) {
      if (this.full) this.omitted++;
      else this.problems.push(problem);
    }
    this.omitted += uncounted;
  }
}

/** A review's next date that comes before the review itself. */
function reviewOrder(next: unknown, reviewed: unknown, keys: PathKey[]): Problem[] {
  if (typeof next !== 'string' || typeof reviewed !== 'string') return [];
  if (!isCalendarDate(next) || !isCalendarDate(reviewed) || next >= reviewed) return [];
  return [problemAt(keys, `must not be before the review it follows (reviewedOn ${reviewed})`)];
}

function collectIds(doc: OwnRecord): Record<ItemKind, Map<string, number>> {
  const ids = {} as Record<ItemKind, Map<string, number>>;
  for (const kind of ITEM_KINDS) {
    const found = new Map<string, number>();
    const list = doc[kind];
    if (Array.isArray(list)) {
      for (let index = 0; index < list.length; index++) {
        const item: unknown = list[index];
        if (isRecord(item) && typeof item.id === 'string' && !found.has(item.id)) found.set(item.id, index);
      }
    }
    ids[kind] = found;
  }
  return ids;
}

/**
 * Adds to `problems` (while under `limit`) that `value`, a reference found
 * under `parent` at `key` (else at `field`), names no item of `target`.
 */
function reference(
  problems: Problem[],
  limit: number,
  ids: Inspection['ids'],
  value: unknown,
  target: ItemKind,
  field: string,
  parent: PathKey[],
  key: PathKey = field,
): void {
  if (typeof value === 'string' && !ids[target].has(value) && problems.length < limit) {
    problems.push(problemAt([...parent, key], `${field} '${value}' does not match any ${NOUNS[target]}`));
  }
}

/**
 * The problems of one item that its schema cannot see: a duplicate id,
 * references to ids that do not exist, review dates out of order. At most
 * `limit` of them.
 */
function crossProblems(
  bundleReviewedOn: unknown,
  ids: Inspection['ids'],
  kind: ItemKind,
  index: number,
  item: OwnRecord,
  limit: number,
): Problem[] {
  const problems: Problem[] = [];
  const first = typeof item.id === 'string' ? ids[kind].get(item.id) : undefined;
  if (first !== undefined && first !== index) {
    problems.push(problemAt([kind, index, 'id'], `duplicate id '${String(item.id)}' (also at ${formatPath([kind, first])})`));
  }
  if (kind === 'quotes') {
    reference(problems, limit, ids, item.expertId, 'experts', 'expertId', [kind, index]);
    reference(problems, limit, ids, item.articleId, 'articles', 'articleId', [kind, index]);
  }
  const therapyIds = item.therapyIds;
  if ((kind === 'articles' || kind === 'quotes') && Array.isArray(therapyIds)) {
    for (let i = 0; i < therapyIds.length && problems.length < limit; i++) {
      reference(problems, limit, ids, therapyIds[i], 'therapies', 'therapyId', [kind, index, 'therapyIds'], i);
    }
  }
  if (kind === 'therapies' || kind === 'articles') {
    const reviewed = item.reviewedOn === undefined ? bundleReviewedOn : item.reviewedOn;
    problems.push(...reviewOrder(item.nextReviewOn, reviewed, [kind, index, 'nextReviewOn']));
  }
  return problems.slice(0, limit);
}

/** The one problem of an item that is not an object, found without running the schema. */
function notAnObject(kind: ItemKind, index: number, value: unknown): Problem {
  return problemAt([kind, index], `must be an object, not ${describe(value)}`);
}

/** The required fields of each item kind (all text): an item without one of them is invalid for sure. */
const REQUIRED = Object.fromEntries(
  ITEM_KINDS.map((kind) => {
    const entries = (ITEM_SCHEMAS[kind].pipe[2] as v.ObjectSchema<v.ObjectEntries, undefined>).entries;
    return [kind, Object.keys(entries).filter((key) => entries[key]!.type !== 'optional')];
  }),
) as unknown as Record<ItemKind, readonly string[]>;

/** True when `value` cannot pass its schema, found without running it: not an object, or a required field not text, or a bad id. */
function surelyInvalid(kind: ItemKind, value: unknown): boolean {
  if (!isRecord(value) || typeof value.id !== 'string' || !ID_PATTERN.test(value.id)) return true;
  for (const key of REQUIRED[kind]) if (typeof value[key] !== 'string') return true;
  return false;
}

/** Sorts an item's problems by where the item writes its fields. */
function sortItemProblems(problems: Problem[], kind: ItemKind, index: number, item: unknown): Problem[] {
  return sortProblems(problems, { [kind]: { [index]: item } });
}

/**
 * An invalid item past `MAX_PROBLEMS` (salvage), also the hidden item that
 * salvage lists: its first problem is worked out only when read, as the eager
 * pass would have found it (from the checked copy, so the same words). Past
 * the cap a hostile bundle's 200,000 items cost a verdict each, not a
 * formatted problem.
 */
export class LateInvalid implements InvalidItem {
  declare id?: string;
  #problems?: Problem[];
  constructor(
    readonly index: number,
    readonly kind: ItemKind,
    private readonly value: unknown,
    private readonly cross: readonly Problem[],
  ) {
    if (isRecord(value) && typeof value.id === 'string') this.id = value.id;
  }
  get problems(): Problem[] {
    this.#problems ??= this.first();
    return this.#problems;
  }
  /** The problem in one line, as salvage words the reason of every hidden item. */
  get reason(): string {
    return reasonOf(this.problems);
  }
  private first(): Problem[] {
    const { kind, index, value } = this;
    if (!isRecord(value)) return [notAnObject(kind, index, value)];
    const issues = v.safeParse(ITEM_SCHEMAS[kind], value, ABORT_EARLY).issues ?? [];
    const own = issues.map((issue) => toProblem(issue, [kind, index]));
    return sortItemProblems([...own, ...this.cross], kind, index, value).slice(0, 1);
  }
}

const NO_PROBLEMS: readonly Problem[] = [];

/**
 * Checks every item of one list once, in order, into `found` and `collector`.
 * With `keepAll` false, an invalid item past the cap is only counted. Past the
 * cap an item that is invalid for sure skips its schema (see `surelyInvalid`).
 */
function inspectList(doc: OwnRecord, kind: ItemKind, list: unknown[], found: Inspection, collector: Collector, keepAll: boolean): void {
  const schema = ITEM_SCHEMAS[kind];
  const out = found.items[kind];
  for (let index = 0; index < list.length; index++) {
    const value = list[index];
    if (collector.full && surelyInvalid(kind, value)) {
      const cross = isRecord(value) ? crossProblems(doc.reviewedOn, found.ids, kind, index, value, 1) : NO_PROBLEMS;
      collector.omitted += 1 + cross.length;
      if (keepAll) out.invalid.push(new LateInvalid(index, kind, value, cross));
      continue;
    }
    if (!isRecord(value)) {
      const problems = [notAnObject(kind, index, value)];
      collector.add(problems);
      out.invalid.push({ index, problems });
      continue;
    }
    let result = v.safeParse(schema, value, ABORT_EARLY);
    const cross = crossProblems(doc.reviewedOn, found.ids, kind, index, value, collector.full ? 1 : MAX_PROBLEMS);
    if (result.success && cross.length === 0) {
      out.valid.push({ index, output: ownData(result.output) as OwnRecord });
      continue;
    }
    if (!keepAll && collector.full) {
      collector.omitted += (result.issues?.length ?? 0) + cross.length;
      continue;
    }
    const detailed = !collector.full && !holdsMoreThan(value, MAX_ITEM_DETAIL);
    if (detailed && !result.success) result = v.safeParse(schema, value);
    const own = (result.issues ?? []).map((issue) => toProblem(issue, [kind, index]));
    const all = sortItemProblems([...own, ...cross], kind, index, value);
    const problems = detailed ? all : all.slice(0, 1);
    collector.add(problems, all.length - problems.length);
    const id = typeof value.id === 'string' ? value.id : undefined;
    out.invalid.push(id === undefined ? { index, problems } : { index, id, problems });
  }
}

function emptyInspection(): Inspection {
  const items = {} as Inspection['items'];
  const ids = {} as Inspection['ids'];
  for (const kind of ITEM_KINDS) {
    items[kind] = { valid: [], invalid: [] };
    ids[kind] = new Map();
  }
  return { blocking: [], items, ids, problems: [], omitted: 0 };
}

function blocked(problem: Problem): Inspection {
  return { ...emptyInspection(), blocking: [problem], problems: [problem] };
}

/**
 * Checks a bundle in one pass: the bundle-level fields once, each item once
 * with its own schema, the ids across the lists once. Never throws. The cost is
 * linear in the input: past `MAX_PROBLEMS`, and in items bigger than
 * `MAX_ITEM_DETAIL` values, an item is checked only until its first problem.
 * With `keepAll` (salvage), every invalid item is listed with at least its
 * first problem; without it (validation), items past the cap are only counted.
 */
export function inspectBundle(input: unknown, keepAll = true): Inspection {
  if (!isRecord(input)) return blocked(problemAt([], `must be a JSON object, not ${describe(input)}`));
  try {
    const doc = ownData(input) as OwnRecord;
    if (typeof doc.schemaVersion === 'number' && Number.isInteger(doc.schemaVersion) && doc.schemaVersion > SCHEMA_VERSION) {
      return blocked(problemAt(['schemaVersion'], versionMessage(doc.schemaVersion)));
    }
    const found = emptyInspection();
    found.ids = collectIds(doc);
    const fields = v.safeParse(fieldsSchema, doc);
    const fieldProblems = sortProblems(
      [...(fields.issues ?? []).map((issue) => toProblem(issue)), ...notLists(doc), ...reviewOrder(doc.nextReviewOn, doc.reviewedOn, ['nextReviewOn'])],
      doc,
    );
    found.blocking = fieldProblems;
    const byKey = new Map<PathKey, Problem[]>();
    for (const problem of fieldProblems) byKey.set(problem.keys[0]!, [...(byKey.get(problem.keys[0]!) ?? []), problem]);
    const collector = new Collector();
    for (const key of Object.keys(doc)) {
      collector.add(byKey.get(key) ?? []);
      byKey.delete(key);
      const list = doc[key];
      if (isItemKind(key) && Array.isArray(list)) inspectList(doc, key, list, found, collector, keepAll);
    }
    for (const rest of byKey.values()) collector.add(rest);
    found.problems = collector.problems;
    found.omitted = collector.omitted;
    if (fields.success && fieldProblems.length === 0) found.fields = withoutLists(fields.output);
    return found;
  } catch (error) {
    const reason = error instanceof TooLargeError ? `is too large to check: it ${error.message}` : 'could not be read as data';
    return blocked(problemAt([], reason));
  }
}

function withoutLists(output: object): OwnRecord {
  const fields = emptyRecord();
  for (const [key, value] of Object.entries(output)) if (!isItemKind(key)) fields[key] = ownData(value);
  return fields;
}

/** A bundle of null-prototype objects from checked fields and items: nothing reads through to `Object.prototype`. */
export function assembleBundle(fields: OwnRecord, lists: Record<ItemKind, readonly OwnRecord[]>): Bundle {
  const bundle = emptyRecord();
  for (const key of Object.keys(fields)) bundle[key] = fields[key];
  for (const kind of ITEM_KINDS) bundle[kind] = [...lists[kind]];
  return bundle as unknown as Bundle;
}

/**
 * Validates any value as a bundle. Never throws, and is not fooled by what a
 * page adds to `Object.prototype`: returns the typed bundle (null-prototype
 * objects), or the problems found (up to `MAX_PROBLEMS`), each with its JSON path.
 */
export function validateBundle(input: unknown): ValidationResult {
  const found = inspectBundle(input, false);
  if (found.problems.length > 0 || found.omitted > 0 || !found.fields) {
    return { ok: false, problems: found.problems, omitted: found.omitted };
  }
  const lists = {} as Record<ItemKind, OwnRecord[]>;
  for (const kind of ITEM_KINDS) lists[kind] = found.items[kind].valid.map((item) => item.output);
  return { ok: true, bundle: assembleBundle(found.fields, lists), problems: [] };
}
