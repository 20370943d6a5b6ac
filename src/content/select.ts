/**
 * Which item an element shows, as pure functions of a loaded bundle: by id,
 * the newest article, the best quote about a therapy, and the joins a card
 * needs (a quote's expert and article, a therapy's article). An item the
 * salvage step hid is a `schema` error with the problems that hid it, so the
 * element that asked for it says why; a missing one is `not-found`.
 */
import { ContentError } from './content-error.js';
import { isWholeSentence } from './sentence.js';
import type { HiddenItem } from './salvage.js';
import { formatProblems, NOUNS, type Article, type Bundle, type Expert, type ItemKind, type Quote, type Therapy } from './schema.js';

/** The item an element picked from a bundle, and its id for `therapy-load`. */
export interface Selection<T> {
  id: string;
  item: T;
}

/** Most ids a `not-found` or `config` message lists; a bundle may hold thousands. */
export const MAX_LISTED_IDS = 10;

/** `'a', 'b', 'c' and 7 more`, or `none`. */
export function listIds(ids: readonly string[]): string {
  if (ids.length === 0) return 'none';
  const shown = ids.slice(0, MAX_LISTED_IDS).map((id) => `'${id}'`).join(', ');
  return ids.length > MAX_LISTED_IDS ? `${shown} and ${ids.length - MAX_LISTED_IDS} more` : shown;
}

/** The `schema` error for an item the bundle has but live pages hide. */
function hiddenError(item: HiddenItem): ContentError {
  const where = `${item.kind}[${item.index}]`;
  const why = formatProblems(item.problems);
  if (item.dependsOn) why.push(`it depends on ${item.dependsOn.kind}[${item.dependsOn.index}], which is hidden`);
  return new ContentError(
    'schema',
    `The ${NOUNS[item.kind]} '${item.id}' (${where}) is hidden because of problems in the bundle:\n${why.join('\n')}`,
    item.problems,
  );
}

/** The item with `id` in `list`; a hidden one is a `schema` error, a missing one `not-found`. */
export function byId<T extends { id: string }>(
  list: readonly T[],
  hidden: readonly HiddenItem[],
  kind: ItemKind,
  id: string,
  attribute: string = NOUNS[kind],
): Selection<T> {
  const item = list.find((entry) => entry.id === id);
  if (item) return { id, item };
  const gone = hidden.find((entry) => entry.kind === kind && entry.id === id);
  if (gone) throw hiddenError(gone);
  throw new ContentError('not-found', `No ${NOUNS[kind]} with ${attribute}="${id}" in this bundle. Known ids: ${listIds(list.map((entry) => entry.id))}.`);
}

/** A `config` error for an element that was not told which item to show. */
export function missingAttribute(tag: string, attributes: string, list: readonly { id: string }[]): ContentError {
  return new ContentError('config', `<${tag}> needs ${attributes}. Known ids: ${listIds(list.map((entry) => entry.id))}.`);
}

/** The therapy a `<therapy-card therapy="ID">` shows. */
export function selectTherapy(bundle: Bundle, hidden: readonly HiddenItem[], id: string | undefined): Selection<Therapy> {
  if (!id) throw missingAttribute('therapy-card', 'a therapy="ID" attribute', bundle.therapies);
  return byId(bundle.therapies, hidden, 'therapies', id);
}

/** The article a `<news-teaser>` shows: `article="ID"`, else the newest by `publishedOn`. */
export function selectArticle(bundle: Bundle, hidden: readonly HiddenItem[], id: string | undefined): Selection<Article> {
  if (id) return byId(bundle.articles, hidden, 'articles', id);
  let newest: Article | undefined;
  for (const article of bundle.articles) if (!newest || article.publishedOn > newest.publishedOn) newest = article;
  if (!newest) {
    const gone = hidden.find((item) => item.kind === 'articles');
    throw gone ? hiddenError(gone) : new ContentError('not-found', 'This bundle has no articles.');
  }
  return { id: newest.id, item: newest };
}

/**
 * How well `quote` stands for `therapy` alone, lower is better; undefined when
 * it must not: 0 a whole sentence about that therapy only, 1 about it only and
 * shown with its context, 2 tagged to several therapies and shown with its
 * context (a sentence about all of them never reads as praise of one), 3 about
 * it only but a fragment with no context. Several therapies and no context: never.
 */
function quoteRank(quote: Quote, therapy: string): number | undefined {
  const ids = quote.therapyIds ?? [];
  if (!ids.includes(therapy)) return undefined;
  const alone = ids.every((id) => id === therapy);
  if (!alone) return quote.context ? 2 : undefined;
  if (isWholeSentence(quote.text)) return 0;
  return quote.context ? 1 : 3;
}

/** The best quote about `therapy` (see `quoteRank`); the bundle's order breaks ties. */
function quoteAbout(quotes: readonly Quote[], therapy: string): Quote | undefined {
  let best: Quote | undefined;
  let bestRank = Infinity;
  for (const quote of quotes) {
    const rank = quoteRank(quote, therapy);
    if (rank !== undefined && rank < bestRank) [best, bestRank] = [quote, rank];
  }
  return best;
}

/** The quote an `<expert-quote>` shows: `quote="ID"`, else the best about `therapy="ID"` (`quoteAbout`). */
export function selectQuote(
  bundle: Bundle,
  hidden: readonly HiddenItem[],
  ids: { quote?: string | undefined; therapy?: string | undefined },
): Selection<Quote> {
  if (ids.quote) return byId(bundle.quotes, hidden, 'quotes', ids.quote);
  const therapy = ids.therapy;
  if (!therapy) throw missingAttribute('expert-quote', 'a quote="ID" or therapy="ID" attribute', bundle.quotes);
  const found = quoteAbout(bundle.quotes, therapy);
  if (found) return { id: found.id, item: found };
  const about = [...new Set(bundle.quotes.flatMap((quote) => quote.therapyIds ?? []))];
  const why = about.includes(therapy) ? ' Its only quotes are about several therapies and have no context to say so.' : '';
  throw new ContentError('not-found', `No quote about therapy="${therapy}" in this bundle.${why} Therapies with quotes: ${listIds(about)}.`);
}

/** The expert who said `quote` (the salvage step guarantees one). */
export function expertOf(bundle: Bundle, quote: Quote): Expert | undefined {
  return bundle.experts.find((expert) => expert.id === quote.expertId);
}

/**
 * Where a compact card's "Learn more" goes: the first article about `therapy`
 * that links somewhere, else the therapy's first source with a URL.
 */
export function moreLinkOf(bundle: Bundle, therapy: Therapy): { url: string; title: string } | undefined {
  const article = bundle.articles.find((item) => item.url && item.therapyIds?.includes(therapy.id));
  if (article) return { url: article.url!, title: article.headline };
  const source = therapy.sources?.find((item) => item.url);
  return source ? { url: source.url!, title: source.title } : undefined;
}
