/** UI strings of the elements, by language. Content text comes from the bundle. */

export interface Strings {
  brandNames: string;
  drugClass: string;
  target: string;
  howItWorks: string;
  howItIsGiven: string;
  whoItIsFor: string;
  keyPoints: string;
  risks: string;
  mainRisk: string;
  sources: string;
  lastReviewed: string;
  nextReview: string;
  reviewedBy: string;
  dueForReview: string;
  publishedBy: string;
  published: string;
  takeaways: string;
  readMore: string;
  readArticle: string;
  learnMore: string;
  fullInformation: string;
  watchVideo: string;
  opensInNewTab: string;
  loading: string;
  errorUnavailable: string;
  errorNotFound: string;
  quoteSource: string;
}

const en: Strings = {
  brandNames: 'Brand names',
  drugClass: 'Type of medicine',
  target: 'Target',
  howItWorks: 'How it works',
  howItIsGiven: 'How it is given',
  whoItIsFor: 'Who it is for',
  keyPoints: 'Key points',
  risks: 'Risks and warnings',
  mainRisk: 'Main risk',
  sources: 'Sources',
  lastReviewed: 'Last reviewed',
  nextReview: 'Next review due',
  reviewedBy: 'Reviewed by',
  dueForReview: 'This information is due for review. It was last checked on',
  publishedBy: 'Published by',
  published: 'Published',
  takeaways: 'Key takeaways',
  readMore: 'Read more',
  readArticle: 'Read the article',
  learnMore: 'Learn more',
  fullInformation: 'Full information',
  watchVideo: 'Watch the video',
  opensInNewTab: 'opens in a new tab',
  loading: 'Loading content…',
  errorUnavailable: 'This information could not be loaded right now. Please try again later.',
  errorNotFound: 'This information is not available.',
  quoteSource: 'Source',
};

const es: Strings = {
  brandNames: 'Nombres comerciales',
  drugClass: 'Tipo de medicamento',
  target: 'Diana',
  howItWorks: 'Cómo funciona',
  howItIsGiven: 'Cómo se administra',
  whoItIsFor: 'Para quién es',
  keyPoints: 'Puntos clave',
  risks: 'Riesgos y advertencias',
  mainRisk: 'Riesgo principal',
  sources: 'Fuentes',
  lastReviewed: 'Última revisión',
  nextReview: 'Próxima revisión prevista',
  reviewedBy: 'Revisado por',
  dueForReview: 'Esta información debe revisarse. Se comprobó por última vez el',
  publishedBy: 'Publicado por',
  published: 'Publicado',
  takeaways: 'Ideas principales',
  readMore: 'Leer más',
  readArticle: 'Leer el artículo',
  learnMore: 'Más información',
  fullInformation: 'Información completa',
  watchVideo: 'Ver el video',
  opensInNewTab: 'se abre en una pestaña nueva',
  loading: 'Cargando contenido…',
  errorUnavailable: 'No se pudo cargar esta información en este momento. Inténtelo de nuevo más tarde.',
  errorNotFound: 'Esta información no está disponible.',
  quoteSource: 'Fuente',
};

const table: Record<string, Strings> = { en, es };

/** The UI languages with their own strings. */
export const UI_LANGUAGES = Object.keys(table);

/** True when the elements have UI strings in the language of `lang`. */
export function hasStrings(lang: string): boolean {
  return Object.hasOwn(table, lang.toLowerCase().split('-')[0] ?? '');
}

/** Strings for a BCP 47 tag: its base language if we have it, else English. */
export function stringsFor(lang: string): Strings {
  const base = lang.toLowerCase().split('-')[0] ?? 'en';
  // Own properties only: lang="__proto__" or "constructor" must not find Object's.
  return Object.hasOwn(table, base) ? table[base]! : en;
}

/**
 * Formats a `YYYY-MM-DD` date in `lang`. A date-only value names a calendar
 * day, not an instant, so it is formatted in UTC: the same day everywhere.
 */
export function formatDate(isoDate: string, lang: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const instant = new Date(0);
  instant.setUTCFullYear(y, m - 1, d);
  return dateFormat(lang)?.format(instant) ?? isoDate;
}

/**
 * One formatter per language tag (in any letter case) per page, made the first
 * time a date is shown in it: the page's first Intl.DateTimeFormat costs
 * milliseconds, each later one about 50 µs, and a page of cards formats
 * thousands of dates.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat | null>();

function dateFormat(lang: string): Intl.DateTimeFormat | null {
  const key = lang.toLowerCase();
  let format = dateFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(key, { dateStyle: 'long', timeZone: 'UTC' });
    } catch {
      format = null;
    }
    dateFormats.set(key, format);
  }
  return format;
}
