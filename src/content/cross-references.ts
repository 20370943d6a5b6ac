/**
 * The rules across one bundle that no item's schema can see: duplicate ids,
 * references to ids that do not exist, review dates out of order. The walk in
 * inspect.ts asks them of each item after its schema.
 */
import { isCalendarDate } from './schema.js';
import { ITEM_KINDS, type ItemKind } from './item-kinds.js';
import { isRecord, problemAt, type PathKey, type Problem } from './problem.js';
import type { OwnRecord } from './own-data.js';

/** For each list, every string id and the index it is first seen at. */
export type Ids = Record<ItemKind, Map<string, number>>;

/** A review's next date that comes before the review itself. */
export function reviewOrder(next: unknown, reviewed: unknown, keys: PathKey[]): Problem[] {
  if (typeof next !== 'string' || typeof reviewed !== 'string') return [];
  if (!isCalendarDate(next) || !isCalendarDate(reviewed) || next >= reviewed) return [];
  return [problemAt(keys, 'review-order', { value: reviewed })];
}

/** Every string id of each list of `doc`, with the index it is first seen at. */
export function collectIds(doc: OwnRecord): Ids {
  const ids = {} as Ids;
  for (const kind of ITEM_KINDS) {
    const found = new Map<string, number>();
    const list = doc[kind];
    if (Array.isArray(list)) {
      for (let index = 0; index < list.length; index++) {
        const item: unknown = list[index];
        if (isRecord(item) && typeof item.id === 'string' && !found.has(item.id)) found.set(item.id, index);
      }
    }
    ids[kind] = found;
  }
  return ids;
}

/** Adds to `problems` (while under `limit`) that `value`, a reference found at `keys`, names no item of `target`. */
function reference(problems: Problem[], limit: number, ids: Ids, value: unknown, target: ItemKind, keys: PathKey[]): void {
  if (typeof value === 'string' && !ids[target].has(value) && problems.length < limit) {
    problems.push(problemAt(keys, 'unknown-reference', { value, refers: [target] }));
  }
}

/**
 * The problems of one item that its schema cannot see: a duplicate id,
 * references to ids that do not exist, review dates out of order. At most
 * `limit` of them.
 */
export function crossProblems(
  bundleReviewedOn: unknown,
  ids: Ids,
  kind: ItemKind,
  index: number,
  item: OwnRecord,
  limit: number,
): Problem[] {
  const problems: Problem[] = [];
  const first = typeof item.id === 'string' ? ids[kind].get(item.id) : undefined;
  if (first !== undefined && first !== index) {
    problems.push(problemAt([kind, index, 'id'], 'duplicate-id', { value: String(item.id), refers: [kind, first] }));
  }
  if (kind === 'quotes') {
    reference(problems, limit, ids, item.expertId, 'experts', [kind, index, 'expertId']);
    reference(problems, limit, ids, item.articleId, 'articles', [kind, index, 'articleId']);
  }
  const therapyIds = item.therapyIds;
  if ((kind === 'articles' || kind === 'quotes') && Array.isArray(therapyIds)) {
    for (let i = 0; i < therapyIds.length && problems.length < limit; i++) {
      reference(problems, limit, ids, therapyIds[i], 'therapies', [kind, index, 'therapyIds', i]);
    }
  }
  if (kind === 'therapies' || kind === 'articles') {
    const reviewed = item.reviewedOn === undefined ? bundleReviewedOn : item.reviewedOn;
    problems.push(...reviewOrder(item.nextReviewOn, reviewed, [kind, index, 'nextReviewOn']));
  }
  return problems.slice(0, limit);
}
