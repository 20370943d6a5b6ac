/**
 * The one list of content elements: which bundle list each shows, its tag,
 * the attribute that picks its item, and the attributes an embedder can set,
 * read from the class's declared static `properties` (so a new property
 * reaches the preview, the embed code and the docs without a second list).
 */
import type { PropertyDeclaration } from 'lit';
import type { ItemKind } from '../content/schema.js';
import { ExpertQuote } from '../expert-quote/expert-quote.js';
import { NewsTeaser } from '../news-teaser/news-teaser.js';
import { TherapyCard } from '../therapy-card/therapy-card.js';

/** A content element as the tools see it. */
export interface ElementEntry {
  /** The bundle list its items come from. */
  kind: Exclude<ItemKind, 'experts'>;
  tag: 'therapy-card' | 'news-teaser' | 'expert-quote';
  /** The attribute that picks one item by id. */
  idAttribute: string;
  /** The class, whose `properties` declare its attributes. */
  ctor: typeof TherapyCard | typeof NewsTeaser | typeof ExpertQuote;
}

export const ELEMENTS: readonly ElementEntry[] = [
  { kind: 'therapies', tag: 'therapy-card', idAttribute: 'therapy', ctor: TherapyCard },
  { kind: 'articles', tag: 'news-teaser', idAttribute: 'article', ctor: NewsTeaser },
  { kind: 'quotes', tag: 'expert-quote', idAttribute: 'quote', ctor: ExpertQuote },
];

/** Attributes the element writes itself (reflected output), never set by an embedder. */
const OUTPUT_PROPERTIES = new Set(['state']);

/** An attribute an embedder sets, and the property behind it. */
export interface ElementAttribute {
  attribute: string;
  property: string;
}

/** The entry of a tag, or undefined for anything else. */
export function entryOfTag(tag: string): ElementEntry | undefined {
  return ELEMENTS.find((entry) => entry.tag === tag);
}

/** The entry of a bundle list, or undefined (`experts` have no element of their own). */
export function entryOfKind(kind: ItemKind): ElementEntry | undefined {
  return ELEMENTS.find((entry) => entry.kind === kind);
}

/** The attributes of an element class, from its declared `properties`: `headingLevel` → `heading-level`. */
export function attributesOf(entry: ElementEntry): ElementAttribute[] {
  const declared = entry.ctor.properties as Record<string, PropertyDeclaration>;
  return Object.entries(declared)
    .filter(([property, options]) => options.attribute !== false && !options.state && !OUTPUT_PROPERTIES.has(property))
    .map(([property, options]) => ({
      property,
      attribute: typeof options.attribute === 'string' ? options.attribute : property.toLowerCase(),
    }));
}
