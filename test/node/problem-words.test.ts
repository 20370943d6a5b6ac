// Problems and warnings in words (the preview's verdict and warnings): item names,
// 1-based ordinals, field names as words, messages an editor can act on.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { messageInWords, ordinal, placeInWords, problemInWords, unreachableInWords } from '../../src/content/problem-words.js';
import { bundleWarnings } from '../../src/content/review.js';
import { salvageBundle } from '../../src/content/salvage.js';
import { type Problem, type ProblemCode } from '../../src/content/schema.js';
import { validateBundle } from '../../src/content/validate.js';
import { topFields } from './bundle-fields.js';

type Doc = Record<string, any>;

function bundle(): Doc {
  return {
    ...topFields(),
    therapies: [
      { id: 'car-t', name: 'CAR-T cell therapy' },
      { id: 'blinatumomab', name: 'Blinatumomab', sources: [{ title: 'Label', url: 'https://label.example/' }, { title: 'FDA', url: 'javascript:alert(1)' }] },
    ],
    articles: [{ id: 'a1', headline: 'Immune therapies explained', publishedOn: '2024-01-01', therapyIds: ['car-t'] }],
    experts: [{ id: 'dr-x', name: 'Dr. X' }],
    quotes: [{ id: 'q1', expertId: 'dr-x', text: 'It works.' }],
  };
}

/** Every problem of `doc`, each in words. */
function words(doc: Doc): string[] {
  const result = validateBundle(doc);
  assert.equal(result.ok, false);
  return result.problems.map((problem) => problemInWords(problem, doc));
}

/** Notation an editor should never have to read: zero-based indexes, dotted paths, field names in camelCase. */
function assertNoNotation(line: string): void {
  assert.doesNotMatch(line, /\[\d+\]/, line);
  assert.doesNotMatch(line, /\b[a-z]+[A-Z][a-zA-Z]*\b/, line);
  assert.doesNotMatch(line, /\w\.\w+:/, line);
}

describe('problems in words', () => {
  test('the example of SPEC section 8: the item by name, the list entry by its 1-based ordinal, the field as a word', () => {
    const doc = bundle();
    assert.deepEqual(words(doc), ['Blinatumomab › Sources › 2nd source › link: must start with https:// or http://']);
  });

  test('ordinals in English (1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 101st) and Spanish', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map((n) => ordinal(n)),
      ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st'],
    );
    assert.equal(ordinal(2, 'es-MX'), '2.º');
  });

  test('a duplicate id names the other item by its 1-based place and name', () => {
    const doc = bundle();
    doc.therapies[1].sources[1].url = 'https://fda.example/';
    doc.therapies.push({ id: 'blinatumomab', name: 'Blincyto copy' });
    assert.deepEqual(words(doc), ["Blincyto copy › id: 'blinatumomab' is already the id of the 2nd therapy (Blinatumomab): give each item its own id"]);
  });

  test('a newer schema version: no doubled words, and what to do', () => {
    const doc = bundle();
    doc.schemaVersion = 2;
    assert.deepEqual(words(doc), ['Bundle › schema version: 2 is newer than these widgets read (1): update therapy-widgets, or write the bundle for version 1']);
  });

  test('every kind of problem the validator and salvage report reads as words, with no notation left', () => {
    const doc = bundle();
    doc.locale = 'not a locale!';
    doc.publisher.url = 'ftp://publisher.example/';
    doc.nextReviewOn = '2023-01-01';
    doc.therapies[0].summary = '   ';
    doc.therapies[0].keyPoints = ['ok', '\u200b'];
    doc.therapies[0].reviewedOn = '2024-02-30';
    doc.therapies[0].nextReviewOn = '2024/05/01';
    doc.therapies[1].id = 'Blin atumomab';
    doc.therapies[1].brandNames = 'Blincyto';
    doc.articles[0].therapyIds = ['car-t', 'nobody'];
    doc.articles[0].image = { alt: 'x' };
    doc.articles.push({ id: 'a2', publishedOn: '2024-01-01' });
    doc.experts[0].photo = ['a list'];
    doc.quotes[0].expertId = 'dr-nobody';
    doc.quotes[0].articleId = 'nothing';
    const lines = [...words(doc), ...words({ ...bundle(), schemaVersion: 'one' })];
    for (const line of lines) assertNoNotation(line);
    assert.ok(lines.includes('Bundle › language: must be a language code such as "en" or "es-MX"'), lines.join('\n'));
    assert.ok(lines.includes('Bundle › publisher › link: must start with https:// or http://'));
    assert.ok(lines.includes('Bundle › next review: must not be before the last review (2024-01-10)'));
    assert.ok(lines.includes('CAR-T cell therapy › summary: is empty: write the text'));
    assert.ok(lines.includes('CAR-T cell therapy › Key points › 2nd point: has no visible text: write the text'));
    assert.ok(lines.includes('CAR-T cell therapy › reviewed on: 2024-02-30 is not a day of the calendar'));
    assert.ok(lines.includes('CAR-T cell therapy › next review: must be a date written year-month-day, like 2024-03-15'));
    assert.ok(lines.some((line) => line.startsWith('Blinatumomab › id: must be a short name of letters, digits')));
    assert.ok(lines.includes('Blinatumomab › Brand names: must be a list, not text'));
    assert.ok(lines.includes("Immune therapies explained › Therapies it is about › 2nd therapy: no therapy has the id 'nobody'"));
    assert.ok(lines.includes('Immune therapies explained › image › image file: is missing: add it'));
    assert.ok(lines.includes('2nd article › headline: is missing: add it'));
    assert.ok(lines.includes('Dr. X › photo: must be an object, not a list'));
    assert.ok(lines.includes("It works. › expert: no expert has the id 'dr-nobody'"));
    assert.ok(lines.includes("It works. › article: no article has the id 'nothing'"));
    assert.ok(lines.includes('Bundle › schema version: must be 1, the version of the bundle format these widgets read'));
  });

  test('a quote hidden with its expert names the expert by place and name', () => {
    const doc = bundle();
    doc.therapies[1].sources[1].url = 'https://fda.example/';
    doc.experts[0].url = 'javascript:x';
    const hidden = salvageBundle(doc).hidden.flatMap((item) => item.problems as Problem[]);
    assert.deepEqual(
      hidden.map((problem) => problemInWords(problem, doc)),
      ['Dr. X › link: must start with https:// or http://', 'It works. › expert: hidden because its expert, the 1st expert (Dr. X), is hidden'],
    );
  });

  test('an unknown field names the closest known one', () => {
    const doc = bundle();
    doc.therapies[1].sources[1].url = 'https://fda.example/';
    doc.therapies[0].whoItsFor = 'Adults.';
    const result = validateBundle(doc);
    assert.deepEqual(
      result.warnings.map((warning) => problemInWords(warning, doc)),
      ["CAR-T cell therapy: has a field 'whoItsFor' these widgets do not know, so live pages ignore it: did you mean 'whoItIsFor'?"],
    );
  });

  test('every problem code that reads as notation or a rule has its own words', () => {
    const codes: ProblemCode[] = ['url', 'date', 'calendar-date', 'id', 'empty', 'invisible', 'locale', 'required', 'schema-version', 'newer-version', 'duplicate-id', 'unknown-reference', 'review-order', 'hidden-dependency', 'too-large'];
    for (const code of codes) {
      const problem = { keys: ['therapies', 0, 'url'], message: 'the validator’s words', code, value: 'x', expected: '1', refers: ['therapies', 0] };
      assert.notEqual(messageInWords(problem, bundle()), problem.message, code);
    }
  });

  test('warnings (review due, an article with no link) in the same words', () => {
    const doc = bundle();
    doc.therapies[1].sources[1].url = 'https://fda.example/';
    const result = validateBundle(doc);
    assert.ok(result.ok);
    const lines = bundleWarnings(result.bundle, '2030-01-01').map((warning) => problemInWords(warning, doc));
    assert.deepEqual(lines, [
      'CAR-T cell therapy: is due for review since 2027-01-10 (last reviewed 2024-01-10)',
      'Blinatumomab: is due for review since 2027-01-10 (last reviewed 2024-01-10)',
      'Immune therapies explained: is due for review since 2027-01-10 (last reviewed 2024-01-10)',
      'Immune therapies explained › link: is missing: the teaser leads nowhere',
    ]);
  });

  test('a long name is shortened; an item without a name goes by its place; the root is the bundle', () => {
    const doc = bundle();
    doc.therapies[0].name = 'A therapy with a very long name that goes on and on and on';
    assert.equal(placeInWords(['therapies', 0, 'risks', 2], doc), 'A therapy with a very long name that go… › Risks › 3rd risk');
    assert.equal(placeInWords(['therapies', 7], doc), '8th therapy');
    assert.equal(placeInWords([], 'not even an object'), 'The bundle');
  });

  test('a bundle that cannot be fetched says what to check, without jargon', () => {
    const text = unreachableInWords('https://cards.example/bundle.json');
    assert.match(text, /https:\/\/cards\.example\/bundle\.json could not be loaded/);
    assert.match(text, /Access-Control-Allow-Origin/);
    assert.doesNotMatch(text, /CORS/);
  });
});
