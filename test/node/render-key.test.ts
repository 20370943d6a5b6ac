// The key a pre-rendered card carries, and what changes it: the inputs of a rendering, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { checkBundle, loadBundle, provideBundleBytes, type LoadedBundle } from '../../src/content/load.js';
import { renderKey, type RenderInputs } from '../../src/content/render-key.js';
import { dependsOnBaseUrl } from '../../src/content/urls.js';

const BYTES = readFileSync(new URL('../../src/content/all-immune-therapies.json', import.meta.url));
const parsed = JSON.parse(BYTES.toString('utf8'));

let loads = 0;

/** `doc` as the loader reads it from bytes served at `baseUrl` (each call a load of its own). */
async function loadedFrom(doc: object, baseUrl = 'https://example.org/content/bundle.json'): Promise<LoadedBundle> {
  const url = `${baseUrl}?load=${++loads}`;
  provideBundleBytes(url, new TextEncoder().encode(JSON.stringify(doc)));
  const loaded = await loadBundle(url);
  return { ...loaded, baseUrl };
}

function inputs(loaded: LoadedBundle, overrides: Partial<RenderInputs> = {}): RenderInputs {
  const item = loaded.bundle.therapies[0]!;
  return { itemId: item.id, item, loaded, ui: 'en', variant: 'full', headingLevel: 3, today: '2026-01-01', ...overrides };
}

test('the loader gives a bundle read from bytes their SHA-256', async () => {
  const loaded = await loadedFrom(parsed);
  const expected = `sha256-${createHash('sha256').update(JSON.stringify(parsed)).digest('base64')}`;
  assert.equal(loaded.fingerprint, expected);
});

test('renderKey: equal inputs, equal keys (a second load of the same bytes); it reads as what it covers', async () => {
  const loaded = await loadedFrom(parsed);
  assert.equal(renderKey(inputs(loaded)), renderKey(inputs(await loadedFrom(parsed))));
  assert.equal(renderKey(inputs(loaded)), `${loaded.fingerprint} ${loaded.bundle.therapies[0]!.id} en full 3 reviewed`);
});

test('renderKey: each input of the rendering changes the key', async () => {
  const loaded = await loadedFrom(parsed);
  const base = renderKey(inputs(loaded));
  const changed = {
    bytes: renderKey(inputs(await loadedFrom({ ...parsed, disclaimer: `${parsed.disclaimer} ` }))),
    item: renderKey(inputs(loaded, { itemId: loaded.bundle.therapies[1]!.id, item: loaded.bundle.therapies[1]! })),
    ui: renderKey(inputs(loaded, { ui: 'de' })),
    variant: renderKey(inputs(loaded, { variant: 'compact' })),
    headingLevel: renderKey(inputs(loaded, { headingLevel: 2 })),
    due: renderKey(inputs(loaded, { today: '2999-01-01' })),
  };
  for (const [input, key] of Object.entries(changed)) assert.notEqual(key, base, input);
  assert.equal(new Set(Object.values(changed)).size, Object.keys(changed).length);
});

test('renderKey: today changes it only when the review falls due', async () => {
  const loaded = await loadedFrom(parsed);
  assert.equal(renderKey(inputs(loaded, { today: '2026-01-01' })), renderKey(inputs(loaded, { today: '2026-01-02' })));
});

test('renderKey: the URL the bundle came from counts only when links or images depend on it', async () => {
  assert.equal(dependsOnBaseUrl(parsed), false);
  assert.equal(renderKey(inputs(await loadedFrom(parsed, 'https://a.example/b.json'))), renderKey(inputs(await loadedFrom(parsed, 'https://c.example/d.json'))));
  const relative = { ...parsed, publisher: { ...parsed.publisher, url: '/about' } };
  const image = { ...parsed, articles: [{ ...parsed.articles[0], image: { src: 'https://a.example/x.png', alt: 'x' } }] };
  for (const doc of [relative, image]) {
    assert.equal(dependsOnBaseUrl(doc), true);
    assert.notEqual(renderKey(inputs(await loadedFrom(doc, 'https://a.example/b.json'))), renderKey(inputs(await loadedFrom(doc, 'https://c.example/d.json'))));
  }
});

test('renderKey: none for a bundle given as an object (no bytes to compare)', () => {
  const loaded = checkBundle(parsed, 'given as the bundle property', 'https://example.org/');
  assert.equal(renderKey(inputs(loaded)), undefined);
});
