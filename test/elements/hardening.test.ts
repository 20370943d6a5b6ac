// What a host page or one broken item must not do to the elements (issue 9):
// each case failed before the base class was reshaped.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { clearBundleCache } from '../../src/content/load.js';
import type { TherapyCard } from '../../src/therapy-card/therapy-card.js';
import type { ExpertQuote } from '../../src/expert-quote/expert-quote.js';
import type { TherapyErrorEvent } from '../../src/internal/events.js';
import { json, minimalBundle, mount, text, type Draft } from '../fixtures.js';

/** minimalBundle() with a second therapy and a second expert with a quote. */
function twoOfEach(): Draft {
  const bundle = minimalBundle();
  bundle.therapies.push({ id: 'beta', name: 'Betamab', summary: 'Beta summary.' });
  bundle.experts.push({ id: 'dr-y', name: 'Dr. Y' });
  bundle.quotes.push({ id: 'q2', expertId: 'dr-y', text: 'Beta helps.', therapyIds: ['beta'] });
  return bundle;
}

describe('content elements against hostile input', () => {
  let fetchStub: sinon.SinonStub;
  let warn: sinon.SinonStub;
  beforeEach(() => {
    clearBundleCache();
    fetchStub = sinon.stub(window, 'fetch');
    warn = sinon.stub(console, 'warn');
  });
  afterEach(() => sinon.restore());

  describe('one broken item never blanks the others', () => {
    it('renders every sound item; the card asking for the broken one is a schema error with its problems', async () => {
      const bundle = twoOfEach();
      bundle.therapies[0].reviewedOn = '2024-02-30';
      fetchStub.callsFake(async () => json(bundle));
      const good = await mount<TherapyCard>(html`<therapy-card src="/one-typo.json" therapy="beta"></therapy-card>`);
      expect(good.el.state).to.equal('ready');
      expect(text(good.root)).to.contain('Betamab');
      const bad = await mount<TherapyCard>(html`<therapy-card src="/one-typo.json" therapy="alpha"></therapy-card>`);
      expect(bad.el.state).to.equal('error');
      const detail = (bad.event as TherapyErrorEvent).detail;
      expect(detail.code).to.equal('schema');
      expect(detail.errors!.map((p) => p.path)).to.deep.equal(['therapies[0].reviewedOn']);
      expect(detail.message).to.contain("'alpha'").and.contain('therapies[0].reviewedOn');
      expect(fetchStub.callCount).to.equal(1);
    });

    it('hides a quote whose expert is hidden, saying so; other quotes render', async () => {
      const bundle = twoOfEach();
      bundle.experts[0].url = 'javascript:alert(1)';
      fetchStub.callsFake(async () => json(bundle));
      const hidden = await mount<ExpertQuote>(html`<expert-quote src="/q.json" quote="q1"></expert-quote>`);
      expect((hidden.event as TherapyErrorEvent).detail.code).to.equal('schema');
      expect((hidden.event as TherapyErrorEvent).detail.message).to.contain('experts[0]');
      const shown = await mount<ExpertQuote>(html`<expert-quote src="/q.json" quote="q2"></expert-quote>`);
      expect(text(shown.root)).to.contain('Beta helps.');
    });

    it('warns once per bundle, naming how many items are hidden and their paths', async () => {
      const bundle = twoOfEach();
      bundle.therapies[0].reviewedOn = '2024-02-30';
      bundle.therapies[1].name = '';
      fetchStub.callsFake(async () => json(bundle));
      await mount(html`<div><therapy-card src="/w.json" therapy="alpha"></therapy-card><therapy-card src="/w.json" therapy="beta"></therapy-card></div>`);
      const messages = warn.getCalls().map((call) => String(call.args[0]));
      const bundleWarnings = messages.filter((m) => m.includes('/w.json'));
      expect(bundleWarnings).to.have.length(1);
      expect(bundleWarnings[0]).to.contain('hide 2').and.contain('therapies[0].reviewedOn').and.contain('therapies[1].name');
    });
  });

  describe('page input', () => {
    it('caps the ids a not-found message lists', async () => {
      const bundle = minimalBundle();
      bundle.therapies = Array.from({ length: 5000 }, (_, i) => ({ id: `t${i}`, name: `T${i}` }));
      bundle.articles[0].therapyIds = [];
      bundle.quotes[0].therapyIds = [];
      const { event } = await mount(html`<therapy-card .bundle=${bundle} therapy="nope"></therapy-card>`);
      const { code, message } = (event as TherapyErrorEvent).detail;
      expect(code).to.equal('not-found');
      expect(message.length).to.be.below(400);
      expect(message).to.contain("'t0'").and.contain('and 4990 more');
    });

    it('a string given as the bundle property is a config error, never fetched', async () => {
      const { el, event } = await mount<TherapyCard>(html`<therapy-card .bundle=${'/looks-like-a-url.json'} therapy="alpha"></therapy-card>`);
      expect((event as TherapyErrorEvent).detail.code).to.equal('config');
      expect(el.state).to.equal('error');
      expect(fetchStub.callCount).to.equal(0);
    });

    it('heading-level="" is treated as absent (an h3)', async () => {
      const { root } = await mount(html`<therapy-card .bundle=${minimalBundle()} therapy="alpha" heading-level=""></therapy-card>`);
      expect(root.querySelector('.heading')!.localName).to.equal('h3');
      expect(root.querySelector('.subheading')!.localName).to.equal('h4');
    });

    for (const lang of ['__proto__', 'constructor']) {
      it(`lang="${lang}" on the element, a provider or an ancestor keeps every label`, async () => {
        for (const template of [
          html`<therapy-card .bundle=${minimalBundle()} therapy="alpha" lang=${lang}></therapy-card>`,
          html`<div lang=${lang}><therapy-card .bundle=${{ ...minimalBundle(), locale: undefined }} therapy="alpha"></therapy-card></div>`,
        ]) {
          const { el } = await mount(template);
          const card = (el.localName === 'therapy-card' ? el : el.querySelector('therapy-card'))!;
          const shown = text(card.shadowRoot!);
          expect(shown).to.contain('How it works').and.contain('Last reviewed');
          expect(shown).not.to.contain('undefined');
        }
        fetchStub.callsFake(async () => json(minimalBundle()));
        const provider = await fixture(html`<therapy-content src="/p.json" lang=${lang}><therapy-card therapy="alpha"></therapy-card></therapy-content>`);
        const card = provider.querySelector<TherapyCard>('therapy-card')!;
        await waitUntil(() => card.state === 'ready');
        expect(text(card.shadowRoot!)).to.contain('How it works');
      });
    }

    it('follows a change of an ancestor lang after it rendered', async () => {
      const bundle = minimalBundle();
      delete bundle.locale;
      const { el } = await mount(html`<div lang="en"><therapy-card .bundle=${bundle} therapy="alpha"></therapy-card></div>`);
      const card = el.querySelector<TherapyCard>('therapy-card')!;
      expect(text(card.shadowRoot!)).to.contain('How it works');
      el.setAttribute('lang', 'es');
      await waitUntil(() => text(card.shadowRoot!).includes('Cómo funciona'), 'labels follow the new lang');
      expect(card.shadowRoot!.querySelector('article')!.lang).to.equal('es');
    });
  });

  describe('moving cards', () => {
    it('a card moved out of its provider with no src of its own loads the default bundle', async () => {
      fetchStub.callsFake(async (input: RequestInfo | URL) => {
        const url = String(input);
        const bundle = minimalBundle();
        bundle.therapies[0].name = url.includes('all-immune-therapies') ? 'Default bundle' : 'Provider bundle';
        return json(bundle);
      });
      const page = await fixture(html`<div><therapy-content src="/provided.json"><therapy-card therapy="alpha"></therapy-card></therapy-content><section></section></div>`);
      const card = page.querySelector<TherapyCard>('therapy-card')!;
      await waitUntil(() => text(card.shadowRoot!).includes('Provider bundle'));
      page.querySelector('section')!.append(card);
      await waitUntil(() => text(card.shadowRoot!).includes('Default bundle'), 'falls back to the default bundle');
    });

    it('keeps its styles when adopted into an iframe, and back again', async () => {
      const { el } = await mount<TherapyCard>(html`<therapy-card .bundle=${minimalBundle()} therapy="alpha"></therapy-card>`);
      const frameStyle = () => getComputedStyle(el.shadowRoot!.querySelector('.frame')!);
      const home = frameStyle().borderTopStyle;
      expect(home).to.equal('solid');
      const iframe = await fixture<HTMLIFrameElement>(html`<iframe style="width: 600px; height: 400px"></iframe>`);
      const doc = iframe.contentDocument!;
      doc.body.append(doc.adoptNode(el));
      await el.updateComplete;
      expect(iframe.contentWindow!.getComputedStyle(el.shadowRoot!.querySelector('.frame')!).borderTopStyle).to.equal('solid');
      document.body.append(document.adoptNode(el));
      await el.updateComplete;
      expect(frameStyle().borderTopStyle).to.equal(home);
      el.remove();
    });
  });

  describe('bidi and media', () => {
    it('isolates every inline bundle string, so a U+202E cannot reverse its neighbour', async () => {
      const bundle = minimalBundle();
      bundle.therapies[0].brandNames = ['Evil\u202E', 'Good'];
      const { root } = await mount(html`<therapy-card .bundle=${bundle} therapy="alpha"></therapy-card>`);
      const brands = [...root.querySelectorAll('.card__brands bdi')];
      expect(brands.map((b) => b.textContent)).to.deep.equal(['Evil\u202E', 'Good']);
      for (const brand of brands) expect(getComputedStyle(brand).unicodeBidi).to.equal('isolate');
      // Laid out in order: the second brand starts right of the first.
      const [first, second] = brands.map((b) => b.getBoundingClientRect());
      expect(second!.left).to.be.above(first!.right);
    });

    it('requests images without credentials', async () => {
      const bundle = minimalBundle();
      bundle.articles[0].image = { src: '/img/a.png', alt: 'An image' };
      const { root } = await mount(html`<news-teaser .bundle=${bundle}></news-teaser>`);
      expect(root.querySelector('img')!.getAttribute('crossorigin')).to.equal('anonymous');
    });
  });
});
