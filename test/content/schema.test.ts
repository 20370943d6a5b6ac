import { expect } from '@open-wc/testing';
import {
  formatPath,
  formatProblems,
  problemAt,
  isCalendarDate,
  MAX_PROBLEMS,
  SCHEMA_VERSION,
  type Problem,
} from '../../src/content/schema.js';
import { validateBundle } from '../../src/content/validate.js';

/** A bundle as loose JSON, so a test can break any part of it. */
type Doc = any;

/**
 * A small bundle that uses every field once. `car-t` is referenced by the
 * article and the quote, `blinatumomab` by nothing, so a test can break the
 * second therapy without a knock-on reference problem.
 */
const VALID = {
  schemaVersion: 1,
  id: 'test-bundle',
  locale: 'en',
  title: 'Immune therapies',
  publisher: { name: 'Test content team', url: 'https://example.org/' },
  reviewedOn: '2024-01-15',
  disclaimer: 'General information; ask your care team.',
  therapies: [
    {
      id: 'car-t',
      name: 'CAR T-cell therapy',
      brandNames: ['Kymriah'],
      drugClass: 'Cell therapy',
      target: 'CD19',
      summary: 'Changes your own T cells.',
      howItWorks: ['T cells are collected.', 'They are changed to find CD19.'],
      whoItIsFor: 'Some people whose ALL came back.',
      keyPoints: ['Made from your own cells.'],
      risks: ['Cytokine release syndrome.'],
      sources: [
        { title: 'Kymriah label', url: 'https://example.org/kymriah', publisher: 'DailyMed', date: '2021-03-12' },
      ],
      reviewedOn: '2024-01-15',
    },
    { id: 'blinatumomab', name: 'Blinatumomab' },
  ],
  articles: [
    {
      id: 'a1',
      kicker: 'Leukemia',
      headline: 'Immune therapies for ALL',
      publishedOn: '2021-03-12',
      summary: 'An expert explains.',
      takeaways: ['There are several kinds.'],
      url: 'https://example.org/article',
      image: { src: '/images/a1.jpg', alt: 'A doctor' },
      video: { url: 'https://example.org/video.mp4', poster: 'poster.jpg', title: 'The interview' },
      therapyIds: ['car-t'],
    },
  ],
  experts: [
    {
      id: 'e1',
      name: 'Dr. Example',
      role: 'Hematologist',
      affiliation: 'A hospital',
      url: 'https://example.org/e1',
      photo: { src: 'https://example.org/e1.jpg', alt: 'Dr. Example' },
    },
  ],
  quotes: [{ id: 'q1', expertId: 'e1', text: 'It can work.', therapyIds: ['car-t'], articleId: 'a1' }],
};

/** A fresh deep copy of the valid bundle. */
function valid(): Doc {
  return structuredClone(VALID);
}

/** The bundle after `change`. */
function changed(change: (b: Doc) => void): Doc {
  const b = valid();
  change(b);
  return b;
}

function problemsOf(input: unknown): Problem[] {
  const result = validateBundle(input);
  expect(result.ok, 'expected the bundle to be rejected').to.equal(false);
  return result.problems;
}

/** The bundle is rejected with exactly these problems, in this order. */
function expectProblems(input: unknown, expected: [string, string][]): void {
  const problems = problemsOf(input);
  expect(problems.map((p) => [p.path, p.message])).to.deep.equal(expected);
}

function expectOnly(input: unknown, path: string, message: string): void {
  expectProblems(input, [[path, message]]);
}

function expectValid(input: unknown): void {
  const result = validateBundle(input);
  expect(result.problems, JSON.stringify(result.problems)).to.deep.equal([]);
  expect(result.ok).to.equal(true);
}

const REQUIRED = 'is required';
const EMPTY = 'must not be empty or only spaces';
const BAD_ID = "must be an id: a letter or digit, then letters, digits, '-', '_' or '.'";
const BAD_URL = 'must be an https:, http: or relative URL';
const BAD_DATE = 'must be a date written YYYY-MM-DD';
const BAD_LOCALE = 'must be a language tag such as "en" or "es-MX"';

describe('validateBundle', () => {
  describe('a valid bundle', () => {
    it('is accepted, and its output equals its input', () => {
      const result = validateBundle(valid());
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      expect(result.problems).to.deep.equal([]);
      expect(result.bundle).to.deep.equal(valid());
    });

    it('needs none of the optional fields, and the lists default to empty', () => {
      const minimal = {
        schemaVersion: 1,
        id: 'min',
        title: 'T',
        publisher: { name: 'P' },
        reviewedOn: '2024-01-15',
        disclaimer: 'D',
      };
      const result = validateBundle(minimal);
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      expect(result.bundle).to.deep.equal({ ...minimal, therapies: [], articles: [], experts: [], quotes: [] });
      expect(result.bundle).to.not.have.property('locale');
    });

    it('accepts minimal items in every list', () => {
      expectValid(
        changed((b) => {
          b.therapies = [{ id: 't', name: 'T' }];
          b.articles = [{ id: 'a', headline: 'H', publishedOn: '2020-01-01' }];
          b.experts = [{ id: 'e', name: 'E' }];
          b.quotes = [{ id: 'q', expertId: 'e', text: 'Q' }];
        }),
      );
    });

    it('keeps markup in text as characters: text is never HTML', () => {
      const result = validateBundle(
        changed((b) => {
          b.therapies[0].name = '<img src=x onerror=alert(1)>';
        }),
      );
      expect(result.ok).to.equal(true);
      if (result.ok) expect(result.bundle.therapies[0]!.name).to.equal('<img src=x onerror=alert(1)>');
    });

    it('accepts an empty image alt (a decorative image)', () => {
      expectValid(changed((b) => (b.articles[0].image.alt = '')));
    });

    it('lets the same id appear in two different lists', () => {
      expectValid(changed((b) => (b.quotes[0].id = 'car-t')));
    });
  });

  describe('the root', () => {
    const cases: [string, unknown, string][] = [
      ['a list', [], 'must be a JSON object, not a list'],
      ['null', null, 'must be a JSON object, not null'],
      ['text', '{"schemaVersion":1}', 'must be a JSON object, not text'],
      ['a number', 42, 'must be a JSON object, not the number 42'],
      ['true', true, 'must be a JSON object, not true'],
      ['undefined', undefined, 'must be a JSON object, not undefined'],
    ];
    for (const [name, input, message] of cases) {
      it(`is rejected at (root) when it is ${name}`, () => {
        const result = validateBundle(input);
        expect(result).to.deep.equal({ ok: false, problems: [problemAt([], 'type', { expected: 'object' }, input)], omitted: 0, warnings: [] });
        expect(result.ok || result.problems[0]!.message).to.equal(message);
      });
    }
  });

  describe('wrong types', () => {
    const cases: [string, (b: Doc) => void, string, string][] = [
      [
        'text where a list is expected',
        (b) => {
          b.therapies = 'car-t';
          b.articles[0].therapyIds = [];
          b.quotes[0].therapyIds = [];
        },
        'therapies',
        'must be a list, not text',
      ],
      [
        'text where a list of text is expected',
        (b) => (b.therapies[0].brandNames = 'Kymriah'),
        'therapies[0].brandNames',
        'must be a list, not text',
      ],
      [
        'text where a list of ids is expected',
        (b) => (b.quotes[0].therapyIds = 'car-t'),
        'quotes[0].therapyIds',
        'must be a list, not text',
      ],
      ['a number for text', (b) => (b.therapies[0].name = 5), 'therapies[0].name', 'must be text, not the number 5'],
      [
        'a number in a list of text',
        (b) => (b.articles[0].takeaways[0] = 7),
        'articles[0].takeaways[0]',
        'must be text, not the number 7',
      ],
      ['null for text', (b) => (b.title = null), 'title', 'must be text, not null'],
      ['true for text', (b) => (b.disclaimer = true), 'disclaimer', 'must be text, not true'],
      ['an object for text', (b) => (b.experts[0].role = { en: 'x' }), 'experts[0].role', 'must be text, not an object'],
      ['a list for text', (b) => (b.therapies[0].summary = ['x']), 'therapies[0].summary', 'must be text, not a list'],
      ['text for an object', (b) => (b.publisher = 'Team'), 'publisher', 'must be an object, not text'],
      ['null for an object', (b) => (b.experts[0].photo = null), 'experts[0].photo', 'must be an object, not null'],
      [
        'text for a list item object',
        (b) => (b.therapies[0].sources[0] = 'Kymriah label'),
        'therapies[0].sources[0]',
        'must be an object, not text',
      ],
      ['a number for an id', (b) => (b.quotes[0].id = 1), 'quotes[0].id', 'must be text, not the number 1'],
      ['a number for an image alt', (b) => (b.articles[0].image.alt = 5), 'articles[0].image.alt', 'must be text, not the number 5'],
      ['a number for a URL', (b) => (b.experts[0].url = 5), 'experts[0].url', 'must be text, not the number 5'],
      [
        'a number for a date',
        (b) => (b.articles[0].publishedOn = 20210312),
        'articles[0].publishedOn',
        'must be text, not the number 20210312',
      ],
      ['a number for the locale', (b) => (b.locale = 5), 'locale', 'must be text, not the number 5'],
    ];
    for (const [name, change, path, message] of cases) {
      it(`rejects ${name} (${path})`, () => {
        expectOnly(changed(change), path, message);
      });
    }

    it('rejects a list where an object is expected, as a wrong type', () => {
      expectOnly(changed((b) => (b.publisher = [])), 'publisher', 'must be an object, not a list');
      expectOnly(changed((b) => (b.therapies[1] = [])), 'therapies[1]', 'must be an object, not a list');
      expectOnly(changed((b) => (b.articles[0].image = [])), 'articles[0].image', 'must be an object, not a list');
    });
  });

  describe('required fields', () => {
    const required = [
      'id',
      'title',
      'publisher',
      'publisher.name',
      'reviewedOn',
      'disclaimer',
      'therapies[1].id',
      'therapies[0].name',
      'therapies[0].sources[0].title',
      'articles[0].headline',
      'articles[0].publishedOn',
      'articles[0].image.src',
      'articles[0].video.url',
      'articles[0].video.title',
      'experts[0].name',
      'experts[0].photo.src',
      'quotes[0].id',
      'quotes[0].text',
    ];
    for (const path of required) {
      it(`rejects a bundle without ${path}`, () => {
        expectOnly(changed((b) => deleteAt(b, path)), path, REQUIRED);
      });
    }

    it('rejects a quote without an expertId', () => {
      expectOnly(changed((b) => delete b.quotes[0].expertId), 'quotes[0].expertId', REQUIRED);
    });

    it('rejects a missing id, and the references to it', () => {
      expectProblems(
        changed((b) => delete b.experts[0].id),
        [
          ['experts[0].id', REQUIRED],
          ['quotes[0].expertId', "expertId 'e1' does not match any expert"],
        ],
      );
      expectProblems(
        changed((b) => delete b.articles[0].id),
        [
          ['articles[0].id', REQUIRED],
          ['quotes[0].articleId', "articleId 'a1' does not match any article"],
        ],
      );
      expectProblems(
        changed((b) => delete b.therapies[0].id),
        [
          ['therapies[0].id', REQUIRED],
          ['articles[0].therapyIds[0]', "therapyId 'car-t' does not match any therapy"],
          ['quotes[0].therapyIds[0]', "therapyId 'car-t' does not match any therapy"],
        ],
      );
    });

    it('does not require the optional fields', () => {
      expectValid(
        changed((b) => {
          delete b.locale;
          delete b.publisher.url;
          delete b.therapies[0].sources[0].url;
          delete b.therapies[0].sources[0].publisher;
          delete b.therapies[0].sources[0].date;
          delete b.articles[0].video.poster;
          delete b.quotes[0].articleId;
          delete b.quotes[0].therapyIds;
        }),
      );
    });
  });

  describe('text', () => {
    const blanks: [string, (b: Doc, value: string) => void][] = [
      ['title', (b, value) => (b.title = value)],
      ['therapies[0].name', (b, value) => (b.therapies[0].name = value)],
      ['therapies[0].keyPoints[0]', (b, value) => (b.therapies[0].keyPoints[0] = value)],
      ['quotes[0].text', (b, value) => (b.quotes[0].text = value)],
      ['articles[0].video.title', (b, value) => (b.articles[0].video.title = value)],
      ['publisher.name', (b, value) => (b.publisher.name = value)],
    ];
    for (const [path, set] of blanks) {
      for (const value of ['', ' ', '\n\t  ']) {
        it(`rejects ${JSON.stringify(value)} at ${path}`, () => {
          expectOnly(changed((b) => set(b, value)), path, EMPTY);
        });
      }
    }

    it('accepts text with surrounding spaces', () => {
      expectValid(changed((b) => (b.title = '  Immune therapies  ')));
    });
  });

  describe('ids', () => {
    for (const id of ['a', '0', 'A.b_c-d', 'blin-2', '2021-03-12-immune-therapies']) {
      it(`accepts the id ${JSON.stringify(id)}`, () => {
        expectValid(changed((b) => (b.therapies[1].id = id)));
        expectValid(changed((b) => (b.id = id)));
      });
    }
    for (const id of ['', 'car t', '-car', '.car', '_car', 'a/b', 'é', 'car-t\n', '<b>']) {
      it(`rejects the id ${JSON.stringify(id)}`, () => {
        expectOnly(changed((b) => (b.therapies[1].id = id)), 'therapies[1].id', BAD_ID);
        expectOnly(changed((b) => (b.id = id)), 'id', BAD_ID);
      });
    }

    it('rejects a badly formed reference, and that it matches nothing', () => {
      expectProblems(
        changed((b) => (b.quotes[0].expertId = 'e 1')),
        [
          ['quotes[0].expertId', BAD_ID],
          ['quotes[0].expertId', "expertId 'e 1' does not match any expert"],
        ],
      );
    });
  });

  describe('duplicate ids', () => {
    const lists = ['therapies', 'articles', 'experts', 'quotes'] as const;
    for (const list of lists) {
      it(`rejects a duplicate id in ${list}`, () => {
        const b = valid();
        const first = b[list][0];
        b[list].push(structuredClone(first));
        const index = b[list].length - 1;
        expectOnly(b, `${list}[${index}].id`, `duplicate id '${first.id}' (also at ${list}[0])`);
      });
    }

    it('points every later copy at the first one', () => {
      const b = valid();
      b.therapies.push({ id: 'blinatumomab', name: 'Copy 1' }, { id: 'blinatumomab', name: 'Copy 2' });
      expectProblems(b, [
        ['therapies[2].id', "duplicate id 'blinatumomab' (also at therapies[1])"],
        ['therapies[3].id', "duplicate id 'blinatumomab' (also at therapies[1])"],
      ]);
    });

    it('reports duplicates even when other parts of the bundle have type errors', () => {
      const b = valid();
      b.title = 5;
      b.therapies[1].id = 'car-t';
      expectProblems(b, [
        ['title', 'must be text, not the number 5'],
        ['therapies[1].id', "duplicate id 'car-t' (also at therapies[0])"],
      ]);
    });
  });

  describe('references', () => {
    it('rejects a quote whose expertId matches no expert', () => {
      expectOnly(
        changed((b) => (b.quotes[0].expertId = 'nobody')),
        'quotes[0].expertId',
        "expertId 'nobody' does not match any expert",
      );
    });

    it('rejects a quote whose articleId matches no article', () => {
      expectOnly(
        changed((b) => (b.quotes[0].articleId = 'nope')),
        'quotes[0].articleId',
        "articleId 'nope' does not match any article",
      );
    });

    it('rejects a quote therapyId that matches no therapy', () => {
      expectOnly(
        changed((b) => b.quotes[0].therapyIds.push('nope')),
        'quotes[0].therapyIds[1]',
        "therapyId 'nope' does not match any therapy",
      );
    });

    it('rejects an article therapyId that matches no therapy', () => {
      expectOnly(
        changed((b) => (b.articles[0].therapyIds[0] = 'nope')),
        'articles[0].therapyIds[0]',
        "therapyId 'nope' does not match any therapy",
      );
    });

    it('rejects a reference to an id of another list', () => {
      expectOnly(
        changed((b) => (b.quotes[0].expertId = 'car-t')),
        'quotes[0].expertId',
        "expertId 'car-t' does not match any expert",
      );
    });

    it('accepts references to every therapy', () => {
      expectValid(changed((b) => (b.quotes[0].therapyIds = ['blinatumomab', 'car-t'])));
    });
  });

  describe('dates', () => {
    const fields: [string, (b: Doc, value: unknown) => void][] = [
      ['reviewedOn', (b, value) => (b.reviewedOn = value)],
      ['therapies[0].reviewedOn', (b, value) => (b.therapies[0].reviewedOn = value)],
      ['therapies[0].sources[0].date', (b, value) => (b.therapies[0].sources[0].date = value)],
      ['articles[0].publishedOn', (b, value) => (b.articles[0].publishedOn = value)],
    ];
    for (const date of ['2024-02-29', '2000-02-29', '2021-12-31', '1999-01-01']) {
      it(`accepts ${date}`, () => {
        for (const [, set] of fields) expectValid(changed((b) => set(b, date)));
      });
    }
    for (const date of ['2021-02-30', '2023-02-29', '1900-02-29', '2021-04-31', '2021-13-01', '2021-00-10', '2021-01-00', '2021-01-32']) {
      it(`rejects ${date}: not a calendar date`, () => {
        for (const [path, set] of fields) expectOnly(changed((b) => set(b, date)), path, `${date} is not a calendar date`);
      });
    }
    it('rejects dates not written YYYY-MM-DD, with one problem each', () => {
      const dates = ['2021-3-12', '12/03/2021', '2021-03-12T00:00:00Z', '20210312', '', ' 2021-03-12', '２０２１-03-12', 'March 12, 2021'];
      for (const date of dates) {
        for (const [path, set] of fields) expectOnly(changed((b) => set(b, date)), path, BAD_DATE);
      }
    });
  });

  describe('URLs', () => {
    const fields: [string, (b: Doc, value: unknown) => void][] = [
      ['publisher.url', (b, value) => (b.publisher.url = value)],
      ['therapies[0].sources[0].url', (b, value) => (b.therapies[0].sources[0].url = value)],
      ['articles[0].url', (b, value) => (b.articles[0].url = value)],
      ['articles[0].image.src', (b, value) => (b.articles[0].image.src = value)],
      ['articles[0].video.url', (b, value) => (b.articles[0].video.url = value)],
      ['articles[0].video.poster', (b, value) => (b.articles[0].video.poster = value)],
      ['experts[0].url', (b, value) => (b.experts[0].url = value)],
      ['experts[0].photo.src', (b, value) => (b.experts[0].photo.src = value)],
    ];
    const good = [
      'https://x',
      'http://x',
      '/rel',
      'rel/path',
      '../x',
      '?q',
      '#frag',
      '//host/x',
      'HTTPS://X',
      'https://example.org/a?b=c&d=e#f',
      'rel/path:with-colon',
    ];
    const bad = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:x',
      'java\tscript:x',
      'java\nscript:x',
      '\u0000javascript:x',
      'data:text/html,x',
      'vbscript:x',
      'mailto:a@b',
      'ftp://x',
      'file:///etc/passwd',
      'https://exa mple.org',
      ' https://x',
      'https://x\n',
      '',
    ];
    for (const url of good) {
      it(`accepts ${JSON.stringify(url)}`, () => {
        for (const [, set] of fields) expectValid(changed((b) => set(b, url)));
      });
    }
    for (const url of bad) {
      it(`rejects ${JSON.stringify(url)}`, () => {
        for (const [path, set] of fields) expectOnly(changed((b) => set(b, url)), path, BAD_URL);
      });
    }
  });

  describe('schemaVersion', () => {
    it(`accepts ${SCHEMA_VERSION}`, () => {
      expect(SCHEMA_VERSION).to.equal(1);
      expectValid(valid());
    });

    it('reports a newer version as the only problem', () => {
      const b = valid();
      b.schemaVersion = 2;
      delete b.title;
      b.therapies = 'not even a list';
      const result = validateBundle(b);
      expect(result).to.deep.equal({
        ok: false,
        problems: [problemAt(['schemaVersion'], 'newer-version', { value: '2', expected: '1' })],
        omitted: 0,
        warnings: [],
      });
      expect(result.ok || result.problems[0]!.message).to.equal('schemaVersion 2 is newer than this widget supports (1)');
    });

    const wrong: [unknown, string][] = [
      [0, 'the number 0'],
      [-1, 'the number -1'],
      ['1', 'text'],
      [null, 'null'],
    ];
    for (const [version, described] of wrong) {
      it(`rejects ${JSON.stringify(version)}`, () => {
        expectOnly(
          changed((b) => (b.schemaVersion = version)),
          'schemaVersion',
          `must be ${SCHEMA_VERSION} (the schema version), not ${described}`,
        );
      });
    }

    it('rejects a version that is not a whole number, with one problem', () => {
      for (const version of [0.5, 1.5, 2.5]) {
        expectOnly(
          changed((b) => (b.schemaVersion = version)),
          'schemaVersion',
          `must be ${SCHEMA_VERSION} (the schema version), not the number ${version}`,
        );
      }
    });

    it('rejects a bundle without one', () => {
      const problems = problemsOf(changed((b) => delete b.schemaVersion));
      expect(problems).to.have.length(1);
      expect(problems[0]!.path).to.equal('schemaVersion');
      expect(problems[0]!.message).to.match(/^(is required|must be 1 \(the schema version\).*)$/);
    });
  });

  describe('locale', () => {
    for (const locale of ['en', 'es-MX', 'zh-Hant-TW', 'EN-us']) {
      it(`accepts ${locale}`, () => {
        expectValid(changed((b) => (b.locale = locale)));
      });
    }
    for (const locale of ['not a locale!', '', 'en_US', 'e', 'en-', '123']) {
      it(`rejects ${JSON.stringify(locale)}`, () => {
        expectOnly(changed((b) => (b.locale = locale)), 'locale', BAD_LOCALE);
      });
    }
  });

  describe('unknown fields', () => {
    it('are ignored and dropped from the output', () => {
      const b = valid();
      b.futureField = { anything: true };
      b.publisher.logo = 'x';
      b.therapies[0].approvals = [1, 2];
      b.therapies[0].sources[0].doi = '10.1000/x';
      b.articles[0].image.width = 640;
      b.experts[0].photo.credit = 'Someone';
      b.quotes[0].lang = 'en';
      b.therapies[0].whoItsFor = 'Adults';
      const result = validateBundle(b);
      expect(result.ok).to.equal(true);
      if (result.ok) expect(result.bundle).to.deep.equal(valid());
    });

    it('each get a warning with the closest known field, when one is close', () => {
      const b = valid();
      b.disclaimr = 'x';
      b.publisher.logo = 'x';
      b.therapies[0].whoItsFor = 'Adults';
      b.therapies[0].sources[0].tilte = 'Label';
      b.quotes[0].lang = 'en';
      const result = validateBundle(b);
      expect(result.warnings.map((w) => [w.path, w.code, w.value, w.expected, w.message])).to.deep.equal([
        ['(root)', 'unknown-field', 'disclaimr', 'disclaimer', "unknown field 'disclaimr' (did you mean 'disclaimer'?)"],
        ['publisher', 'unknown-field', 'logo', undefined, "unknown field 'logo'"],
        ['therapies[0]', 'unknown-field', 'whoItsFor', 'whoItIsFor', "unknown field 'whoItsFor' (did you mean 'whoItIsFor'?)"],
        ['therapies[0].sources[0]', 'unknown-field', 'tilte', 'title', "unknown field 'tilte' (did you mean 'title'?)"],
        ['quotes[0]', 'unknown-field', 'lang', undefined, "unknown field 'lang'"],
      ]);
    });
  });

  describe('__proto__ keys', () => {
    /** The valid bundle as JSON text with `"__proto__": {...}` first in the root and in some items. */
    function withProtoKeys(): Doc {
      const proto = '"__proto__":{"polluted":true,"schemaVersion":1,"name":"hidden"},';
      const text = JSON.stringify(valid())
        .replace(/^\{/, `{${proto}`)
        .replace('"publisher":{', `"publisher":{${proto}`)
        .replace('"therapies":[{', `"therapies":[{${proto}`)
        .replace('"quotes":[{', `"quotes":[{${proto}`);
      const parsed = JSON.parse(text);
      expect(Object.hasOwn(parsed, '__proto__')).to.equal(true);
      return parsed;
    }

    afterEach(() => {
      delete (Object.prototype as Doc).polluted;
    });

    it('never pollute Object.prototype and do not appear in the output (null-prototype objects)', () => {
      const result = validateBundle(withProtoKeys());
      expect(({} as Doc).polluted).to.equal(undefined);
      expect(result.ok).to.equal(true);
      if (!result.ok) return;
      const objects: unknown[] = [
        result.bundle,
        result.bundle.publisher,
        result.bundle.therapies[0],
        result.bundle.quotes[0],
      ];
      for (const object of objects) {
        expect(Object.hasOwn(object as object, '__proto__')).to.equal(false);
        expect(Object.getPrototypeOf(object)).to.equal(null);
        expect((object as Doc).polluted).to.equal(undefined);
      }
      expect(JSON.stringify(result.bundle)).to.not.include('__proto__');
    });

    it('never pollute Object.prototype when the bundle is invalid', () => {
      const b = withProtoKeys();
      b.title = 5;
      b.therapies[1].id = 'car-t';
      problemsOf(b);
      expect(({} as Doc).polluted).to.equal(undefined);
    });

    it('are not read as the fields of a bundle', () => {
      const hidden = JSON.parse(`{"__proto__": ${JSON.stringify(valid())}}`);
      const problems = problemsOf(hidden);
      expect(problems.map((p) => p.path)).to.include.members(['id', 'title', 'publisher', 'disclaimer']);
      expect(({} as Doc).title).to.equal(undefined);
    });
  });

  describe('values JSON cannot hold', () => {
    it('are rejected without throwing', () => {
      for (const input of [10n, Symbol('bundle'), () => valid()]) {
        expect(problemsOf(input)[0]!.path).to.equal('(root)');
      }
      const problems = problemsOf(changed((b) => (b.title = 10n)));
      expect(problems.map((p) => p.path)).to.deep.equal(['title']);
      expect(problems[0]!.message).to.match(/^must be text, not /);
    });
  });

  describe('the problems', () => {
    it('are all reported at once', () => {
      const b = valid();
      b.title = '';
      delete b.therapies[0].name;
      b.articles[0].publishedOn = '2021-02-30';
      b.experts[0].url = 'javascript:alert(1)';
      b.quotes[0].therapyIds[0] = 'nope';
      const result = validateBundle(b);
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.omitted).to.equal(0);
      expect(result.problems.map((p) => [p.path, p.code, p.message])).to.deep.equal([
        ['title', 'empty', EMPTY],
        ['therapies[0].name', 'required', REQUIRED],
        ['articles[0].publishedOn', 'calendar-date', '2021-02-30 is not a calendar date'],
        ['experts[0].url', 'url', BAD_URL],
        ['quotes[0].therapyIds[0]', 'unknown-reference', "therapyId 'nope' does not match any therapy"],
      ]);
      expect(result.problems[4]).to.deep.include({ keys: ['quotes', 0, 'therapyIds', 0], value: 'nope', refers: ['therapies'] });
    });

    it(`are capped at MAX_PROBLEMS (${MAX_PROBLEMS}), and the rest counted`, () => {
      const count = 300;
      expect(MAX_PROBLEMS).to.be.below(count);
      const b = valid();
      b.therapies = Array.from({ length: count }, (_, i) => ({ id: `t${i}` }));
      b.articles[0].therapyIds = [];
      b.quotes[0].therapyIds = [];
      const result = validateBundle(b);
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.problems).to.have.length(MAX_PROBLEMS);
      expect(result.omitted).to.equal(count - MAX_PROBLEMS);
      result.problems.forEach((problem, i) => {
        expect(problem).to.deep.equal(problemAt(['therapies', i, 'name'], 'required'));
        expect(problem.message).to.equal(REQUIRED);
      });
    });

    it('are not capped when there are exactly MAX_PROBLEMS', () => {
      const b = valid();
      b.therapies = Array.from({ length: MAX_PROBLEMS }, (_, i) => ({ id: `t${i}` }));
      b.articles[0].therapyIds = [];
      b.quotes[0].therapyIds = [];
      const result = validateBundle(b);
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.problems).to.have.length(MAX_PROBLEMS);
      expect(result.omitted).to.equal(0);
    });

    it('are in document order, list items by number', () => {
      const b = valid();
      b.therapies = Array.from({ length: 12 }, (_, i) => ({ id: `t${i}`, name: `T${i}` }));
      b.therapies[0].id = 'car-t';
      delete b.therapies[10].name;
      delete b.therapies[2].name;
      b.therapies[11].id = 't1';
      delete b.therapies[1].name;
      b.quotes[0].text = '';
      b.title = '';
      expectProblems(b, [
        ['title', EMPTY],
        ['therapies[1].name', REQUIRED],
        ['therapies[2].name', REQUIRED],
        ['therapies[10].name', REQUIRED],
        ['therapies[11].id', "duplicate id 't1' (also at therapies[1])"],
        ['quotes[0].text', EMPTY],
      ]);
    });

    it('are in document order within one item', () => {
      // The keys of each object below are written in the schema's order.
      const b = valid();
      b.experts[0] = { id: 'e1', name: 'E', role: 5, affiliation: '', url: 'javascript:x', photo: { src: 'data:x', alt: 'A' } };
      expectProblems(b, [
        ['experts[0].role', 'must be text, not the number 5'],
        ['experts[0].affiliation', EMPTY],
        ['experts[0].url', BAD_URL],
        ['experts[0].photo.src', BAD_URL],
      ]);
      const c = valid();
      c.therapies[0].sources[0] = { title: 'T', url: 'javascript:x', publisher: '', date: '2021-02-30' };
      expectProblems(c, [
        ['therapies[0].sources[0].url', BAD_URL],
        ['therapies[0].sources[0].publisher', EMPTY],
        ['therapies[0].sources[0].date', '2021-02-30 is not a calendar date'],
      ]);
    });
  });
});

/** Deletes the key at a path such as `therapies[0].sources[0].title`. */
function deleteAt(doc: Doc, path: string): void {
  const keys = path.split(/\.|\[(\d+)\]/).filter((key) => key !== undefined && key !== '');
  const last = keys.pop()!;
  let parent = doc;
  for (const key of keys) parent = parent[key];
  delete parent[last];
}

describe('formatProblems', () => {
  const problems: Problem[] = [
    problemAt(['title'], 'empty'),
    problemAt(['therapies', 1, 'sources', 0, 'url'], 'url'),
  ];

  it('prints one `path: message` line per problem', () => {
    expect(formatProblems(problems)).to.deep.equal([
      'title: must not be empty or only spaces',
      'therapies[1].sources[0].url: must be an https:, http: or relative URL',
    ]);
  });

  it('adds a line for the problems left out', () => {
    expect(formatProblems(problems, 1)).to.deep.equal([...formatProblems(problems), '… and 1 more problem']);
    expect(formatProblems(problems, 200)).to.deep.equal([...formatProblems(problems), '… and 200 more problems']);
  });

  it('prints nothing for no problems', () => {
    expect(formatProblems([])).to.deep.equal([]);
    expect(formatProblems([], 0)).to.deep.equal([]);
  });

  it('prints what validateBundle returns', () => {
    const result = validateBundle({ ...valid(), title: '' });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(formatProblems(result.problems, result.omitted)).to.deep.equal(['title: must not be empty or only spaces']);
  });
});

describe('formatPath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(formatPath(['therapies', 1, 'sources', 0, 'url'])).to.equal('therapies[1].sources[0].url');
    expect(formatPath(['title'])).to.equal('title');
    expect(formatPath([])).to.equal('(root)');
  });
});

describe('isCalendarDate', () => {
  const cases: [string, boolean][] = [
    ['2021-03-12', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2023-02-28', true],
    ['2021-12-31', true],
    ['2021-02-30', false],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2021-04-31', false],
    ['2021-13-01', false],
    ['2021-00-01', false],
    ['2021-01-00', false],
    ['2021-3-12', false],
    ['2021-03-12T00:00:00Z', false],
    ['', false],
    ['not a date', false],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} is ${expected ? '' : 'not '}a calendar date`, () => {
      expect(isCalendarDate(value)).to.equal(expected);
    });
  }
});

describe('the default bundle', () => {
  it('validates, with its therapies, expert, article and quotes', async () => {
    const response = await fetch(new URL('../../src/content/all-immune-therapies.json', import.meta.url));
    expect(response.ok).to.equal(true);
    const result = validateBundle(await response.json());
    expect(result.problems).to.deep.equal([]);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const { bundle } = result;
    expect(bundle.therapies.map((t) => t.id)).to.include.members(['car-t', 'blinatumomab', 'inotuzumab']);
    expect(bundle.experts.map((e) => e.id)).to.include('olalekan-oluwole');
    expect(bundle.articles.map((a) => a.id)).to.include('2021-03-12-immune-therapies');
    expect(bundle.quotes.length).to.be.at.least(4);
  });
});
