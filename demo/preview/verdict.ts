/**
 * What live pages will do with the editor's bundle, in the shape of the
 * shared verdict (`src/content/salvage.ts`): the items they show, the items
 * they hide each with its problems, or the problems that stop the whole
 * bundle. Built today from `salvageBundle` and the validator's problems; when
 * salvage reports `problems` per hidden item and `verdictLines`, this file
 * shrinks to reading them.
 */
import { ITEM_KINDS, problemAt, type ItemKind, type Problem, type ValidationResult } from '../../src/content/schema.js';
import type { Salvage } from '../../src/content/salvage.js';

/** An item live pages hide, and every problem of its own (each once). */
export interface HiddenEntry {
  kind: ItemKind;
  index: number;
  id?: string;
  problems: Problem[];
}

export interface Verdict {
  /** "Live pages will show N items and hide M", or why they show nothing. */
  headline: string;
  /** Items hidden, in bundle order. */
  hidden: HiddenEntry[];
  /** Problems outside any item: live pages show nothing of the bundle. */
  blocking: Problem[];
  /** Problems found beyond the validator's limit. */
  omitted: number;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** True when `problem` is about the item at `kind[index]`. */
function isAbout(problem: Problem, kind: ItemKind, index: number): boolean {
  return problem.keys[0] === kind && problem.keys[1] === index;
}

/** The verdict on a parsed bundle, from its salvage and its validation. */
export function verdictOf(salvage: Salvage, result: ValidationResult): Verdict {
  const omitted = result.ok ? 0 : result.omitted;
  if (!salvage.bundle) {
    // Every problem, the items' too: fixing only the bundle's own fields would reveal them next.
    return { headline: 'Live pages will show nothing of this bundle until the problems below are fixed.', hidden: [], blocking: result.ok ? salvage.blocking : result.problems, omitted };
  }
  const problems = result.ok ? [] : result.problems;
  const hidden = salvage.hidden.map((item) => {
    const own = problems.filter((problem) => isAbout(problem, item.kind, item.index));
    // An item hidden for what it depends on has no problem of its own: the reason is its one problem.
    return { kind: item.kind, index: item.index, ...(item.id ? { id: item.id } : {}), problems: own.length > 0 ? own : [problemAt([item.kind, item.index], item.reason)] };
  });
  const shown = ITEM_KINDS.reduce((sum, kind) => sum + salvage.bundle![kind].length, 0);
  return { headline: `Live pages will show ${plural(shown, 'item')} and hide ${hidden.length}.`, hidden, blocking: [], omitted };
}

/** The verdict on text that is not JSON. */
export function notJson(message: string): Verdict {
  return { headline: `Live pages will show nothing of this bundle: ${message}`, hidden: [], blocking: [], omitted: 0 };
}
