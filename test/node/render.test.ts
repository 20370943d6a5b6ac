// `therapy-widgets render` as users run it (the package's bin, in a child process), and its JSON-LD through a structured-data validator.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

const require = createRequire(import.meta.url);
const { structuredDataTest } = require('structured-data-testing-tool') as {
  structuredDataTest: (html: string, options: object) => Promise<{ passed: unknown[]; failed: { description: string }[]; schemas: string[]; structuredData: { jsonld: Record<string, object[]> } }>;
};
const { schemas: schemaOrgTypes } = require('structured-data-testing-tool/lib/schemas') as { schemas: Record<string, unknown> };

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const bin = pkg.bin['therapy-widgets'];
const defaultBundle = 'src/content/all-immune-therapies.json';
const bundle = JSON.parse(readFileSync(defaultBundle, 'utf8'));

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['childNode'];

function cli(...args: string[]) {
  return spawnSync(process.execPath, [bin, 'render', ...args], { encoding: 'utf8' });
}

function* walk(node: Node | DefaultTreeAdapterMap['documentFragment']): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'content' in node && node.tagName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* walk(child);
}
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  const children = 'content' in node && node.tagName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  return children.map(text).join('');
}
const headings = (root: Element | undefined) => [...walk(root!)].filter((e) => /^h[1-6]$/.test(e.tagName)).map((e) => `${e.tagName} ${text(e)}`);

test('one card per item asked for: the element with its attributes, a declarative shadow root, the fallback beside it and JSON-LD; the script tag once', () => {
  const run = cli(defaultBundle, '--item', 'car-t', '--item', 'blinatumomab', '--variant', 'compact', '--heading-level', '2', '--bundle-url', 'https://cdn.example/bundle.json');
  assert.equal(run.status, 0, run.stderr);
  const all = [...walk(parseFragment(run.stdout))];
  assert.equal(all.filter((e) => e.tagName === 'script' && attr(e, 'type') === 'module').length, 1);
  const cards = all.filter((e) => e.tagName === 'therapy-card');
  assert.deepEqual(cards.map((e) => [attr(e, 'therapy'), attr(e, 'variant'), attr(e, 'heading-level'), attr(e, 'src')]), [
    ['car-t', 'compact', '2', 'https://cdn.example/bundle.json'],
    ['blinatumomab', 'compact', '2', 'https://cdn.example/bundle.json'],
  ]);
  for (const card of cards) {
    const [shadow, ruleBefore, fallback, ruleAfter, jsonLd, ...rest] = card.childNodes.filter((n): n is Element => 'tagName' in n);
    assert.equal(rest.length, 0);
    assert.equal(attr(shadow!, 'shadowrootmode'), 'open');
    // A rule before and after the fallback: a sanitizer that strips the element and its template leaves a boundary.
    assert.deepEqual([ruleBefore!.tagName, ruleAfter!.tagName], ['hr', 'hr']);
    assert.equal(fallback!.tagName, 'article');
    assert.equal(attr(jsonLd!, 'type'), 'application/ld+json');
    // The card and its fallback say the same, in the same outline.
    assert.deepEqual(headings(fallback), headings(shadow));
    assert.equal(headings(shadow)[0], `h2 ${bundle.therapies.find((t: { id: string }) => t.id === attr(card, 'therapy')).name}`);
  }
});

test('the pre-rendered quote shows its context in the card and the fallback; the compact card its main risk, the first sentence of the disclaimer and one review line', () => {
  const run = cli(defaultBundle, '--item', 'oluwole-game-changer', '--item', 'inotuzumab', '--variant', 'compact');
  assert.equal(run.status, 0, run.stderr);
  const all = [...walk(parseFragment(run.stdout))];
  const squash = (node: Node) => text(node).replace(/\s+/g, ' ');
  const game = bundle.quotes.find((q: { id: string }) => q.id === 'oluwole-game-changer');
  // The shadow root's template and the fallback, passing over the rules around the fallback.
  const shadowAndFallback = (tag: string) => all.find((e) => e.tagName === tag)!.childNodes.filter((n): n is Element => 'tagName' in n && n.tagName !== 'hr');
  const [quoteShadow, quoteFallback] = shadowAndFallback('expert-quote');
  for (const part of [quoteShadow!, quoteFallback!]) {
    assert.match(squash(part), new RegExp(`${game.context}.*${game.text.replace('.', '\\.')}`));
  }
  const [cardShadow, cardFallback] = shadowAndFallback('therapy-card');
  const firstSentence = bundle.disclaimer.slice(0, bundle.disclaimer.indexOf('.') + 1);
  for (const part of [cardShadow!, cardFallback!]) {
    const shown = squash(part);
    assert.ok(shown.includes(`Main risk: ${bundle.therapies[2].risks[0]}`), shown);
    assert.ok(shown.includes(firstSentence) && !shown.includes(bundle.disclaimer), shown);
    assert.match(shown, /Last reviewed: December 4, 2026 · Published by therapy-widgets content team/);
  }
});

test('lean markup: no hydration comments, no obsolete shadowroot attribute, the styles linked from beside the script, not inline', () => {
  const run = cli(defaultBundle, '--item', 'car-t', '--script', 'https://cdn.example/tw/therapy-widgets.js');
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stdout, /<!--|<\?>|shadowroot="|<style/);
  assert.match(run.stdout, /<template shadowrootmode="open"><link rel="stylesheet" href="https:\/\/cdn\.example\/tw\/therapy-widgets\.css">/);
  assert.match(run.stdout, /^<script type="module" src="https:\/\/cdn\.example\/tw\/therapy-widgets\.js"/);
});

test('every item of the bundle without --item; the links of the card are in its fallback', () => {
  const run = cli(defaultBundle);
  assert.equal(run.status, 0, run.stderr);
  const all = [...walk(parseFragment(run.stdout))];
  const tags = all.filter((e) => e.tagName.includes('-')).map((e) => e.tagName);
  assert.equal(tags.filter((t) => t === 'therapy-card').length, bundle.therapies.length);
  assert.equal(tags.filter((t) => t === 'news-teaser').length, bundle.articles.length);
  assert.equal(tags.filter((t) => t === 'expert-quote').length, bundle.quotes.length);
  const card = all.find((e) => e.tagName === 'therapy-card')!;
  const [shadow, , fallback] = card.childNodes.filter((n): n is Element => 'tagName' in n);
  const links = (root: Element) => [...walk(root)].filter((e) => e.tagName === 'a').map((e) => attr(e, 'href'));
  assert.ok(links(shadow!).length > 0);
  assert.deepEqual(links(fallback!), links(shadow!));
});

test('an unknown item, a bad option and a pin that does not match each fail with a clear message', () => {
  const unknown = cli(defaultBundle, '--item', 'nope');
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /no therapy, article or quote with id 'nope'/);
  const bad = cli(defaultBundle, '--variant', 'huge');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--variant takes full, compact/);
  const pinned = cli(defaultBundle, '--integrity', 'sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  assert.equal(pinned.status, 1);
  assert.equal(pinned.stdout, '');
  // A failed render says why, and nothing about --bundle-url (there is nothing to paste).
  for (const run of [unknown, bad, pinned]) assert.doesNotMatch(run.stderr, /note:|--bundle-url for where/);
});

test('after a render from a file, the note on --bundle-url follows the cards on stderr', () => {
  const run = cli(defaultBundle, '--item', 'car-t');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /^note: the cards refresh from the default bundle beside the script; give --bundle-url/m);
  assert.doesNotMatch(cli(defaultBundle, '--item', 'car-t', '--bundle-url', 'https://cdn.example/b.json').stderr, /--bundle-url/);
});

test('with no --script, a note says the cards load the script and stylesheet from the CDN (a published release only)', () => {
  const defaulted = cli(defaultBundle, '--item', 'car-t', '--bundle-url', 'https://cdn.example/b.json');
  assert.equal(defaulted.status, 0, defaulted.stderr);
  const cdn = /<link rel="stylesheet" href="([^"]*\/)therapy-widgets\.css"/.exec(defaulted.stdout)![1]!;
  assert.match(cdn, /^https:\/\/unpkg\.com\/therapy-widgets@[^/]+\/dist\/$/);
  assert.equal(defaulted.stderr, `note: the cards load the script and its stylesheet from ${cdn} (a published release only); give --script for where you serve dist/therapy-widgets.js, with therapy-widgets.css beside it.\n`);
  assert.match(cli(defaultBundle, '--item', 'car-t', '--no-script', '--bundle-url', 'https://cdn.example/b.json').stderr, /^note: the cards load the script and its stylesheet from https:\/\/unpkg/);
  const given = cli(defaultBundle, '--item', 'car-t', '--bundle-url', 'https://cdn.example/b.json', '--script', '/w/therapy-widgets.js');
  assert.equal(given.stderr, '');
});

test('--no-script writes the cards without the script tag, for a second paste into the same page', () => {
  const first = cli(defaultBundle, '--item', 'car-t');
  const second = cli(defaultBundle, '--item', 'blinatumomab', '--no-script');
  assert.equal(second.status, 0, second.stderr);
  const scripts = (html: string) => [...walk(parseFragment(html))].filter((e) => e.tagName === 'script' && attr(e, 'type') === 'module');
  assert.equal(scripts(first.stdout).length, 1);
  assert.equal(scripts(second.stdout).length, 0);
  assert.equal(scripts(first.stdout + second.stdout).length, 1);
  const cards = [...walk(parseFragment(second.stdout))].filter((e) => e.tagName === 'therapy-card');
  assert.deepEqual(cards.map((e) => attr(e, 'therapy')), ['blinatumomab']);
  assert.match(cli('--help').stdout + cli(defaultBundle, '--help').stdout, /--no-script/);
});

test('bundle text stays text in the card, the fallback and the JSON-LD: no markup, no closing script', () => {
  const dir = mkdtempSync(join(tmpdir(), 'therapy-render-'));
  const hostile = structuredClone(bundle);
  hostile.therapies[0].name = 'CAR T </script><img src=x onerror=alert(1)> & co';
  const file = join(dir, 'hostile.json');
  writeFileSync(file, JSON.stringify(hostile));
  const run = cli(file, '--item', 'car-t');
  assert.equal(run.status, 0, run.stderr);
  const all = [...walk(parseFragment(run.stdout))];
  assert.equal(all.filter((e) => e.tagName === 'img').length, 0);
  const jsonLd = all.find((e) => attr(e, 'type') === 'application/ld+json')!;
  assert.equal(JSON.parse(text(jsonLd)).name, hostile.therapies[0].name);
});

test('the JSON-LD passes a structured-data validator: a schema.org MedicalWebPage about a Drug with its review record, publisher and citations', async () => {
  const run = cli(defaultBundle, '--item', 'car-t', '--lang', 'es');
  assert.equal(run.status, 0, run.stderr);
  const result = await structuredDataTest(run.stdout, {
    schemas: ['jsonld:MedicalWebPage'],
    tests: [
      { test: 'MedicalWebPage[0].about."@type"', expect: 'Drug', type: 'jsonld' },
      { test: 'MedicalWebPage[0].about.name', expect: 'CAR T-cell therapy', type: 'jsonld' },
      { test: 'MedicalWebPage[0].lastReviewed', expect: bundle.reviewedOn, type: 'jsonld' },
      { test: 'MedicalWebPage[0].reviewedBy.name', expect: bundle.reviewedBy, type: 'jsonld' },
      { test: 'MedicalWebPage[0].publisher.name', expect: bundle.publisher.name, type: 'jsonld' },
      { test: 'MedicalWebPage[0].inLanguage', expect: 'en', type: 'jsonld' },
      { test: 'MedicalWebPage[0].citation[2].url', expect: bundle.therapies[0].sources[2].url, type: 'jsonld' },
    ],
  }).catch((error: { type?: string; res?: unknown }) => {
    if (error.type === 'VALIDATION_FAILED') assert.fail(JSON.stringify((error.res as { failed: unknown[] }).failed, null, 1));
    throw error;
  });
  assert.deepEqual(result.failed, []);
  assert.ok(result.schemas.includes('MedicalWebPage'));
  // Every @type used is a schema.org type, as the validator's vocabulary lists them.
  const types = new Set([...run.stdout.matchAll(/"@type":"(\w+)"/g)].map((m) => m[1]!));
  assert.deepEqual([...types].filter((type) => !(type in schemaOrgTypes)), []);
});

test('articles and quotes get JSON-LD too: a NewsArticle and a Quotation, both schema.org types', async () => {
  const run = cli(defaultBundle, '--item', bundle.articles[0].id, '--item', bundle.quotes[0].id);
  assert.equal(run.status, 0, run.stderr);
  const result = await structuredDataTest(run.stdout, { schemas: ['jsonld:MedicalWebPage'] });
  assert.deepEqual(result.failed, []);
  const pages = result.structuredData.jsonld.MedicalWebPage as { about: { '@type': string } }[];
  assert.deepEqual(pages.map((page) => page.about['@type']), ['NewsArticle', 'Quotation']);
  for (const type of ['NewsArticle', 'Quotation', 'Person', 'Organization']) assert.ok(type in schemaOrgTypes, type);
});

test("a quote's JSON-LD carries its context as the Quotation's description, as the card shows it", () => {
  const quote = bundle.quotes.find((item: { context?: string }) => item.context);
  assert.ok(quote, 'the default bundle has a quote with context');
  const run = cli(defaultBundle, '--item', quote.id);
  assert.equal(run.status, 0, run.stderr);
  const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(run.stdout)![1]!;
  const page = JSON.parse(json.replace(/\\u003c/g, '<'));
  assert.equal(page.about['@type'], 'Quotation');
  assert.equal(page.about.description, quote.context);
  assert.equal(page.about.text, quote.text);
});
