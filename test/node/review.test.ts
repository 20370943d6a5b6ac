// The review record (SPEC section 4) and the warnings of a bundle: pure functions, a fixed "today".
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { setClock, today } from '../../src/content/clock.js';
import { bundleWarnings, reviewRecord } from '../../src/content/review.js';
import { type Bundle } from '../../src/content/schema.js';
import { validateBundle } from '../../src/content/validate.js';

const BUNDLE = { reviewedOn: '2021-03-12' };

function bundle(change: (b: Record<string, any>) => void = () => {}): Bundle {
  const doc: Record<string, any> = {
    schemaVersion: 1,
    id: 'b',
    title: 'T',
    publisher: { name: 'P' },
    reviewedOn: '2024-01-10',
    disclaimer: 'D',
    therapies: [{ id: 't1', name: 'One' }, { id: 't2', name: 'Two', reviewedOn: '2025-06-01', nextReviewOn: '2026-06-01' }],
    articles: [{ id: 'a1', headline: 'H', publishedOn: '2024-01-01', url: 'https://x.example/a1' }],
  };
  change(doc);
  const result = validateBundle(doc);
  assert.ok(result.ok, JSON.stringify(result.problems));
  return result.bundle;
}

describe('reviewRecord', () => {
  test('is due three years after reviewedOn when no nextReviewOn is given', () => {
    assert.deepEqual(reviewRecord({}, BUNDLE, '2024-03-11'), { reviewedOn: '2021-03-12', dueOn: '2024-03-12', due: false });
    assert.equal(reviewRecord({}, BUNDLE, '2024-03-12').due, true);
  });

  test('is due on nextReviewOn when given', () => {
    const record = reviewRecord({}, { ...BUNDLE, nextReviewOn: '2022-01-01' }, '2022-01-01');
    assert.deepEqual(record, { reviewedOn: '2021-03-12', nextReviewOn: '2022-01-01', dueOn: '2022-01-01', due: true });
  });

  test("takes the item's own fields over the bundle's, one by one", () => {
    const item = { reviewedOn: '2025-01-01', reviewedBy: 'Dr. Item' };
    const record = reviewRecord(item, { ...BUNDLE, reviewedBy: 'Team', nextReviewOn: '2027-01-01' }, '2026-01-01');
    assert.deepEqual(record, { reviewedOn: '2025-01-01', reviewedBy: 'Dr. Item', nextReviewOn: '2027-01-01', dueOn: '2027-01-01', due: false });
    assert.equal(reviewRecord({}, { ...BUNDLE, reviewedBy: 'Team' }, '2022-01-01').reviewedBy, 'Team');
  });

  test("ignores the bundle's nextReviewOn for an item reviewed after it", () => {
    const record = reviewRecord({ reviewedOn: '2025-01-01' }, { ...BUNDLE, nextReviewOn: '2024-01-01' }, '2026-01-01');
    assert.deepEqual(record, { reviewedOn: '2025-01-01', dueOn: '2028-01-01', due: false });
  });

  test('moves 29 February to 28 February in a common year', () => {
    assert.equal(reviewRecord({ reviewedOn: '2024-02-29' }, BUNDLE, '2020-01-01').dueOn, '2027-02-28');
  });
});

describe('bundleWarnings', () => {
  test('warns for each therapy and article due for review, and nothing else', () => {
    assert.deepEqual(bundleWarnings(bundle(), '2026-01-01'), []);
    const warnings = bundleWarnings(bundle(), '2027-01-10');
    assert.deepEqual(
      warnings.map(({ path, code, message }) => [path, code, message]),
      [
        ['therapies[0]', 'review-due', 'is due for review since 2027-01-10 (last reviewed 2024-01-10)'],
        ['therapies[1]', 'review-due', 'is due for review since 2026-06-01 (last reviewed 2025-06-01)'],
        ['articles[0]', 'review-due', 'is due for review since 2027-01-10 (last reviewed 2024-01-10)'],
      ],
    );
    assert.deepEqual(warnings[1]!.keys, ['therapies', 1]);
  });

  test('warns for an article without a url', () => {
    const warnings = bundleWarnings(bundle((b) => delete b.articles[0].url), '2025-01-01');
    assert.deepEqual(warnings, [{ keys: ['articles', 0, 'url'], path: 'articles[0].url', message: 'is missing: the teaser leads nowhere', code: 'no-link' }]);
  });
});

describe('the clock', () => {
  afterEach(() => setClock());

  test('gives today in UTC as YYYY-MM-DD, and a test can fix it', () => {
    setClock(() => new Date('2030-12-31T23:30:00-05:00'));
    assert.equal(today(), '2031-01-01');
    setClock();
    assert.match(today(), /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(today(), new Date().toISOString().slice(0, 10));
  });
});
