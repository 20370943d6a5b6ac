import { ContentError } from '../content/load.js';
import type { Selection } from './content-element.js';

/** Finds the item with `id` in `list`, or throws `not-found` naming the ids that exist. */
export function byId<T extends { id: string }>(list: readonly T[], id: string, kind: string, attribute: string): Selection<T> {
  const item = list.find((entry) => entry.id === id);
  if (item) return { id, item };
  const known = list.map((entry) => `'${entry.id}'`).join(', ') || 'none';
  throw new ContentError('not-found', `No ${kind} with ${attribute}="${id}" in this bundle. Known ids: ${known}.`);
}

/** A `config` error for an element that was not told which item to show. */
export function missingAttribute(tag: string, attributes: string, list: readonly { id: string }[]): ContentError {
  const known = list.map((entry) => `'${entry.id}'`).join(', ') || 'none';
  return new ContentError('config', `<${tag}> needs ${attributes}. Known ids: ${known}.`);
}
