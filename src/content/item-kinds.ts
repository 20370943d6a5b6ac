/** The lists of a bundle, by the name used in JSON paths. */
export type ItemKind = 'therapies' | 'articles' | 'experts' | 'quotes';
export const ITEM_KINDS: readonly ItemKind[] = ['therapies', 'articles', 'experts', 'quotes'];
