import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/define.js';
import type { TherapyContent } from '../src/therapy-content/define.js';
import type { TherapyCard } from '../src/therapy-card/define.js';
import { clearBundleCache, defaultBundleUrl } from '../src/content/load.js';
import type { ContentElement } from '../src/internal/content-element.js';
import type { TherapyErrorEvent, TherapyLoadEvent } from '../src/internal/events.js';
import { json, minimalBundle, type Draft } from './fixtures.js';

type Child = ContentElement<unknown>;

const CONTENT_TAGS = 'therapy-card, news-teaser, expert-quote';

/** The minimal bundle under another id, with the therapy renamed, so a test can tell bundles apart. */
function otherBundle(id: string, name: string): Draft {
  const bundle = minimalBundle();
  bundle.id = id;
  bundle.therapies[0].name = name;
  return bundle;
}

/** Answers by path: /missing.json is a 404, /a.json and /b.json are two distinct bundles, anything else the minimal one. */
function route(input: RequestInfo | URL): Response {
  const path = new URL(String(input)).pathname;
  if (path === '/missing.json') return new Response('nope', { status: 404, statusText: 'Not Found' });
  if (path === '/a.json') return json(otherBundle('bundle-a', 'Alpha from A'));
  if (path === '/b.json') return json(otherBundle('bundle-b', 'Alpha from B'));
  if (path === '/no-locale.json') {
    const bundle = minimalBundle();
    delete bundle.locale;
    return json(bundle);
  }
  return json(minimalBundle());
}

/** Every therapy-load / therapy-error that reaches the document, from now on. */
function recordEvents() {
  const loads: TherapyLoadEvent[] = [];
  const errors: TherapyErrorEvent[] = [];
  const onLoad = (event: TherapyLoadEvent) => loads.push(event);
  const onError = (event: TherapyErrorEvent) => errors.push(event);
  document.addEventListener('therapy-load', onLoad);
  document.addEventListener('therapy-error', onError);
  return {
    loads,
    errors,
    stop() {
      document.removeEventListener('therapy-load', onLoad);
      document.removeEventListener('therapy-error', onError);
    },
  };
}

function contentChildren(root: Element): Child[] {
  return [...root.querySelectorAll<Child>(CONTENT_TAGS)];
}

/**
 * A plain root (a <div>) has no updateComplete, so `fixture` would wait for an
 * animation frame, which a background tab never gets (web-test-runner runs two
 * pages at once): such roots use `fixtureSync`, and waits are generous.
 */
const WAIT = { timeout: 5000 };

async function allIn(elements: Child[], state: 'ready' | 'error', timeout = 5000): Promise<void> {
  await waitUntil(() => elements.every((el) => el.state === state), `every element should reach state ${state}`, { timeout });
  await Promise.all(elements.map((el) => el.updateComplete));
}

function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
}

describe('<therapy-content>', () => {
  let fetchStub: sinon.SinonStub;
  let events: ReturnType<typeof recordEvents>;

  beforeEach(() => {
    clearBundleCache();
    fetchStub = sinon.stub(window, 'fetch');
    fetchStub.callsFake(async (input: RequestInfo | URL) => route(input));
    sinon.stub(console, 'warn');
    events = recordEvents();
  });

  afterEach(() => {
    events.stop();
    sinon.restore();
  });

  it('is defined and renders a slot, as display: contents', async () => {
    const el = await fixture<TherapyContent>(html`<therapy-content src="/shared.json"></therapy-content>`);
    expect(customElements.get('therapy-content')).to.equal(el.constructor);
    expect(el.shadowRoot!.querySelector('slot')).to.exist;
    expect(getComputedStyle(el).display).to.equal('contents');
  });

  it('loads once for five children and two standalone elements with the same src', async () => {
    const root = fixtureSync(html`<div>
      <therapy-card src="/shared.json" therapy="alpha"></therapy-card>
      <therapy-content src="/shared.json">
        <therapy-card therapy="alpha"></therapy-card>
        <news-teaser></news-teaser>
        <expert-quote quote="q1"></expert-quote>
        <section><therapy-card therapy="alpha" variant="compact"></therapy-card></section>
        <expert-quote therapy="alpha"></expert-quote>
      </therapy-content>
      <news-teaser src="/shared.json" article="news-1"></news-teaser>
    </div>`);
    const provider = root.querySelector('therapy-content')!;
    const inside = contentChildren(provider);
    const all = contentChildren(root);
    expect(inside).to.have.length(5);
    expect(all).to.have.length(7);
    await allIn(all, 'ready');
    expect(fetchStub.callCount).to.equal(1);
    expect(new URL(String(fetchStub.firstCall.args[0])).pathname).to.equal('/shared.json');
    expect(events.loads).to.have.length(7);
    expect(events.loads.every((e) => e.detail.bundleId === 'test-bundle')).to.equal(true);
    expect(events.errors).to.have.length(0);
  });

  it('gives the default bundle to its children when it has no src, in one request', async () => {
    sinon.restore();
    sinon.stub(console, 'warn');
    const fetchSpy = sinon.spy(window, 'fetch');
    const provider = await fixture<TherapyContent>(html`<therapy-content>
      <therapy-card therapy="car-t"></therapy-card>
      <news-teaser></news-teaser>
      <expert-quote therapy="car-t"></expert-quote>
    </therapy-content>`);
    const children = contentChildren(provider);
    await allIn(children, 'ready');
    expect(fetchSpy.callCount).to.equal(1);
    expect(String(fetchSpy.firstCall.args[0])).to.equal(defaultBundleUrl());
    expect(events.loads.map((e) => e.detail.bundleId)).to.deep.equal([
      'all-immune-therapies',
      'all-immune-therapies',
      'all-immune-therapies',
    ]);
    expect(events.loads.map((e) => e.detail.itemId)).to.include.members(['car-t', '2021-03-12-immune-therapies']);
  });

  describe('lang', () => {
    it('gives its children Spanish labels; a child’s own lang wins', async () => {
      const provider = await fixture<TherapyContent>(html`<therapy-content src="/shared.json" lang="es">
        <therapy-card therapy="alpha"></therapy-card>
        <therapy-card therapy="alpha" lang="en"></therapy-card>
      </therapy-content>`);
      const [spanish, english] = contentChildren(provider) as TherapyCard[];
      await allIn([spanish!, english!], 'ready');
      expect(shadowText(spanish!)).to.contain('Cómo funciona').and.contain('Última revisión').and.not.contain('How it works');
      expect(spanish!.shadowRoot!.querySelector('article')!.getAttribute('lang')).to.equal('es');
      expect(shadowText(english!)).to.contain('How it works').and.not.contain('Cómo funciona');
      expect(english!.shadowRoot!.querySelector('article')!.getAttribute('lang')).to.equal('en');
    });

    it('re-renders its children when its lang changes', async () => {
      const provider = await fixture<TherapyContent>(html`<therapy-content src="/shared.json">
        <therapy-card therapy="alpha"></therapy-card>
      </therapy-content>`);
      const [card] = contentChildren(provider);
      await allIn([card!], 'ready');
      expect(shadowText(card!)).to.contain('How it works');
      provider.lang = 'es';
      await waitUntil(() => shadowText(card!).includes('Cómo funciona'), 'the card should switch to Spanish', WAIT);
      expect(fetchStub.callCount).to.equal(1);
    });

    it('puts no lang attribute on itself when it has none, and reflects one it is given', async () => {
      const provider = await fixture<TherapyContent>(html`<therapy-content src="/shared.json"></therapy-content>`);
      expect(provider.hasAttribute('lang')).to.equal(false);
      provider.lang = 'es';
      await provider.updateComplete;
      expect(provider.getAttribute('lang')).to.equal('es');
    });

    it('without a lang of its own, lets the page’s lang through when the bundle has no locale', async () => {
      const root = fixtureSync(html`<div lang="es">
        <therapy-content src="/no-locale.json"><therapy-card therapy="alpha"></therapy-card></therapy-content>
      </div>`);
      const [card] = contentChildren(root);
      await allIn([card!], 'ready');
      expect(shadowText(card!)).to.contain('Cómo funciona');
    });
  });

  describe('errors', () => {
    it('gives every child a network error for a 404, and recovers when src changes to a good bundle', async () => {
      const provider = await fixture<TherapyContent>(html`<therapy-content src="/missing.json">
        <therapy-card therapy="alpha"></therapy-card>
        <news-teaser></news-teaser>
        <expert-quote quote="q1"></expert-quote>
      </therapy-content>`);
      const children = contentChildren(provider);
      await allIn(children, 'error');
      await waitUntil(() => events.errors.length === 3, 'each child should dispatch therapy-error', WAIT);
      expect(events.errors.map((e) => e.detail.code)).to.deep.equal(['network', 'network', 'network']);
      expect(new Set(events.errors.map((e) => e.target))).to.have.property('size', 3);
      expect(events.errors[0]!.detail.message).to.contain('HTTP 404');
      expect(fetchStub.callCount).to.equal(1);

      provider.src = '/b.json';
      await allIn(children, 'ready');
      expect(events.loads.map((e) => e.detail.bundleId)).to.deep.equal(['bundle-b', 'bundle-b', 'bundle-b']);
      expect(shadowText(children[0]!)).to.contain('Alpha from B');
    });

    it('tries a failed src again: back to the same src after a 404', async () => {
      let fail = true;
      fetchStub.callsFake(async (input: RequestInfo | URL) => (fail ? new Response('', { status: 503 }) : route(input)));
      const provider = await fixture<TherapyContent>(html`<therapy-content src="/flaky.json">
        <therapy-card therapy="alpha"></therapy-card>
      </therapy-content>`);
      const children = contentChildren(provider);
      await allIn(children, 'error');
      fail = false;
      provider.src = '/b.json';
      await allIn(children, 'ready');
      provider.src = '/flaky.json';
      await waitUntil(() => events.loads.some((e) => e.detail.bundleId === 'test-bundle'), 'the failed src should be fetched again', WAIT);
      expect(children[0]!.state).to.equal('ready');
      expect(fetchStub.getCalls().filter((c) => String(c.args[0]).endsWith('/flaky.json'))).to.have.length(2);
    });

    it('lets an element added after a failed load try again (a failure is not cached for ever)', async () => {
      let fail = true;
      fetchStub.callsFake(async (input: RequestInfo | URL) => (fail ? new Response('', { status: 503 }) : route(input)));
      const provider = await fixture<TherapyContent>(html`<therapy-content src="/flaky.json">
        <therapy-card therapy="alpha"></therapy-card>
      </therapy-content>`);
      await allIn(contentChildren(provider), 'error');
      fail = false;
      const later = document.createElement('therapy-card');
      later.therapy = 'alpha';
      provider.append(later);
      await allIn([later], 'ready');
      expect(fetchStub.callCount).to.equal(2);
    });
  });

  it('re-renders its children from the new bundle when src changes', async () => {
    const provider = await fixture<TherapyContent>(html`<therapy-content src="/a.json">
      <therapy-card therapy="alpha"></therapy-card>
      <expert-quote therapy="alpha"></expert-quote>
    </therapy-content>`);
    const children = contentChildren(provider);
    await allIn(children, 'ready');
    expect(shadowText(children[0]!)).to.contain('Alpha from A');
    expect(events.loads.map((e) => e.detail.bundleId)).to.deep.equal(['bundle-a', 'bundle-a']);

    provider.src = '/b.json';
    await waitUntil(() => events.loads.length === 4, 'each child should load again from the new bundle', WAIT);
    await Promise.all(children.map((el) => el.updateComplete));
    expect(events.loads.slice(2).map((e) => e.detail.bundleId)).to.deep.equal(['bundle-b', 'bundle-b']);
    expect(shadowText(children[0]!)).to.contain('Alpha from B').and.not.contain('Alpha from A');
    expect(fetchStub.callCount).to.equal(2);
  });

  it('renders its children unchanged, in place and visible', async () => {
    const root = fixtureSync(html`<div>
      <therapy-content src="/shared.json">
        <h2>Immune therapies</h2>
        <p class="intro">Plain host content.</p>
        <therapy-card therapy="alpha"></therapy-card>
      </therapy-content>
    </div>`);
    const provider = root.querySelector<TherapyContent>('therapy-content')!;
    const before = [...provider.children];
    await allIn(contentChildren(provider), 'ready');
    expect([...provider.children]).to.deep.equal(before);
    expect(before.map((el) => el.localName)).to.deep.equal(['h2', 'p', 'therapy-card']);
    expect(getComputedStyle(provider).display).to.equal('contents');
    const slot = provider.shadowRoot!.querySelector('slot')!;
    for (const child of before) {
      expect(child.assignedSlot).to.equal(slot);
      expect(child.getBoundingClientRect().height, `${child.localName} is visible`).to.be.greaterThan(0);
    }
    expect(root.querySelector('.intro')!.textContent).to.equal('Plain host content.');
  });

  it('passes axe with children', async () => {
    const provider = await fixture<TherapyContent>(html`<therapy-content src="/shared.json">
      <therapy-card therapy="alpha"></therapy-card>
      <news-teaser></news-teaser>
      <expert-quote quote="q1"></expert-quote>
    </therapy-content>`);
    await allIn(contentChildren(provider), 'ready');
    await expect(provider).to.be.accessible();
  });

  it('leaves a child with its own src to its own bundle', async () => {
    const provider = await fixture<TherapyContent>(html`<therapy-content src="/a.json">
      <therapy-card therapy="alpha"></therapy-card>
      <therapy-card therapy="alpha" src="/b.json"></therapy-card>
    </therapy-content>`);
    const [fromProvider, own] = contentChildren(provider);
    await allIn([fromProvider!, own!], 'ready');
    expect(shadowText(fromProvider!)).to.contain('Alpha from A');
    expect(shadowText(own!)).to.contain('Alpha from B');
    const byTarget = new Map(events.loads.map((e) => [e.target, e.detail.bundleId]));
    expect(byTarget.get(fromProvider!)).to.equal('bundle-a');
    expect(byTarget.get(own!)).to.equal('bundle-b');
    expect(fetchStub.getCalls().map((c) => new URL(String(c.args[0])).pathname).sort()).to.deep.equal(['/a.json', '/b.json']);
  });
});
