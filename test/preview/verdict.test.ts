// The verdict and the warnings of the preview: counted, in words with the JSON path
// beside them, green only when there is nothing to look at; quotes never told to
// shorten; the language notice once; a URL typed without a scheme read as https://.
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { DRAFT_KEY } from '../../demo/preview/draft.js';
import { minimalBundle, type Draft } from '../fixtures.js';
import { $, $$, choose, json, openPreview, paste, root, summary } from './helpers.js';

/** minimalBundle() with nothing to look at: every review far from due. */
function clean(): Draft {
  const bundle = minimalBundle();
  bundle.nextReviewOn = '2099-01-01';
  for (const item of [...bundle.therapies, ...bundle.articles]) item.nextReviewOn = '2099-01-01';
  return bundle;
}

const texts = (elements: Element[]) => elements.map((element) => element.textContent!.replace(/\s+/g, ' ').trim());

describe('the verdict and warnings', () => {
  beforeEach(() => localStorage.removeItem(DRAFT_KEY));
  afterEach(() => {
    sinon.restore();
    localStorage.removeItem(DRAFT_KEY);
  });

  it('counts warnings, lists them in words beside their JSON path, and is green only with none', async () => {
    const el = await openPreview();
    await paste(el, json(clean()));
    expect(summary(el)).to.equal('No problems: the bundle is valid. Live pages will show 4 items and hide 0.');
    expect($(el, '[data-summary]').className).to.equal('ok');

    const bundle = clean();
    delete bundle.articles[0].url;
    bundle.therapies.push({ id: 'beta', name: 'Betamab', reviewedOn: '2020-01-01', nextReviewOn: '2021-01-01' });
    await paste(el, json(bundle));
    expect(summary(el)).to.equal('The bundle is valid. Live pages will show 5 items and hide 0. 2 warnings.');
    expect($(el, '[data-summary]').className).not.to.equal('ok');
    expect(texts($$(el, '[data-warnings] button'))).to.deep.equal([
      'Betamab: is due for review since 2021-01-01 (last reviewed 2020-01-01) therapies[1]',
      'Alpha news › link: is missing: the teaser leads nowhere articles[0].url',
    ]);
    // The same words on the item itself.
    expect(texts($$(el, '.item__warnings li'))).to.deep.equal([
      'Betamab: is due for review since 2021-01-01 (last reviewed 2020-01-01)',
      'Alpha news › link: is missing: the teaser leads nowhere',
    ]);
  });

  it('problems read as words with the item’s name and 1-based positions, the JSON path beside', async () => {
    const el = await openPreview();
    const bundle = clean();
    bundle.therapies.push({ id: 'blinatumomab', name: 'Blinatumomab', sources: [{ title: 'One', url: 'https://one.example/' }, { title: 'Two', url: 'ftp://two.example/' }] });
    bundle.therapies.push({ id: 'alpha', name: 'Alpha copy' });
    await paste(el, json(bundle));
    expect(texts($$(el, '[data-hidden]'))).to.deep.equal(['Hidden: Therapy “Blinatumomab” (id blinatumomab)', 'Hidden: Therapy “Alpha copy” (id alpha)']);
    expect(texts($$(el, 'button.problem'))).to.deep.equal([
      'Sources › 2nd source › link: must start with https:// or http:// therapies[1].sources[1].url',
      "id: 'alpha' is already the id of the 1st therapy (Alphamab): give each item its own id therapies[2].id",
    ]);

    await paste(el, json({ ...clean(), schemaVersion: 2 }));
    expect(texts($$(el, 'button.problem'))).to.deep.equal([
      'Bundle › schema version: 2 is newer than these widgets read (1): update therapy-widgets, or write the bundle for version 1 schemaVersion',
    ]);
  });

  it('grades quotes for information only: no advice to shorten someone’s words, and no warning counted', async () => {
    const el = await openPreview();
    const bundle = clean();
    bundle.quotes[0].text =
      'Notwithstanding considerable interindividual heterogeneity, immunotherapeutic interventions demonstrably ameliorate prognostication for relapsed lymphoblastic malignancies.';
    await paste(el, json(bundle));
    const quote = $(el, '.item[data-key="quotes:q1"]');
    expect(Number(quote.querySelector<HTMLElement>('.grade')!.dataset.grade)).to.be.above(8);
    expect(quote.querySelector('.grade')!.classList.contains('grade--high')).to.equal(false);
    expect(quote.querySelector('.grade summary')!.textContent).to.contain('for information only');
    expect(quote.textContent).not.to.contain('shorten');
    expect(summary(el)).to.equal('No problems: the bundle is valid. Live pages will show 4 items and hide 0.');

    // Our own sentences at the same grade are a warning, with the advice.
    bundle.therapies[0].summary = bundle.quotes[0].text;
    await paste(el, json(bundle));
    expect(summary(el)).to.contain('1 warning.');
    expect($(el, '.item[data-key="therapies:alpha"] .item__warnings').textContent).to.contain('shorten the longest sentences');
  });

  it('says once, in the settings and not in red, that labels and content differ in language', async () => {
    const el = await openPreview();
    await choose(el, 'lang', 'es');
    const notices = $$(el, '[data-language-notice]');
    expect(notices).to.have.length(1);
    expect(notices[0]!.closest('.toolbar')).to.exist;
    expect(notices[0]!.textContent).to.contain('Labels are in Español, the content in English');
    expect(notices[0]!.closest('.warnings, .danger')).to.equal(null);
    expect(getComputedStyle(notices[0]!).color).not.to.equal('rgb(179, 38, 30)'); // --page-danger
    expect(root(el).textContent!.match(/Labels are in/g)).to.have.length(1);
    await choose(el, 'lang', 'en');
    expect($$(el, '[data-language-notice]')).to.have.length(0);
  });

  it('reads a URL typed without a scheme as https:// and says so; an unreachable one in words', async () => {
    const el = await openPreview();
    const requested: string[] = [];
    sinon.stub(window, 'fetch').callsFake(async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      requested.push(url);
      if (url === 'https://content.example/bundle.json') return new Response(json(clean()), { headers: { 'content-type': 'application/json' } });
      throw new TypeError('Failed to fetch');
    });
    const url = $<HTMLInputElement>(el, '#url');
    url.value = 'content.example/bundle.json';
    $<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await waitUntil(() => $(el, '.status').textContent!.includes('Loaded'), 'the bundle did not load');
    expect(requested).to.deep.equal(['https://content.example/bundle.json']);
    expect($(el, '.status').textContent).to.contain('read as https://content.example/bundle.json');

    url.value = 'https://unreachable.example/bundle.json';
    $<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await waitUntil(() => $(el, '.status').classList.contains('status--error'));
    expect($(el, '.status').textContent).to.contain('Access-Control-Allow-Origin');
    expect($(el, '.status').textContent).not.to.contain('CORS');
  });
});
