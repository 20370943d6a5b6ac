/**
 * What a card's rendering is made from, as one short key: a pre-rendered
 * card carries the key it was rendered with (`render-key` on the element),
 * and the element keeps those nodes as they are while its own key is the
 * same (SPEC section 3, "The take-over keeps what is already right").
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
 * The key of a rendering, or undefined when there is none to compare (a
 * bundle given as an object has no bytes, and a page without Web Crypto
 * cannot hash them): the SHA-256 of the bundle's bytes, the item's id, the
 * labels' language, variant, heading level, whether the review is due, and
 * the URL the bytes came from when links or images depend on it. Space
 * separated: none of these holds a space.
 */
export function renderKey(inputs: RenderInputs): string | undefined {
  const { loaded } = inputs;
  if (loaded.fingerprint === undefined) return undefined;
  const due = reviewRecord(inputs.item as ReviewFields, loaded.bundle, inputs.today).due ? 'due' : 'reviewed';
  const parts = [loaded.fingerprint, inputs.itemId, inputs.ui, inputs.variant, inputs.headingLevel ?? 3, due];
  if (dependsOnBaseUrl(loaded.bundle)) parts.push(loaded.baseUrl);
  return parts.join(' ');
}
