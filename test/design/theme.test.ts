/** theme="auto" reads the page it sits on; light and dark force. */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { TemplateResult } from 'lit';
import '../../src/define.js';
import { mount, minimalBundle } from '../fixtures.js';
import { emulate } from './media.js';

const LIGHT_SURFACE = 'rgb(255, 255, 255)';
const DARK_SURFACE = 'rgb(22, 27, 34)';

/** The surface the card paints, which is what a reader sees. */
function surface(el: Element): string {
  return getComputedStyle(el.shadowRoot!.querySelector('[part~="card"]')!).backgroundColor;
}

/** Lets the controller's microtask and a frame pass. */
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function card(template: TemplateResult = html`<therapy-card .bundle=${minimalBundle()} therapy="alpha"></therapy-card>`) {
  const { el } = await mount(template);
  await frame();
  return el;
}

describe('theme="auto" fits the page', () => {
  afterEach(async () => {
    fixtureCleanup();
    document.documentElement.removeAttribute('class');
    document.documentElement.removeAttribute('style');
    document.body.removeAttribute('style');
    document.head.querySelector('#theme-test')?.remove();
    await emulate();
  });

  it('is the default', async () => {
    const el = await card();
    expect(el.getAttribute('theme')).to.equal('auto');
  });

  it('a dark page with a light OS gets the dark card', async () => {
    await emulate({ colorScheme: 'light' });
    const wrapper = await fixture(html`<div style="background: #121212; padding: 1em">
      <therapy-card .bundle=${minimalBundle()} therapy="alpha"></therapy-card>
    </div>`);
    const el = wrapper.querySelector('therapy-card')!;
    await el.updateComplete;
    await frame();
    expect(surface(el)).to.equal(DARK_SURFACE);
    expect(el.matches(':state(dark)')).to.equal(true);
  });

  it('a light page with a dark OS gets the light card', async () => {
    await emulate({ colorScheme: 'dark' });
    document.body.style.background = '#fafafa';
    const el = await card();
    expect(surface(el)).to.equal(LIGHT_SURFACE);
  });

  it('looks through transparent ancestors, across a shadow root, to a dark <body>', async () => {
    await emulate({ colorScheme: 'light' });
    document.body.style.background = 'rgb(20, 20, 30)';
    const outer = await fixture<HTMLDivElement>(html`<div><section><div class="host"></div></section></div>`);
    const host = outer.querySelector('.host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const el = document.createElement('therapy-card');
    el.bundle = minimalBundle();
    el.therapy = 'alpha';
    shadow.append(el);
    await el.updateComplete;
    await frame();
    expect(surface(el)).to.equal(DARK_SURFACE);
  });

  it('follows a page that switches theme at run time (a class on <html>), both ways', async () => {
    await emulate({ colorScheme: 'light' });
    const style = Object.assign(document.createElement('style'), { id: 'theme-test', textContent: 'html.night body { background: #0b0b0b }' });
    document.head.append(style);
    const el = await card();
    expect(surface(el)).to.equal(LIGHT_SURFACE);
    document.documentElement.classList.add('night');
    await frame();
    expect(surface(el)).to.equal(DARK_SURFACE);
    document.documentElement.classList.remove('night');
    await frame();
    expect(surface(el)).to.equal(LIGHT_SURFACE);
  });

  it('reads backgrounds in any colour syntax (oklch)', async () => {
    await emulate({ colorScheme: 'dark' });
    document.body.style.background = 'oklch(0.97 0.01 90)';
    const light = await card();
    expect(surface(light)).to.equal(LIGHT_SURFACE);
    fixtureCleanup();
    await emulate({ colorScheme: 'light' });
    document.body.style.background = 'oklch(0.2 0.02 250)';
    const dark = await card();
    expect(surface(dark)).to.equal(DARK_SURFACE);
  });

  it("reads the page's color-scheme when no background is painted", async () => {
    await emulate({ colorScheme: 'light' });
    document.documentElement.style.colorScheme = 'dark';
    const el = await card();
    expect(surface(el)).to.equal(DARK_SURFACE);
  });

  it('uses the OS preference only when the page gives no sign, and follows its changes', async () => {
    await emulate({ colorScheme: 'dark' });
    const el = await card();
    expect(surface(el)).to.equal(DARK_SURFACE);
    await emulate({ colorScheme: 'light' });
    // The media query's change event comes with a rendering update, not at once.
    await waitUntil(() => surface(el) === LIGHT_SURFACE, 'the card did not follow the OS switch to light', { timeout: 2000 });
  });

  it('light and dark force a theme whatever the page', async () => {
    document.body.style.background = '#000';
    const light = await card(html`<therapy-card .bundle=${minimalBundle()} therapy="alpha" theme="light"></therapy-card>`);
    expect(surface(light)).to.equal(LIGHT_SURFACE);
    document.body.style.background = '#fff';
    const dark = await card(html`<news-teaser .bundle=${minimalBundle()} theme="dark"></news-teaser>`);
    await frame();
    expect(surface(dark)).to.equal(DARK_SURFACE);
    dark.setAttribute('theme', 'auto');
    await frame();
    expect(surface(dark)).to.equal(LIGHT_SURFACE);
  });

  it('watches the page with one observer, however many cards', async () => {
    const observe = sinon.spy(MutationObserver.prototype, 'observe');
    try {
      const bundle = minimalBundle();
      await fixture(html`<div>${Array.from({ length: 20 }, () => html`<therapy-card .bundle=${bundle} therapy="alpha"></therapy-card>`)}</div>`);
      const onRoot = observe.getCalls().filter((call) => call.args[0] === document.documentElement);
      expect(onRoot.length).to.equal(1);
    } finally {
      observe.restore();
    }
  });
});
