// What validation and salvage say of a representative set of broken bundles
// (test/node/problem-cases.ts): the words are pinned to what main's code said
// before round 2 (fixtures/problems.before-round2.json), and each problem's
// machine code and keys are pinned here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { salvageBundle, verdictLines } from '../../src/content/salvage.js';
import { formatPath } from '../../src/content/schema.js';
import { validateBundle } from '../../src/content/validate.js';
import { PROBLEM_CASES } from './problem-cases.js';

const BEFORE = JSON.parse(readFileSync('test/node/fixtures/problems.before-round2.json', 'utf8')) as Record<string, unknown>;

/** The codes of each case's problems, in order (validateBundle's, then the hidden items' in salvage). */
const CODES: Record<string, string[]> = {
  'a number': ['type'],
  'a list': ['type'],
  null: ['type'],
  'schemaVersion 2': ['newer-version'],
  'schemaVersion "1"': ['schema-version'],
  'no schemaVersion': ['required'],
  'no id, title or publisher name': ['required', 'required', 'required'],
  'publisher a list': ['type'],
  'bundle reviewedOn 2021-02-30': ['calendar-date'],
  'locale en_US and 123': ['id', 'locale'],
  'disclaimer blank and invisible title': ['invisible', 'empty'],
  'therapies not a list': ['type', 'unknown-reference', 'unknown-reference'],
  'bundle review order': ['review-order'],
  'a therapy that is a list': ['type', 'unknown-reference', 'unknown-reference'],
  'a therapy with many problems': ['type', 'url', 'date', 'required', 'type', 'type', 'type'],
  'a therapy without name': ['required'],
  'duplicate therapy id': ['duplicate-id'],
  'an id with a space': ['id', 'unknown-reference'],
  'article image and video': ['url', 'type', 'required'],
  'article publishedOn bad': ['calendar-date'],
  'unknown references': ['unknown-reference', 'unknown-reference', 'unknown-reference'],
  'a hidden expert hides its quote': ['required'],
  'a hidden therapy and article leave the quote': ['empty', 'type'],
  'item review order': ['review-order'],
  '150 nameless therapies': Array(100).fill('required'),
  '150 nameless therapies and a bad disclaimer': ['empty', ...Array(75).fill('type'), 'unknown-reference', 'unknown-reference'],
  'a big item': ['type'],
  'more values than the limit': ['too-large'],
  'a Proxy that throws': ['unreadable'],
};

/** The codes salvage gives hidden items that validation does not: a quote hidden with its expert. */
const SALVAGE_CODES: Record<string, string[]> = {
  'a hidden expert hides its quote': ['required', 'hidden-dependency'],
};

for (const [name, make] of PROBLEM_CASES) {
  test(`${name}: the same words as before, each problem with its code and keys`, () => {
    const result = validateBundle(make());
    const salvage = salvageBundle(make());
    const now = {
      problems: result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`),
      omitted: result.ok ? 0 : result.omitted,
      verdict: verdictLines(salvage),
    };
    assert.deepEqual(now, BEFORE[name]);
    const problems = result.ok ? [] : result.problems;
    assert.deepEqual(problems.map((p) => p.code), CODES[name]);
    for (const problem of problems) assert.equal(formatPath(problem.keys), problem.path);
    if (SALVAGE_CODES[name]) {
      assert.deepEqual(salvage.hidden.flatMap((item) => item.problems.map((p) => p.code)), SALVAGE_CODES[name]);
    }
  });
}

test('facts: a duplicate id and a hidden dependency point at the other item, a type problem names the type wanted', () => {
  const find = (name: string) => PROBLEM_CASES.find(([n]) => n === name)![1]();
  const duplicate = validateBundle(find('duplicate therapy id'));
  assert.ok(!duplicate.ok);
  assert.deepEqual(duplicate.problems[0], {
    path: 'therapies[1].id',
    keys: ['therapies', 1, 'id'],
    code: 'duplicate-id',
    value: 'alpha',
    refers: ['therapies', 0],
    message: "duplicate id 'alpha' (also at therapies[0])",
  });
  const dependent = salvageBundle(find('a hidden expert hides its quote')).hidden[1]!.problems[0];
  assert.deepEqual({ ...dependent, keys: [...dependent!.keys] }, {
    path: 'quotes[0].expertId',
    keys: ['quotes', 0, 'expertId'],
    code: 'hidden-dependency',
    value: 'dr-x',
    refers: ['experts', 0],
    message: "hidden because its expert 'dr-x' (experts[0]) is hidden",
  });
  const typed = validateBundle(find('a therapy with many problems'));
  assert.ok(!typed.ok);
  assert.deepEqual(typed.problems.filter((p) => p.code === 'type').map((p) => [p.path, p.expected]), [
    ['therapies[0].name', 'string'],
    ['therapies[0].sources[1]', 'object'],
    ['therapies[0].brandNames', 'array'],
    ['therapies[0].howItWorks[1]', 'string'],
  ]);
});
