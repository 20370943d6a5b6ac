/**
 * What a card's rendering is made from, as one short key: a pre-rendered
 * card carries the key it was rendered with (`render-key` on the element),
 * and the element keeps those nodes as they are while its own key is the
 * same (SPEC section 3, "The take-over keeps what is already right").
 */
import { fingerprint } from './fingerprint.js';
import type { LoadedBundle } from './load.js';
import { reviewRecord, type ReviewFields } from './review.js';
import { dependsOnBaseUrl } from './urls.js';

export interface RenderInputs {
  /** The element's tag and the id of its item. */
  tag: string;
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
 * bundle given as an object has no bytes). It covers the bundle's bytes,
 * the URL they came from when links or images depend on it, the item, the
 * labels' language, variant, heading level, and whether the review is due.
 */
export function renderKey(inputs: RenderInputs): string | undefined {
  const { loaded } = inputs;
  if (loaded.fingerprint === undefined) return undefined;
  const due = reviewRecord(inputs.item as ReviewFields, loaded.bundle, inputs.today).due;
  const base = dependsOnBaseUrl(loaded.bundle) ? loaded.baseUrl : '';
  return fingerprint([loaded.fingerprint, base, inputs.tag, inputs.itemId, inputs.ui, inputs.variant, inputs.headingLevel ?? '', due].join('\n'));
}
