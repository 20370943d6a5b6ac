/**
 * The review record of a therapy or an article (SPEC section 4): when it was
 * last checked, by whom, and when it is due again; and the warnings the CLI
 * and the preview give for a bundle. Pure functions: "today" is an argument
 * (from `today()` in clock.ts).
 */
import { warningAt, type Warning } from './problem.js';
import type { Bundle, ItemKind } from './schema.js';

/** Years after `reviewedOn` that a review is due when no `nextReviewOn` says otherwise (the NHS cycle). */
export const REVIEW_CYCLE_YEARS = 3;

/** The review fields an item or a bundle may carry. */
export interface ReviewFields {
  reviewedOn?: string;
  reviewedBy?: string;
  nextReviewOn?: string;
}

export interface ReviewRecord {
  reviewedOn: string;
  reviewedBy?: string;
  nextReviewOn?: string;
  /** The day the next review is due: `nextReviewOn`, else `REVIEW_CYCLE_YEARS` after `reviewedOn`. */
  dueOn: string;
  /** True from `dueOn` on. */
  due: boolean;
}

export type { Warning } from './problem.js';

/** `date` (YYYY-MM-DD) `years` later; 29 February becomes 28 February in a common year. */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The review record of `item` in `bundle`: each of the item's own fields
 * overrides the bundle's. The bundle's `nextReviewOn` is not taken for an item
 * reviewed after it (it belongs to an older review).
 */
export function reviewRecord(item: ReviewFields, bundle: Pick<Bundle, 'reviewedOn'> & ReviewFields, today: string): ReviewRecord {
  const reviewedOn = item.reviewedOn ?? bundle.reviewedOn;
  const reviewedBy = item.reviewedBy ?? bundle.reviewedBy;
  const inherited = bundle.nextReviewOn !== undefined && bundle.nextReviewOn >= reviewedOn ? bundle.nextReviewOn : undefined;
  const nextReviewOn = item.nextReviewOn ?? inherited;
  const dueOn = nextReviewOn ?? addYears(reviewedOn, REVIEW_CYCLE_YEARS);
  return {
    reviewedOn,
    ...(reviewedBy === undefined ? {} : { reviewedBy }),
    ...(nextReviewOn === undefined ? {} : { nextReviewOn }),
    dueOn,
    due: today >= dueOn,
  };
}

/**
 * What an editor should know about a valid bundle, without it being an error:
 * each therapy and article due for review, and each article without a `url`
 * (its teaser then leads nowhere). In document order.
 */
export function bundleWarnings(bundle: Bundle, today: string): Warning[] {
  const warnings: Warning[] = [];
  const due = (kind: ItemKind, item: ReviewFields, index: number) => {
    const record = reviewRecord(item, bundle, today);
    if (record.due) {
      warnings.push(warningAt([kind, index], 'review-due', { value: record.dueOn, expected: record.reviewedOn }));
    }
  };
  bundle.therapies.forEach((therapy, index) => due('therapies', therapy, index));
  bundle.articles.forEach((article, index) => {
    due('articles', article, index);
    if (article.url === undefined) warnings.push(warningAt(['articles', index, 'url'], 'no-link'));
  });
  return warnings;
}
