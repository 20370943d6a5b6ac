/**
 * The HTML page around a site's content: one shell for the catalogue, the
 * item pages and the iframe views, with nothing inline a strict CSP would
 * block (`default-src 'self'; img-src 'self' data:`): styles and scripts are
 * files; JSON-LD is data, not script.
 */
import { directionOf, sameLanguage } from '../../content/language.js';
import { escapeAttribute } from '../lean-markup.js';

/** The language of the site's own words (labels, explanations); bundle text carries its own. */
export const SITE_LANG = 'en';

/** Text escaped for an element's content. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Bundle text among the site's English words, escaped, marked with the
 * bundle's language and direction when they differ (WCAG 3.1.2), as the
 * cards mark their parts.
 */
export function bundleText(text: string, locale: string | undefined): string {
  if (!locale || sameLanguage(locale, SITE_LANG)) return escapeHtml(text);
  return `${tag('span', { lang: locale, dir: directionOf(locale) })}${escapeHtml(text)}</span>`;
}

/** A start tag with attributes (values escaped; `true` writes the bare name, `undefined` leaves it out). */
export function tag(name: string, attributes: Readonly<Record<string, string | true | undefined>>): string {
  const written = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => (value === true ? ` ${key}` : ` ${key}="${escapeAttribute(value as string)}"`));
  return `<${name}${written.join('')}>`;
}

/** `<meta>` tags, by `name` or `property`. */
export function metaTags(kind: 'name' | 'property', entries: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(entries)
    .filter(([, content]) => content !== undefined)
    .map(([key, content]) => tag('meta', { [kind]: key, content }));
}

export interface PageParts {
  /** Language of the page's own words (the cards mark their own). */
  lang: string;
  title: string;
  description?: string;
  /** Further head tags, already written (canonical, Open Graph, oEmbed discovery). */
  head?: readonly string[];
  /** Stylesheets, relative to the page. */
  stylesheets?: readonly string[];
  /** Classic scripts run with `defer`, relative to the page. */
  scripts?: readonly string[];
  /** A class on `<body>` (the iframe view has no page margins). */
  bodyClass?: string;
  body: string;
}

/** A whole HTML document. */
export function htmlDocument(page: PageParts): string {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    ...metaTags('name', { description: page.description }),
    ...(page.head ?? []),
    ...(page.stylesheets ?? []).map((href) => tag('link', { rel: 'stylesheet', href })),
    ...(page.scripts ?? []).map((src) => `${tag('script', { src, defer: true })}</script>`),
  ];
  return `<!doctype html>
<html lang="${escapeAttribute(page.lang)}">
<head>
${head.join('\n')}
</head>
${tag('body', { class: page.bodyClass })}
${page.body}
</body>
</html>
`;
}
