// Validation and salvage in Node: a polluted Object.prototype, hostile sizes,
// invisible text, review dates, and the verdict the CLI and the preview print.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { salvageBundle, verdictLines } from '../../src/content/salvage.js';
import { MAX_ITEM_DETAIL, MAX_PROBLEMS } from '../../src/content/schema.js';
import { validateBundle } from '../../src/content/validate.js';
import { topFields } from './bundle-fields.js';

type Doc = Record<string, any>;

function minimal(): Doc {
  return {
    ...topFields(),
    therapies: [{ id: 'alpha', name: 'Alphamab' }],
    articles: [{ id: 'a1', headline: 'H', publishedOn: '2024-01-01', therapyIds: ['alpha'] }],
    experts: [{ id: 'dr-x', name: 'Dr. X' }],
    quotes: [{ id: 'q1', expertId: 'dr-x', text: 'Works.', therapyIds: ['alpha'], articleId: 'a1' }],
  };
}

/** Runs `body` with `Object.prototype[key]` set (enumerable, as old libraries do), and always removes it. */
function withPollution(key: string, value: unknown, body: () => void): void {
  (Object.prototype as Doc)[key] = value;
  try {
    body();
  } finally {
    delete (Object.prototype as Doc)[key];
  }
}

function paths(input: unknown): string[] {
  const result = validateBundle(input);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('a polluted Object.prototype', () => {
  test('an enumerable Object.prototype.each does not make validation throw', () => {
    withPollution('each', function each() {}, () => {
      assert.equal(validateBundle(minimal()).ok, true);
      const broken = minimal();
      broken.therapies[0].name = '';
      assert.deepEqual(paths(broken), ['therapies[0].name: must not be empty or only spaces']);
      assert.equal(salvageBundle(broken).hidden.length, 1);
    });
  });

  test('Object.prototype.name does not give a nameless item a name', () => {
    withPollution('name', 'x', () => {
      const doc = minimal();
      delete doc.therapies[0].name;
      assert.deepEqual(paths(doc), ['therapies[0].name: is required']);
      assert.deepEqual(salvageBundle(doc).hidden.map((h) => h.id), ['alpha']);
    });
  });

  test('Object.prototype.summary does not appear in the output', () => {
    withPollution('summary', 'Injected summary', () => {
      const result = validateBundle(minimal());
      assert.ok(result.ok);
      assert.equal(result.bundle.therapies[0]!.summary, undefined);
      assert.equal(result.bundle.articles[0]!.summary, undefined);
      assert.equal(salvageBundle(minimal()).bundle!.therapies[0]!.summary, undefined);
    });
  });

  test('a getter in a page-made bundle object is never run', () => {
    const doc = minimal();
    let ran = false;
    Object.defineProperty(doc.therapies[0], 'summary', { enumerable: true, get: () => ((ran = true), 'x') });
    const result = validateBundle(doc);
    assert.equal(ran, false);
    assert.ok(result.ok);
  });
});

describe('hostile sizes', () => {
  test('past MAX_PROBLEMS, broken items are hidden with their first problem only', () => {
    const doc = minimal();
    for (let i = 0; i < 20_000; i++) doc.therapies.push({ id: `t${i}`, name: 1, risks: 2 });
    const result = validateBundle(doc);
    assert.ok(!result.ok);
    assert.equal(result.problems.length, MAX_PROBLEMS);
    const salvage = salvageBundle(doc);
    assert.equal(salvage.hidden.length, 20_000);
    assert.deepEqual(salvage.hidden.at(-1)!.problems.map((p) => p.path), ['therapies[20000].name']);
    assert.deepEqual(salvage.bundle!.therapies.map((t) => t.id), ['alpha']);
  });

  test('one item with a list of 400,000 bad values reports its first problem, not 400,000', () => {
    const doc = minimal();
    doc.therapies[0].keyPoints = new Array(400_000).fill(0);
    const [hidden] = salvageBundle(doc).hidden;
    assert.ok(400_000 > MAX_ITEM_DETAIL);
    assert.deepEqual(hidden!.problems.map((p) => `${p.path}: ${p.message}`), ['therapies[0].keyPoints[0]: must be text, not the number 0']);
  });

  test('a top-level list of bad values hides each and keeps the bundle usable', () => {
    const doc = minimal();
    doc.quotes = new Array(50_000).fill(0);
    const salvage = salvageBundle(doc);
    assert.deepEqual(salvage.blocking, []);
    assert.equal(salvage.hidden.length, 50_000);
    assert.equal(salvage.bundle!.quotes.length, 0);
  });

  test('a deeply nested value neither overflows the stack nor throws', () => {
    const doc = minimal();
    let deep: unknown = 0;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    doc.futureField = deep;
    doc.therapies[0].summary = deep;
    assert.deepEqual(paths(doc), ['therapies[0].summary: must be text, not a list']);
  });
});

describe('visible text', () => {
  const invisible = ['\u200b', '\u2060', '\u00ad', '\u3164', '\u2800', '\u202e', ' \u200b\u2060 ', '\u200b\u00ad\u3164\u2800\u202e'];
  for (const value of invisible) {
    test(`a name, headline or quote of ${JSON.stringify(value)} must contain visible text`, () => {
      const doc = minimal();
      doc.therapies[0].name = value;
      doc.articles[0].headline = value;
      doc.experts[0].name = value;
      doc.quotes[0].text = value;
      assert.deepEqual(paths(doc), [
        'therapies[0].name: must contain visible text',
        'articles[0].headline: must contain visible text',
        'experts[0].name: must contain visible text',
        'quotes[0].text: must contain visible text',
      ]);
    });
  }

  test('text with visible characters among invisible ones is accepted', () => {
    const doc = minimal();
    doc.therapies[0].name = '\u200bAlpha\u00admab';
    doc.quotes[0].text = '\u202eoot';
    assert.equal(validateBundle(doc).ok, true);
  });
});

describe('the review record in the schema', () => {
  test('items and the bundle take reviewedBy and nextReviewOn; quotes take a source', () => {
    const doc = minimal();
    Object.assign(doc, { reviewedBy: 'Content team', nextReviewOn: '2027-01-10' });
    Object.assign(doc.therapies[0], { reviewedOn: '2025-01-01', reviewedBy: 'Dr. Y, MD', nextReviewOn: '2026-01-01' });
    Object.assign(doc.articles[0], { reviewedOn: '2025-02-01', reviewedBy: 'Dr. Z', nextReviewOn: '2028-02-01' });
    doc.quotes[0].source = { title: 'Interview', publisher: 'SurvivorNet', url: 'https://x.example/i', date: '2021-03-12' };
    const result = validateBundle(doc);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(result.bundle.reviewedBy, 'Content team');
    assert.equal(result.bundle.therapies[0]!.nextReviewOn, '2026-01-01');
    assert.equal(result.bundle.quotes[0]!.source!.title, 'Interview');
  });

  test('nextReviewOn must not come before the review it follows', () => {
    const doc = minimal();
    doc.nextReviewOn = '2024-01-09';
    doc.therapies[0].nextReviewOn = '2023-12-31';
    Object.assign(doc.articles[0], { reviewedOn: '2025-01-01', nextReviewOn: '2024-12-31' });
    assert.deepEqual(paths(doc), [
      'therapies[0].nextReviewOn: must not be before the review it follows (reviewedOn 2024-01-10)',
      'articles[0].nextReviewOn: must not be before the review it follows (reviewedOn 2025-01-01)',
      'nextReviewOn: must not be before the review it follows (reviewedOn 2024-01-10)',
    ]);
  });

  test('a bad review field or quote source hides only its item', () => {
    const doc = minimal();
    doc.therapies[0].reviewedBy = '\u200b';
    doc.quotes[0].source = { url: 'javascript:x' };
    const salvage = salvageBundle(doc);
    assert.deepEqual(
      salvage.hidden.map((h) => h.problems.map((p) => `${p.path}: ${p.message}`)),
      [['therapies[0].reviewedBy: must contain visible text'], ['quotes[0].source.url: must be an https:, http: or relative URL', 'quotes[0].source.title: is required']],
    );
  });
});

describe('verdictLines', () => {
  test('says how many items live pages show and hide, then each problem once', () => {
    const doc = minimal();
    doc.therapies.push({ id: 'beta', name: '' });
    doc.experts[0].url = 'data:x';
    assert.deepEqual(verdictLines(salvageBundle(doc)), [
      'Live pages will show 2 items and hide 3',
      "therapies[1] 'beta': therapies[1].name: must not be empty or only spaces",
      "experts[0] 'dr-x': experts[0].url: must be an https:, http: or relative URL",
      "quotes[0] 'q1': quotes[0].expertId: hidden because its expert 'dr-x' (experts[0]) is hidden",
    ]);
  });

  test('uses the singular for one item', () => {
    const doc = minimal();
    doc.therapies = [];
    doc.articles = [];
    doc.quotes = [];
    assert.deepEqual(verdictLines(salvageBundle(doc)), ['Live pages will show 1 item and hide 0']);
  });

  test('says when the bundle itself is unusable', () => {
    const doc = minimal();
    doc.disclaimer = '\u2060';
    assert.deepEqual(verdictLines(salvageBundle(doc)), [
      'Live pages will show nothing of this bundle: it has bundle-level problems',
      'disclaimer: must contain visible text',
    ]);
  });

  test('counts the unknown fields in the first line and lists each once after the hidden items, as validate words them', () => {
    const doc = minimal();
    doc.therapies.push({ id: 'beta', name: '' });
    doc.therapies[0].whoItsFor = 'Adults';
    doc.publisher.logo = 'x';
    const salvage = salvageBundle(doc);
    assert.deepEqual(salvage.warnings, validateBundle(doc).warnings);
    assert.deepEqual(verdictLines(salvage), [
      'Live pages will show 4 items and hide 1; 2 warnings: live pages ignore unknown fields',
      "therapies[1] 'beta': therapies[1].name: must not be empty or only spaces",
      "warning: publisher: unknown field 'logo'",
      "warning: therapies[0] (alpha): unknown field 'whoItsFor' (did you mean 'whoItIsFor'?)",
    ]);
    delete doc.publisher.logo;
    assert.equal(verdictLines(salvageBundle(doc))[0], 'Live pages will show 4 items and hide 1; 1 warning: live pages ignore unknown fields');
  });

  test('lists the unknown fields when the bundle itself is unusable too', () => {
    const doc = minimal();
    doc.disclaimer = '';
    doc.quotes[0].txt = 'Works.';
    assert.deepEqual(verdictLines(salvageBundle(doc)), [
      'Live pages will show nothing of this bundle: it has bundle-level problems; 1 warning: live pages ignore unknown fields',
      'disclaimer: must not be empty or only spaces',
      "warning: quotes[0] (q1): unknown field 'txt' (did you mean 'text'?)",
    ]);
  });

  test('the default bundle: everything shown', () => {
    const doc = JSON.parse(readFileSync('src/content/all-immune-therapies.json', 'utf8'));
    assert.match(verdictLines(salvageBundle(doc))[0]!, /^Live pages will show \d+ items and hide 0$/);
  });
});

describe('hostile sizes, heap', () => {
  // The heap a result holds once garbage is collected: a count of live objects, not a time, so a busy machine cannot flake it.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heldBy = (make: () => unknown): number => {
    gc();
    const before = process.memoryUsage().heapUsed;
    const result = make();
    gc();
    const held = process.memoryUsage().heapUsed - before;
    assert.ok(result);
    return held / 2 ** 20;
  };

  test('the salvage of 2 MB of tiny invalid items holds tens of megabytes, not hundreds', () => {
    const doc = minimal();
    for (let i = 0; i < 230_000; i++) doc.therapies.push({ id: 0 });
    const text = JSON.stringify(doc);
    assert.ok(text.length < 2 * 2 ** 20);
    const input = JSON.parse(text);
    let salvage: ReturnType<typeof salvageBundle> | undefined;
    const held = heldBy(() => (salvage = salvageBundle(input)));
    assert.equal(salvage!.hidden.length, 230_000);
    assert.ok(held < 80, `held ${held.toFixed(1)} MB`);
  });
});
