/**
 * The words that name an item outside its card: a title and a one-line
 * description, for a page's `<title>`, Open Graph tags, oEmbed and the
 * catalogue. Pure: from the bundle only.
 */
import { expertOf } from './select.js';
import type { Article, Bundle, Quote, Therapy } from './schema.js';

/** An item with the bundle list it comes from. */
export type CardItem = { kind: 'therapies'; item: Therapy } | { kind: 'articles'; item: Article } | { kind: 'quotes'; item: Quote };

/** Every therapy, article and quote of `bundle`, in that order. */
export function cardItems(bundle: Bundle): CardItem[] {
  return [
    ...bundle.therapies.map((item) => ({ kind: 'therapies', item }) as const),
    ...bundle.articles.map((item) => ({ kind: 'articles', item }) as const),
    ...bundle.quotes.map((item) => ({ kind: 'quotes', item }) as const),
  ];
}

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The item's title: a therapy's name, an article's headline, a quote's speaker and first words. */
export function itemTitle(entry: CardItem, bundle: Bundle): string {
  if (entry.kind === 'therapies') return entry.item.name;
  if (entry.kind === 'articles') return entry.item.headline;
  const expert = expertOf(bundle, entry.item);
  return `${expert ? `${expert.name}: ` : ''}“${shorten(entry.item.text, 60)}”`;
}

/** One or two sentences that say what the item is about. */
export function itemDescription(entry: CardItem, bundle: Bundle): string {
  if (entry.kind === 'quotes') {
    const expert = expertOf(bundle, entry.item);
    const who = expert ? [expert.name, expert.role, expert.affiliation].filter(Boolean).join(', ') : undefined;
    return shorten(`“${entry.item.text}”${who ? ` (${who})` : ''}`, 300);
  }
  return shorten(entry.item.summary ?? bundle.title, 300);
}
