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
import { emptyRecord, holdsMoreThan, MAX_VALUES, ownData, TooLargeError, type OwnRecord } from './own-data.js';
import { closest } from './closest.js';
import { isRecord, problemAt, reasonOf, sortProblems, type PathKey, type Problem, type ProblemCode, type Warning } from './problem.js';

export { formatPath, formatProblems, formatWarnings, NOUNS, problemAt, type PathKey, type Problem, type ProblemCode, type Warning, type WarningCode } from './problem.js';

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

/**
 * The message of each check is its problem's code (problem.ts words it), so
 * a valibot issue says which rule it broke.
 */
const CODE = {
  url: 'url',
  date: 'date',
  calendarDate: 'calendar-date',
  id: 'id',
  empty: 'empty',
  invisible: 'invisible',
  locale: 'locale',
  type: 'type',
} as const satisfies Record<string, ProblemCode>;

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
export const calendarDate = v.check<string, string>(
  (value) => !DATE_PATTERN.test(value) || isCalendarDate(value),
  CODE.calendarDate,
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
  v.regex(VISIBLE_TEXT_PATTERN, (issue) => (/\S/.test(String(issue.input)) ? CODE.invisible : CODE.empty)),
);
const id = v.pipe(v.string(), v.regex(ID_PATTERN, CODE.id));
const url = v.pipe(v.string(), v.regex(URL_PATTERN, CODE.url));
const date = v.pipe(v.string(), v.regex(DATE_PATTERN, CODE.date), calendarDate);
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
    v.check((value) => !Array.isArray(value), CODE.type),
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
  locale: v.optional(v.pipe(v.string(), v.regex(LOCALE_PATTERN, CODE.locale), v.check(isLocale, CODE.locale))),
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
  | { ok: true; bundle: Bundle; problems: []; warnings: Warning[] }
  | {
      ok: false;
      problems: Problem[];
      /** Problems found beyond `MAX_PROBLEMS` (past the cap, an item counts only the problems found before its first). */
      omitted: number;
      /** Each unknown field (the elements ignore it), up to `MAX_PROBLEMS` of them. */
      warnings: Warning[];
    };

/** valibot's names of the types it expected, as JSON Schema names them. */
const JSON_TYPES: Record<string, string> = { string: 'string', number: 'number', Object: 'object', Array: 'array' };

/** A problem for each list of `doc` that is present but not a list. */
function notLists(doc: OwnRecord): Problem[] {
  const problems: Problem[] = [];
  for (const kind of ITEM_KINDS) {
    const list = doc[kind];
    if (list !== undefined && !Array.isArray(list)) problems.push(problemAt([kind], 'type', { expected: 'array' }, list));
  }
  return problems;
}

/** The problem of a `schemaVersion` that is missing, newer, or not a version. */
function versionProblem(input: unknown): Problem {
  const keys = ['schemaVersion'];
  if (input === undefined) return problemAt(keys, 'required');
  const expected = String(SCHEMA_VERSION);
  if (typeof input === 'number' && Number.isInteger(input) && input > SCHEMA_VERSION) {
    return problemAt(keys, 'newer-version', { value: String(input), expected });
  }
  return problemAt(keys, 'schema-version', { expected }, input);
}

/** A valibot issue as a problem, its path under `prefix` (the item's place in the bundle). */
function toProblem(issue: v.BaseIssue<unknown>, prefix: readonly PathKey[] = []): Problem {
  const keys = [...prefix, ...(issue.path ?? []).map((item) => item.key as PathKey)];
  if (keys.length === 1 && keys[0] === 'schemaVersion') return versionProblem(issue.input);
  if (issue.kind === 'schema') {
    if (issue.type === 'object' && issue.input === undefined && typeof keys[keys.length - 1] === 'string') return problemAt(keys, 'required');
    const expected = issue.expected ?? '';
    return problemAt(keys, 'type', { expected: Object.hasOwn(JSON_TYPES, expected) ? JSON_TYPES[expected]! : expected }, issue.input);
  }
  const code = issue.message as ProblemCode;
  if (code === 'type') return problemAt(keys, code, { expected: 'object' }, issue.input);
  if (code === 'calendar-date') return problemAt(keys, code, { value: String(issue.input) });
  return problemAt(keys, code);
}

function isItemKind(key: string): key is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(key);
}

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
  /** The checked copy of the input, when it could be read. */
  doc?: OwnRecord;
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
  return [problemAt(keys, 'review-order', { value: reviewed })];
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

/** Adds to `problems` (while under `limit`) that `value`, a reference found at `keys`, names no item of `target`. */
function reference(problems: Problem[], limit: number, ids: Inspection['ids'], value: unknown, target: ItemKind, keys: PathKey[]): void {
  if (typeof value === 'string' && !ids[target].has(value) && problems.length < limit) {
    problems.push(problemAt(keys, 'unknown-reference', { value, refers: [target] }));
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
    problems.push(problemAt([kind, index, 'id'], 'duplicate-id', { value: String(item.id), refers: [kind, first] }));
  }
  if (kind === 'quotes') {
    reference(problems, limit, ids, item.expertId, 'experts', [kind, index, 'expertId']);
    reference(problems, limit, ids, item.articleId, 'articles', [kind, index, 'articleId']);
  }
  const therapyIds = item.therapyIds;
  if ((kind === 'articles' || kind === 'quotes') && Array.isArray(therapyIds)) {
    for (let i = 0; i < therapyIds.length && problems.length < limit; i++) {
      reference(problems, limit, ids, therapyIds[i], 'therapies', [kind, index, 'therapyIds', i]);
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
  return problemAt([kind, index], 'type', { expected: 'object' }, value);
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
  if (!isRecord(input)) return blocked(problemAt([], 'type', { expected: 'object' }, input));
  try {
    const doc = ownData(input) as OwnRecord;
    if (typeof doc.schemaVersion === 'number' && Number.isInteger(doc.schemaVersion) && doc.schemaVersion > SCHEMA_VERSION) {
      return blocked(versionProblem(doc.schemaVersion));
    }
    const found = emptyInspection();
    found.doc = doc;
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
    return blocked(error instanceof TooLargeError ? problemAt([], 'too-large', { expected: String(MAX_VALUES) }) : problemAt([], 'unreadable'));
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
  const warnings = found.doc ? unknownFields(found.doc) : [];
  if (found.problems.length > 0 || found.omitted > 0 || !found.fields) {
    return { ok: false, problems: found.problems, omitted: found.omitted, warnings };
  }
  const lists = {} as Record<ItemKind, OwnRecord[]>;
  for (const kind of ITEM_KINDS) lists[kind] = found.items[kind].valid.map((item) => item.output);
  return { ok: true, bundle: assembleBundle(found.fields, lists), problems: [], warnings };
}

type AnySchema = v.GenericSchema & { wrapped?: AnySchema; item?: AnySchema; entries?: v.ObjectEntries; pipe?: readonly AnySchema[] };

/** The object or array schema under optional and record()'s pipe, or undefined for a value without fields. */
function shapeOf(schema: AnySchema): AnySchema | undefined {
  if (schema.type === 'optional') return shapeOf(schema.wrapped!);
  if (schema.type === 'object' || schema.type === 'array') return schema;
  return schema.pipe?.find((step) => step.type === 'object');
}

/**
 * A warning for each field of `doc` the schema does not know (the elements
 * ignore it), with the closest known field of the same object: an object's
 * own before those of the objects inside it, up to `MAX_PROBLEMS`. A misspelt field must never silently drop content.
 */
export function unknownFields(doc: OwnRecord): Warning[] {
  const warnings: Warning[] = [];
  const stack: [AnySchema, unknown, PathKey[]][] = [[bundleSchema as AnySchema, doc, []]];
  while (stack.length > 0 && warnings.length < MAX_PROBLEMS) {
    const [schema, value, keys] = stack.pop()!;
    const shape = shapeOf(schema);
    const next: [AnySchema, unknown, PathKey[]][] = [];
    if (shape?.type === 'array' && Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) next.push([shape.item!, value[i], [...keys, i]]);
    } else if (shape?.entries && isRecord(value)) {
      const known = Object.keys(shape.entries);
      for (const key of Object.keys(value)) {
        if (Object.hasOwn(shape.entries, key)) next.push([shape.entries[key] as AnySchema, value[key], [...keys, key]]);
        else if (warnings.length < MAX_PROBLEMS) {
          const near = closest(key, known);
          const item = keys.length === 2 && typeof value.id === 'string' ? value.id : undefined;
          warnings.push(problemAt(keys, 'unknown-field', { value: key, ...(near && { expected: near }), ...(item !== undefined && { item }) }));
        }
      }
    }
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
  return warnings;
}
