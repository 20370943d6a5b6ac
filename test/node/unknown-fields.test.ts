// "Did you mean": every field name the schema knows, with one letter dropped,
// two neighbours swapped, or one letter doubled, is traced back to itself
// among the fields of its own object (the objects and their fields read from
// the published JSON Schema), by `closest`, by the validator's warnings and by
// the salvage verdict; all found by the one walk that finds the problems.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { closest, editDistance } from '../../src/content/closest.js';
import { inspectBundle } from '../../src/content/inspect.js';
import { bundleJsonSchema } from '../../src/content/json-schema.js';
import { formatPath, MAX_PROBLEMS } from '../../src/content/schema.js';
import { salvageBundle, verdictLines, warningLines } from '../../src/content/salvage.js';
import * as unknownFieldsModule from '../../src/content/unknown-fields.js';
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

/** `bundle.therapies[].sources[]` → `['therapies', 0, 'sources', 0]`. */
function keysOf(name: string): (string | number)[] {
  return name.split('.').slice(1).flatMap((part) => (part.endsWith('[]') ? [part.slice(0, -2), 0] : [part]));
}

/** A valid bundle holding one of each object of the schema. */
function everyObject(): Doc {
  const doc = minimal();
  doc.articles[0].video = { url: 'https://v.example', title: 'V' };
  doc.experts[0].photo = { src: '/x.jpg', alt: '' };
  doc.quotes[0].source = { title: 'S' };
  return doc;
}

test('validation and the salvage verdict warn of every slip once, at its object, naming the field it slipped from', () => {
  const wrong: string[] = [];
  let tried = 0;
  for (const [name, fields] of OBJECTS) {
    const keys = keysOf(name);
    for (const field of fields) {
      for (const slip of slips(field)) {
        if (fields.includes(slip)) continue;
        tried++;
        const doc = everyObject();
        let target: Doc = doc;
        for (const key of keys) target = target[key];
        target[slip] = 'x';
        const result = validateBundle(doc);
        const salvage = salvageBundle(doc);
        // A warning in an item, or in an object inside it, names the item.
        const owner = typeof keys[1] === 'number' ? doc[keys[0]!][keys[1]] : undefined;
        const item = owner ? ` (${owner.id})` : '';
        const line = `warning: ${formatPath(keys)}${item}: unknown field '${slip}' (did you mean '${field}'?)`;
        const found = JSON.stringify([result.ok, result.warnings.map((w) => [w.keys, w.value, w.expected]), salvage.warnings, verdictLines(salvage)]);
        const expected = JSON.stringify([true, [[keys, slip, field]], result.warnings, [`Live pages will show 4 items and hide 0; 1 warning: live pages ignore unknown fields`, line]]);
        if (found !== expected) wrong.push(`${name} '${slip}': ${found}`);
      }
    }
  }
  assert.ok(tried > 1000, `tried ${tried}`);
  assert.deepEqual(wrong, []);
});

test('one walk: unknown-fields.ts checks one value against one schema, and only the walk of problems calls it (validate and salvage hand it over)', () => {
  assert.deepEqual(Object.keys(unknownFieldsModule), ['addUnknownFields']);
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
    });
  const files = ['src', 'demo', 'scripts'].flatMap(sources);
  const importers = files.filter((path) => readFileSync(path, 'utf8').includes('unknown-fields.js')).sort();
  assert.deepEqual(importers, ['inspect.ts', 'salvage.ts', 'validate.ts'].map((name) => join('src', 'content', name)));
  const callers = files.filter((path) => !path.endsWith('unknown-fields.ts') && /addUnknownFields\(|\bcheck\??\.?\(found\.warnings/.test(readFileSync(path, 'utf8')));
  assert.deepEqual(callers, [join('src', 'content', 'inspect.ts')], 'only the walk runs the check');
  const doc = everyObject();
  doc.therapies[0].name = '';
  doc.therapies[0].whoItsFor = 'x';
  assert.deepEqual(inspectBundle(doc).warnings, [], 'no check handed over (the page\'s loader): no warnings');
  const found = inspectBundle(doc, true, unknownFieldsModule.addUnknownFields);
  assert.deepEqual(found.warnings, validateBundle(doc).warnings);
  assert.deepEqual(found.warnings.map((w) => w.path), ['therapies[0]']);
  assert.deepEqual(found.problems.map((p) => p.path), ['therapies[0].name']);
});

test('warnings come in document order, the bundle\'s own first, then each field and item where the bundle writes it', () => {
  // The lists before the publisher: its warning comes after theirs.
  const { publisher, therapies, ...rest } = everyObject();
  const doc: Doc = { ...rest, therapies, publisher, extra: 1 };
  therapies[0].sources[0].uurl = 'x';
  therapies[0].whoItsFor = 'x';
  publisher.logo = 'x';
  doc.quotes[0].contxt = 'x';
  assert.deepEqual(validateBundle(doc).warnings.map((w) => `${w.path} ${w.value}`), [
    '(root) extra',
    'quotes[0] contxt',
    'therapies[0] whoItsFor',
    'therapies[0].sources[0] uurl',
    'publisher logo',
  ]);
});

test('a warning inside an item names that item, as validate prints it', () => {
  const doc = everyObject();
  doc.therapies[0].sources[0].uurl = 'x';
  doc.publisher.logo = 'x';
  const found = validateBundle(doc).warnings;
  assert.deepEqual(found.map((w) => [w.path, w.item]), [
    ['publisher', undefined],
    ['therapies[0].sources[0]', doc.therapies[0].id],
  ]);
  assert.match(warningLines(found)[1]!, new RegExp(`^warning: therapies\\[0\\]\\.sources\\[0\\] \\(${doc.therapies[0].id}\\): unknown field 'uurl'`));
});

test(`past ${MAX_PROBLEMS} warnings no item's fields are looked at, broken items' included`, () => {
  const doc = everyObject();
  doc.therapies = Array.from({ length: 3 * MAX_PROBLEMS }, (_, i) => ({ id: `t${i}`, ...(i % 2 ? { name: 'N' } : {}), nmae: 'x' }));
  const looked = new Set<string>();
  const keys = Object.keys;
  Object.keys = (value: object) => {
    // The walk's checked copy: null-prototype objects.
    if (Object.getPrototypeOf(value) === null && typeof (value as Doc).id === 'string') looked.add((value as Doc).id);
    return keys(value);
  };
  let result;
  try {
    result = validateBundle(doc);
  } finally {
    Object.keys = keys;
  }
  assert.equal(result.warnings.length, MAX_PROBLEMS);
  assert.deepEqual(result.warnings.map((w) => w.item), Array.from({ length: MAX_PROBLEMS }, (_, i) => `t${i}`));
  const therapies = [...looked].filter((id) => /^t\d+$/.test(id));
  assert.deepEqual(therapies, Array.from({ length: MAX_PROBLEMS }, (_, i) => `t${i}`));
});

test("names of Object.prototype's members are unknown fields like any other, __proto__ included", () => {
  const doc = JSON.parse(JSON.stringify(everyObject()).replace('"therapies":[{', '"therapies":[{"__proto__":{"name":"x"},"constructor":1,'));
  doc.publisher.toString = 'x';
  doc.quotes[0].source.hasOwnProperty = 'x';
  assert.deepEqual(validateBundle(doc).warnings.map((w) => `${w.path} ${w.value}`), [
    'publisher toString',
    'therapies[0] __proto__',
    'therapies[0] constructor',
    'quotes[0].source hasOwnProperty',
  ]);
});
