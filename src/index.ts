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
  validateBundle,
  type Article,
  type Bundle,
  type Expert,
  type Problem,
  type Quote,
  type Source,
  type Therapy,
  type ValidationResult,
} from './content/schema.js';
export {
  clearBundleCache,
  ContentError,
  defaultBundleUrl,
  loadBundle,
  type BundleSource,
  type ContentErrorCode,
  type LoadedBundle,
} from './content/load.js';
export { contentContext, type ContentContext } from './content/context.js';
