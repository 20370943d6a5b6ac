import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import sinon from 'sinon';
import '../src/expert-quote/define.js';
import type { ExpertQuote } from '../src/expert-quote/define.js';
import { clearBundleCache } from '../src/content/load.js';
import type { TherapyErrorEvent } from '../src/internal/events.js';
import { deferred, json, minimalBundle, mount as mountAny, text, type Draft } from './fixtures.js';

const mount = (template: TemplateResult) => mountAny<ExpertQuote>(template);

const MARKUP = '<img src=x onerror=window.__pwned=1>';
const CALM_UNAVAILABLE = 'This information could not be loaded right now. Please try again later.';
const CALM_NOT_FOUND = 'This information is not available.';

/** Three quotes: the first about no therapy, the next two about `alpha`. */
function threeQuotes(): Draft {
  const bundle = minimalBundle();
  bundle.quotes = [
    { id: 'q0', expertId: 'dr-x', text: 'About nothing in particular.' },
    { id: 'q1', expertId: 'dr-x', text: 'Alpha is good.', therapyIds: ['alpha'], articleId: 'news-1' },
    { id: 'q2', expertId: 'dr-x', text: 'Alpha again.', therapyIds: ['alpha'] },
  ];
  return bundle;
}

describe('<expert-quote>', () => {
  let fetchStub: sinon.SinonStub;

  beforeEach(() => {
    clearBundleCache();
    fetchStub = sinon.stub(window, 'fetch');
    fetchStub.callsFake(async () => json(minimalBundle()));
    sinon.stub(console, 'warn');
  });

  afterEach(() => {
    sinon.restore();
    document.documentElement.style.removeProperty('--therapy-accent');
    delete (window as { __pwned?: unknown }).__pwned;
  });

  describe('accessibility', () => {
    for (const variant of ['full', 'compact']) {
      for (const theme of ['light', 'dark', 'auto']) {
        it(`passes axe: ${variant}, ${theme}`, async () => {
          const { el } = await mount(html`<expert-quote .bundle=${minimalBundle()} quote="q1" variant=${variant} theme=${theme}></expert-quote>`);
          expect(el.state).to.equal('ready');
          await expect(el).to.be.accessible();
        });
      }
    }

    it('passes axe: auto theme under a dark colour scheme', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const { el } = await mount(html`<expert-quote .bundle=${minimalBundle()} quote="q1" theme="auto"></expert-quote>`);
        await expect(el).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('passes axe while loading', async () => {
      fetchStub.callsFake(() => new Promise(() => {}));
      const el = await fixture<ExpertQuote>(html`<expert-quote src="/never.json" quote="q1"></expert-quote>`);
      expect(el.getAttribute('state')).to.equal('loading');
      await expect(el).to.be.accessible();
    });

    it('passes axe in the error state', async () => {
      fetchStub.callsFake(async () => new Response('nope', { status: 404 }));
      const { el } = await mount(html`<expert-quote src="/missing.json" quote="q1" theme="dark"></expert-quote>`);
      expect(el.getAttribute('state')).to.equal('error');
      await expect(el).to.be.accessible();
    });
  });

  describe('defaults and reflection', () => {
    it('defaults to full and auto, and reflects loading then ready', async () => {
      const response = deferred<Response>();
      fetchStub.callsFake(() => response.promise);
      const el = await fixture<ExpertQuote>(html`<expert-quote src="/slow.json" quote="q1"></expert-quote>`);
      expect(el.variant).to.equal('full');
      expect(el.theme).to.equal('auto');
      expect(el.getAttribute('variant')).to.equal('full');
      expect(el.getAttribute('theme')).to.equal('auto');
      expect(el.getAttribute('state')).to.equal('loading');
      expect(el.shadowRoot!.querySelector('[role=status][aria-busy=true]')).to.exist;

      const loaded = oneEvent(el, 'therapy-load');
      response.resolve(json(minimalBundle()));
      await loaded;
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('ready');
      expect(el.shadowRoot!.querySelector('blockquote')!.textContent!.trim()).to.equal('Alpha is good.');
    });

    it('reflects variant and theme set as properties', async () => {
      const { el } = await mount(html`<expert-quote .bundle=${minimalBundle()} quote="q1"></expert-quote>`);
      el.variant = 'compact';
      el.theme = 'auto';
      await el.updateComplete;
      expect(el.getAttribute('variant')).to.equal('compact');
      expect(el.getAttribute('theme')).to.equal('auto');
    });
  });

  describe('rendering', () => {
    it('exposes the shared part names body and footer besides quote and caption', async () => {
      const style = document.createElement('style');
      style.textContent = 'expert-quote::part(body) { color: rgb(1, 2, 3); } expert-quote::part(footer) { color: rgb(4, 5, 6); }';
      document.head.append(style);
      try {
        const { root } = await mount(html`<expert-quote src="/bundles/quotes.json" quote="q1"></expert-quote>`);
        expect(getComputedStyle(root.querySelector('blockquote')!).color).to.equal('rgb(1, 2, 3)');
        expect(getComputedStyle(root.querySelector('figcaption')!).color).to.equal('rgb(4, 5, 6)');
      } finally {
        style.remove();
      }
    });

    it('renders figure > blockquote + figcaption from a fetched bundle', async () => {
      const { el, root, event } = await mount(html`<expert-quote src="/bundles/quotes.json" quote="q1"></expert-quote>`);
      expect(event.type).to.equal('therapy-load');
      expect(fetchStub.callCount).to.equal(1);
      expect(el.state).to.equal('ready');
      const figure = root.querySelector('figure')!;
      expect(figure).to.exist;
      expect([...figure.children].map((c) => c.localName)).to.deep.equal(['blockquote', 'figcaption']);
      expect(root.querySelector('figure > blockquote')!.textContent!.trim()).to.equal('Alpha is good.');
      const caption = root.querySelector('figure > figcaption')!.textContent!.replace(/\s+/g, ' ');
      expect(caption).to.contain('Dr. X');
      expect(caption).to.contain('Doctor');
      expect(caption).to.contain('Test Hospital');
      expect(caption).to.contain('March 4, 2024');
      expect(root.querySelector('h1, h2, h3, h4, h5, h6')).to.equal(null);
    });

    it("links the quote's source when it has a url, and sets blockquote[cite]", async () => {
      const { root } = await mount(html`<expert-quote .bundle=${minimalBundle()} quote="q1"></expert-quote>`);
      expect(root.querySelector('blockquote')!.getAttribute('cite')).to.equal('https://news.example/interview');
      const link = root.querySelector<HTMLAnchorElement>('figcaption a[href="https://news.example/interview"]')!;
      expect(link).to.exist;
      expect(link.textContent).to.equal('Alpha interview');
      expect(root.querySelector('cite')).to.equal(null);
    });

    it('names the source in <cite> when it has no url', async () => {
      const bundle = minimalBundle();
      delete bundle.quotes[0].source.url;
      const { root } = await mount(html`<expert-quote .bundle=${bundle} quote="q1"></expert-quote>`);
      expect(root.querySelector('cite')!.textContent).to.equal('Alpha interview');
      expect(root.querySelector('blockquote')!.hasAttribute('cite')).to.equal(false);
      expect(root.querySelector('a')).to.equal(null);
    });

    it('picks the quote named by quote="ID"', async () => {
      const { root, event } = await mount(html`<expert-quote .bundle=${threeQuotes()} quote="q2"></expert-quote>`);
      expect(event.detail).to.deep.equal({ bundleId: 'test-bundle', itemId: 'q2' });
      expect(root.querySelector('blockquote')!.textContent!.trim()).to.equal('Alpha again.');
    });

    it('picks the first quote about therapy="ID"', async () => {
      const { root, event } = await mount(html`<expert-quote .bundle=${threeQuotes()} therapy="alpha"></expert-quote>`);
      expect(event.detail).to.deep.equal({ bundleId: 'test-bundle', itemId: 'q1' });
      expect(root.querySelector('blockquote')!.textContent!.trim()).to.equal('Alpha is good.');
    });

    it('renders the default bundle when given no src and no stub', async () => {
      sinon.restore();
      sinon.stub(console, 'warn');
      const { el, root, event } = await mount(html`<expert-quote therapy="inotuzumab"></expert-quote>`);
      expect(event.type, JSON.stringify(event.detail)).to.equal('therapy-load');
      expect(event.detail).to.deep.equal({ bundleId: 'all-immune-therapies', itemId: 'oluwole-inotuzumab-poisonous' });
      expect(root.querySelector('figure > blockquote')!.textContent).to.contain('breaks that leukemia apart');
      expect(root.querySelector('figure > figcaption')!.textContent).to.contain('Dr. Olalekan Oluwole');
      expect(root.querySelector('figcaption cite')!.textContent).to.equal('Immune Therapies — The Future of Acute Lymphoblastic Leukemia Treatment');
      expect(root.querySelector('figcaption')!.textContent).to.contain('SurvivorNet Connect');
      await expect(el).to.be.accessible();
    });

    it('shows the context before the quote, in the content language, and passes axe in both variants', async () => {
      const bundle = minimalBundle();
      bundle.quotes[0].context = 'On trials of using alpha earlier';
      for (const variant of ['full', 'compact']) {
        const { el, root } = await mount(html`<expert-quote .bundle=${bundle} quote="q1" lang="es" variant=${variant}></expert-quote>`);
        const context = root.querySelector<HTMLElement>('[part~="context"]')!;
        expect(context.textContent!.trim()).to.equal('On trials of using alpha earlier');
        expect(context.nextElementSibling!.localName, 'the blockquote follows').to.equal('blockquote');
        expect(context.closest('figure'), 'inside the figure').to.exist;
        expect(context.getAttribute('lang'), 'English context under Spanish labels').to.equal('en');
        expect(context.getBoundingClientRect().height, `visible (${variant})`).to.be.above(0);
        expect(getComputedStyle(context).visibility).to.equal('visible');
        await expect(el).to.be.accessible();
      }
    });

    it('has no context paragraph when the quote has none', async () => {
      const { root } = await mount(html`<expert-quote .bundle=${minimalBundle()} quote="q1"></expert-quote>`);
      expect(root.querySelector('[part~="context"]')).to.equal(null);
    });

    it('picks, for each therapy of the default bundle, a whole sentence about it alone or a quote with its context, never the "game changer"', async () => {
      sinon.restore();
      sinon.stub(console, 'warn');
      const picked: Record<string, string> = {};
      for (const therapy of ['car-t', 'blinatumomab', 'inotuzumab']) {
        const { el, root, event } = await mount(html`<expert-quote therapy=${therapy}></expert-quote>`);
        expect(event.type, JSON.stringify(event.detail)).to.equal('therapy-load');
        picked[therapy] = (event.detail as { itemId: string }).itemId;
        const quote = root.querySelector('blockquote')!.textContent!.trim();
        expect(quote).not.to.contain('game changer');
        if (!/^[A-Z].*[.!?]$/.test(quote)) expect(root.querySelector('[part~="context"]')!.textContent, `${therapy}: a fragment needs its context`).to.contain('CAR T-cell therapy');
        await expect(el).to.be.accessible();
      }
      expect(picked).to.deep.equal({
        'car-t': 'oluwole-car-t-innate',
        blinatumomab: 'oluwole-blinatumomab-forces-t-cell',
        inotuzumab: 'oluwole-inotuzumab-poisonous',
      });
    });

    it('takes a quote about several therapies only with its context', async () => {
      const bundle = minimalBundle();
      bundle.therapies.push({ id: 'beta', name: 'Betamab' });
      bundle.quotes = [
        { id: 'both-bare', expertId: 'dr-x', text: 'This changes everything.', therapyIds: ['alpha', 'beta'] },
        { id: 'both', expertId: 'dr-x', text: 'This changes everything.', context: 'On trials of both', therapyIds: ['alpha', 'beta'] },
        { id: 'alpha-only', expertId: 'dr-x', text: 'Alpha is good.', therapyIds: ['alpha'] },
      ];
      const alpha = await mount(html`<expert-quote .bundle=${bundle} therapy="alpha"></expert-quote>`);
      expect(alpha.event.detail).to.deep.equal({ bundleId: 'test-bundle', itemId: 'alpha-only' });
      const beta = await mount(html`<expert-quote .bundle=${bundle} therapy="beta"></expert-quote>`);
      expect(beta.event.detail).to.deep.equal({ bundleId: 'test-bundle', itemId: 'both' });
      expect(beta.root.querySelector('[part~="context"]')!.textContent).to.equal('On trials of both');
    });

    it('speaks Spanish with lang="es"', async () => {
      const { root } = await mount(html`<expert-quote .bundle=${minimalBundle()} quote="q1" lang="es"></expert-quote>`);
      expect(root.querySelector('figure')!.getAttribute('lang')).to.equal('es');
      expect(root.querySelector('time')!.textContent).to.equal('4 de marzo de 2024');
      expect(root.querySelector('time')!.getAttribute('datetime')).to.equal('2024-03-04');
      expect(text(root)).to.contain('Fuente');
    });

    it('renders markup in the quote text as characters', async () => {
      const bundle = minimalBundle();
      bundle.quotes[0].text = MARKUP;
      bundle.experts[0].name = MARKUP;
      bundle.quotes[0].source.title = MARKUP;
      const { root } = await mount(html`<expert-quote .bundle=${bundle} quote="q1"></expert-quote>`);
      expect(root.querySelector('img')).to.equal(null);
      expect(root.querySelector('blockquote')!.textContent!.trim()).to.equal(MARKUP);
      expect(root.querySelector('.quote__name')!.textContent).to.equal(MARKUP);
      expect(root.querySelector('figcaption a')!.textContent).to.equal(MARKUP);
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    });
  });

  describe('events', () => {
    it('gives a schema error carrying the problems', async () => {
      const bundle = minimalBundle();
      bundle.quotes[0].expertId = 'dr-nobody';
      fetchStub.callsFake(async () => json(bundle));
      const { root, event } = await mount(html`<expert-quote src="/schema.json" quote="q1"></expert-quote>`);
      const detail = (event as TherapyErrorEvent).detail;
      expect(detail.code).to.equal('schema');
      expect(detail.errors).to.be.an('array').with.length(1);
      expect(detail.errors![0]!.path).to.equal('quotes[0].expertId');
      expect(text(root)).to.contain(CALM_UNAVAILABLE);
      expect(text(root)).not.to.contain('dr-nobody');
    });

    it('gives not-found for an unknown quote id, naming the known ids', async () => {
      const { root, event } = await mount(html`<expert-quote .bundle=${threeQuotes()} quote="nope"></expert-quote>`);
      const detail = (event as TherapyErrorEvent).detail;
      expect(detail.code).to.equal('not-found');
      expect(detail.message).to.contain('nope').and.contain("'q0'").and.contain("'q1'").and.contain("'q2'");
      expect(text(root)).to.contain(CALM_NOT_FOUND);
      expect(text(root)).not.to.contain('nope');
    });

    it('gives not-found for a therapy with no quote, naming the therapies that have one', async () => {
      const { root, event } = await mount(html`<expert-quote .bundle=${threeQuotes()} therapy="nope"></expert-quote>`);
      const detail = (event as TherapyErrorEvent).detail;
      expect(detail.code).to.equal('not-found');
      expect(detail.message).to.contain('nope').and.contain("'alpha'");
      expect(text(root)).to.contain(CALM_NOT_FOUND);
    });

    it('gives a config error without quote or therapy', async () => {
      const { el, root, event } = await mount(html`<expert-quote .bundle=${minimalBundle()}></expert-quote>`);
      expect(event.type).to.equal('therapy-error');
      const detail = (event as TherapyErrorEvent).detail;
      expect(detail.code).to.equal('config');
      expect(detail.message).to.contain('quote="ID"').and.contain("'q1'");
      expect(el.getAttribute('state')).to.equal('error');
      expect(text(root)).to.contain(CALM_NOT_FOUND);
      expect(text(root)).not.to.contain('quote="ID"');
      await expect(el).to.be.accessible();
    });

    it('recovers when the missing attribute is set later', async () => {
      const { el } = await mount(html`<expert-quote .bundle=${minimalBundle()}></expert-quote>`);
      const loaded = oneEvent(el, 'therapy-load');
      el.quote = 'q1';
      expect((await loaded).detail.itemId).to.equal('q1');
      expect(el.getAttribute('state')).to.equal('ready');
    });
  });

  describe('loading', () => {
  });

});
