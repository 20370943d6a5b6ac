/**
 * The one walk over a bundle: the bundle-level fields once, each item once
 * with its own schema (declared in schema.ts) and then the rules across the
 * bundle (cross-references.ts), every problem in document order, and on the
 * way each unknown field (unknown-fields.ts). Validation and salvage both read
 * what it finds.
 */
import * as v from 'valibot';
import { emptyRecord, finish, holdsMoreThan, MAX_VALUES, ownData, ownDataSteps, TooLargeError, type OwnRecord } from './own-data.js';
import { fieldsSchema, ID_PATTERN, ITEM_SCHEMAS, MAX_ITEM_DETAIL, MAX_PROBLEMS, SCHEMA_VERSION } from './schema.js';
import { collectIds, crossProblems, reviewOrder, type Ids } from './cross-references.js';
import { ITEM_KINDS, type ItemKind } from './item-kinds.js';
import { isRecord, problemAt, reasonOf, sortProblems, type PathKey, type Problem, type ProblemCode, type Warning } from './problem.js';
import { addUnknownFields } from './unknown-fields.js';


/** A problem for each list of `doc` that is present but not a list. */
function notLists(doc: OwnRecord): Problem[] {
  const problems: Problem[] = [];
  for (const kind of ITEM_KINDS) {
    const list = doc[kind];
    if (list !== undefined && !Array.isArray(list)) problems.push(problemAt([kind], 'type', { expected: 'array' }, list));
  }
  return problems;
}

/** True for a `schemaVersion` that is an integer newer than this code reads. */
function isNewer(version: unknown): version is number {
  return Number.isInteger(version) && (version as number) > SCHEMA_VERSION;
}

/** The problem of a `schemaVersion` that is missing, newer, or not a version. */
function versionProblem(input: unknown): Problem {
  const keys = ['schemaVersion'];
  if (input === undefined) return problemAt(keys, 'required');
  const expected = String(SCHEMA_VERSION);
  if (isNewer(input)) {
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
    // valibot's names of the types the schema expects (`string`, `Object`, `Array`) in lower case are JSON Schema's.
    return problemAt(keys, 'type', { expected: (issue.expected ?? '').toLowerCase() }, issue.input);
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

/** The schema of each bundle-level field, by name (a null-prototype object: `in` finds only them). */
const FIELD_SCHEMAS: v.ObjectEntries = fieldsSchema.entries;

/**
 * The fields a bundle may have, its lists included, for its own unknown
 * fields: bundleSchema's, but from parts the script has anyway (bundleSchema
 * would add 34 B gzip to the elements' script).
 */
const BUNDLE_SHAPE = v.object(Object.assign(emptyRecord(), FIELD_SCHEMAS, ITEM_SCHEMAS));

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
  ids: Ids;
  /** Every problem in document order, up to `MAX_PROBLEMS`. */
  problems: Problem[];
  omitted: number;
  /** Each field the schema does not know (the elements ignore it), in document order, up to `MAX_PROBLEMS`. */
  warnings: Warning[];
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
  constructor(
    readonly index: number,
    readonly kind: ItemKind,
    private readonly value: unknown,
    private readonly cross: readonly Problem[],
    id?: string,
  ) {
    if (id !== undefined) this.id = id;
  }
  /** Worked out on first read, then kept as the item's own value (no private field: the script ships no helper for one). */
  get problems(): Problem[] {
    const problems = this.first();
    Object.defineProperty(this, 'problems', { value: problems });
    return problems;
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
function* inspectList(doc: OwnRecord, kind: ItemKind, list: unknown[], found: Inspection, collector: Collector, keepAll: boolean): Generator<void, void> {
  const schema = ITEM_SCHEMAS[kind];
  const out = found.items[kind];
  const listKeys = [kind];
  for (let index = 0; index < list.length; index++) {
    if (index % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const value = list[index];
    const id = isRecord(value) && typeof value.id === 'string' ? value.id : undefined;
    if (isRecord(value)) addUnknownFields(found.warnings, schema, value, listKeys, index, id);
    if (collector.full && surelyInvalid(kind, value)) {
      const cross = isRecord(value) ? crossProblems(doc.reviewedOn, found.ids, kind, index, value, 1) : NO_PROBLEMS;
      collector.omitted += 1 + cross.length;
      if (keepAll) out.invalid.push(new LateInvalid(index, kind, value, cross, id));
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
  return { blocking: [], items, ids, problems: [], omitted: 0, warnings: [] };
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
  return finish(inspectSteps(input, keepAll));
}

/** Items checked between two pauses of `inspectSteps`. */
const ITEMS_PER_STEP = 1024;

/** `inspectBundle` in steps (see `finishSliced` in own-data.ts): the same work in the same order, with pauses. */
export function* inspectSteps(input: unknown, keepAll = true): Generator<void, Inspection> {
  if (!isRecord(input)) return blocked(problemAt([], 'type', { expected: 'object' }, input));
  try {
    const doc = (yield* ownDataSteps(input)) as OwnRecord;
    if (isNewer(doc.schemaVersion)) return blocked(versionProblem(doc.schemaVersion));
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
    addUnknownFields(found.warnings, BUNDLE_SHAPE, doc, [], undefined, undefined, true);
    for (const key of Object.keys(doc)) {
      collector.add(byKey.get(key) ?? []);
      byKey.delete(key);
      const value = doc[key];
      if (isItemKind(key)) {
        if (Array.isArray(value)) yield* inspectList(doc, key, value, found, collector, keepAll);
      } else if (key in FIELD_SCHEMAS) addUnknownFields(found.warnings, FIELD_SCHEMAS[key]!, value, [], key);
    }
    for (const rest of byKey.values()) collector.add(rest);
    found.problems = collector.problems;
    found.omitted = collector.omitted;
    // fieldsSchema has no lists: its output is the bundle-level fields only.
    if (fields.success && fieldProblems.length === 0) found.fields = ownData(fields.output) as OwnRecord;
    return found;
  } catch (error) {
    return blocked(error instanceof TooLargeError ? problemAt([], 'too-large', { expected: String(MAX_VALUES) }) : problemAt([], 'unreadable'));
  }
}
