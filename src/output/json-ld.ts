/**
 * schema.org JSON-LD of one item, for search engines (SPEC section 3, the
 * pre-rendered card): a `MedicalWebPage` about a therapy (`Drug`), an article
 * (`NewsArticle`) or a quote (`Quotation`), with its review record, the
 * bundle's publisher, the sources as citations, and its language. Pure: the
 * CLI and the preview both call it. Types from schema-dts, so a misspelt
 * property or a wrong value type fails the type check.
 */
import type { CreativeWork, MedicalWebPage, Organization, Thing, WithContext } from 'schema-dts';
import { today } from '../content/clock.js';
import { reviewRecord } from '../content/review.js';
import { expertOf } from '../content/select.js';
import type { Article, Bundle, Quote, Source, Therapy } from '../content/schema.js';
import { linkHref } from '../content/urls.js';

/** The item a JSON-LD block is about, by the bundle list it comes from. */
export type JsonLdItem = { kind: 'therapies'; item: Therapy } | { kind: 'articles'; item: Article } | { kind: 'quotes'; item: Quote };

function publisherOf(bundle: Bundle, baseUrl: string): Organization {
  const url = linkHref(bundle.publisher.url, baseUrl);
  return { '@type': 'Organization', name: bundle.publisher.name, ...(url ? { url } : {}) };
}

function citationOf(source: Source, baseUrl: string): CreativeWork {
  const url = linkHref(source.url, baseUrl);
  return {
    '@type': 'CreativeWork',
    name: source.title,
    ...(url ? { url } : {}),
    ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
    ...(source.date ? { datePublished: source.date } : {}),
  };
}

/** What the page is about, and the sources it cites. */
function subjectOf(entry: JsonLdItem, bundle: Bundle, baseUrl: string): { about: Thing; citation: CreativeWork[] } {
  if (entry.kind === 'therapies') {
    const therapy = entry.item;
    return {
      about: {
        '@type': 'Drug',
        name: therapy.name,
        ...(therapy.brandNames?.length ? { alternateName: therapy.brandNames } : {}),
        ...(therapy.drugClass ? { drugClass: { '@type': 'DrugClass', name: therapy.drugClass } } : {}),
        ...(therapy.summary ? { description: therapy.summary } : {}),
      },
      citation: (therapy.sources ?? []).map((source) => citationOf(source, baseUrl)),
    };
  }
  if (entry.kind === 'articles') {
    const article = entry.item;
    const url = linkHref(article.url, baseUrl);
    return {
      about: {
        '@type': 'NewsArticle',
        headline: article.headline,
        datePublished: article.publishedOn,
        ...(article.summary ? { description: article.summary } : {}),
        ...(url ? { url } : {}),
      },
      citation: url ? [{ '@type': 'CreativeWork', name: article.headline, url }] : [],
    };
  }
  const quote = entry.item;
  const expert = expertOf(bundle, quote);
  // Where the words were first published; never the bundle's own article headline.
  const source = quote.source;
  return {
    about: {
      '@type': 'Quotation',
      text: quote.text,
      // What the words were about, so a search result never shows them bare (SPEC 4, `context`).
      ...(quote.context ? { description: quote.context } : {}),
      ...(expert ? { creator: { '@type': 'Person', name: expert.name, ...(expert.role ? { jobTitle: expert.role } : {}) } } : {}),
    },
    citation: source ? [citationOf(source, baseUrl)] : [],
  };
}

/** The JSON-LD object of `entry` in `bundle`; `baseUrl` resolves relative links (the bundle's own URL). */
export function jsonLdOf(entry: JsonLdItem, bundle: Bundle, baseUrl: string): WithContext<MedicalWebPage> {
  const review = reviewRecord(entry.kind === 'quotes' ? {} : entry.item, bundle, today());
  const { about, citation } = subjectOf(entry, bundle, baseUrl);
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    name: entry.kind === 'therapies' ? entry.item.name : entry.kind === 'articles' ? entry.item.headline : bundle.title,
    about,
    inLanguage: bundle.locale ?? 'en',
    lastReviewed: review.reviewedOn,
    ...(review.reviewedBy ? { reviewedBy: { '@type': 'Organization', name: review.reviewedBy } } : {}),
    publisher: publisherOf(bundle, baseUrl),
    ...(citation.length ? { citation } : {}),
  };
}

/** `<script type="application/ld+json">` holding `data`; `<` is escaped so no text can close the script. */
export function jsonLdScript(data: object): string {
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}
