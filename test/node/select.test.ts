// Which quote <expert-quote therapy="ID"> shows (selectQuote in
// src/content/select.ts): a whole sentence about that therapy alone first, then
// one about it alone shown with its context, then one about several therapies
// only with its context; a fragment with neither comes last.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ContentError } from '../../src/content/content-error.js';
import type { Bundle, Quote } from '../../src/content/schema.js';
import { selectQuote } from '../../src/content/select.js';

const quote = (id: string, text: string, therapyIds: string[], context?: string): Quote => ({
  id, expertId: 'x', text, therapyIds, ...(context ? { context } : {}),
});

const bundleOf = (...quotes: Quote[]) => ({ quotes }) as unknown as Bundle;
const pick = (therapy: string, ...quotes: Quote[]) => selectQuote(bundleOf(...quotes), [], { therapy }).id;

const shared = quote('shared', 'That will change things.', ['a', 'b'], 'On trials of all of them');
const sharedBare = quote('shared-bare', 'That will change things.', ['a', 'b']);
const fragment = quote('fragment', 'something innate to the patient', ['a']);
const fragmentWithContext = quote('fragment-context', 'something innate to the patient', ['a'], 'On what is good about A: it uses');
const sentence = quote('sentence', 'A works well.', ['a']);

test('a whole sentence about the therapy alone wins, wherever it stands', () => {
  assert.equal(pick('a', shared, fragmentWithContext, fragment, sentence), 'sentence');
});

test('then a quote about it alone with its context, before one about several therapies', () => {
  assert.equal(pick('a', shared, fragment, fragmentWithContext), 'fragment-context');
});

test('a quote about several therapies only with its context, and before a bare fragment', () => {
  assert.equal(pick('a', sharedBare, fragment, shared), 'shared');
  assert.equal(pick('b', sharedBare, shared), 'shared');
});

test('a bare fragment about the therapy is the last resort; the bundle order breaks ties', () => {
  assert.equal(pick('a', sharedBare, fragment), 'fragment');
  assert.equal(pick('a', quote('first', 'One.', ['a']), quote('second', 'Two.', ['a'])), 'first');
});

test('only quotes about several therapies with no context: not-found, saying why', () => {
  assert.throws(
    () => pick('b', sharedBare, fragment),
    (error: unknown) =>
      error instanceof ContentError && error.code === 'not-found' && /only quotes are about several therapies and have no context/.test(error.message),
  );
  assert.throws(() => pick('c', shared), (error: unknown) => error instanceof ContentError && /Therapies with quotes: 'a', 'b'/.test(error.message));
});
