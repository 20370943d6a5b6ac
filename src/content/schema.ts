/**
 * The one schema of a content bundle. The TypeScript types, the runtime
 * validator (used by the elements, the loader, the preview page and the CLI)
 * and the published JSON Schema (`bundleJsonSchema()` in json-schema.ts) all
 * come from this file.
 *
 * Rules that JSON Schema can express (types, required fields, patterns) live
 * in the valibot schema; rules across the document (duplicate ids, references,
 * review dates in order) are in cross-references.ts. The walk that runs both
 * is inspect.ts, and `validateBundle` (validate.ts) sits on top of it.
 */
import * as v from 'valibot';
import type { ProblemCode } from './problem.js';

export { ITEM_KINDS, type ItemKind } from './item-kinds.js';
export { formatPath, formatProblems, NOUNS, problemAt, type PathKey, type Problem, type ProblemCode, type Warning, type WarningCode } from './problem.js';

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
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
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

/** The bundle-level fields; the lists are checked apart (`notLists`), without a walk over their items. */
export const fieldsSchema = v.object(entries(bundleFields));
/** The schema of one item of each list. */
export const ITEM_SCHEMAS = { therapies: therapy, articles: article, experts: expert, quotes: quote } as const;
