// The key a pre-rendered card carries, and what changes it: the inputs of a rendering, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fingerprint } from '../../src/content/fingerprint.js';
import { checkBundle, type LoadedBundle } from '../../src/content/load.js';
import { renderKey, type RenderInputs } from '../../src/content/render-key.js';
import { dependsOnBaseUrl } from '../../src/content/urls.js';

const BYTES = readFileSync(new URL('../../src/content/all-immune-therapies.json', import.meta.url));
const parsed = JSON.parse(BYTES.toString('utf8'));

function loadedFrom(doc: object, baseUrl = 'https://example.org/content/bundle.json'): LoadedBundle {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  return { ...checkBundle(doc, 'in the test', baseUrl), fingerprint: fingerprint(bytes) };
}

function inputs(loaded: LoadedBundle, overrides: Partial<RenderInputs> = {}): RenderInputs {
  const item = loaded.bundle.therapies[0]!;
  return { tag: 'therapy-card', itemId: item.id, item, loaded, ui: 'en', variant: 'full', headingLevel: 3, today: '2026-01-01', ...overrides };
}

test('fingerprint: the same bytes give the same short key; one byte changed gives another', () => {
  const copy = new Uint8Array(BYTES);
  assert.equal(fingerprint(copy), fingerprint(new Uint8Array(BYTES)));
  assert.match(fingerprint(copy), /^[0-9a-z]{1,11}$/);
  copy[100] = copy[100]! ^ 1;
  assert.notEqual(fingerprint(copy), fingerprint(new Uint8Array(BYTES)));
  assert.notEqual(fingerprint('ab'), fingerprint('ba'));
});

test('renderKey: equal inputs, equal keys (a second load of the same bytes)', () => {
  assert.equal(renderKey(inputs(loadedFrom(parsed))), renderKey(inputs(loadedFrom(parsed))));
});

test('renderKey: each input of the rendering changes the key', () => {
  const loaded = loadedFrom(parsed);
  const base = renderKey(inputs(loaded));
  const changed = {
    bytes: renderKey(inputs(loadedFrom({ ...parsed, disclaimer: `${parsed.disclaimer} ` }))),
    item: renderKey(inputs(loaded, { itemId: loaded.bundle.therapies[1]!.id, item: loaded.bundle.therapies[1]! })),
    tag: renderKey(inputs(loaded, { tag: 'news-teaser' })),
    ui: renderKey(inputs(loaded, { ui: 'de' })),
    variant: renderKey(inputs(loaded, { variant: 'compact' })),
    headingLevel: renderKey(inputs(loaded, { headingLevel: 2 })),
    due: renderKey(inputs(loaded, { today: '2999-01-01' })),
  };
  for (const [input, key] of Object.entries(changed)) assert.notEqual(key, base, input);
  assert.equal(new Set(Object.values(changed)).size, Object.keys(changed).length);
});

test('renderKey: today changes it only when the review falls due', () => {
  const loaded = loadedFrom(parsed);
  assert.equal(renderKey(inputs(loaded, { today: '2026-01-01' })), renderKey(inputs(loaded, { today: '2026-01-02' })));
});

test('renderKey: the URL the bundle came from counts only when links or images depend on it', () => {
  assert.equal(dependsOnBaseUrl(parsed), false);
  assert.equal(renderKey(inputs(loadedFrom(parsed, 'https://a.example/b.json'))), renderKey(inputs(loadedFrom(parsed, 'https://c.example/d.json'))));
  const relative = { ...parsed, publisher: { ...parsed.publisher, url: '/about' } };
  const image = { ...parsed, articles: [{ ...parsed.articles[0], image: { src: 'https://a.example/x.png', alt: 'x' } }] };
  for (const doc of [relative, image]) {
    assert.equal(dependsOnBaseUrl(doc), true);
    assert.notEqual(renderKey(inputs(loadedFrom(doc, 'https://a.example/b.json'))), renderKey(inputs(loadedFrom(doc, 'https://c.example/d.json'))));
  }
});

test('renderKey: none for a bundle given as an object (no bytes to compare)', () => {
  const loaded = checkBundle(parsed, 'given as the bundle property', 'https://example.org/');
  assert.equal(renderKey(inputs(loaded)), undefined);
});
