/**
 * therapy-widgets without side effects: the classes and types, nothing defined.
 * Import `therapy-widgets/define` (or a per-element `.../define` entry) to
 * register the tags.
 */
export {
  bundleSchema,
  formatProblems,
  isCalendarDate,
  SCHEMA_VERSION,
  type Article,
  type Bundle,
  type Expert,
  type Problem,
  type Quote,
  type Source,
  type Therapy,
} from './content/schema.js';
export { validateBundle, type ValidationResult } from './content/validate.js';
export {
  clearBundleCache,
  ContentError,
  defaultBundleUrl,
  loadBundle,
  peekBundle,
  type BundleSource,
  type ContentErrorCode,
  type LoadedBundle,
} from './content/load.js';
export { contentContext, type ContentContext } from './content/context.js';
export { TherapyCard } from './therapy-card/therapy-card.js';
export { NewsTeaser } from './news-teaser/news-teaser.js';
export { ExpertQuote } from './expert-quote/expert-quote.js';
export { TherapyContent } from './therapy-content/therapy-content.js';
export { ContentElement, type ContentState, type Theme, type Variant } from './internal/content-element.js';
export { defineElement, VERSION } from './internal/define.js';
export type { TherapyErrorDetail, TherapyErrorEvent, TherapyLoadDetail, TherapyLoadEvent } from './internal/events.js';
