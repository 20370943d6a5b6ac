import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceAfterEdit, type Load } from '../../demo/preview/text-origin.js';

const defaultLoad: Load = { text: 'DEFAULT', source: { origin: { kind: 'default' } } };
const urlLoad: Load = {
  text: 'FROM URL',
  source: { origin: { kind: 'url', name: 'https://h.example/b.json' }, bundleIntegrity: 'sha384-url' },
  replaced: { text: 'MY DRAFT', source: { origin: { kind: 'default', edited: true } } },
};

test('no load yet: nothing to say', () => {
  assert.equal(sourceAfterEdit([], 'x'), undefined);
});

test("an edit of the last load's text is that load's, edited; the loads stay", () => {
  const after = sourceAfterEdit([defaultLoad, urlLoad], 'FROM URL, changed')!;
  assert.deepEqual(after.source.origin, { kind: 'url', name: 'https://h.example/b.json', edited: true });
  assert.equal(after.loads.length, 2);
});

test('typing back to exactly the loaded text makes it unedited again, with the pin of the loaded bytes', () => {
  const after = sourceAfterEdit([defaultLoad, urlLoad], 'FROM URL')!;
  assert.deepEqual(after.source, urlLoad.source);
});

test('an undo past a load brings back the replaced text\'s origin as it was, and drops the load', () => {
  const after = sourceAfterEdit([defaultLoad, urlLoad], 'MY DRAFT')!;
  assert.deepEqual(after.source, { origin: { kind: 'default', edited: true } });
  assert.deepEqual(after.loads, [defaultLoad]);
  const again = sourceAfterEdit(after.loads, 'DEFAULT')!;
  assert.deepEqual(again.source.origin, { kind: 'default' }, 'and one more undo reaches the default bundle, unedited');
});

test('a load that put back the same text it replaced counts as that load', () => {
  const same: Load = { text: 'SAME', source: { origin: { kind: 'file', name: 'b.json' } }, replaced: { text: 'SAME', source: { origin: { kind: 'paste' } } } };
  assert.deepEqual(sourceAfterEdit([same], 'SAME')!.source.origin, { kind: 'file', name: 'b.json' });
});
