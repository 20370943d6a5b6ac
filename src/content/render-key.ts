/**
 * What a card's rendering is made from, as one short key: a pre-rendered
 * card carries the key it was rendered with (`render-key` on the element),
 * and the element keeps those nodes as they are while its own key is the
 * same (SPEC section 3, "The take-over keeps what is already right"). The
 * key also says what the rendering read from the bundle (its id, locale and
 * review date, whether links depend on its URL), so a page whose bundle has
 * the same bytes can tell "same" from the SHA-256 of the bytes alone,
 * without parsing or validating them (`keptKey`).
 */
import type { LoadedBundle } from './load.js';
import { reviewRecord, type ReviewFields } from './review.js';
import { dependsOnBaseUrl } from './urls.js';

export interface RenderInputs {
  /** The id of the element's item, and the item. */
  itemId: string;
  item: object;
  loaded: LoadedBundle;
  /** The language of labels and dates (the bundle's locale is in its bytes). */
  ui: string;
  variant: string;
  headingLevel: number | undefined;
  /** Today, YYYY-MM-DD (clock.ts): whether the item is due for review shows on the card. */
  today: string;
}

/**
 * A key from its parts: fingerprint, bundle id, item id, labels' language,
 * variant, heading level, whether the review is due on `today` and the day it
 * falls due, locale (or `-`), and the URL of the bytes when links depend on it.
 */
function joinKey(fingerprint: string, bundleId: string, now: Omit<KeptInputs, 'fingerprint' | 'url'>, dueOn: string, locale: string | undefined, baseUrl: string | undefined): string {
  const parts = [fingerprint, bundleId, now.itemId, now.ui, now.variant, now.headingLevel ?? 3, now.today >= dueOn ? 'due' : 'reviewed', dueOn, locale ?? '-'];
  if (baseUrl !== undefined) parts.push(baseUrl);
  return parts.join(' ');
}

/**
 * The key of a rendering, or undefined when there is none to compare (a
 * bundle given as an object has no bytes, and a page without Web Crypto
 * cannot hash them): the SHA-256 of the bundle's bytes, the bundle's id, the
 * item's id, the labels' language, variant, heading level, whether the
 * review is due and the day it falls due, the bundle's locale, and the URL
 * the bytes came from when links or images depend on it.
 */
export function renderKey(inputs: RenderInputs): string | undefined {
  const { loaded } = inputs;
  if (loaded.fingerprint === undefined) return undefined;
  const { bundle } = loaded;
  const dueOn = reviewRecord(inputs.item as ReviewFields, bundle, inputs.today).dueOn;
  return joinKey(loaded.fingerprint, bundle.id, inputs, dueOn, bundle.locale, dependsOnBaseUrl(bundle) ? loaded.baseUrl : undefined);
}

/** What a key says about the bundle it was rendered from. */
export interface KeyedBundle {
  fingerprint: string;
  bundleId: string;
  locale: string | undefined;
}

/** The bundle facts a key holds, or undefined for a key this version does not write (9 or 10 parts, see `joinKey`). */
export function keyedBundle(key: string): KeyedBundle | undefined {
  const [fingerprint, bundleId, , , , , , , locale, ...rest] = key.split(' ');
  if (locale === undefined || rest.length > 1) return undefined;
  return { fingerprint: fingerprint!, bundleId: bundleId!, locale: locale === '-' ? undefined : locale };
}

/** What an element asks for now, for `keptKey`. */
export interface KeptInputs {
  /** SHA-256 of the bytes the page's bundle has now, and the URL they came from. */
  fingerprint: string;
  url: string;
  itemId: string;
  ui: string;
  variant: string;
  headingLevel: number | undefined;
  today: string;
}

/**
 * The key the element's rendering would have now, worked out without the
 * bundle: from bytes with the fingerprint the pre-rendered `key` names, the
 * rendering would read the same bundle id, locale and review date, and
 * depend on the URL exactly when the key holds one. Undefined when the
 * bytes differ (or `key` is of another form): then only the bundle can say.
 */
export function keptKey(key: string, now: KeptInputs): string | undefined {
  const bundle = keyedBundle(key);
  if (!bundle || bundle.fingerprint !== now.fingerprint) return undefined;
  const parts = key.split(' ');
  return joinKey(now.fingerprint, bundle.bundleId, now, parts[7]!, bundle.locale, parts[9] === undefined ? undefined : now.url);
}
