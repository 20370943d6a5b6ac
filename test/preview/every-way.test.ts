import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { DRAFT_KEY } from '../../demo/preview/draft.js';
import { PUBLISH_LOCATION_KEY } from '../../demo/preview/embed-plan.js';
import { setClock } from '../../src/content/clock.js';
import type { TherapyPreview } from '../../demo/preview/therapy-preview.js';
import { parseHtml } from '../output/helpers.js';
import { $, $$, choose, DEFAULT_ITEMS, editorText, json, openPreview, paste, servedIntegrity, shown, twoOfEach } from './helpers.js';

/** Stubs the clipboard and returns what gets copied. */
function clipboard(): string[] {
  const copied: string[] = [];
  sinon.stub(navigator.clipboard, 'writeText').callsFake(async (text: string) => {
    copied.push(text);
  });
  return copied;
}

async function loadUrl(el: TherapyPreview, url: string): Promise<void> {
  $<HTMLInputElement>(el, '#url').value = url;
  $<HTMLButtonElement>(el, 'form button[type="submit"]').click();
  await waitUntil(() => $(el, 'p.status').textContent!.startsWith('Loaded '), 'the bundle did not load', { timeout: 5000 });
  await el.ready();
}

describe('<therapy-preview>: every item, every way', () => {
  beforeEach(() => localStorage.removeItem(DRAFT_KEY));
  afterEach(() => {
    sinon.restore();
    localStorage.removeItem(DRAFT_KEY);
    localStorage.removeItem(PUBLISH_LOCATION_KEY);
  });

  it('previews and copies the compact variant at the chosen heading level', async () => {
    const copied = clipboard();
    const el = await openPreview();
    await choose(el, 'variant', 'compact');
    await choose(el, 'heading-level', '2');
    const card = el.itemElements()[0]!;
    expect(card.getAttribute('variant')).to.equal('compact');
    expect(card.shadowRoot!.querySelector('h2')).not.to.equal(null);
    $<HTMLButtonElement>(el, 'button[data-copy="embed"]').click();
    await waitUntil(() => copied.length === 1);
    const tag = parseHtml(copied[0]!).querySelector('therapy-card')!;
    expect(tag.getAttribute('variant')).to.equal('compact');
    expect(tag.getAttribute('heading-level')).to.equal('2');
    expect(tag.querySelector('h2')!.textContent).to.equal('CAR T-cell therapy');
  });

  it('shows one item in every combination at once: light and dark, 360 and 1280 px, each UI language', async function () {
    this.timeout(20000);
    const el = await openPreview(1200);
    const select = $<HTMLSelectElement>(el, '#grid-item');
    select.value = 'quotes:oluwole-game-changer';
    select.dispatchEvent(new Event('change'));
    await el.ready();
    const cells = $$(el, '.grid__cell');
    expect(cells.map((cell) => cell.dataset.combo)).to.deep.equal([
      'light phone en', 'dark phone en', 'light desktop en', 'dark desktop en',
      'light phone es', 'dark phone es', 'light desktop es', 'dark desktop es',
    ]);
    const quotes = el.itemElements();
    expect(quotes.map((q) => `${q.localName} ${q.getAttribute('quote')} ${q.getAttribute('theme')} ${q.getAttribute('lang')} ${q.offsetWidth > 360 ? 'wide' : q.offsetWidth}`)).to.deep.equal(
      cells.map((cell) => {
        const [theme, width, lang] = cell.dataset.combo!.split(' ');
        return `expert-quote oluwole-game-changer ${theme} ${lang} ${width === 'phone' ? 360 : 'wide'}`;
      }),
    );
    // The 1280 px items are zoomed out to fit their cell, not cut off.
    await waitUntil(() => quotes.every((q) => q.getBoundingClientRect().right <= el.getBoundingClientRect().right + 1), 'a cell overflows');
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await el.ready();
    expect(shown(el)).to.deep.equal(DEFAULT_ITEMS);
  });

  it('loads a relative bundle URL, and pins the bundle it loaded with its integrity', async () => {
    const copied = clipboard();
    const el = await openPreview();
    await loadUrl(el, 'src/content/all-immune-therapies.json');
    const absolute = new URL('src/content/all-immune-therapies.json', document.baseURI).href;
    expect($(el, '.source').textContent).to.contain(`From ${absolute}`);
    $<HTMLButtonElement>(el, 'button[data-copy="embed"]').click();
    await waitUntil(() => copied.length === 1);
    const tag = parseHtml(copied[0]!).querySelector('therapy-card')!;
    expect(tag.getAttribute('src')).to.equal(absolute);
    expect(tag.getAttribute('integrity')).to.equal(await servedIntegrity(absolute));
    expect($(el, '.item__copy-status').textContent).to.equal('Embed code copied.');
  });

  it('after loading a URL and editing, copies nothing: the live URL does not hold the edits', async () => {
    const copied = clipboard();
    const el = await openPreview();
    await loadUrl(el, 'src/content/all-immune-therapies.json');
    await paste(el, editorText(el).replace('CAR T-cell therapy', 'CAR T-cell treatment'));
    $<HTMLButtonElement>(el, 'button[data-copy="embed"]').click();
    await waitUntil(() => $(el, '.item__copy-status').textContent!.startsWith('Nothing copied.'));
    expect($(el, '.item__copy-status').textContent).to.contain('which does not hold your edits');
    expect(copied).to.deep.equal([]);
    const details = $<HTMLDetailsElement>(el, 'details[data-export="embed"]');
    details.open = true;
    await waitUntil(() => details.querySelector('.danger'), 'no reason in place of the code');
    expect(details.querySelector('.danger')!.textContent).to.contain('which does not hold your edits');
    expect(details.querySelector('pre')).to.equal(null);
  });

  it('copies the embed code of all items with the script tag once, or of one item without it', async () => {
    const copied = clipboard();
    localStorage.setItem(PUBLISH_LOCATION_KEY, 'https://cards.example.org/therapy/');
    const el = await openPreview();
    await paste(el, json(twoOfEach()));
    $<HTMLButtonElement>(el, 'button[data-copy="all"]').click();
    await waitUntil(() => copied.length === 1);
    const page = parseHtml(copied[0]!);
    expect(page.querySelectorAll('script[src]')).to.have.length(1);
    expect(page.querySelectorAll('therapy-card, news-teaser, expert-quote')).to.have.length(6);

    const withScript = $<HTMLInputElement>(el, '.embed-settings__check input');
    withScript.click();
    await el.updateComplete;
    $$<HTMLButtonElement>(el, 'button[data-copy="embed"]')[1]!.click();
    await waitUntil(() => copied.length === 2);
    expect(copied[1]).to.match(/^<therapy-card therapy="beta"[ >]/);
    // No script tag; the JSON-LD block for search engines stays with its card.
    expect(parseHtml(copied[1]!).querySelectorAll('script[src]')).to.have.length(0);
  });

  it('shows each item’s reading grade and, above grade 8, its longest sentences as a warning', async () => {
    const el = await openPreview();
    const grades = $$(el, 'details.grade').map((d) => Number(d.dataset.grade));
    expect(grades).to.have.length(DEFAULT_ITEMS.length);
    const bundle = twoOfEach();
    bundle.therapies[1].summary =
      'Notwithstanding considerable interindividual heterogeneity, immunotherapeutic interventions demonstrate substantially improved remission probabilities in relapsed populations.';
    await paste(el, json(bundle));
    const therapy = $$(el, 'preview-item')[1]!;
    expect(therapy.querySelector('.grade--high summary')!.textContent).to.contain('above the goal of 8');
    expect(therapy.querySelector('.item__warnings')!.textContent).to.contain('shorten the longest sentences');
    expect(therapy.querySelector('.grade li')!.textContent).to.equal(bundle.therapies[1].summary);
    expect($$(el, 'preview-item')[0]!.querySelector('.grade--high')).to.equal(null);
  });

  it('says when labels and content differ in language, and when an article leads nowhere', async () => {
    const el = await openPreview();
    const bundle = twoOfEach();
    delete bundle.articles[0].url;
    await paste(el, json(bundle));
    expect($$(el, 'preview-item')[2]!.querySelector('.item__warnings')!.textContent).to.contain('Alpha news › link: is missing: the teaser leads nowhere');
    expect($$(el, 'preview-item')[0]!.querySelector('.item__warnings')).to.equal(null);
    await choose(el, 'lang', 'es');
    expect($(el, '[data-language-notice]').textContent).to.contain('Labels are in Español, the content in English');
    expect($$(el, 'preview-item')[0]!.querySelector('.item__warnings')).to.equal(null);
  });

  it('warns, in the CLI\'s words, on an item due for review (today from clock.ts)', async () => {
    setClock(() => new Date('2031-01-01T00:00:00Z'));
    try {
      const el = await openPreview();
      await paste(el, json(twoOfEach()));
      expect($$(el, 'preview-item')[0]!.querySelector('.item__warnings')!.textContent).to.contain('Alphamab: is due for review since');
    } finally {
      setClock();
    }
  });

  it('copies the plain-text version of the e-mail', async () => {
    const copied = clipboard();
    const el = await openPreview();
    $<HTMLButtonElement>(el, 'button[data-copy="text"]').click();
    await waitUntil(() => copied.length === 1);
    expect(copied[0]).to.match(/^CAR T-cell therapy\n/);
    expect(copied[0]).not.to.contain('<');
    expect($(el, '.item__copy-status').textContent).to.equal('Plain text copied');
  });
});
