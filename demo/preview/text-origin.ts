/**
 * Where the editor's text came from, followed through the editor's undo: a
 * load (URL, file, default) is one step of the undo history, so Ctrl+Z after
 * a load brings back the text it replaced, and with it where that text came
 * from. Pure: the preview keeps the loads and asks after each edit.
 */
import type { Origin } from './draft.js';

/** Where a text came from, and the integrity of the bytes as loaded (what the embed code can pin while unedited). */
export interface Source {
  origin: Origin;
  bundleIntegrity?: string;
}

/** One load: the text it put in the editor, and the text it replaced (absent for the first). */
export interface Load {
  text: string;
  source: Source;
  replaced?: { text: string; source: Source };
}

/**
 * The source of `text` after an edit, given the loads so far (oldest first),
 * and the loads still in reach: the last load's own text is that load's,
 * unedited; the text it replaced (an undo past the load) is that earlier
 * text's, as it was then; anything else is an edit of the last load.
 */
export function sourceAfterEdit(loads: readonly Load[], text: string): { source: Source; loads: Load[] } | undefined {
  const last = loads[loads.length - 1];
  if (!last) return undefined;
  if (last.replaced && text === last.replaced.text && text !== last.text) return { source: last.replaced.source, loads: loads.slice(0, -1) };
  const { edited: _, ...origin } = last.source.origin;
  return { source: { ...last.source, origin: text === last.text ? origin : { ...origin, edited: true } }, loads: [...loads] };
}
