import { elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { clearBundleCache, loadBundle } from '../src/content/load.js';
import { problemAt } from '../src/content/schema.js';
import '../src/therapy-card/define.js';
import '../src/therapy-content/define.js';
import type { TherapyCard } from '../src/therapy-card/therapy-card.js';
import type { TherapyErrorEvent, TherapyLoadEvent } from '../src/internal/events.js';
import { deferred, json, minimalBundle, type Draft } from './fixtures.js';

const CALM_UNAVAILABLE = 'This information could not be loaded right now. Please try again later.';
const CALM_NOT_FOUND = 'This information is not available.';

type Route = () => Response | Promise<Response>;

/** Stubs window.fetch: each pathname answers with a fresh Response; anything else is a 404. */
function serve(routes: Record<string, Route>): sinon.SinonStub {
  return sinon.stub(window, 'fetch').callsFake(async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const route = routes[url.pathname];
    return route ? route() : new Response('not here', { status: 404 });
  });
}

/** Serves each bundle object as JSON at its path. */
function serveBundles(bundles: Record<string, Draft>): sinon.SinonStub {
  return serve(Object.fromEntries(Object.entries(bundles).map(([path, bundle]) => [path, () => json(bundle)])));
}

/** minimalBundle() plus a second therapy, 'beta'. */
function twoTherapies(): Draft {
  const bundle = minimalBundle();
  bundle.therapies.push({ id: 'beta', name: 'Betamab', summary: 'Beta summary.', reviewedOn: '2024-05-06' });
  return bundle;
}

function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

function $(el: Element, selector: string): HTMLElement | null {
  return root(el).querySelector<HTMLElement>(selector);
}

function $$(el: Element, selector: string): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>(selector)];
}

/** What a reader sees in the shadow root, whitespace collapsed. */
function shown(el: Element): string {
  return (root(el).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The section (open, or folded in a details) whose heading reads `title`, if rendered. */
function section(el: Element, title: string): HTMLElement | undefined {
  return $$(el, '[part~="subheading"]').find((h) => h.textContent?.trim() === title)?.closest<HTMLElement>('section, details') ?? undefined;
}

async function settled(el: TherapyCard): Promise<TherapyCard> {
  await waitUntil(() => el.state !== 'loading', `<therapy-card> stayed in state "${el.state}"`, { timeout: 3000 });
  await el.updateComplete;
  return el;
}

async function ready(el: TherapyCard): Promise<TherapyCard> {
  await settled(el);
  expect(el.state, 'state').to.equal('ready');
  return el;
}

/** Asserts exactly one therapy-widgets warning was logged (console.warn is stubbed), and that it names the cause. */
function expectOneWarning(warn: sinon.SinonStub, cause: string): void {
  const lines = warn.getCalls()
    .map((call) => call.args.map(String).join(' '))
    .filter((line) => line.startsWith('therapy-widgets'));
  expect(lines, 'therapy-widgets warnings').to.have.length(1);
  expect(lines[0]).to.contain(cause);
}

/** Mounts `count` cards with `attrs` inside one container, collecting their therapy-error events. */
async function mountBroken(count: number, attrs: { src: string; therapy?: string }) {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const errors: TherapyErrorEvent[] = [];
  const cards = Array.from({ length: count }, () => {
    const card = document.createElement('therapy-card');
    card.setAttribute('src', attrs.src);
    if (attrs.therapy) card.setAttribute('therapy', attrs.therapy);
    card.addEventListener('therapy-error', (event) => errors.push(event));
    return card;
  });
  container.append(...cards);
  for (const card of cards) await settled(card);
  return { cards, errors };
}

function expectCalmError(card: TherapyCard, calm: string, technical: string[]): void {
  expect(card.state).to.equal('error');
  expect(card.getAttribute('state')).to.equal('error');
  const status = $(card, '[part~="status"]');
  expect(status, 'status message').to.exist;
  expect(status!.getAttribute('role')).to.equal('status');
  expect(shown(card)).to.contain(calm);
  for (const words of technical) expect(shown(card)).not.to.contain(words);
  expect($(card, 'article'), 'no card content').to.equal(null);
}

describe('<therapy-card>', () => {
  beforeEach(() => {
    clearBundleCache();
  });

  afterEach(() => {
    sinon.restore();
  });

  describe('accessibility', () => {
    it('passes axe in the full variant', async () => {
      serveBundles({ '/b.json': minimalBundle() });
      const el = await ready(await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha"></therapy-card>`));
      await expect(el).to.be.accessible();
    });

    it('passes axe in the compact variant', async () => {
      serveBundles({ '/b.json': minimalBundle() });
      const el = await ready(
        await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha" variant="compact"></therapy-card>`),
      );
      expect($(el, '[part~="link"]'), 'learn more link').to.exist;
      await expect(el).to.be.accessible();
    });

    for (const theme of ['light', 'dark', 'auto'] as const) {
      it(`passes axe (colour contrast included) in the ${theme} theme`, async () => {
        serveBundles({ '/b.json': minimalBundle() });
        const el = await ready(
          await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha" theme=${theme}></therapy-card>`),
        );
        await expect(el).to.be.accessible();
      });
    }

    it('passes axe while loading', async () => {
      sinon.stub(window, 'fetch').returns(new Promise<Response>(() => {}));
      const el = await fixture<TherapyCard>(html`<therapy-card src="/never.json" therapy="alpha"></therapy-card>`);
      expect(el.state).to.equal('loading');
      const placeholder = $(el, '[part~="status"]');
      expect(placeholder?.getAttribute('aria-busy')).to.equal('true');
      expect(placeholder?.getAttribute('aria-label')).to.equal('Loading content…');
      await expect(el).to.be.accessible();
    });

    it('passes axe in the error state', async () => {
      sinon.stub(console, 'warn');
      const el = await settled(
        await fixture<TherapyCard>(html`<therapy-card src="/__test__/status?code=404&case=axe" therapy="alpha"></therapy-card>`),
      );
      expect(el.state).to.equal('error');
      await expect(el).to.be.accessible();
    });
  });

  describe('defaults and reflection', () => {
    it('defaults to the full variant, auto theme and heading level 3, and reflects state loading -> ready', async () => {
      const response = deferred<Response>();
      sinon.stub(window, 'fetch').returns(response.promise);
      const el = await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha"></therapy-card>`);
      expect(el.variant).to.equal('full');
      expect(el.theme).to.equal('auto');
      expect(el.headingLevel).to.equal(3);
      expect(el.getAttribute('variant')).to.equal('full');
      expect(el.getAttribute('theme')).to.equal('auto');
      expect(el.state).to.equal('loading');
      expect(el.getAttribute('state')).to.equal('loading');

      response.resolve(json(minimalBundle()));
      await ready(el);
      expect(el.getAttribute('state')).to.equal('ready');
      expect($(el, '[part~="heading"]')!.localName).to.equal('h3');
    });

    it('reflects variant and theme set as properties, and the theme repaints the card', async () => {
      serveBundles({ '/b.json': minimalBundle() });
      const el = await ready(await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha"></therapy-card>`));
      const card = $(el, '[part~="card"]')!;
      // theme="auto": the page's own background shows through.
      expect(getComputedStyle(card).backgroundColor).to.equal('rgba(0, 0, 0, 0)');

      el.variant = 'compact';
      el.theme = 'dark';
      await elementUpdated(el);
      expect(el.getAttribute('variant')).to.equal('compact');
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(getComputedStyle($(el, '[part~="card"]')!).backgroundColor).to.equal('rgb(22, 27, 34)');
      expect(section(el, 'How it works'), 'compact has no sections').to.equal(undefined);
    });

    it("leaves the fallback content in the page's language (no empty lang on the host)", async () => {
      const response = deferred<Response>();
      sinon.stub(window, 'fetch').returns(response.promise);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="es"><therapy-card src="/b.json" therapy="alpha"><p>Hola</p></therapy-card></div>`,
      );
      const el = wrapper.querySelector('therapy-card')!;
      // A reflected lang="" would mark the fallback as "unknown language" for screen readers.
      expect(el.getAttribute('lang'), 'host lang attribute').to.equal(null);
      expect(el.querySelector('p')!.matches(':lang(es)'), 'fallback is :lang(es)').to.equal(true);
      response.resolve(json(minimalBundle()));
      await ready(el);
      expect(el.getAttribute('lang'), 'host lang attribute once ready').to.equal(null);
    });
  });

  describe('rendering', () => {
    it('renders every part of a therapy from a fetched bundle', async () => {
      const bundle = minimalBundle();
      bundle.therapies[0].reviewedOn = '2021-03-12';
      const fetchStub = serveBundles({ '/b.json': bundle });
      const el = await ready(await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha"></therapy-card>`));

      expect(fetchStub.callCount).to.equal(1);
      const article = $(el, 'article')!;
      expect(article).to.exist;
      expect($(el, '[part~="heading"]')!.textContent!.trim()).to.equal('Alphamab');
      expect($(el, '.card__brands')!.textContent).to.contain('Alphato');
      expect($(el, '.card__summary')!.textContent!.trim()).to.equal('Alpha summary.');

      const facts = Object.fromEntries(
        $$(el, 'dl > div').map((row) => [row.querySelector('dt')!.textContent!.trim(), row.querySelector('dd')!.textContent!.trim()]),
      );
      expect(facts).to.deep.equal({ 'Type of medicine': 'Test class', Target: 'CD99' });

      expect(section(el, 'How it works')!.querySelector('li')!.textContent!.trim()).to.equal('Alpha works.');
      expect(section(el, 'Who it is for')!.querySelector('p')!.textContent!.trim()).to.equal('Alpha patients.');
      expect(section(el, 'Key points')!.querySelector('li')!.textContent!.trim()).to.equal('Alpha point.');
      expect(section(el, 'Risks and warnings')!.querySelector('li')!.textContent!.trim()).to.equal('Alpha risk.');

      const sources = section(el, 'Sources')!;
      const sourceLink = sources.querySelector('a')!;
      expect(sourceLink.textContent!.trim()).to.equal('Alpha label');
      expect(sourceLink.getAttribute('href')).to.equal('https://label.example/alpha');
      expect(sources.textContent).to.contain('Label site');
      expect(sources.querySelector('time')!.getAttribute('datetime')).to.equal('2024-01-02');
      expect(sources.querySelector('time')!.textContent).to.equal('January 2, 2024');

      const footer = $(el, '[part~="footer"]')!;
      const publisher = [...footer.querySelectorAll('a')].find((a) => a.textContent === 'Test publisher');
      expect(publisher, 'publisher link').to.exist;
      expect(publisher!.getAttribute('href')).to.equal('https://publisher.example/');
      const reviewed = footer.querySelector('time')!;
      expect(reviewed.getAttribute('datetime')).to.equal('2021-03-12');
      expect(reviewed.textContent).to.equal('March 12, 2021');
      expect(footer.textContent).to.contain('Last reviewed');
      expect($(el, '[part~="disclaimer"]')!.textContent!.trim()).to.equal('Test disclaimer.');
    });

    it('falls back to the bundle review date when the therapy has none', async () => {
      const bundle = minimalBundle();
      delete bundle.therapies[0].reviewedOn;
      bundle.reviewedOn = '2021-03-12';
      serveBundles({ '/b.json': bundle });
      const el = await ready(await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha"></therapy-card>`));
      expect($(el, '[part~="footer"] time')!.getAttribute('datetime')).to.equal('2021-03-12');
    });

    it('renders CAR T-cell therapy from the real default bundle (no src, no stub)', async () => {
      const el = await ready(await fixture<TherapyCard>(html`<therapy-card therapy="car-t"></therapy-card>`));
      expect($(el, '[part~="heading"]')!.textContent!.trim()).to.equal('CAR T-cell therapy');
      expect(el.getAttribute('state')).to.equal('ready');
    });

    it('compact: name, brands, class, target and summary, a Learn more link, no sections', async () => {
      serveBundles({ '/b.json': minimalBundle() });
      const el = await ready(
        await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha" variant="compact"></therapy-card>`),
      );
      const text = shown(el);
      for (const expected of ['Alphamab', 'Alphato', 'Test class', 'CD99', 'Alpha summary.']) expect(text).to.contain(expected);
      expect(section(el, 'How it works')).to.equal(undefined);
      expect(text).not.to.contain('How it works');
      expect(text).not.to.contain('Alpha works.');
      expect(text).not.to.contain('Alpha point.');
      const more = [...root(el).querySelectorAll('a')].find((a) => a.textContent!.startsWith('Learn more'));
      expect(more, 'Learn more link').to.exist;
      expect(more!.getAttribute('href')).to.equal('https://news.example/1');
      expect(more!.textContent).to.contain('Alpha news');
    });

    it('compact: the first risk only, the first sentence of the disclaimer and a one-line review record', async () => {
      const bundle = minimalBundle();
      bundle.therapies[0].risks = ['Alpha can harm the liver. Ask about it.', 'Alpha second risk.'];
      bundle.therapies[0].reviewedBy = 'The test team (not doctors).';
      bundle.disclaimer = 'General facts, not advice from Dr. Roe or anyone else. Ask your care team. This is a test.';
      serveBundles({ '/b.json': bundle });
      const el = await ready(
        await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha" variant="compact"></therapy-card>`),
      );
      const risk = $(el, '[part~="warning"]')!;
      expect(risk.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Main risk: Alpha can harm the liver. Ask about it.');
      expect(risk.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(shown(el)).not.to.contain('Alpha second risk.');
      expect($(el, '[part~="disclaimer"]')!.textContent!.trim()).to.equal('General facts, not advice from Dr. Roe or anyone else.');
      const footer = $(el, '[part~="footer"]')!;
      const lines = [...footer.querySelectorAll('p')].filter((p) => p !== $(el, '[part~="disclaimer"]'));
      expect(lines.length, 'one review line').to.equal(1);
      expect(lines[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Last reviewed: May 6, 2024 · Published by Test publisher');
      expect(lines[0]!.getBoundingClientRect().height, 'one line high').to.be.below(parseFloat(getComputedStyle(lines[0]!).lineHeight) * 1.5);
      expect(footer.textContent).not.to.contain('The test team');
      await expect(el).to.be.accessible();
    });

    it('compact: the default bundle names each therapy\'s boxed warning (inotuzumab: liver harm)', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <therapy-card therapy="car-t" variant="compact"></therapy-card>
        <therapy-card therapy="blinatumomab" variant="compact"></therapy-card>
        <therapy-card therapy="inotuzumab" variant="compact"></therapy-card>
      </div>`);
      const cards = [...wrapper.querySelectorAll<TherapyCard>('therapy-card')];
      for (const card of cards) await ready(card);
      for (const card of cards) expect($(card, '[part~="warning"]')!.textContent, card.therapy).to.contain('boxed warning');
      expect($(cards[2]!, '[part~="warning"]')!.textContent).to.contain('liver harm');
      expect($(cards[0]!, '[part~="disclaimer"]')!.textContent).to.contain('example content');
      const more = [...root(cards[0]!).querySelectorAll('a')].find((a) => a.textContent!.startsWith('Learn more'))!;
      expect(more.getAttribute('href')).to.match(/^https:\/\/dailymed\.nlm\.nih\.gov\/dailymed\/drugInfo\.cfm\?setid=/);
      for (const card of cards.slice(1)) expect(section(card, 'Full information'), `${card.therapy}: no label address, so the full card folds in`).to.exist;
      await expect(cards[2]!).to.be.accessible();
    });

    it('how it is given: a fold of the full card, absent from the compact one and when the bundle has none', async () => {
      const bundle = minimalBundle();
      bundle.therapies[0].howItIsGiven = ['Alpha drips into a vein.', 'Alpha needs a hospital stay.'];
      serveBundles({ '/b.json': bundle, '/none.json': minimalBundle() });
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <therapy-card src="/b.json" therapy="alpha"></therapy-card>
        <therapy-card src="/b.json" therapy="alpha" variant="compact"></therapy-card>
        <therapy-card src="/none.json" therapy="alpha"></therapy-card>
      </div>`);
      const [full, compact, none] = [...wrapper.querySelectorAll<TherapyCard>('therapy-card')];
      for (const card of [full!, compact!, none!]) await ready(card);
      const given = section(full!, 'How it is given')!;
      expect(given.localName, 'a fold').to.equal('details');
      expect([...given.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal(['Alpha drips into a vein.', 'Alpha needs a hospital stay.']);
      const folds = $$(full!, 'details [part~="subheading"]').map((h) => h.textContent!.trim());
      expect(folds).to.deep.equal(['How it works', 'How it is given', 'Key points', 'Sources']);
      given.querySelector('summary')!.click();
      await expect(full!).to.be.accessible();
      expect(section(compact!, 'How it is given')).to.equal(undefined);
      expect(shown(compact!)).not.to.contain('Alpha drips');
      expect(section(none!, 'How it is given')).to.equal(undefined);
    });

    it('labels the new sections in Spanish', async () => {
      const bundle = minimalBundle();
      bundle.therapies[0].howItIsGiven = ['Alpha drips into a vein.'];
      serveBundles({ '/b.json': bundle });
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <therapy-card src="/b.json" therapy="alpha" lang="es"></therapy-card>
        <therapy-card src="/b.json" therapy="alpha" lang="es" variant="compact"></therapy-card>
      </div>`);
      const [full, compact] = [...wrapper.querySelectorAll<TherapyCard>('therapy-card')];
      await ready(full!);
      await ready(compact!);
      expect(section(full!, 'Cómo se administra'), 'the fold').to.exist;
      expect($(compact!, '[part~="warning"]')!.textContent).to.contain('Riesgo principal:');
      expect($(compact!, '[part~="warning"] span')!.getAttribute('lang'), 'English content under Spanish labels').to.equal('en');
    });

    it('compact: Learn more links to the first source when no article with a url is about the therapy', async () => {
      const bundle = minimalBundle();
      delete bundle.articles[0].url;
      serveBundles({ '/b.json': bundle });
      const el = await ready(
        await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha" variant="compact"></therapy-card>`),
      );
      const more = [...root(el).querySelectorAll('a')].find((a) => a.textContent!.startsWith('Learn more'));
      expect(more!.getAttribute('href')).to.equal('https://label.example/alpha');
      expect(more!.textContent).to.contain('Alpha label');
    });

    it('compact: with no url to link, the full information sits in one closed fold (every risk one click away)', async () => {
      const bundle = minimalBundle();
      delete bundle.articles[0].url;
      delete bundle.therapies[0].sources[0].url;
      bundle.therapies[0].risks = ['Alpha can harm the liver.', 'Alpha second risk.'];
      serveBundles({ '/b.json': bundle });
      const el = await ready(
        await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha" variant="compact"></therapy-card>`),
      );
      expect(shown(el)).not.to.contain('Learn more');
      const fold = section(el, 'Full information') as HTMLDetailsElement;
      expect(fold.localName).to.equal('details');
      expect(fold.open, 'closed until asked').to.equal(false);
      expect(fold.querySelector('summary [part~="subheading"]')!.localName, 'one level below the card heading (h3)').to.equal('h4');
      const inner = [...fold.querySelectorAll('[part~="subheading"]')].slice(1);
      expect(inner.map((h) => h.localName)).to.satisfy((tags: string[]) => tags.length > 0 && tags.every((tag) => tag === 'h5'));
      expect(fold.textContent).to.contain('Alpha second risk.');
      expect(fold.textContent).to.contain('Alpha works.');
      expect(fold.getBoundingClientRect().height, 'closed: one line').to.be.below(60);
      fold.querySelector('summary')!.click();
      expect(fold.open).to.equal(true);
      expect(fold.getBoundingClientRect().height, 'open: the sections show').to.be.above(150);
      await expect(el).to.be.accessible();
    });

    it('renders markup in the bundle as characters, never as elements', async () => {
      const payload = '<img src=x onerror=window.__pwned=1>';
      const bundle = minimalBundle();
      bundle.therapies[0].name = `Alpha ${payload}`;
      bundle.therapies[0].keyPoints = [payload];
      serveBundles({ '/b.json': bundle });
      const el = await ready(await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha"></therapy-card>`));
      expect($(el, '[part~="heading"]')!.textContent).to.contain(payload);
      expect(section(el, 'Key points')!.textContent).to.contain(payload);
      expect(root(el).querySelectorAll('img').length).to.equal(0);
      await new Promise((resolve) => setTimeout(resolve, 50)); // an injected <img> would have failed to load by now
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    });

    it('resolves a relative source url against the bundle URL', async () => {
      const bundle = minimalBundle();
      bundle.therapies[0].sources[0].url = 'label.html';
      serveBundles({ '/content/v1/b.json': bundle });
      const el = await ready(
        await fixture<TherapyCard>(html`<therapy-card src="/content/v1/b.json" therapy="alpha"></therapy-card>`),
      );
      const href = section(el, 'Sources')!.querySelector('a')!.href;
      expect(href).to.equal(new URL('/content/v1/label.html', location.href).href);
    });
  });

  describe('headings', () => {
    it('heading-level="2" gives an h2 heading and h3 subheadings', async () => {
      serveBundles({ '/b.json': minimalBundle() });
      const el = await ready(
        await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha" heading-level="2"></therapy-card>`),
      );
      expect(el.headingLevel).to.equal(2);
      expect($(el, '[part~="heading"]')!.localName).to.equal('h2');
      expect($$(el, 'h1, h2').map((h) => h.textContent!.trim())).to.deep.equal(['Alphamab']);
      const subheadings = $$(el, '[part~="subheading"]');
      expect(subheadings.length).to.equal(5);
      expect(new Set(subheadings.map((h) => h.localName))).to.deep.equal(new Set(['h3']));
    });

    it('heading-level="6" clamps the subheadings to h6', async () => {
      serveBundles({ '/b.json': minimalBundle() });
      const el = await ready(
        await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha" heading-level="6"></therapy-card>`),
      );
      expect($(el, '[part~="heading"]')!.localName).to.equal('h6');
      const subheadings = $$(el, '[part~="subheading"]');
      expect(subheadings.length).to.equal(5);
      expect(new Set(subheadings.map((h) => h.localName))).to.deep.equal(new Set(['h6']));
    });
  });

  describe('language', () => {
    it('lang="es" gives Spanish labels and a Spanish date', async () => {
      const bundle = minimalBundle();
      bundle.therapies[0].reviewedOn = '2021-03-12';
      serveBundles({ '/b.json': bundle });
      const el = await ready(
        await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha" lang="es"></therapy-card>`),
      );
      const text = shown(el);
      expect(section(el, 'Cómo funciona'), 'Cómo funciona').to.exist;
      expect(text).to.contain('Última revisión');
      expect(text).not.to.contain('How it works');
      expect($(el, '[part~="footer"] time')!.textContent).to.equal('12 de marzo de 2021');
      expect($(el, 'article')!.getAttribute('lang')).to.equal('es');
    });

    it("uses the bundle's locale before an ancestor's lang", async () => {
      const bundle = minimalBundle();
      bundle.locale = 'es';
      serveBundles({ '/es.json': bundle });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="fr"><therapy-card src="/es.json" therapy="alpha"></therapy-card></div>`,
      );
      const el = await ready(wrapper.querySelector('therapy-card')!);
      expect($(el, 'article')!.getAttribute('lang')).to.equal('es');
      expect(section(el, 'Cómo funciona'), 'Cómo funciona').to.exist;
    });

    it("uses the element's lang before the bundle's locale", async () => {
      const bundle = minimalBundle();
      bundle.locale = 'es';
      bundle.therapies[0].reviewedOn = '2021-03-12';
      serveBundles({ '/es.json': bundle });
      const el = await ready(
        await fixture<TherapyCard>(html`<therapy-card src="/es.json" therapy="alpha" lang="en"></therapy-card>`),
      );
      expect($(el, 'article')!.getAttribute('lang')).to.equal('en');
      expect(section(el, 'How it works'), 'How it works').to.exist;
      expect($(el, '[part~="footer"] time')!.textContent).to.equal('March 12, 2021');
    });

    it('uses the closest [lang] ancestor when neither the element nor the bundle names one', async () => {
      const bundle = minimalBundle();
      delete bundle.locale;
      bundle.therapies[0].reviewedOn = '2021-03-12';
      serveBundles({ '/nolocale.json': bundle });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en"><section lang="es"><p><therapy-card src="/nolocale.json" therapy="alpha"></therapy-card></p></section></div>`,
      );
      const el = await ready(wrapper.querySelector('therapy-card')!);
      expect($(el, 'article')!.getAttribute('lang')).to.equal('es');
      expect(section(el, 'Cómo funciona'), 'Cómo funciona').to.exist;
      expect($(el, '[part~="footer"] time')!.textContent).to.equal('12 de marzo de 2021');
    });

    it('defaults to English when nothing names a language', async () => {
      const pageLang = document.documentElement.getAttribute('lang');
      document.documentElement.removeAttribute('lang');
      try {
        const bundle = minimalBundle();
        delete bundle.locale;
        serveBundles({ '/nolocale.json': bundle });
        const el = await ready(await fixture<TherapyCard>(html`<therapy-card src="/nolocale.json" therapy="alpha"></therapy-card>`));
        expect($(el, 'article')!.getAttribute('lang')).to.equal('en');
        expect(section(el, 'How it works'), 'How it works').to.exist;
      } finally {
        if (pageLang !== null) document.documentElement.setAttribute('lang', pageLang);
      }
    });
  });

  describe('events', () => {
    it('404: a network error, a calm message, one warning for two cards', async () => {
      const warn = sinon.stub(console, 'warn');
      const src = '/__test__/status?code=404&case=two-cards';
      const { cards, errors } = await mountBroken(2, { src, therapy: 'alpha' });
      expect(errors.length).to.equal(2);
      for (const error of errors) {
        expect(error.detail.code).to.equal('network');
        expect(error.detail.message).to.contain('HTTP 404');
        expect(error.bubbles && error.composed).to.equal(true);
      }
      for (const card of cards) expectCalmError(card, CALM_UNAVAILABLE, ['HTTP 404', '__test__']);
      expectOneWarning(warn, 'case=two-cards');
    });

    it('bad JSON: a parse error, a calm message, one warning for two cards', async () => {
      const warn = sinon.stub(console, 'warn');
      serve({ '/bad.json': () => json('{"schemaVersion": 1,') });
      const { cards, errors } = await mountBroken(2, { src: '/bad.json', therapy: 'alpha' });
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['parse', 'parse']);
      expect(errors[0]!.detail.message).to.contain('not valid JSON');
      for (const card of cards) expectCalmError(card, CALM_UNAVAILABLE, ['JSON', 'bad.json']);
      expectOneWarning(warn, '/bad.json');
    });

    it('schema error: the problems with their paths in detail.errors, a calm message, one warning', async () => {
      const warn = sinon.stub(console, 'warn');
      const bundle = minimalBundle();
      bundle.therapies[0].sources[0].url = 'javascript:alert(1)';
      serveBundles({ '/schema.json': bundle });
      const { cards, errors } = await mountBroken(2, { src: '/schema.json', therapy: 'alpha' });
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['schema', 'schema']);
      expect(errors[0]!.detail.errors).to.deep.include(problemAt(['therapies', 0, 'sources', 0, 'url'], 'url'));
      expect(errors[0]!.detail.message).to.contain('therapies[0].sources[0].url: must be an https:, http: or relative URL');
      for (const card of cards) expectCalmError(card, CALM_UNAVAILABLE, ['therapies[0]', 'javascript:']);
      expectOneWarning(warn, '/schema.json');
    });

    it('unknown id: a not-found error listing the known ids, a calm message, one warning', async () => {
      const warn = sinon.stub(console, 'warn');
      serveBundles({ '/b.json': twoTherapies() });
      const { cards, errors } = await mountBroken(2, { src: '/b.json', therapy: 'gamma' });
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['not-found', 'not-found']);
      expect(errors[0]!.detail.message).to.contain('gamma').and.contain("'alpha'").and.contain("'beta'");
      for (const card of cards) expectCalmError(card, CALM_NOT_FOUND, ['gamma', 'alpha']);
      expectOneWarning(warn, 'gamma');
    });

    it('no therapy attribute: a config error, a calm message, one warning', async () => {
      const warn = sinon.stub(console, 'warn');
      const bundle = minimalBundle();
      bundle.therapies[0].id = 'config-only';
      bundle.articles[0].therapyIds = ['config-only'];
      bundle.quotes[0].therapyIds = ['config-only'];
      serveBundles({ '/config.json': bundle });
      const { cards, errors } = await mountBroken(2, { src: '/config.json' });
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['config', 'config']);
      expect(errors[0]!.detail.message).to.contain('therapy="ID"').and.contain("'config-only'");
      for (const card of cards) expectCalmError(card, CALM_NOT_FOUND, ['therapy=', 'config-only']);
      expectOneWarning(warn, 'config-only');
    });

  });

  describe('loading', () => {
    it('tries again and recovers when src changes after an error', async () => {
      sinon.stub(console, 'warn');
      serveBundles({ '/good.json': minimalBundle() });
      const el = await settled(
        await fixture<TherapyCard>(html`<therapy-card src="/missing.json" therapy="alpha"></therapy-card>`),
      );
      expect(el.state).to.equal('error');
      const loaded = oneEvent(el, 'therapy-load') as Promise<TherapyLoadEvent>;
      el.src = '/good.json';
      await loaded;
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('ready');
      expect($(el, '[part~="heading"]')!.textContent!.trim()).to.equal('Alphamab');
      expect(shown(el)).not.to.contain(CALM_UNAVAILABLE);
    });

    it('shows the fallback content while loading, and the card in its place once ready', async () => {
      const response = deferred<Response>();
      sinon.stub(window, 'fetch').returns(response.promise);
      const el = await fixture<TherapyCard>(
        html`<therapy-card src="/slow.json" therapy="alpha"><p>Fallback</p></therapy-card>`,
      );
      const fallback = el.querySelector('p')!;
      expect(el.state).to.equal('loading');
      expect(fallback.assignedSlot, 'fallback slotted while loading').to.exist;
      expect(fallback.getClientRects().length, 'fallback visible').to.be.greaterThan(0);
      expect($(el, 'article')).to.equal(null);

      response.resolve(json(minimalBundle()));
      await ready(el);
      expect(fallback.assignedSlot, 'fallback not slotted once ready').to.equal(null);
      expect(fallback.getClientRects().length, 'fallback hidden').to.equal(0);
      expect($(el, '[part~="heading"]')!.textContent!.trim()).to.equal('Alphamab');
    });

    it('re-renders another therapy when `therapy` changes, without a new fetch, with a new therapy-load', async () => {
      const fetchStub = serveBundles({ '/b.json': twoTherapies() });
      const el = await ready(await fixture<TherapyCard>(html`<therapy-card src="/b.json" therapy="alpha"></therapy-card>`));
      const next = oneEvent(el, 'therapy-load') as Promise<TherapyLoadEvent>;
      el.setAttribute('therapy', 'beta');
      const event = await next;
      expect(event.detail).to.deep.equal({ bundleId: 'test-bundle', itemId: 'beta' });
      await el.updateComplete;
      expect($(el, '[part~="heading"]')!.textContent!.trim()).to.equal('Betamab');
      expect(fetchStub.callCount).to.equal(1);
    });

    it('renders a bundle object given as the `bundle` property, without fetching', async () => {
      const fetchStub = sinon.stub(window, 'fetch');
      const el = await ready(
        await fixture<TherapyCard>(html`<therapy-card therapy="alpha" .bundle=${minimalBundle()}></therapy-card>`),
      );
      expect($(el, '[part~="heading"]')!.textContent!.trim()).to.equal('Alphamab');
      expect(fetchStub.called).to.equal(false);
    });

    it('gives a schema error for an invalid `bundle` object', async () => {
      sinon.stub(console, 'warn');
      const fetchStub = sinon.stub(window, 'fetch');
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const card = document.createElement('therapy-card');
      card.setAttribute('therapy', 'alpha');
      card.bundle = { ...minimalBundle(), id: '' };
      const error = oneEvent(card, 'therapy-error') as Promise<TherapyErrorEvent>;
      container.append(card);
      const event = await error;
      expect(event.detail.code).to.equal('schema');
      expect(event.detail.errors!.map((p) => p.path)).to.include('id');
      await card.updateComplete;
      expectCalmError(card, CALM_UNAVAILABLE, ['problem']);
      expect(fetchStub.called).to.equal(false);
    });
  });

  describe('a bundle that has already loaded', () => {
    it('renders a card added later in its first update, with no loading state in between', async () => {
      serveBundles({ '/b.json': minimalBundle() });
      await loadBundle('/b.json');
      const card = document.createElement('therapy-card');
      const states: string[] = [];
      new MutationObserver(() => states.push(card.getAttribute('state') ?? '')).observe(card, { attributeFilter: ['state'] });
      card.setAttribute('src', '/b.json');
      card.setAttribute('therapy', 'alpha');
      document.body.append(card);
      await card.updateComplete;
      try {
        expect(card.state).to.equal('ready');
        expect(card.shadowRoot!.querySelector('.placeholder')).to.equal(null);
        expect(card.shadowRoot!.querySelector('h3')!.textContent).to.equal('Alphamab');
        expect(states).to.not.include('loading');
      } finally {
        card.remove();
      }
    });

    it('does the same inside a provider whose bundle has loaded', async () => {
      serveBundles({ '/p.json': minimalBundle() });
      const provider = await fixture(html`<therapy-content src="/p.json"><therapy-card therapy="alpha"></therapy-card></therapy-content>`);
      const first = provider.querySelector('therapy-card') as TherapyCard;
      await waitUntil(() => first.state === 'ready');
      const late = document.createElement('therapy-card');
      late.setAttribute('therapy', 'alpha');
      provider.append(late);
      await late.updateComplete;
      expect(late.state).to.equal('ready');
    });
  });

  describe('therapy-load once per rendered content', () => {
    it('fires again when src changes to another URL serving an equal bundle, not on a theme change', async () => {
      serveBundles({ '/one.json': minimalBundle(), '/two.json': minimalBundle() });
      const card = document.createElement('therapy-card') as TherapyCard;
      const loads: TherapyLoadEvent[] = [];
      card.addEventListener('therapy-load', (event) => loads.push(event));
      card.setAttribute('therapy', 'alpha');
      card.setAttribute('src', '/one.json');
      document.body.append(card);
      try {
        await waitUntil(() => loads.length === 1);
        card.theme = 'dark';
        await card.updateComplete;
        card.src = '/two.json';
        await waitUntil(() => loads.length === 2);
        await card.updateComplete;
        expect(loads.map((e) => e.detail)).to.deep.equal([
          { bundleId: 'test-bundle', itemId: 'alpha' },
          { bundleId: 'test-bundle', itemId: 'alpha' },
        ]);
      } finally {
        card.remove();
      }
    });
  });
});
