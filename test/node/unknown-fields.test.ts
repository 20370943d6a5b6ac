// "Did you mean": every field name the schema knows, with one letter dropped,
// two neighbours swapped, or one letter doubled, is traced back to itself
// among the fields of its own object (the objects and their fields read from
// the published JSON Schema), both by `closest` and by the validator's warnings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closest, editDistance } from '../../src/content/closest.js';
import { bundleJsonSchema } from '../../src/content/json-schema.js';
import { validateBundle } from '../../src/content/validate.js';
import { minimal } from './problem-cases.js';

type Doc = Record<string, any>;

/** Each object of the JSON Schema, by a name for messages, with its field names. */
function objectsOf(schema: Doc, name = 'bundle', out: [string, string[]][] = []): [string, string[]][] {
  if (schema.properties) {
    out.push([name, Object.keys(schema.properties)]);
    for (const [key, value] of Object.entries(schema.properties as Record<string, Doc>)) objectsOf(value, `${name}.${key}`, out);
  }
  if (schema.items) objectsOf(schema.items, `${name}[]`, out);
  return out;
}

/** The misspellings of `word`: each letter dropped, each pair of neighbours swapped, each letter doubled. */
function slips(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    out.add(word.slice(0, i) + word.slice(i + 1));
    out.add(word.slice(0, i) + word[i] + word.slice(i));
    if (i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  out.delete(word);
  return [...out];
}

const OBJECTS = objectsOf(bundleJsonSchema());

test('the schema has the objects the slips are tried in', () => {
  assert.deepEqual(OBJECTS.map(([name]) => name), [
    'bundle', 'bundle.publisher', 'bundle.therapies[]', 'bundle.therapies[].sources[]',
    'bundle.articles[]', 'bundle.articles[].image', 'bundle.articles[].video',
    'bundle.experts[]', 'bundle.experts[].photo', 'bundle.quotes[]', 'bundle.quotes[].source',
  ]);
});

test('every field name with a letter dropped, swapped or doubled gets that field as its closest', () => {
  const wrong: string[] = [];
  let tried = 0;
  for (const [name, fields] of OBJECTS) {
    for (const field of fields) {
      for (const slip of slips(field)) {
        if (fields.includes(slip)) continue;
        tried++;
        const found = closest(slip, fields);
        if (found !== field) wrong.push(`${name}: '${slip}' -> ${found ?? 'nothing'}, not '${field}'`);
      }
    }
  }
  assert.ok(tried > 1000, `tried ${tried}`);
  assert.deepEqual(wrong, []);
});

test('a slip in a real bundle is named with its closest field, at the object that holds it', () => {
  for (const [keys, slip, field] of [
    [['therapies', 0], 'whoItsFor', 'whoItIsFor'],
    [['therapies', 0], 'howItIsGivn', 'howItIsGiven'],
    [['quotes', 0], 'contxt', 'context'],
    [['therapies', 0, 'sources', 0], 'uurl', 'url'],
    [[], 'schemaVresion', 'schemaVersion'],
  ] as [(string | number)[], string, string][]) {
    const doc = minimal();
    let target: Doc = doc;
    for (const key of keys) target = target[key];
    target[slip] = 'x';
    const result = validateBundle(doc);
    assert.ok(result.ok, slip);
    assert.deepEqual(
      result.warnings.map((w) => [w.keys, w.code, w.value, w.expected]),
      [[keys, 'unknown-field', slip, field]],
    );
  }
});

test('a field far from every known one gets no suggestion; the distance counts a swap as one edit', () => {
  assert.equal(closest('approvals', ['id', 'name', 'risks']), undefined);
  assert.equal(editDistance('whoItsFor', 'whoItIsFor'), 1);
  assert.equal(editDistance('tilte', 'title'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('kitten', 'sitting'), 3);
});
