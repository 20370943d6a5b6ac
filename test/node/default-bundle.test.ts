// The default bundle tells the truth about itself (SPEC section 7): quotes are
// the expert's words as the source article printed them, cited to that article;
// every review record is real; therapy="ID" picks a whole sentence.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

interface Record { reviewedOn?: string; reviewedBy?: string; nextReviewOn?: string }
interface Source { title: string; publisher?: string; url?: string; date?: string }
interface Item extends Record { id: string; sources?: Source[]; publishedOn?: string }
interface Quote { id: string; text: string; therapyIds?: string[]; source?: Source }
interface Bundle extends Record { therapies: Item[]; articles: Item[]; quotes: Quote[] }

const bundle: Bundle = JSON.parse(readFileSync('src/content/all-immune-therapies.json', 'utf8'));
const article = readFileSync('../shared/content/source-article.txt', 'utf8');
const today = new Date().toISOString().slice(0, 10);

/** Straight quotes and single spaces: the only differences a copy may have. */
const normalise = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();

/** The title line under the article's "SN//Connect Presents:" banner. */
const articleTitle = article.split('\n').map((line) => line.trim()).filter(Boolean)[1]!;

/**
 * What the expert said, as the article prints it between quotation marks. A
 * quoted sentence followed by "Dr. Oluwole says" ends in a comma there; on its
 * own it ends in a period, the usual change when a quote loses its attribution.
 */
const spokenWords = [...normalise(article).matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
const asSentence = (spoken: string) => spoken.replace(/,$/, '.');

function isVerbatim(text: string): boolean {
  const words = normalise(text);
  return spokenWords.some((spoken) => spoken.includes(words) || asSentence(spoken).includes(words));
}

const isWholeSentence = (text: string) =>
  /^[A-Z][^]*[.!?]$/.test(text) && spokenWords.some((spoken) => asSentence(spoken) === normalise(text));

/** An item's review record: its own fields win over the bundle's. */
const record = (item: Item): Record => ({
  reviewedOn: item.reviewedOn ?? bundle.reviewedOn,
  reviewedBy: item.reviewedBy ?? bundle.reviewedBy,
  nextReviewOn: item.nextReviewOn ?? bundle.nextReviewOn,
});

/** The newest date an item states: its sources' dates, its own publication date, and any year named in its text. */
function newestFact(item: Item): string {
  const dates = [...(item.sources ?? []).flatMap((s) => (s.date ? [s.date] : [])), ...(item.publishedOn ? [item.publishedOn] : [])];
  const { sources: _sources, ...text } = item;
  for (const [, year] of JSON.stringify(text).matchAll(/\b((?:19|20)\d\d)\b(?!-)/g)) dates.push(`${year}-01-01`);
  return dates.sort().at(-1) ?? '0000-00-00';
}

test('the source article is the one of 2021-03-12 and the news item keeps that date', () => {
  assert.match(article, /^March 12, 2021$/m);
  const news = bundle.articles.find((a) => a.id === '2021-03-12-immune-therapies');
  assert.equal(news?.publishedOn, '2021-03-12');
});

test('every quote is the expert’s own words, verbatim from the source article', () => {
  for (const quote of bundle.quotes) assert.ok(isVerbatim(quote.text), `${quote.id}: "${quote.text}" is not in the article's quotation marks`);
});

test('every quote cites the original SurvivorNet Connect article of 2021-03-12', () => {
  for (const quote of bundle.quotes) {
    assert.deepEqual(
      { title: quote.source?.title, publisher: quote.source?.publisher, date: quote.source?.date },
      { title: articleTitle, publisher: 'SurvivorNet Connect', date: '2021-03-12' },
      quote.id,
    );
  }
});

test('therapy="ID" picks a whole sentence for every therapy', () => {
  for (const therapy of bundle.therapies) {
    const first = bundle.quotes.find((q) => q.therapyIds?.includes(therapy.id));
    assert.ok(first, `no quote about ${therapy.id}`);
    assert.ok(isWholeSentence(first.text), `${therapy.id} picks ${first.id}: "${first.text}" is not a whole sentence`);
  }
});

test('every review record is true: checked after its newest fact, not in the future, with a later next review', () => {
  const items: [string, Item][] = [
    ...bundle.therapies.map((t, i): [string, Item] => [`therapies[${i}]`, t]),
    ...bundle.articles.map((a, i): [string, Item] => [`articles[${i}]`, a]),
  ];
  for (const [path, item] of items) {
    const { reviewedOn = '', nextReviewOn = '' } = record(item);
    assert.ok(reviewedOn >= newestFact(item), `${path}: reviewed on ${reviewedOn}, before its newest fact (${newestFact(item)})`);
    assert.ok(reviewedOn <= today, `${path}: reviewed on ${reviewedOn}, after today (${today})`);
    assert.ok(nextReviewOn > reviewedOn, `${path}: next review ${nextReviewOn || 'missing'}, not after ${reviewedOn}`);
  }
  assert.ok(bundle.reviewedOn! <= today, `bundle reviewed on ${bundle.reviewedOn}, after today`);
  assert.ok((bundle.nextReviewOn ?? '') > bundle.reviewedOn!, 'bundle: nextReviewOn must be after reviewedOn');
});

test('reviewedBy names who checked, and no clinician', () => {
  const records: [string, Record][] = [
    ['bundle', bundle],
    ...bundle.therapies.map((t, i): [string, Record] => [`therapies[${i}]`, record(t)]),
    ...bundle.articles.map((a, i): [string, Record] => [`articles[${i}]`, record(a)]),
  ];
  for (const [path, { reviewedBy }] of records) {
    assert.ok(reviewedBy?.trim(), `${path}: reviewedBy is missing`);
    assert.doesNotMatch(reviewedBy ?? '', /\b(Dr|MD|M\.D|RN|R\.N)\b/i, `${path}: reviewedBy must not name a clinician`);
  }
});
