// The published JSON Schema agrees with the validator: Ajv (with ajv-formats)
// and validateBundle give the same verdict on the valid and the broken test
// bundles, except where JSON Schema cannot say the rule (EXPECTED_DIFFERENCES).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { bundleJsonSchema } from '../../src/content/json-schema.js';
import { validateBundle, type Quote, type Therapy } from '../../src/content/schema.js';

type Doc = Record<string, any>;

const DEFAULT = JSON.parse(readFileSync('src/content/all-immune-therapies.json', 'utf8'));

/** The minimal bundle: only required fields, one item of each kind. */
const MINIMAL = {
  schemaVersion: 1,
  id: 'min',
  title: 'T',
  publisher: { name: 'P' },
  reviewedOn: '2024-01-15',
  disclaimer: 'D',
  therapies: [{ id: 't', name: 'T' }],
  articles: [{ id: 'a', headline: 'H', publishedOn: '2020-01-01' }],
  experts: [{ id: 'e', name: 'E' }],
  quotes: [{ id: 'q', expertId: 'e', text: 'Q' }],
};

/** Rules across the document, which JSON Schema cannot express. */
const EXPECTED_DIFFERENCES = new Set(['duplicate id', 'dangling reference', 'review dates out of order']);

const BAD_URLS = ['javascript:alert(1)', 'JavaScript:x', ' https://x', 'java\tscript:x', 'data:text/html,x', 'mailto:a@b', 'ftp://x', 'https://exa mple.org', 'https://x\n', ''];
const GOOD_URLS = ['https://x', 'http://x', '/rel', 'rel/path', '../x', '?q', '#frag', '//host/x', 'HTTPS://X', 'rel/path:with-colon'];
const BAD_DATES = ['2021-02-30', '2023-02-29', '1900-02-29', '2021-13-01', '2021-00-10', '2021-01-32', '2021-3-12', '2021-03-12T00:00:00Z', '', '２０２１-03-12'];
const INVISIBLE = ['', ' ', '\u200b', '\u2060', '\u00ad', '\u3164', '\u2800', '\u202e', '\ufeff'];

/** [name, change]: each applied to a fresh copy of both base bundles. */
const CHANGES: [string, (b: Doc) => void][] = [
  ['nothing', () => {}],
  ['schemaVersion 2', (b) => (b.schemaVersion = 2)],
  ['schemaVersion 0', (b) => (b.schemaVersion = 0)],
  ['schemaVersion 1.5', (b) => (b.schemaVersion = 1.5)],
  ['schemaVersion "1"', (b) => (b.schemaVersion = '1')],
  ['no schemaVersion', (b) => delete b.schemaVersion],
  ['no id', (b) => delete b.id],
  ['no title', (b) => delete b.title],
  ['no publisher name', (b) => delete b.publisher.name],
  ['publisher a list', (b) => (b.publisher = [])],
  ['no reviewedOn', (b) => delete b.reviewedOn],
  ['no disclaimer', (b) => delete b.disclaimer],
  ['therapies not a list', (b) => (b.therapies = 'x')],
  ['a therapy that is a list', (b) => (b.therapies[0] = [])],
  ['a therapy without a name', (b) => delete b.therapies[0].name],
  ['a number for a name', (b) => (b.therapies[0].name = 5)],
  ['an article without publishedOn', (b) => delete b.articles[0].publishedOn],
  ['a quote without an expertId', (b) => delete b.quotes[0].expertId],
  ['an id with a space', (b) => (b.experts[0].id = 'e 1')],
  ['an id starting with a dash', (b) => (b.id = '-x')],
  ['locale en_US', (b) => (b.locale = 'en_US')],
  ['locale 123', (b) => (b.locale = '123')],
  ['locale es-MX', (b) => (b.locale = 'es-MX')],
  ['unknown fields', (b) => Object.assign(b, { future: { x: 1 } }, { publisher: { ...b.publisher, logo: 'x' } })],
  ['reviewedBy and nextReviewOn', (b) => Object.assign(b, { reviewedBy: 'Team', nextReviewOn: '2030-01-01' })],
  ['a quote source', (b) => (b.quotes[0].source = { title: 'S', publisher: 'P', url: 'https://s.example', date: '2021-03-12' })],
  ['a quote source without a title', (b) => (b.quotes[0].source = { url: 'https://s.example' })],
  ['a quote context', (b) => (b.quotes[0].context = 'On trials of using these medicines earlier in treatment')],
  ['a quote context of spaces', (b) => (b.quotes[0].context = ' ')],
  ['a quote context that is a list', (b) => (b.quotes[0].context = ['On trials'])],
  ['a therapy howItIsGiven', (b) => (b.therapies[0].howItIsGiven = ['One infusion into a vein', 'A hospital stay of about a week'])],
  ['an empty howItIsGiven', (b) => (b.therapies[0].howItIsGiven = [])],
  ['howItIsGiven as text', (b) => (b.therapies[0].howItIsGiven = 'One infusion')],
  ['howItIsGiven with a number', (b) => (b.therapies[0].howItIsGiven = ['One infusion', 2])],
  ['an empty image alt', (b) => (b.experts[0].photo = { src: '/p.jpg', alt: '' })],
  ...BAD_URLS.map((url): [string, (b: Doc) => void] => [`expert url ${JSON.stringify(url)}`, (b) => (b.experts[0].url = url)]),
  ...GOOD_URLS.map((url): [string, (b: Doc) => void] => [`article url ${JSON.stringify(url)}`, (b) => (b.articles[0].url = url)]),
  ...BAD_DATES.map((date): [string, (b: Doc) => void] => [`publishedOn ${JSON.stringify(date)}`, (b) => (b.articles[0].publishedOn = date)]),
  ['publishedOn 2024-02-29', (b) => (b.articles[0].publishedOn = '2024-02-29')],
  ...INVISIBLE.map((text): [string, (b: Doc) => void] => [`quote text ${JSON.stringify(text)}`, (b) => (b.quotes[0].text = text)]),
  ...INVISIBLE.map((text): [string, (b: Doc) => void] => [`reviewedBy ${JSON.stringify(text)}`, (b) => (b.reviewedBy = text)]),
  ['duplicate id', (b) => b.therapies.push({ ...b.therapies[0] })],
  ['dangling reference', (b) => (b.quotes[0].expertId = 'nobody')],
  ['review dates out of order', (b) => (b.therapies[0].nextReviewOn = '2000-01-01')],
];

test('Ajv with the published JSON Schema and validateBundle agree on every test bundle', () => {
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  const check = ajv.compile(bundleJsonSchema());
  const disagreements: string[] = [];
  for (const [baseName, base] of [['default', DEFAULT], ['minimal', MINIMAL]] as const) {
    for (const [name, change] of CHANGES) {
      const doc = structuredClone(base) as Doc;
      change(doc);
      const ours = validateBundle(doc).ok;
      const theirs = check(doc);
      if (EXPECTED_DIFFERENCES.has(name)) {
        assert.deepEqual([ours, theirs], [false, true], `${baseName}, ${name}: only the validator can see this`);
      } else if (ours !== theirs) {
        disagreements.push(`${baseName}, ${name}: validator ${ours ? 'accepts' : 'rejects'}, Ajv ${theirs ? 'accepts' : 'rejects'}`);
      }
    }
  }
  assert.deepEqual(disagreements, []);
});

test('dates in the JSON Schema carry format "date"', () => {
  const schema = bundleJsonSchema() as Doc;
  assert.equal(schema.properties.reviewedOn.format, 'date');
  assert.equal(schema.properties.articles.items.properties.publishedOn.format, 'date');
  assert.equal(schema.properties.therapies.items.properties.nextReviewOn.format, 'date');
});

/** The schema generated from main's code before round 2 added a quote's `context` and a therapy's `howItIsGiven`. */
const BEFORE_ROUND_2 = readFileSync('test/node/fixtures/bundle-schema.v1-before-round2.json', 'utf8');

test('the JSON Schema is byte for byte the one before round 2, plus context and howItIsGiven', () => {
  const schema = bundleJsonSchema() as Doc;
  const quote = schema.properties.quotes.items.properties;
  const therapy = schema.properties.therapies.items.properties;
  assert.deepEqual(quote.context, therapy.name, 'a quote context is plain text like a name');
  assert.deepEqual(therapy.howItIsGiven, therapy.howItWorks, 'howItIsGiven is a list of plain text like howItWorks');
  assert.ok(!schema.properties.quotes.items.required.includes('context'));
  assert.ok(!schema.properties.therapies.items.required.includes('howItIsGiven'));
  delete quote.context;
  delete therapy.howItIsGiven;
  assert.equal(`${JSON.stringify(schema, null, 2)}\n`, BEFORE_ROUND_2);
});

test('the validator keeps a quote context and a therapy howItIsGiven, typed', () => {
  const doc = structuredClone(MINIMAL) as Doc;
  doc.quotes[0].context = 'On trials of using these medicines earlier in treatment';
  doc.therapies[0].howItIsGiven = ['One infusion into a vein'];
  const result = validateBundle(doc);
  assert.ok(result.ok);
  const context: string | undefined = (result.bundle.quotes[0] as Quote).context;
  const given: string[] | undefined = (result.bundle.therapies[0] as Therapy).howItIsGiven;
  assert.equal(context, 'On trials of using these medicines earlier in treatment');
  assert.deepEqual([...(given ?? [])], ['One infusion into a vein']);
});
