// The default bundle tells the truth about itself (SPEC section 7): quotes are
// the expert's words as the source article printed them, cited to that article,
// each with its context; every review record is real; therapy="ID" picks a whole
// sentence about that therapy, or a quote shown with its context; every sentence
// we wrote reads at US grade 8 or lower.
// The checks against ../shared/content (the source article, FACTS.md) run where
// that folder is (CI has it); in a clone without it they are reported as skipped,
// with the reason, and the rest still run.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { selectQuote } from '../../src/content/select.js';
import type { Bundle as Schema } from '../../src/content/schema.js';
import { GOAL_GRADE, readingGrade } from '../../src/tools/reading-grade.js';

interface Record { reviewedOn?: string; reviewedBy?: string; nextReviewOn?: string }
interface Source { title: string; publisher?: string; url?: string; date?: string }
interface Item extends Record { id: string; sources?: Source[]; publishedOn?: string }
interface Therapy extends Item { summary?: string; howItWorks?: string[]; howItIsGiven?: string[]; whoItIsFor?: string; keyPoints?: string[]; risks?: string[]; drugClass?: string; target?: string }
interface Article extends Item { headline: string; summary?: string; takeaways?: string[] }
interface Quote { id: string; text: string; context?: string; therapyIds?: string[]; source?: Source }
interface Bundle extends Record { disclaimer: string; therapies: Therapy[]; articles: Article[]; quotes: Quote[] }

const bundle: Bundle = JSON.parse(readFileSync('src/content/all-immune-therapies.json', 'utf8'));
const today = new Date().toISOString().slice(0, 10);

/** A file of the shared folder, or undefined in a clone without it. */
const shared = (name: string) => (existsSync(`../shared/content/${name}`) ? readFileSync(`../shared/content/${name}`, 'utf8') : undefined);
const article = shared('source-article.txt') ?? '';
const facts = shared('FACTS.md') ?? '';
/** node:test's skip option: false where the file is, else the reason the report shows. */
const skipWithout = (name: string) => (existsSync(`../shared/content/${name}`) ? false : `skipped: ../shared/content/${name} not found (a clone without the shared folder)`);

/** Straight quotes and single spaces: the only differences a copy may have. */
const normalise = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();

/** The title line under the article's "SN//Connect Presents:" banner. */
const articleTitle = () => article.split('\n').map((line) => line.trim()).filter(Boolean)[1]!;

/**
 * What the expert said, as the article prints it between quotation marks. A
 * quoted sentence followed by "Dr. Oluwole says" ends in a comma there; on its
 * own it ends in a period, the usual change when a quote loses its attribution.
 */
const spokenWords = () => [...normalise(article).matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
const asSentence = (spoken: string) => spoken.replace(/,$/, '.');

function isVerbatim(text: string): boolean {
  const words = normalise(text);
  return spokenWords().some((spoken) => spoken.includes(words) || asSentence(spoken).includes(words));
}

const isWholeSentence = (text: string) => /^[A-Z][^]*[.!?]$/.test(text);

/** The quote `<expert-quote therapy="ID">` shows. */
const quoteFor = (therapy: string) => selectQuote(bundle as unknown as Schema, [], { therapy }).item as Quote;

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
test('the source article is the one of 2021-03-12 and the news item keeps that date', { skip: skipWithout('source-article.txt') }, () => {
  assert.match(article, /^March 12, 2021$/m);
  const news = bundle.articles.find((a) => a.id === '2021-03-12-immune-therapies');
  assert.equal(news?.publishedOn, '2021-03-12');
});

test('every quote is the expert’s own words, verbatim from the source article', { skip: skipWithout('source-article.txt') }, () => {
  for (const quote of bundle.quotes) assert.ok(isVerbatim(quote.text), `${quote.id}: "${quote.text}" is not in the article's quotation marks`);
});

test('every quote cites the original SurvivorNet Connect article of 2021-03-12', { skip: skipWithout('source-article.txt') }, () => {
  for (const quote of bundle.quotes) {
    assert.deepEqual(
      { title: quote.source?.title, publisher: quote.source?.publisher, date: quote.source?.date },
      { title: articleTitle(), publisher: 'SurvivorNet Connect', date: '2021-03-12' },
      quote.id,
    );
  }
});

test('every quote says what the expert was talking about (context)', () => {
  for (const quote of bundle.quotes) assert.ok(quote.context?.trim(), `${quote.id}: no context`);
});

test('therapy="ID" picks, for every therapy, a quote about that therapy alone: a whole sentence, or one shown with its context', () => {
  for (const therapy of bundle.therapies) {
    const item = quoteFor(therapy.id);
    assert.deepEqual(item.therapyIds, [therapy.id], `${therapy.id} picks ${item.id}, tagged ${item.therapyIds}`);
    assert.ok(isWholeSentence(item.text) || item.context, `${therapy.id} picks ${item.id}: "${item.text}" is neither a whole sentence nor given a context`);
  }
});

test('the "game changer" sentence, about trials of earlier use, is never the quote of one therapy', () => {
  const gameChanger = bundle.quotes.find((quote) => /game changer/.test(quote.text))!;
  assert.match(gameChanger.context ?? '', /trials/);
  for (const therapy of bundle.therapies) assert.notEqual(quoteFor(therapy.id).id, gameChanger.id, therapy.id);
});

test('every therapy says how it is given and names its main risk first; sources link labels, never a search page', () => {
  for (const therapy of bundle.therapies) {
    assert.ok(therapy.howItIsGiven?.length, `${therapy.id}: no howItIsGiven`);
    assert.match(therapy.risks?.[0] ?? '', /boxed warning/, `${therapy.id}: the first risk (the one a compact card shows) is not the boxed warning`);
    for (const source of therapy.sources ?? []) assert.doesNotMatch(source.url ?? '', /search/, `${therapy.id}: ${source.title} links a search page`);
  }
});

test('every sentence we wrote reads at US grade 8 or lower, item by item (quotes are the expert’s words and stay as spoken)', () => {
  const prose: [string, (string | undefined)[]][] = [
    ['disclaimer', [bundle.disclaimer]],
    ['reviewedBy', [bundle.reviewedBy]],
    ...bundle.therapies.map((t): [string, (string | undefined)[]] => [
      t.id,
      [t.drugClass, t.target, t.summary, ...(t.howItWorks ?? []), ...(t.howItIsGiven ?? []), t.whoItIsFor, ...(t.keyPoints ?? []), ...(t.risks ?? [])],
    ]),
    ...bundle.articles.map((a): [string, (string | undefined)[]] => [a.id, [a.headline, a.summary, ...(a.takeaways ?? []), a.reviewedBy]]),
    ['quote contexts', bundle.quotes.map((q) => q.context)],
  ];
  for (const [name, blocks] of prose) {
    const { grade, longest } = readingGrade(blocks.filter((block): block is string => !!block));
    assert.ok(grade <= GOAL_GRADE, `${name}: grade ${grade}; longest sentence: ${longest[0]}`);
  }
});

test('the review date is the day of the latest fact check in FACTS.md, never later', { skip: skipWithout('FACTS.md') }, () => {
  const checks = [...facts.matchAll(/^## Checked again on (\d{4}-\d{2}-\d{2})/gm)].map((m) => m[1]!).sort();
  assert.ok(checks.length, 'FACTS.md names no "Checked again on" date');
  assert.equal(bundle.reviewedOn, checks.at(-1));
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
