// The key a pre-rendered card carries, and what changes it: the inputs of a rendering, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { checkBundle, loadBundle, provideBundleBytes, type LoadedBundle } from '../../src/content/load.js';
import { keptKey, keyedBundle, renderKey, type KeptInputs, type RenderInputs } from '../../src/content/render-key.js';
import { reviewRecord } from '../../src/content/review.js';
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
  const therapy = loaded.bundle.therapies[0]!;
  const dueOn = reviewRecord(therapy, loaded.bundle, '2026-01-01').dueOn;
  assert.equal(renderKey(inputs(loaded)), `${loaded.fingerprint} ${loaded.bundle.id} ${therapy.id} en full 3 reviewed ${dueOn} ${loaded.bundle.locale ?? '-'}`);
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

/** What an element asks for now, as `keptKey` takes it, from the inputs of a rendering. */
function keptInputs(loaded: LoadedBundle, overrides: Partial<KeptInputs> = {}): KeptInputs {
  const { itemId, ui, variant, headingLevel, today } = inputs(loaded);
  return { fingerprint: loaded.fingerprint!, url: loaded.baseUrl, itemId, ui, variant, headingLevel, today, ...overrides };
}

test('keptKey: from the hash of the bytes alone, the key the rendering would have, for every input but the bytes', async () => {
  const dated = { ...parsed, therapies: parsed.therapies.map((t: object, i: number) => (i === 0 ? { ...t, nextReviewOn: '2027-06-01' } : t)) };
  const relative = { ...dated, locale: 'de', publisher: { ...parsed.publisher, url: '/about' } };
  for (const doc of [parsed, dated, relative]) {
    const loaded = await loadedFrom(doc, 'https://a.example/b.json');
    const cases: [Partial<RenderInputs>, Partial<KeptInputs>][] = [
      [{}, {}],
      [{ today: '2027-06-01' }, { today: '2027-06-01' }],
      [{ today: '2999-01-01' }, { today: '2999-01-01' }],
      [{ ui: 'de' }, { ui: 'de' }],
      [{ variant: 'compact' }, { variant: 'compact' }],
      [{ headingLevel: 2 }, { headingLevel: 2 }],
      [{ itemId: loaded.bundle.therapies[1]!.id, item: loaded.bundle.therapies[1]! }, { itemId: loaded.bundle.therapies[1]!.id }],
    ];
    const key = renderKey(inputs(loaded))!;
    assert.equal(keptKey(key, keptInputs(loaded)), key);
    assert.equal(keptKey(key, keptInputs(loaded, { today: '2999-01-01' })), renderKey(inputs(loaded, { today: '2999-01-01' })));
    for (const [rendered, now] of cases) {
      // The verdict the loaded bundle would give: the same card exactly when the rendering's inputs are the same.
      assert.equal(keptKey(key, keptInputs(loaded, now)) === key, renderKey(inputs(loaded, rendered)) === key, JSON.stringify(now));
    }
    const moved = keptKey(key, keptInputs(loaded, { url: 'https://c.example/d.json' }));
    assert.equal(moved === key, !dependsOnBaseUrl(doc), 'another URL counts only when links depend on it');
  }
});

test('keptKey: none for other bytes, or a key this version does not write', async () => {
  const loaded = await loadedFrom(parsed);
  const key = renderKey(inputs(loaded))!;
  assert.equal(keptKey(key, keptInputs(loaded, { fingerprint: 'sha256-other' })), undefined);
  assert.equal(keptKey(`${loaded.fingerprint} car-t en full 3 reviewed`, keptInputs(loaded)), undefined);
  assert.deepEqual(keyedBundle(key), { fingerprint: loaded.fingerprint, bundleId: loaded.bundle.id, locale: loaded.bundle.locale });
});
