/**
 * theme="auto" (the default) is drawn in the page's own colours, by CSS alone:
 * right on a dark page and on a light one whatever the OS says; light and dark
 * force a surface of their own.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define.js';
import { mount, minimalBundle } from '../fixtures.js';
import { cardContrast } from './contrast.js';
import { emulate } from './media.js';

const LIGHT_SURFACE = 'rgb(255, 255, 255)';
const DARK_SURFACE = 'rgb(22, 27, 34)';
const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/** The surface the card paints. */
function surface(el: Element): string {
  return getComputedStyle(el.shadowRoot!.querySelector('[part~="card"]')!).backgroundColor;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** A card in a page region painted `background` with text `color`, every fold open. */
async function onPage(background: string, color: string, template?: TemplateResult) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="background: ${background}; color: ${color}; padding: 1em">
    ${template ?? html`<therapy-card .bundle=${minimalBundle()} therapy="alpha"></therapy-card>`}
  </div>`);
  const el = wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
  await el.updateComplete;
  for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
  await frame();
  return el;
}

const PAGES = [
  { name: 'a dark page with the OS light', background: '#14161a', color: '#dcd6cc', os: 'light' },
  { name: 'a light page with the OS dark', background: '#fafafa', color: '#222222', os: 'dark' },
] as const;

describe('theme="auto" fits the page', () => {
  afterEach(async () => {
    fixtureCleanup();
    document.documentElement.removeAttribute('class');
    document.head.querySelector('#theme-test')?.remove();
    await emulate();
  });

  it('is the default', async () => {
    const { el } = await mount(html`<therapy-card .bundle=${minimalBundle()} therapy="alpha"></therapy-card>`);
    expect(el.getAttribute('theme')).to.equal('auto');
  });

  for (const page of PAGES) {
    it(`on ${page.name}: no surface of its own, the page's text colour, every text at least 4.5:1 and the callout, links and focus ring at least 3:1`, async () => {
      await emulate({ colorScheme: page.os });
      const el = await onPage(page.background, page.color);
      expect(surface(el)).to.equal(TRANSPARENT);
      const heading = el.shadowRoot!.querySelector('.heading')!;
      expect(getComputedStyle(heading).color).to.equal(getComputedStyle(el.parentElement!).color);
      const contrast = cardContrast(el);
      expect(contrast.text, contrast.worst).to.be.at.least(4.5);
      expect(contrast.links).to.be.at.least(3);
      expect(contrast.callout).to.be.at.least(3);
      expect(contrast.focus).to.be.at.least(3);
      await expect(el).to.be.accessible();
    });
  }

  it('follows a page that switches theme at run time (a class on <html>), with no script of its own', async () => {
    const style = Object.assign(document.createElement('style'), {
      id: 'theme-test',
      textContent: '.page { background: #fff; color: #1b1f24 } html.night .page { background: #0b0b0b; color: #e6e6e6 }',
    });
    document.head.append(style);
    const wrapper = await fixture<HTMLDivElement>(html`<div class="page"><therapy-card .bundle=${minimalBundle()} therapy="alpha"></therapy-card></div>`);
    const el = wrapper.firstElementChild!;
    const text = () => getComputedStyle(el.shadowRoot!.querySelector('.heading')!).color;
    expect(text()).to.equal('rgb(27, 31, 36)');
    document.documentElement.classList.add('night');
    expect(text()).to.equal('rgb(230, 230, 230)');
    expect(cardContrast(el).text).to.be.at.least(4.5);
  });

  it('takes the public tokens: a page that sets --therapy-surface and --therapy-text gets them', async () => {
    const el = await onPage('#000', '#fff', html`<therapy-card .bundle=${minimalBundle()} therapy="alpha"></therapy-card>`);
    el.parentElement!.style.setProperty('--therapy-surface', 'rgb(250, 240, 230)');
    el.parentElement!.style.setProperty('--therapy-text', 'rgb(40, 30, 20)');
    expect(surface(el)).to.equal('rgb(250, 240, 230)');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.heading')!).color).to.equal('rgb(40, 30, 20)');
  });

  it('light and dark paint their own surface and text whatever the page and the OS', async () => {
    await emulate({ colorScheme: 'dark' });
    const light = await onPage('#000', '#fff', html`<therapy-card .bundle=${minimalBundle()} therapy="alpha" theme="light"></therapy-card>`);
    expect(surface(light)).to.equal(LIGHT_SURFACE);
    expect(cardContrast(light).text).to.be.at.least(4.5);
    await expect(light).to.be.accessible();
    await emulate({ colorScheme: 'light' });
    const dark = await onPage('#fff', '#000', html`<news-teaser .bundle=${minimalBundle()} theme="dark"></news-teaser>`);
    expect(surface(dark)).to.equal(DARK_SURFACE);
    expect(cardContrast(dark).text).to.be.at.least(4.5);
    await expect(dark).to.be.accessible();
    dark.setAttribute('theme', 'auto');
    await frame();
    expect(surface(dark)).to.equal(TRANSPARENT);
  });
});
