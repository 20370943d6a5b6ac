/**
 * The one module that decides what live pages show of a bundle with problems:
 * every item without a problem of its own, as long as the bundle-level fields
 * (id, title, publisher, dates, disclaimer...) are sound. The elements, the
 * preview and the CLI all ask it, so the three never disagree. The result
 * always passes `validateBundle`.
 */
import { finish, VALUES_PER_STEP, type OwnRecord } from './own-data.js';
import { formatProblems, lineOf, plural, reasonOf, type Warning } from './problem.js';
import {
  ITEM_KINDS,
  MAX_PROBLEMS,
  problemAt,
  type Bundle,
  type ItemKind,
  type Problem,
} from './schema.js';
import { assembleBundle } from './validate.js';
import { inspectSteps, LateInvalid, type FieldCheck, type InvalidItem } from './inspect.js';
import { addUnknownFields } from './unknown-fields.js';

/** An item live pages leave out, and why. */
export interface HiddenItem {
  kind: ItemKind;
  /** Its index in the input's list. */
  index: number;
  id?: string;
  /** What hid it, with paths as the input writes them (past `MAX_PROBLEMS` problems, only its first). */
  problems: Problem[];
  /** The hidden item it depends on, when it is hidden only because of that one. */
  dependsOn?: { kind: ItemKind; index: number; id: string };
  /** Its first problem in one line (`path: message`), and how many more. */
  reason: string;
}

export interface Salvage {
  /** What live pages show; absent when a bundle-level problem makes the whole bundle unusable. */
  bundle?: Bundle;
  /** Items of the input that are not in `bundle`, by list then index. */
  hidden: HiddenItem[];
  /** Problems outside any item (bundle-level fields, a list that is not a list) that stop every element. */
  blocking: Problem[];
  /** Problems found beyond `MAX_PROBLEMS`, as `validateBundle` counts them. */
  omitted: number;
  /** Each field the schema does not know (the elements ignore it), up to `MAX_PROBLEMS`, as `validateBundle` finds them. */
  warnings: Warning[];
}


function hiddenItem(kind: ItemKind, { index, id, problems }: InvalidItem): HiddenItem {
  return { kind, index, ...(id === undefined ? {} : { id }), problems, reason: reasonOf(problems) };
}

/** How many problems `item` has, without putting a late one's into words. */
function problemCount(item: HiddenItem): number {
  return item instanceof LateInvalid ? 1 : item.problems.length;
}

/**
 * What live pages show of `input`, in one linear pass: items with a problem
 * are hidden, then, once, what depends on them: a quote whose expert is hidden
 * is hidden too (it cannot be attributed); `therapyIds` and a quote's
 * `articleId` lose the ids of hidden items. Of two items with one id, the
 * later is hidden. Never throws. With the unknown-field warnings, as the CLI
 * and the preview give them.
 */
export function salvageBundle(input: unknown): Salvage {
  return finish(salvageSteps(input, addUnknownFields));
}

/**
 * `salvageBundle` in steps, for `finishSliced` (own-data.ts): the page's
 * loader gives the main thread back between them. Warnings only with `check`:
 * the page's loader leaves it out (see `FieldCheck` in inspect.ts).
 */
export function* salvageSteps(input: unknown, check?: FieldCheck): Generator<void, Salvage> {
  const found = yield* inspectSteps(input, true, check);
  const { warnings } = found;
  if (found.blocking.length > 0 || !found.fields) return { hidden: [], blocking: found.blocking, omitted: found.omitted, warnings };
  const hidden = {} as Record<ItemKind, HiddenItem[]>;
  const gone = {} as Record<ItemKind, Map<string, number>>;
  for (const kind of ITEM_KINDS) {
    gone[kind] = new Map();
    const list: HiddenItem[] = [];
    for (const item of found.items[kind].invalid) {
      if (list.length % VALUES_PER_STEP === VALUES_PER_STEP - 1) yield;
      if (item.id !== undefined && found.ids[kind].get(item.id) === item.index) gone[kind].set(item.id, item.index);
      list.push(item instanceof LateInvalid ? item : hiddenItem(kind, item));
    }
    hidden[kind] = list;
  }
  const kept = {} as Record<ItemKind, OwnRecord[]>;
  for (const kind of ITEM_KINDS) kept[kind] = [];
  for (const kind of ITEM_KINDS) {
    for (const { index, output } of found.items[kind].valid) {
      const expertId = output.expertId;
      const expertAt = typeof expertId === 'string' ? gone.experts.get(expertId) : undefined;
      if (expertId !== undefined && expertAt !== undefined) {
        const problems = [problemAt([kind, index, 'expertId'], 'hidden-dependency', { value: String(expertId), refers: ['experts', expertAt] })];
        const dependsOn = { kind: 'experts' as const, index: expertAt, id: String(expertId) };
        hidden[kind].push({ kind, index, id: String(output.id), problems, dependsOn, reason: reasonOf(problems) });
        continue;
      }
      if (Array.isArray(output.therapyIds)) output.therapyIds = output.therapyIds.filter((ref) => !gone.therapies.has(ref as string));
      if (typeof output.articleId === 'string' && gone.articles.has(output.articleId)) delete output.articleId;
      kept[kind].push(output);
    }
  }
  hidden.quotes.sort((a, b) => a.index - b.index);
  return {
    bundle: assembleBundle(found.fields, kept),
    hidden: ITEM_KINDS.flatMap((kind) => hidden[kind]),
    blocking: [],
    omitted: found.omitted,
    warnings,
  };
}

/** The verdict's first line and its warnings, in words: the CLI prints its own lines of the problems, the preview its own count of warnings. */
export interface VerdictWords {
  /** What live pages show (`Live pages will show N items and hide M`), or that they show nothing and why. */
  shows: string;
  /** `shows`, then how many warnings when there are some: the verdict's first line. */
  headline: string;
  /** One line per unknown field, as `validate` prints it (`warning: path (id): message`). */
  warnings: string[];
}

/** One line per warning, `warning: path (id): message`, as `validate` and the verdict print them. */
export function warningLines(warnings: readonly Warning[]): string[] {
  return warnings.map((warning) => `warning: ${lineOf(warning)}`);
}

/** The lines of the hidden items' problems, at most `MAX_PROBLEMS`, then how many more. */
function hiddenLines(hidden: readonly HiddenItem[]): string[] {
  const lines: string[] = [];
  let printed = 0;
  let rest = 0;
  for (const item of hidden) {
    if (printed >= MAX_PROBLEMS) {
      rest += problemCount(item);
      continue;
    }
    const name = `${item.kind}[${item.index}]${item.id === undefined ? '' : ` '${item.id}'`}`;
    for (const problem of item.problems) {
      if (printed < MAX_PROBLEMS) lines.push(`${name}: ${lineOf(problem)}`);
      else rest++;
      printed++;
    }
  }
  if (rest > 0) lines.push(`… and ${plural(rest, 'more problem')} of hidden items`);
  return lines;
}

/** What live pages show, in words: `Live pages will show N items and hide M`, or that they show nothing and why. */
function showsLine({ bundle, hidden }: Salvage): string {
  return bundle
    ? `Live pages will show ${plural(ITEM_KINDS.reduce((sum, kind) => sum + bundle[kind].length, 0), 'item')} and hide ${hidden.length}`
    : 'Live pages will show nothing of this bundle: it has bundle-level problems';
}

/** The verdict's first line: what live pages show, then how many warnings when there are some. */
function headlineOf(salvage: Salvage, shows = showsLine(salvage)): string {
  const count = salvage.warnings.length;
  return count > 0 ? `${shows}; ${plural(count, 'warning')}: live pages ignore unknown fields` : shows;
}

/** The verdict's first line and warnings (see `verdictLines`), for the CLI and the preview. */
export function verdictWords(salvage: Salvage): VerdictWords {
  const shows = showsLine(salvage);
  return { shows, headline: headlineOf(salvage, shows), warnings: warningLines(salvage.warnings) };
}

/**
 * What live pages do with the bundle, in words, as the page's console says
 * it: `Live pages will show N items and hide M`, then one line per problem of
 * each hidden item (`kind[index] 'id': path: message`), at most
 * `MAX_PROBLEMS` of them; when a bundle-level problem blocks everything, says
 * so and lists those problems instead. No warnings: the page's loader does not
 * look for unknown fields, so its script carries none of their words.
 */
export function pageVerdictLines(salvage: Salvage): string[] {
  return [showsLine(salvage), ...(salvage.bundle ? hiddenLines(salvage.hidden) : formatProblems(salvage.blocking, salvage.omitted))];
}

/**
 * The verdict in words, shared by the CLI and the preview: the page's
 * (`pageVerdictLines`) with how many warnings on its first line and one line
 * per unknown field at the end.
 */
export function verdictLines(salvage: Salvage): string[] {
  const [shows, ...problems] = pageVerdictLines(salvage);
  return [headlineOf(salvage, shows), ...problems, ...warningLines(salvage.warnings)];
}
