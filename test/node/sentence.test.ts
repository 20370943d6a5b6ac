// Sentences of bundle text (src/content/sentence.ts): whether a quote is a
// whole sentence, and the first sentence a compact card shows of a disclaimer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstSentence, isWholeSentence } from '../../src/content/sentence.js';

test('a whole sentence starts with a capital (or a letter without case) and ends with . ! ? or …', () => {
  for (const text of ['That is going to be a big game changer.', '“Is it?”', 'Wait!', '白血病です。', 'Once it is in, it works…']) assert.ok(isWholeSentence(text), text);
  for (const text of ['something that is innate to the patient to target the leukemia', 'lowercase start.', 'No end', '...', '']) {
    assert.ok(!isWholeSentence(text), text);
  }
});

test('the first sentence of a text, by the locale’s rules, never cut after an abbreviation', () => {
  assert.equal(firstSentence('This is example content. Ask your care team.', 'en'), 'This is example content.');
  assert.equal(firstSentence('General facts from Dr. Roe, e.g. these. More.', 'en'), 'General facts from Dr. Roe, e.g. these.');
  assert.equal(firstSentence('Approved in the U.S. for adults. Later more.', 'en'), 'Approved in the U.S. for adults.');
  assert.equal(firstSentence('Is it advice? No.', 'en'), 'Is it advice?');
  assert.equal(firstSentence('  One sentence only  ', 'en'), 'One sentence only');
  assert.equal(firstSentence('Información general. Pregunte a su equipo.', 'es'), 'Información general.');
  assert.equal(firstSentence('', 'en'), '');
});
