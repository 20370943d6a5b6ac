/**
 * What the preview can still show of a bundle that has problems: every item
 * without a problem of its own, as long as the bundle-level fields (id, title,
 * publisher, dates, disclaimer...) are sound. The result always passes
 * `validateBundle`, so the elements receive a bundle as valid as a published one.
 */
import { ITEM_KINDS, problemAt, validateBundle, type Bundle, type ItemKind, type Problem, type ValidationResult } from './schema.js';

/** An item left out of the preview, and why. */
export interface HiddenItem {
  kind: ItemKind;
  /** Its index in the input's list. */
  index: number;
  id?: string;
  /** The first problem found in it (`path: message`), or the item it depends on. */
  reason: string;
  /** The problems found in it (paths as the input writes them). */
  problems: Problem[];
  /** The hidden item it depends on (a quote's expert). */
  dependsOn?: { kind: ItemKind; index: number; id: string };
}

export interface Salvage {
  /** The previewable part of the input; absent when nothing can be previewed. */
  bundle?: Bundle;
  /** Items of the input that are not in `bundle`. */
  hidden: HiddenItem[];
  /** Problems outside any item (bundle-level fields, a list that is not a list) that stop any preview. */
  blocking: Problem[];
}

interface Entry {
  /** Index in the input's list. */
  index: number;
  value: unknown;
}

type Lists = Record<ItemKind, Entry[]>;

const ITEM_PATH = /^(therapies|articles|experts|quotes)\[(\d+)\]/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The item a problem belongs to, `['quotes', 2]`, or undefined for bundle-level problems. */
function itemOf(path: string): [ItemKind, number] | undefined {
  const match = ITEM_PATH.exec(path);
  return match ? [match[1] as ItemKind, Number(match[2])] : undefined;
}

function idOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.id === 'string' ? value.id : undefined;
}

function assemble(input: Record<string, unknown>, lists: Lists): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  for (const kind of ITEM_KINDS) {
    if (Object.hasOwn(input, kind)) out[kind] = lists[kind].map((entry) => entry.value);
  }
  return out;
}

/**
 * Removes references to items that are no longer there: a quote whose expert
 * is hidden is hidden too (it cannot be attributed); `therapyIds` and a
 * quote's `articleId` simply lose the missing id.
 */
function dropDangling(lists: Lists, hidden: HiddenItem[], gone: Record<ItemKind, Map<string, number>>): void {
  const kept = (kind: ItemKind) => new Set(lists[kind].map((entry) => idOf(entry.value)).filter((id): id is string => !!id));
  const experts = kept('experts');
  lists.quotes = lists.quotes.filter((entry) => {
    const quote = entry.value;
    const expertId = isRecord(quote) ? quote.expertId : undefined;
    if (typeof expertId !== 'string' || experts.has(expertId) || !gone.experts.has(expertId)) return true;
    const id = idOf(quote);
    hidden.push({
      kind: 'quotes',
      index: entry.index,
      ...(id ? { id } : {}),
      reason: `its expert '${expertId}' (experts[${gone.experts.get(expertId)}]) is not shown`,
      problems: [],
      dependsOn: { kind: 'experts', index: gone.experts.get(expertId)!, id: expertId },
    });
    return false;
  });
  const therapies = kept('therapies');
  const articles = kept('articles');
  const prune = (entry: Entry) => {
    const item = entry.value;
    if (!isRecord(item)) return entry;
    let copy: Record<string, unknown> | undefined;
    if (Array.isArray(item.therapyIds) && item.therapyIds.some((ref) => typeof ref === 'string' && gone.therapies.has(ref) && !therapies.has(ref))) {
      copy = { ...item, therapyIds: item.therapyIds.filter((ref) => !(typeof ref === 'string' && gone.therapies.has(ref) && !therapies.has(ref))) };
    }
    if (typeof item.articleId === 'string' && gone.articles.has(item.articleId) && !articles.has(item.articleId)) {
      copy = { ...(copy ?? item) };
      delete copy.articleId;
    }
    return copy ? { index: entry.index, value: copy } : entry;
  };
  lists.articles = lists.articles.map(prune);
  lists.quotes = lists.quotes.map(prune);
}

/**
 * The largest part of `input` that can be previewed safely. Items with a
 * problem are left out, then whatever depended on them; this repeats until
 * the rest validates (problems beyond `MAX_PROBLEMS` show up in later rounds).
 * Never throws.
 */
export function salvageBundle(input: unknown, result: ValidationResult = validateBundle(input)): Salvage {
  if (result.ok) return { bundle: result.bundle, hidden: [], blocking: [] };
  if (!isRecord(input)) return { hidden: [], blocking: result.problems };
  const lists = {} as Lists;
  for (const kind of ITEM_KINDS) {
    const list = Object.hasOwn(input, kind) ? input[kind] : undefined;
    lists[kind] = Array.isArray(list) ? list.map((value, index) => ({ index, value })) : [];
  }
  const hidden: HiddenItem[] = [];
  const gone = { therapies: new Map(), articles: new Map(), experts: new Map(), quotes: new Map() } as Record<ItemKind, Map<string, number>>;
  let current: ValidationResult = result;
  for (;;) {
    if (current.ok) {
      hidden.sort((a, b) => ITEM_KINDS.indexOf(a.kind) - ITEM_KINDS.indexOf(b.kind) || a.index - b.index);
      return { bundle: current.bundle, hidden, blocking: [] };
    }
    const blocking = current.problems.filter((problem) => !itemOf(problem.path));
    if (blocking.length > 0) return { hidden: [], blocking };
    // Problems by item, keyed by position in the current (already reduced) lists.
    const byItem = new Map<string, Problem[]>();
    for (const problem of current.problems) {
      const [kind, position] = itemOf(problem.path)!;
      const key = `${kind}[${position}]`;
      byItem.set(key, [...(byItem.get(key) ?? []), problem]);
    }
    let dropped = 0;
    for (const kind of ITEM_KINDS) {
      lists[kind] = lists[kind].filter((entry, position) => {
        const problems = byItem.get(`${kind}[${position}]`);
        if (!problems) return true;
        const id = idOf(entry.value);
        // Report paths as the input writes them, not as the reduced list numbers them.
        const own = problems.map((p) => problemAt([kind, entry.index, ...p.keys.slice(2)], p.message));
        const [first] = own;
        const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
        hidden.push({ kind, index: entry.index, ...(id ? { id } : {}), reason: `${first!.path}: ${first!.message}${more}`, problems: own });
        if (id && !gone[kind].has(id)) gone[kind].set(id, entry.index);
        dropped++;
        return false;
      });
    }
    if (dropped === 0) return { hidden: [], blocking: current.problems };
    dropDangling(lists, hidden, gone);
    current = validateBundle(assemble(input, lists));
  }
}
