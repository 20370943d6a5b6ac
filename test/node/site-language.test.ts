// The published site's own words are English; bundle text among them keeps
// the bundle's language and direction (WCAG 3.1.2), as the cards mark theirs.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { publishSite } from '../../src/output/site/write-site.js';

const full = JSON.parse(readFileSync('src/content/all-immune-therapies.json', 'utf8'));

async function publishWith(locale: string) {
  const bundle = { ...full, locale, therapies: full.therapies.slice(0, 1), articles: [], quotes: [] };
  const outDir = join(mkdtempSync(join(tmpdir(), 'therapy-site-lang-')), 'site');
  await publishSite({ bytes: new Uint8Array(Buffer.from(JSON.stringify(bundle))), baseUrl: 'https://cards.example.org/therapy/', outDir });
  const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
  return { catalogue: read('index.html'), page: read(`therapies/${bundle.therapies[0].id}/index.html`) };
}

test('a right-to-left bundle: its title and publisher are marked lang and dir among the English words; the pages stay lang="en"', async () => {
  const { catalogue, page } = await publishWith('he');
  for (const html of [catalogue, page]) {
    assert.match(html, /<html lang="en">/);
    assert.ok(html.includes(`<span lang="he" dir="rtl">${full.title.replace(/&/g, '&amp;')}</span>`), 'the bundle title is marked');
    assert.match(html, /Published by <span lang="he" dir="rtl">/);
  }
  assert.match(catalogue, /<h1><span lang="he" dir="rtl">/);
});

test('an English bundle needs no marks', async () => {
  const { catalogue } = await publishWith('en-GB');
  assert.doesNotMatch(catalogue, /<span lang=/);
});
