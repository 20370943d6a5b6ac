/**
 * What live pages will do with the editor's bundle, in the shape of the
 * shared verdict (`src/content/salvage.ts`): the items they show, the items
 * they hide each with its problems, or the problems that stop the whole
 * bundle, read from the one salvage module the elements and the CLI use.
 */
import { plural } from '../../src/content/problem.js';
import type { ItemKind, Problem } from '../../src/content/schema.js';
import type { ValidationResult } from '../../src/content/validate.js';
import { verdictWords, type Salvage } from '../../src/content/salvage.js';

/** An item live pages hide, and every problem of its own (each once). */
export interface HiddenEntry {
  kind: ItemKind;
  index: number;
  id?: string;
  problems: Problem[];
}

export interface Verdict {
  /** "Live pages will show N items and hide M. 2 warnings.", or why they show nothing. */
  headline: string;
  /** Items hidden, in bundle order. */
  hidden: HiddenEntry[];
  /** Problems outside any item: live pages show nothing of the bundle. */
  blocking: Problem[];
  /** Problems found beyond the validator's limit. */
  omitted: number;
}

/**
 * The verdict on a parsed bundle: the shared salvage decides, in the CLI's
 * words (`verdictWords`), then how many warnings there are to look at (the
 * unknown fields and the shown items' own: the preview lists them all once).
 */
export function verdictOf(salvage: Salvage, result: ValidationResult, warnings = 0): Verdict {
  const omitted = result.ok ? 0 : result.omitted;
  const { shows } = verdictWords(salvage);
  const headline = warnings > 0 && salvage.bundle ? `${shows}. ${plural(warnings, 'warning')}` : shows;
  if (!salvage.bundle) {
    // Every problem, the items' too: fixing only the bundle's own fields would reveal them next.
    return { headline: `${headline}.`, hidden: [], blocking: result.ok ? salvage.blocking : result.problems, omitted };
  }
  const hidden = salvage.hidden.map(({ kind, index, id, problems }) => ({ kind, index, ...(id ? { id } : {}), problems }));
  return { headline: `${headline}.`, hidden, blocking: [], omitted: salvage.omitted };
}

/** The verdict on text that is not JSON. */
export function notJson(message: string): Verdict {
  return { headline: `Live pages will show nothing of this bundle: ${message}`, hidden: [], blocking: [], omitted: 0 };
}
