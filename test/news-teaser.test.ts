import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import sinon from 'sinon';
import '../src/news-teaser/define.js';
import type { NewsTeaser } from '../src/news-teaser/define.js';
import { clearBundleCache } from '../src/content/load.js';
import { problemAt } from '../src/content/schema.js';
import type { TherapyErrorEvent, TherapyLoadEvent } from '../src/internal/events.js';
import { deferred, json, minimalBundle, mount as mountAny, text, type Draft } from './fixtures.js';

const mount = (template: TemplateResult) => mountAny<NewsTeaser>(template);

const MARKUP = '<img src=x onerror=window.__pwned=1>';
const CALM_UNAVAILABLE = 'This information could not be loaded right now. Please try again later.';
const CALM_NOT_FOUND = 'This information is not available.';

/** A bundle whose articles are listed out of date order; the newest is in the middle. */
function threeArticles(): Draft {
  const bundle = minimalBundle();
  const base = bundle.articles[0];
  bundle.articles = [
    { ...base, id: 'old', headline: 'Old news', publishedOn: '2023-01-15' },
    { ...base, id: 'newest', headline: 'Newest news', publishedOn: '2024-06-01' },
    { ...base, id: 'news-1' },
  ];
  return bundle;
}

describe('<news-teaser>', () => {
  let fetchStub: sinon.SinonStub;
  let warnStub: sinon.SinonStub;

  beforeEach(() => {
    clearBundleCache();
    fetchStub = sinon.stub(window, 'fetch');
    fetchStub.callsFake(async () => json(minimalBundle()));
    warnStub = sinon.stub(console, 'warn');
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
          const bundle = minimalBundle();
          bundle.articles[0].image = { src: 'img/photo.jpg', alt: 'A nurse talks with a patient' };
          const { el } = await mount(html`<news-teaser .bundle=${bundle} variant=${variant} theme=${theme}></news-teaser>`);
          expect(el.state).to.equal('ready');
          await expect(el).to.be.accessible();
        });
      }
    }

    it('passes axe: auto theme under a dark colour scheme', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const { el } = await mount(html`<news-teaser .bundle=${minimalBundle()} theme="auto"></news-teaser>`);
        await expect(el).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('passes axe while loading', async () => {
      fetchStub.callsFake(() => new Promise(() => {}));
      const el = await fixture<NewsTeaser>(html`<news-teaser src="/never.json"></news-teaser>`);
      expect(el.getAttribute('state')).to.equal('loading');
      await expect(el).to.be.accessible();
    });

    it('passes axe in the error state', async () => {
      fetchStub.callsFake(async () => new Response('nope', { status: 404 }));
      const { el } = await mount(html`<news-teaser src="/missing.json" theme="dark"></news-teaser>`);
      expect(el.getAttribute('state')).to.equal('error');
      await expect(el).to.be.accessible();
    });
  });

  describe('defaults and reflection', () => {
    it('defaults to full, auto, heading level 3, and reflects loading then ready', async () => {
      const response = deferred<Response>();
      fetchStub.callsFake(() => response.promise);
      const el = await fixture<NewsTeaser>(html`<news-teaser src="/slow.json"></news-teaser>`);
      expect(el.variant).to.equal('full');
      expect(el.theme).to.equal('auto');
      expect(el.headingLevel).to.equal(3);
      expect(el.getAttribute('variant')).to.equal('full');
      expect(el.getAttribute('theme')).to.equal('auto');
      expect(el.getAttribute('state')).to.equal('loading');
      expect(el.shadowRoot!.querySelector('[role=status][aria-busy=true]')).to.exist;

      const loaded = oneEvent(el, 'therapy-load');
      response.resolve(json(minimalBundle()));
      await loaded;
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('ready');
      expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal('Alpha news');
    });

    it('reflects variant and theme set as properties', async () => {
      const { el } = await mount(html`<news-teaser .bundle=${minimalBundle()}></news-teaser>`);
      el.variant = 'compact';
      el.theme = 'dark';
      await el.updateComplete;
      expect(el.getAttribute('variant')).to.equal('compact');
      expect(el.getAttribute('theme')).to.equal('dark');
    });

    it('shows its fallback content while loading', async () => {
      fetchStub.callsFake(() => new Promise(() => {}));
      const el = await fixture<NewsTeaser>(html`<news-teaser src="/never.json"><p>Fallback teaser</p></news-teaser>`);
      expect(el.shadowRoot!.querySelector('slot')).to.exist;
      expect(el.shadowRoot!.querySelector('[aria-busy]')).to.equal(null);
    });
  });

  describe('rendering', () => {
    it('renders an article from a fetched bundle', async () => {
      const { el, root, event } = await mount(html`<news-teaser src="/bundles/news.json" article="news-1"></news-teaser>`);
      expect(event.type).to.equal('therapy-load');
      expect(fetchStub.callCount).to.equal(1);
      expect(fetchStub.firstCall.args[0]).to.equal(new URL('/bundles/news.json', location.href).href);
      expect(el.state).to.equal('ready');
      expect(root.querySelector('article')).to.exist;
      expect(root.querySelector('[part~=kicker]')!.textContent).to.equal('News');
      expect(root.querySelector('h3')!.textContent).to.equal('Alpha news');
      const time = root.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal('2024-03-04');
      expect(time.textContent).to.equal('March 4, 2024');
      expect(text(root)).to.contain('News summary.');
      expect(text(root)).to.contain('Key takeaways');
      expect([...root.querySelectorAll('ul li')].map((li) => li.textContent)).to.deep.equal(['Takeaway one.']);
      const link = root.querySelector<HTMLAnchorElement>('footer a')!;
      expect(link.getAttribute('href')).to.equal('https://news.example/1');
      expect(link.textContent).to.contain('Read more');
    });

    it('renders the default bundle when given no src and no stub', async () => {
      sinon.restore();
      warnStub = sinon.stub(console, 'warn');
      const { el, root, event } = await mount(html`<news-teaser></news-teaser>`);
      expect(event.type, JSON.stringify(event.detail)).to.equal('therapy-load');
      expect(event.detail).to.deep.equal({ bundleId: 'all-immune-therapies', itemId: '2021-03-12-immune-therapies' });
      expect(el.state).to.equal('ready');
      expect(root.querySelector('h3')!.textContent).to.equal('Three immune therapies are changing care for relapsed ALL');
      expect(root.querySelector('time')!.getAttribute('datetime')).to.equal('2021-03-12');
      expect(root.querySelectorAll('ul li').length).to.equal(4);
      // The default article has no url: no read-more link.
      expect(root.querySelector('footer a'), 'no read-more link').to.equal(null);
      expect(text(root)).to.contain('Last reviewed');
      await expect(el).to.be.accessible();
    });

    it('picks the newest article by publishedOn when no article is given', async () => {
      const { root, event } = await mount(html`<news-teaser .bundle=${threeArticles()}></news-teaser>`);
      expect(event.detail).to.deep.equal({ bundleId: 'test-bundle', itemId: 'newest' });
      expect(root.querySelector('h3')!.textContent).to.equal('Newest news');
      expect(root.querySelector('time')!.getAttribute('datetime')).to.equal('2024-06-01');
    });

    it('picks the article named by the article attribute', async () => {
      const { root, event } = await mount(html`<news-teaser .bundle=${threeArticles()} article="old"></news-teaser>`);
      expect((event as TherapyLoadEvent).detail.itemId).to.equal('old');
      expect(root.querySelector('h3')!.textContent).to.equal('Old news');
    });

    it('gives the headline the level from heading-level', async () => {
      const { root } = await mount(html`<news-teaser .bundle=${minimalBundle()} heading-level="2"></news-teaser>`);
      expect(root.querySelector('h2')!.textContent).to.equal('Alpha news');
      expect(root.querySelector('h3')!.textContent).to.equal('Key takeaways');
      expect(root.querySelector('h1, h4')).to.equal(null);
    });

    it('has no read-more link when the article has no url', async () => {
      const bundle = minimalBundle();
      delete bundle.articles[0].url;
      const { root } = await mount(html`<news-teaser .bundle=${bundle}></news-teaser>`);
      expect(root.querySelector('a')).to.equal(null);
      expect(text(root)).not.to.contain('Read more');
    });

    it('shows an image on the bundle host, resolved against the bundle URL', async () => {
      const bundle = minimalBundle();
      bundle.articles[0].image = { src: 'img/photo.jpg', alt: 'A nurse talks with a patient' };
      fetchStub.callsFake(async () => json(bundle));
      const { root } = await mount(html`<news-teaser src="/bundles/news.json"></news-teaser>`);
      const img = root.querySelector('img')!;
      expect(img).to.exist;
      expect(img.getAttribute('src')).to.equal(new URL('/bundles/img/photo.jpg', location.href).href);
      expect(img.getAttribute('alt')).to.equal('A nurse talks with a patient');
    });

    it('leaves out an image on another host, with a warning', async () => {
      const bundle = minimalBundle();
      bundle.articles[0].image = { src: 'https://cdn.elsewhere.example/x.jpg', alt: 'Elsewhere' };
      fetchStub.callsFake(async () => json(bundle));
      const { el, root } = await mount(html`<news-teaser src="/bundles/elsewhere.json"></news-teaser>`);
      expect(el.state).to.equal('ready');
      expect(root.querySelector('img')).to.equal(null);
      expect(warnStub.called).to.equal(true);
      expect(warnStub.calledWithMatch(sinon.match('cdn.elsewhere.example'))).to.equal(true);
    });

    it('shows a video poster as a link to the video', async () => {
      const bundle = minimalBundle();
      bundle.articles[0].video = { url: 'https://video.example/watch?v=1', poster: 'img/poster.jpg', title: 'A doctor explains' };
      fetchStub.callsFake(async () => json(bundle));
      const { root } = await mount(html`<news-teaser src="/bundles/video.json"></news-teaser>`);
      const link = root.querySelector<HTMLAnchorElement>('a[href="https://video.example/watch?v=1"]')!;
      expect(link).to.exist;
      expect(link.textContent).to.contain('Watch the video');
      expect(link.textContent).to.contain('A doctor explains');
      expect(link.querySelector('img')!.getAttribute('src')).to.equal(new URL('/bundles/img/poster.jpg', location.href).href);
    });

    it('omits takeaways and media in the compact variant', async () => {
      const bundle = minimalBundle();
      bundle.articles[0].video = { url: 'https://video.example/watch?v=1', poster: 'img/poster.jpg', title: 'A doctor explains' };
      const { root } = await mount(html`<news-teaser .bundle=${bundle} variant="compact"></news-teaser>`);
      expect(root.querySelector('h3')!.textContent).to.equal('Alpha news');
      expect(text(root)).to.contain('News summary.');
      expect(root.querySelector('ul')).to.equal(null);
      expect(text(root)).not.to.contain('Key takeaways');
      expect(root.querySelector('img, [part~=media]')).to.equal(null);
      expect(text(root)).not.to.contain('Watch the video');
      expect(root.querySelector('footer a')).to.exist;
    });

    it('speaks Spanish with lang="es"', async () => {
      const { root } = await mount(html`<news-teaser .bundle=${minimalBundle()} lang="es"></news-teaser>`);
      expect(root.querySelector('article')!.getAttribute('lang')).to.equal('es');
      expect(root.querySelector('time')!.textContent).to.equal('4 de marzo de 2024');
      expect(text(root)).to.contain('Ideas principales');
      expect(root.querySelector('footer a')!.textContent).to.contain('Leer más');
    });

    it('renders markup in the text as characters', async () => {
      const bundle = minimalBundle();
      bundle.articles[0].headline = MARKUP;
      bundle.articles[0].summary = MARKUP;
      bundle.articles[0].kicker = MARKUP;
      bundle.articles[0].takeaways = [MARKUP];
      const { root } = await mount(html`<news-teaser .bundle=${bundle}></news-teaser>`);
      expect(root.querySelector('img')).to.equal(null);
      expect(root.querySelector('h3')!.textContent).to.equal(MARKUP);
      expect(root.querySelector('[part~=kicker]')!.textContent).to.equal(MARKUP);
      expect(root.querySelector('[part~=body] p')!.textContent).to.equal(MARKUP);
      expect(root.querySelector('[part~=body] li')!.textContent).to.equal(MARKUP);
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    });
  });

  describe('events', () => {
    it('gives a schema error carrying the problems', async () => {
      const bundle = minimalBundle();
      bundle.articles[0].publishedOn = '2024-02-30';
      fetchStub.callsFake(async () => json(bundle));
      const { root, event } = await mount(html`<news-teaser src="/schema.json"></news-teaser>`);
      const detail = (event as TherapyErrorEvent).detail;
      expect(detail.code).to.equal('schema');
      expect(detail.errors).to.deep.equal([problemAt(['articles', 0, 'publishedOn'], 'calendar-date', { value: '2024-02-30' })]);
      expect(detail.errors![0]!.message).to.equal('2024-02-30 is not a calendar date');
      expect(text(root)).to.contain(CALM_UNAVAILABLE);
      expect(text(root)).not.to.contain('publishedOn');
    });

    it('gives not-found for an unknown article, naming the known ids', async () => {
      const { root, event } = await mount(html`<news-teaser .bundle=${threeArticles()} article="nope"></news-teaser>`);
      const detail = (event as TherapyErrorEvent).detail;
      expect(detail.code).to.equal('not-found');
      expect(detail.message).to.contain('nope').and.contain("'old'").and.contain("'newest'").and.contain("'news-1'");
      expect(text(root)).to.contain(CALM_NOT_FOUND);
      expect(text(root)).not.to.contain('nope');
    });

    it('gives not-found for a bundle with no articles', async () => {
      const bundle = minimalBundle();
      bundle.articles = [];
      bundle.quotes = [];
      const { el, root, event } = await mount(html`<news-teaser .bundle=${bundle}></news-teaser>`);
      expect(event.type).to.equal('therapy-error');
      expect((event as TherapyErrorEvent).detail.code).to.equal('not-found');
      expect(el.getAttribute('state')).to.equal('error');
      expect(text(root)).to.contain(CALM_NOT_FOUND);
    });

  });

  describe('loading', () => {
  });

});
