/**
 * Validation on top of the walk: a bundle with no problem assembled from its
 * checked parts (null-prototype objects), with a warning for each unknown field.
 * It is the package's `./schema` entry, so it also passes on the declarations.
 */
import { inspectBundle } from './inspect.js';
import { ITEM_KINDS, type ItemKind } from './item-kinds.js';
import { emptyRecord, type OwnRecord } from './own-data.js';
import type { Bundle } from './schema.js';
import type { Problem, Warning } from './problem.js';

export * from './schema.js';

export type ValidationResult =
  | { ok: true; bundle: Bundle; problems: []; warnings: Warning[] }
  | {
      ok: false;
      problems: Problem[];
      /** Problems found beyond `MAX_PROBLEMS` (past the cap, an item counts only the problems found before its first). */
      omitted: number;
      /** Each unknown field (the elements ignore it), up to `MAX_PROBLEMS` of them. */
      warnings: Warning[];
    };

/** A bundle of null-prototype objects from checked fields and items: nothing reads through to `Object.prototype`. */
export function assembleBundle(fields: OwnRecord, lists: Record<ItemKind, readonly OwnRecord[]>): Bundle {
  // `fields` holds only the schema's fields (no `__proto__`), so assigning them sets nothing but them.
  const bundle = Object.assign(emptyRecord(), fields);
  for (const kind of ITEM_KINDS) bundle[kind] = [...lists[kind]];
  return bundle as unknown as Bundle;
}

/**
 * Validates any value as a bundle. Never throws, and is not fooled by what a
 * page adds to `Object.prototype`: returns the typed bundle (null-prototype
 * objects), or the problems found (up to `MAX_PROBLEMS`), each with its JSON path.
 */
export function validateBundle(input: unknown): ValidationResult {
  const found = inspectBundle(input, false);
  const { warnings } = found;
  if (found.problems.length > 0 || found.omitted > 0 || !found.fields) {
    return { ok: false, problems: found.problems, omitted: found.omitted, warnings };
  }
  const lists = {} as Record<ItemKind, OwnRecord[]>;
  for (const kind of ITEM_KINDS) lists[kind] = found.items[kind].valid.map((item) => item.output);
  return { ok: true, bundle: assembleBundle(found.fields, lists), problems: [], warnings };
}
