/**
 * A problem or warning in words for an editor, not notation: where it is by
 * the item's name and 1-based positions (`Blinatumomab › Sources › 2nd source
 * › link`), then what is wrong (`must start with https:// or http://`). The
 * JSON path stays beside it for developers; the CLI keeps its `path: message`
 * lines (formatProblems). Pure: the bundle as parsed (any shape) is an argument.
 */
import { isRecord, type PathKey } from './problem.js';

/** What is put into words: a problem of the validator or salvage, or a warning (review.ts). */
export interface Wordable {
  keys: readonly PathKey[];
  message: string;
  /** The machine code of the problem, when it has one. */
  code?: string;
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

/** `therapies[1]` in a message as words: `the 2nd therapy (Blinatumomab)`. */
function itemReference(bundle: unknown, kind: string, index: number, lang: string): string {
  const place = `the ${ordinal(index + 1, lang)} ${FIELDS[kind]?.entry ?? 'item'}`;
  const name = itemName(bundle, kind, index, lang);
  return name.startsWith(ordinal(index + 1, lang)) ? place : `${place} (${name})`;
}

/** A message rewritten in words, matched on its machine code or, lacking one, its text. */
interface Rewrite {
  codes: readonly string[];
  pattern: RegExp;
  words: (match: RegExpExecArray, bundle: unknown, lang: string) => string;
}

const REWRITES: readonly Rewrite[] = [
  { codes: ['url'], pattern: /^must be an https:, http: or relative URL$/, words: () => 'must start with https:// or http://' },
  { codes: ['date'], pattern: /^must be a date written YYYY-MM-DD$/, words: () => 'must be a date written year-month-day, like 2024-03-15' },
  { codes: ['calendar-date'], pattern: /^(.*) is not a calendar date$/, words: (m) => `${m[1]} is not a day of the calendar` },
  {
    codes: ['id'],
    pattern: /^must be an id: /,
    words: () => 'must be a short name of letters, digits, - _ or . (starting with a letter or digit), with no spaces',
  },
  { codes: ['empty'], pattern: /^must not be empty or only spaces$/, words: () => 'is empty: write the text' },
  { codes: ['visible'], pattern: /^must contain visible text$/, words: () => 'has no visible text: write the text' },
  { codes: ['locale'], pattern: /^must be a language tag such as /, words: () => 'must be a language code such as "en" or "es-MX"' },
  { codes: ['required'], pattern: /^is required$/, words: () => 'is missing: add it' },
  {
    codes: ['schema-version-newer'],
    pattern: /^schemaVersion (\d+) is newer than this widget supports \((\d+)\)$/,
    words: (m) => `${m[1]} is newer than these widgets read (${m[2]}): update therapy-widgets, or write the bundle for version ${m[2]}`,
  },
  {
    codes: ['duplicate-id'],
    pattern: /^duplicate id '(.*)' \(also at (therapies|articles|experts|quotes)\[(\d+)\]\)$/,
    words: (m, bundle, lang) => `'${m[1]}' is already the id of ${itemReference(bundle, m[2]!, Number(m[3]), lang)}: give each item its own id`,
  },
  {
    codes: ['unknown-reference'],
    pattern: /^(?:expertId|articleId|therapyId) '(.*)' does not match any (therapy|article|expert)$/,
    words: (m) => `no ${m[2]} has the id '${m[1]}'`,
  },
  {
    codes: ['review-order'],
    pattern: /^must not be before the review it follows \(reviewedOn (.*)\)$/,
    words: (m) => `must not be before the last review (${m[1]})`,
  },
  {
    codes: ['expert-hidden'],
    pattern: /^hidden because its expert '(.*)' \(experts\[(\d+)\]\) is hidden$/,
    words: (m, bundle, lang) => `hidden because its expert, ${itemReference(bundle, 'experts', Number(m[2]), lang)}, is hidden`,
  },
];

/** What is wrong, in words (a message with no rewrite is already words and stays as it is). */
export function messageInWords(problem: Wordable, bundle: unknown, lang = 'en'): string {
  const byCode = problem.code === undefined ? [] : REWRITES.filter((rewrite) => rewrite.codes.includes(problem.code!));
  for (const rewrite of [...byCode, ...REWRITES]) {
    const match = rewrite.pattern.exec(problem.message);
    if (match) return rewrite.words(match, bundle, lang);
  }
  return problem.message;
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
