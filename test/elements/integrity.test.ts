// Pinned bundles (SPEC sections 2 and 5): the `integrity` attribute on the
// content elements and on <therapy-content>.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { clearBundleCache } from '../../src/content/load.js';
import type { ContentElement } from '../../src/internal/content-element.js';
import type { TherapyErrorEvent } from '../../src/internal/events.js';
import { minimalBundle, mount, text } from '../fixtures.js';

const BODY = JSON.stringify(minimalBundle());

async function sri(body: string, algorithm: 'SHA-256' | 'SHA-384' = 'SHA-384'): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest(algorithm, new TextEncoder().encode(body)));
  return `${algorithm.toLowerCase().replace('-', '')}-${btoa(String.fromCharCode(...digest))}`;
}

describe('pinned bundles: the integrity attribute', () => {
  let fetchStub: sinon.SinonStub;
  beforeEach(() => {
    clearBundleCache();
    fetchStub = sinon.stub(window, 'fetch').callsFake(async () => new Response(BODY, { headers: { 'content-type': 'application/json' } }));
    sinon.stub(console, 'warn');
  });
  afterEach(() => sinon.restore());

  it('renders the bundle whose bytes match the pin', async () => {
    const { el, root } = await mount<ContentElement<unknown>>(html`<therapy-card src="/pinned.json" therapy="alpha" integrity=${await sri(BODY)}></therapy-card>`);
    expect(el.state).to.equal('ready');
    expect(text(root)).to.contain('Alphamab');
  });

  it('shows nothing of a bundle that does not match: an integrity error, a calm message', async () => {
    const wrong = await sri(`${BODY} `);
    const { el, root, event } = await mount<ContentElement<unknown>>(html`<therapy-card src="/changed.json" therapy="alpha" integrity=${wrong}></therapy-card>`);
    expect(el.state).to.equal('error');
    const detail = (event as TherapyErrorEvent).detail;
    expect(detail.code).to.equal('integrity');
    expect(detail.message).to.contain(wrong);
    expect(text(root)).not.to.contain('Alphamab');
    expect(text(root)).to.contain('could not be loaded');
  });

  it('a wrong algorithm name is an integrity error, never an unchecked render', async () => {
    const { el, event } = await mount<ContentElement<unknown>>(html`<news-teaser src="/md5.json" integrity="md5-AAAA"></news-teaser>`);
    expect(el.state).to.equal('error');
    expect((event as TherapyErrorEvent).detail.code).to.equal('integrity');
  });

  it('a provider pins every element inside it; two pins of one URL still make one request', async () => {
    const right = await sri(BODY, 'SHA-256');
    const page = await fixture(html`<div>
      <therapy-content src="/shared.json" integrity=${right}>
        <therapy-card therapy="alpha"></therapy-card>
        <expert-quote quote="q1"></expert-quote>
      </therapy-content>
      <therapy-content src="/shared.json" integrity=${await sri('other bytes')}>
        <news-teaser></news-teaser>
      </therapy-content>
    </div>`);
    const [card, quote, teaser] = [...page.querySelectorAll<ContentElement<unknown>>('therapy-card, expert-quote, news-teaser')];
    await waitUntil(() => [card, quote, teaser].every((e) => e!.state !== 'loading'), 'all settled');
    expect([card!.state, quote!.state, teaser!.state]).to.deep.equal(['ready', 'ready', 'error']);
    expect(fetchStub.callCount).to.equal(1);
  });

  it('an inline #id bundle can be pinned', async () => {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = 'pinned-inline';
    script.textContent = BODY;
    document.body.append(script);
    try {
      const { el } = await mount<ContentElement<unknown>>(html`<therapy-card src="#pinned-inline" therapy="alpha" integrity=${await sri(BODY)}></therapy-card>`);
      expect(el.state).to.equal('ready');
      const bad = await mount<ContentElement<unknown>>(html`<therapy-card src="#pinned-inline" therapy="alpha" integrity=${await sri('x')}></therapy-card>`);
      expect(bad.el.state).to.equal('error');
    } finally {
      script.remove();
    }
  });
});
