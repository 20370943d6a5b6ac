/**
 * A problem or warning in words for an editor, not notation: where it is by
 * the item's name and 1-based positions (`Blinatumomab › Sources › 2nd source
 * › link`), then what is wrong (`must start with https:// or http://`). The
 * JSON path stays beside it for developers; the CLI keeps its `path: message`
 * lines (formatProblems). Pure: the bundle as parsed (any shape) is an argument.
 */
import { isRecord, type PathKey } from './problem.js';

/** What is put into words: a problem or warning (problem.ts), with its code and facts. */
export interface Wordable {
  keys: readonly PathKey[];
  message: string;
  code?: string;
  value?: string;
  expected?: string;
  refers?: readonly PathKey[];
}

/** A field's name in words; for a list, also one of its entries (`Sources` › `2nd source`). */
interface FieldWords {
  name: string;
  entry?: string;
}

/** Every field of the schema, in words. */
const FIELDS: Record<string, FieldWords> = {
  schemaVersion: { name: 'schema version' },
  id: { name: 'id' },
  locale: { name: 'language' },
  title: { name: 'title' },
  publisher: { name: 'publisher' },
  reviewedOn: { name: 'reviewed on' },
  reviewedBy: { name: 'reviewed by' },
  nextReviewOn: { name: 'next review' },
  disclaimer: { name: 'disclaimer' },
  therapies: { name: 'Therapies', entry: 'therapy' },
  articles: { name: 'Articles', entry: 'article' },
  experts: { name: 'Experts', entry: 'expert' },
  quotes: { name: 'Quotes', entry: 'quote' },
  name: { name: 'name' },
  brandNames: { name: 'Brand names', entry: 'brand name' },
  drugClass: { name: 'drug class' },
  target: { name: 'target' },
  summary: { name: 'summary' },
  howItWorks: { name: 'How it works', entry: 'paragraph' },
  howItIsGiven: { name: 'How it is given', entry: 'paragraph' },
  whoItIsFor: { name: 'who it is for' },
  keyPoints: { name: 'Key points', entry: 'point' },
  risks: { name: 'Risks', entry: 'risk' },
  sources: { name: 'Sources', entry: 'source' },
  source: { name: 'source' },
  url: { name: 'link' },
  date: { name: 'date' },
  kicker: { name: 'kicker' },
  headline: { name: 'headline' },
  publishedOn: { name: 'publication date' },
  takeaways: { name: 'Takeaways', entry: 'takeaway' },
  image: { name: 'image' },
  src: { name: 'image file' },
  alt: { name: 'image description' },
  video: { name: 'video' },
  poster: { name: 'poster image' },
  therapyIds: { name: 'Therapies it is about', entry: 'therapy' },
  role: { name: 'role' },
  affiliation: { name: 'affiliation' },
  photo: { name: 'photo' },
  expertId: { name: 'expert' },
  text: { name: 'quote text' },
  articleId: { name: 'article' },
  context: { name: 'context' },
};

/** The field each list names its items by. */
const NAME_FIELDS: Record<string, string> = { therapies: 'name', articles: 'headline', experts: 'name', quotes: 'text' };
/** Longest item name written before it is shortened with `…`. */
const NAME_LIMIT = 40;

const ORDINAL_SUFFIXES: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/** `n` (1-based) as an ordinal in the UI language: `1st`, `22nd`, `13th`; Spanish `2.º`. */
export function ordinal(n: number, lang = 'en'): string {
  const primary = lang.split('-')[0]!.toLowerCase();
  if (primary === 'es') return `${n}.º`;
  return `${n}${ORDINAL_SUFFIXES[new Intl.PluralRules('en', { type: 'ordinal' }).select(n)] ?? 'th'}`;
}

function child(value: unknown, key: PathKey): unknown {
  if (typeof key === 'number') return Array.isArray(value) ? value[key] : undefined;
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** The list item at `kind[index]` by its name (`Blinatumomab`), else by its place (`2nd therapy`). */
export function itemName(bundle: unknown, kind: string, index: number, lang = 'en'): string {
  const item = child(child(bundle, kind), index);
  const named = child(item, NAME_FIELDS[kind] ?? 'name');
  if (typeof named === 'string' && named.trim()) {
    const flat = named.trim().replace(/\s+/g, ' ');
    return flat.length > NAME_LIMIT ? `${flat.slice(0, NAME_LIMIT - 1).trimEnd()}…` : flat;
  }
  return `${ordinal(index + 1, lang)} ${FIELDS[kind]?.entry ?? 'item'}`;
}

/** Where `keys` point, in words: `Blinatumomab › Sources › 2nd source › link`; the bundle's own fields under `Bundle`. */
export function placeInWords(keys: readonly PathKey[], bundle: unknown, lang = 'en'): string {
  if (keys.length === 0) return 'The bundle';
  const parts: string[] = [];
  let start = 0;
  const [first, second] = keys;
  if (typeof first === 'string' && NAME_FIELDS[first] && typeof second === 'number') {
    parts.push(itemName(bundle, first, second, lang));
    start = 2;
  } else {
    parts.push('Bundle');
  }
  for (let i = start; i < keys.length; i++) {
    const key = keys[i]!;
    if (typeof key === 'number') {
      parts.push(`${ordinal(key + 1, lang)}${listEntry(keys[i - 1])}`);
    } else {
      parts.push(FIELDS[key]?.name ?? key);
    }
  }
  return parts.join(' › ');
}

function listEntry(list: PathKey | undefined): string {
  const entry = typeof list === 'string' ? FIELDS[list]?.entry : undefined;
  return entry ? ` ${entry}` : '';
}

/** `therapies[1]` as words: `the 2nd therapy (Blinatumomab)`. */
function itemReference(bundle: unknown, refers: readonly PathKey[] | undefined, lang: string): string {
  const [kind, index] = refers ?? [];
  if (typeof kind !== 'string' || typeof index !== 'number') return 'another item';
  const place = `the ${ordinal(index + 1, lang)} ${FIELDS[kind]?.entry ?? 'item'}`;
  const name = itemName(bundle, kind, index, lang);
  return name.startsWith(ordinal(index + 1, lang)) ? place : `${place} (${name})`;
}

/** The item a list holds, in words: `expert` for `experts`. */
function entryOf(refers: readonly PathKey[] | undefined): string {
  const kind = refers?.[0];
  return (typeof kind === 'string' && FIELDS[kind]?.entry) || 'item';
}

type Words = (problem: Wordable, bundle: unknown, lang: string) => string;

/**
 * The words of each problem and warning code (problem.ts) that reads as
 * notation or as a rule; a code not listed here (`type`, `required`,
 * `review-due`, `no-link`…) keeps the validator's words, already plain.
 */
const BY_CODE: Record<string, Words> = {
  url: () => 'must start with https:// or http://',
  date: () => 'must be a date written year-month-day, like 2024-03-15',
  'calendar-date': (p) => `${p.value} is not a day of the calendar`,
  id: () => 'must be a short name of letters, digits, - _ or . (starting with a letter or digit), with no spaces',
  empty: () => 'is empty: write the text',
  invisible: () => 'has no visible text: write the text',
  locale: () => 'must be a language code such as "en" or "es-MX"',
  required: () => 'is missing: add it',
  'schema-version': (p) => `must be ${p.expected}, the version of the bundle format these widgets read`,
  'newer-version': (p) => `${p.value} is newer than these widgets read (${p.expected}): update therapy-widgets, or write the bundle for version ${p.expected}`,
  'duplicate-id': (p, bundle, lang) => `'${p.value}' is already the id of ${itemReference(bundle, p.refers, lang)}: give each item its own id`,
  'unknown-reference': (p) => `no ${entryOf(p.refers)} has the id '${p.value}'`,
  'review-order': (p) => `must not be before the last review (${p.value})`,
  'hidden-dependency': (p, bundle, lang) => `hidden because its ${entryOf(p.refers)}, ${itemReference(bundle, p.refers, lang)}, is hidden`,
  'too-large': (p) => `is too large to check: it holds more than ${p.expected} values`,
  'unknown-field': (p) =>
    `has a field '${p.value}' these widgets do not know, so live pages ignore it${p.expected ? `: did you mean '${p.expected}'?` : ''}`,
};

/** What is wrong, in words, from the problem's code and facts (the validator's own words for the codes that are plain already). */
export function messageInWords(problem: Wordable, bundle: unknown, lang = 'en'): string {
  const words = problem.code === undefined ? undefined : BY_CODE[problem.code];
  return words ? words(problem, bundle, lang) : problem.message;
}

/** The whole problem in words: `Blinatumomab › Sources › 2nd source › link: must start with https:// or http://`. */
export function problemInWords(problem: Wordable, bundle: unknown, lang = 'en'): string {
  return `${placeInWords(problem.keys, bundle, lang)}: ${messageInWords(problem, bundle, lang)}`;
}

/** Why a bundle URL could not be fetched, in words an editor can act on (the browser does not say which). */
export function unreachableInWords(url: string): string {
  return (
    `The bundle at ${url} could not be loaded. Check that the address is right and opens in a new tab. ` +
    'If it does, the site holding it does not let other pages read it: its server must send the header Access-Control-Allow-Origin (ask whoever runs that site).'
  );
}
