// own-data.ts: a tree fresh from JSON.parse, handed over, is made own data in
// place (no copy), and every check reads it exactly as it reads a copy.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { handOver, MAX_VALUES } from '../../src/content/own-data.js';
import { salvageBundle } from '../../src/content/salvage.js';
import { MAX_PROBLEMS } from '../../src/content/schema.js';
import { validateBundle } from '../../src/content/validate.js';
import { topFields } from './bundle-fields.js';

type Doc = Record<string, any>;

/** A bundle's JSON text with sound items, broken ones past `MAX_PROBLEMS`, nesting, and `__proto__` keys. */
function hostileText(): string {
  const doc: Doc = {
    ...topFields(),
    therapies: [{ id: 'alpha', name: 'Alphamab', keyPoints: [['deep', [1]]] }],
    experts: [{ id: 'dr-x', name: 'Dr. X' }],
    quotes: [{ id: 'q1', expertId: 'dr-x', text: 'Works.', therapyIds: ['alpha', 'gone'] }],
  };
  for (let i = 0; i < MAX_PROBLEMS + 50; i++) doc.therapies.push(i % 3 ? { id: `t${i}`, name: i } : 'xx');
  const proto = '"__proto__":{"polluted":true,"name":"hidden"},';
  return JSON.stringify(doc).replace(/^\{/, `{${proto}`).replace('"therapies":[{', `"therapies":[{${proto}`);
}

/** Every object and list in `value`, itself included. */
function objectsOf(value: unknown): object[] {
  const found: object[] = [];
  const stack = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== 'object' || next === null) continue;
    found.push(next);
    stack.push(...Object.values(next));
  }
  return found;
}

describe('handOver', () => {
  test('a handed-over tree gives the same salvage and validation as a copied one', () => {
    const text = hostileText();
    const copied = salvageBundle(JSON.parse(text));
    const inPlace = salvageBundle(handOver(JSON.parse(text)));
    assert.ok(copied.hidden.length > MAX_PROBLEMS);
    assert.deepEqual(inPlace, copied);
    assert.deepEqual(inPlace.hidden.map((item) => item.reason), copied.hidden.map((item) => item.reason));
    assert.deepEqual(validateBundle(handOver(JSON.parse(text))), validateBundle(JSON.parse(text)));
  });

  test('the tree is own data in place: no prototype on any object, __proto__ keys kept as data', () => {
    const tree = handOver(JSON.parse(hostileText())) as Doc;
    salvageBundle(tree);
    const objects = objectsOf(tree).filter((object) => !Array.isArray(object));
    assert.ok(objects.length > MAX_PROBLEMS);
    for (const object of objects) assert.equal(Object.getPrototypeOf(object), null);
    assert.equal(Object.hasOwn(tree, '__proto__'), true);
    assert.equal(({} as Doc).polluted, undefined);
  });

  test('an enumerable Object.prototype.name never names a handed-over item', () => {
    (Object.prototype as Doc).name = 'Polluted';
    try {
      const text = JSON.stringify({ ...topFields(), therapies: [{ id: 'nameless' }] });
      const salvage = salvageBundle(handOver(JSON.parse(text)));
      assert.deepEqual(salvage.hidden.map((item) => item.reason), ['therapies[0].name: is required']);
    } finally {
      delete (Object.prototype as Doc).name;
    }
  });

  test(`more than ${MAX_VALUES} values block the bundle as too large, as a copy does`, () => {
    const text = JSON.stringify({ ...topFields(), therapies: new Array(MAX_VALUES).fill(0) });
    const inPlace = salvageBundle(handOver(JSON.parse(text)));
    assert.deepEqual(inPlace.blocking.map((problem) => problem.code), ['too-large']);
    assert.deepEqual(inPlace, salvageBundle(JSON.parse(text)));
  });
});
