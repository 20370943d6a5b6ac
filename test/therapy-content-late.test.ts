// Elements that connect inside a <therapy-content> before that tag is defined
// (a page that loads the card's script before the provider's). This file
// defines only <therapy-card> up front: web-test-runner gives each test file
// its own page, so no other file's definitions leak in.
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/therapy-card/define.js';
import type { TherapyCard } from '../src/therapy-card/define.js';
import { clearBundleCache, defaultBundleUrl } from '../src/content/load.js';
import { minimalBundle } from './fixtures.js';

describe('<therapy-content> defined after the elements inside it', () => {
  let fetchStub: sinon.SinonStub;

  beforeEach(() => {
    clearBundleCache();
    fetchStub = sinon.stub(window, 'fetch');
    fetchStub.callsFake(async () => new Response(JSON.stringify(minimalBundle()), { status: 200 }));
    sinon.stub(console, 'warn');
  });

  afterEach(() => {
    sinon.restore();
  });

  it('waits for the provider, then renders its bundle with one request and none for the default bundle', async () => {
    expect(customElements.get('therapy-content')).to.equal(undefined);
    // fixtureSync: an undefined <therapy-content> has no updateComplete, and
    // `fixture` would wait for an animation frame that a background tab never gets.
    const provider = fixtureSync(
      html`<therapy-content src="/late.json"><therapy-card therapy="alpha"></therapy-card></therapy-content>`,
    );
    const card = provider.querySelector<TherapyCard>('therapy-card')!;
    await card.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(card.state).to.equal('loading');
    expect(fetchStub.called, 'no request before the provider is defined').to.equal(false);

    const loaded = new Promise<CustomEvent>((resolve) => card.addEventListener('therapy-load', (e) => resolve(e), { once: true }));
    await import('../src/therapy-content/define.js');
    expect(customElements.get('therapy-content')).to.not.equal(undefined);
    await waitUntil(() => card.state === 'ready', 'the card should render the provider’s bundle', { timeout: 5000 });
    expect((await loaded).detail).to.deep.equal({ bundleId: 'test-bundle', itemId: 'alpha' });
    expect(fetchStub.callCount).to.equal(1);
    expect(new URL(String(fetchStub.firstCall.args[0])).pathname).to.equal('/late.json');
    expect(fetchStub.getCalls().some((c) => String(c.args[0]) === defaultBundleUrl())).to.equal(false);
  });
});
