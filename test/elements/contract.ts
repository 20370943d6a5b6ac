/**
 * What every content element does, whatever it shows: one suite, run for
 * `<therapy-card>`, `<news-teaser>` and `<expert-quote>` (contract.test.ts).
 * Loading races, one request per URL, the error codes with a calm message,
 * the load event, reflection and a token set on :root.
 */
import { expect, fixture, fixtureSync, html, oneEvent, unsafeStatic, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { clearBundleCache, loadBundle } from '../../src/content/load.js';
import type { ContentElement } from '../../src/internal/content-element.js';
import type { TherapyErrorEvent, TherapyLoadEvent } from '../../src/internal/events.js';
import { deferred, json, minimalBundle, mount, text, type Draft } from '../fixtures.js';

export interface ElementUnderTest {
  tag: 'therapy-card' | 'news-teaser' | 'expert-quote';
  /** Attributes that select the minimal bundle's item, e.g. `therapy="alpha"`. */
  select: string;
  /** The item's id in `therapy-load`. */
  itemId: string;
  /** Renames the selected item in a bundle, so two bundles can be told apart. */
  rename(bundle: Draft, name: string): void;
}

const CALM_UNAVAILABLE = 'This information could not be loaded right now. Please try again later.';
const CALM_UNAVAILABLE_ES = 'No se pudo cargar esta información en este momento. Inténtelo de nuevo más tarde.';

type El = ContentElement<unknown>;

export function contentElementContract(subject: ElementUnderTest): void {
  const tag = unsafeStatic(subject.tag);
  const select = unsafeStatic(subject.select);
  const named = (id: string, name: string) => {
    const bundle = minimalBundle();
    bundle.id = id;
    subject.rename(bundle, name);
    return bundle;
  };

  describe(`<${subject.tag}>: what every content element does`, () => {
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
    });

    it('reflects state loading, then ready, and fires therapy-load (bubbling, composed) with bundleId and itemId', async () => {
      const pending = deferred<Response>();
      fetchStub.callsFake(() => pending.promise);
      const el = await fixture<El>(html`<${tag} src="/b.json" ${select}></${tag}>`);
      expect(el.getAttribute('state')).to.equal('loading');
      const loaded = oneEvent(el, 'therapy-load');
      pending.resolve(json(minimalBundle()));
      const event = (await loaded) as TherapyLoadEvent;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({ bundleId: 'test-bundle', itemId: subject.itemId });
      expect(el.getAttribute('state')).to.equal('ready');
    });

    const failures: [string, () => Response, string, string][] = [
      ['a 404 is a network error', () => new Response('nope', { status: 404, statusText: 'Not Found' }), 'network', 'HTTP 404'],
      ['bad JSON is a parse error', () => json('{"schemaVersion": 1,'), 'parse', 'not valid JSON'],
      ['a bundle without a disclaimer is a schema error for every element', () => json({ ...minimalBundle(), disclaimer: undefined }), 'schema', 'disclaimer'],
    ];
    for (const [name, response, code, detail] of failures) {
      it(`${name}: a calm message to the reader, the reason in the event`, async () => {
        fetchStub.callsFake(async () => response());
        const { el, root, event } = await mount<El>(html`<${tag} src="/broken.json" ${select}></${tag}>`);
        expect(event.type).to.equal('therapy-error');
        expect((event as TherapyErrorEvent).detail.code).to.equal(code);
        expect((event as TherapyErrorEvent).detail.message).to.contain(detail);
        expect(el.getAttribute('state')).to.equal('error');
        expect(root.querySelector('[role=status]')!.textContent!.trim()).to.equal(CALM_UNAVAILABLE);
        expect(text(root)).not.to.contain('broken.json');
        await expect(el).to.be.accessible();
      });
    }

    it('shows the calm message in Spanish for lang="es"', async () => {
      fetchStub.callsFake(async () => new Response('nope', { status: 500 }));
      const { root } = await mount(html`<${tag} src="/down.json" lang="es" ${select}></${tag}>`);
      expect(root.querySelector('[role=status]')!.textContent!.trim()).to.equal(CALM_UNAVAILABLE_ES);
    });

    it('ignores the old response when src changes mid-fetch, even when it arrives last', async () => {
      const first = deferred<Response>();
      const second = deferred<Response>();
      fetchStub.callsFake((url: string) => (url.endsWith('/a.json') ? first.promise : second.promise));
      const el = await fixture<El>(html`<${tag} src="/a.json" ${select}></${tag}>`);
      const loads: TherapyLoadEvent[] = [];
      el.addEventListener('therapy-load', (e) => loads.push(e));
      el.src = '/b.json';
      await el.updateComplete;
      expect(fetchStub.callCount).to.equal(2);
      const loaded = oneEvent(el, 'therapy-load');
      second.resolve(json(named('bundle-b', 'From B')));
      await loaded;
      first.resolve(json(named('bundle-a', 'From A')));
      await loadBundle('/a.json');
      await el.updateComplete;
      expect(text(el.shadowRoot!)).to.contain('From B').and.not.contain('From A');
      expect(loads.map((e) => e.detail.bundleId)).to.deep.equal(['bundle-b']);
    });

    it('makes one fetch for two elements with one src (a #fragment is the same URL)', async () => {
      const wrapper = fixtureSync<HTMLDivElement>(html`<div>
        <${tag} src="/shared.json" ${select}></${tag}>
        <${tag} src="/shared.json#top" variant="compact" ${select}></${tag}>
      </div>`);
      const elements = [...wrapper.querySelectorAll<El>(subject.tag)];
      await waitUntil(() => elements.every((e) => e.state === 'ready'), 'both ready');
      expect(fetchStub.callCount).to.equal(1);
    });

    it('reads --therapy-accent set on :root inside its shadow root', async () => {
      document.documentElement.style.setProperty('--therapy-accent', 'rgb(12, 34, 56)');
      const { root } = await mount(html`<${tag} .bundle=${minimalBundle()} ${select}></${tag}>`);
      const link = root.querySelector('a')!;
      expect(getComputedStyle(link).color).to.equal('rgb(12, 34, 56)');
      document.documentElement.style.removeProperty('--therapy-accent');
      expect(getComputedStyle(link).color).not.to.equal('rgb(12, 34, 56)');
    });
  });
}
