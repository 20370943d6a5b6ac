/**
 * An item's pre-rendered card as a page of the site shows it: the output
 * layer's card (the elements' own rendering), its styles linked from the
 * site's copy of therapy-widgets.css, and, for an item whose review is not
 * yet due, the card as it will read once due in an inert
 * `<template data-review-due-on>` that the page's review-due script puts in
 * place from that day on (the page knows the date; nothing is fetched).
 */
import { setClock, today } from '../../content/clock.js';
import type { CardItem } from '../../content/item-text.js';
import type { LoadedBundle } from '../../content/load.js';
import { reviewRecord } from '../../content/review.js';
import { formatDate } from '../../internal/strings.js';
import { STYLESHEET_FILE } from '../stylesheet.js';
import { prerenderCard } from '../prerender.js';
import { escapeAttribute } from '../lean-markup.js';
import { bundleText } from './document.js';
import { relativePath, WIDGETS_DIR } from './addresses.js';

export interface SiteCardOptions {
  /** The page's path relative to the site's base, for relative links to the stylesheet. */
  fromPath: string;
  /** The bundle URL written as the element's `src`. */
  src: string;
  headingLevel: number;
  /** Further attributes (`theme`, `variant`). */
  attributes?: Readonly<Record<string, string>>;
}

const SHADOW_ROOT = '<template shadowrootmode="open">';

/** The review record's due date of an item that has one (quotes have none). */
export function dueOn(entry: CardItem, loaded: LoadedBundle): string | undefined {
  return entry.kind === 'quotes' ? undefined : reviewRecord(entry.item, loaded.bundle, today()).dueOn;
}

/** The review status in words, for the catalogue and the preview image: when it was checked and when it is due. */
export function reviewStatus(entry: CardItem, loaded: LoadedBundle): string | undefined {
  if (entry.kind === 'quotes') return undefined;
  const record = reviewRecord(entry.item, loaded.bundle, today());
  const next = record.due ? `due for review since ${formatDate(record.dueOn, 'en')}` : `next review due ${formatDate(record.dueOn, 'en')}`;
  return `Reviewed ${formatDate(record.reviewedOn, 'en')}; ${next}.`;
}

/**
 * The page's `<h1>` where the card has no heading of its own (a quote is a
 * figure): the item's title, for screen readers and the page outline only.
 */
export function pageHeading(entry: CardItem, title: string, locale: string | undefined): string {
  return entry.kind === 'quotes' ? `<h1 class="visually-hidden">${bundleText(title, locale)}</h1>\n` : '';
}

/** The card of `entry` for a page at `options.fromPath`. */
export async function siteCard(entry: CardItem, loaded: LoadedBundle, options: SiteCardOptions): Promise<string> {
  const render = () =>
    prerenderCard(entry.kind, entry.item, loaded, {
      attributes: { src: options.src, 'heading-level': String(options.headingLevel), ...options.attributes },
      stylesheetUrl: relativePath(options.fromPath, `${WIDGETS_DIR}${STYLESHEET_FILE}`),
    });
  const card = await render();
  const due = dueOn(entry, loaded);
  if (due === undefined || due <= today()) return card;
  setClock(() => new Date(`${due}T12:00:00Z`));
  let later: string;
  try {
    later = await render();
  } finally {
    setClock();
  }
  const start = later.indexOf(SHADOW_ROOT) + SHADOW_ROOT.length;
  const shadow = later.slice(start, later.indexOf('</template>', start));
  const close = card.lastIndexOf('</');
  return `${card.slice(0, close)}<template data-review-due-on="${escapeAttribute(due)}">${shadow}</template>${card.slice(close)}`;
}
