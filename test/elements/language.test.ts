// Language of parts (WCAG 3.1.2) and direction: labels carry the UI language,
// bundle text the bundle's locale wherever the two differ.
import { expect, html } from '@open-wc/testing';
import '../../src/define.js';
import { minimalBundle, mount, type Draft } from '../fixtures.js';

/** A small Arabic test bundle (test data only; the elements have no Arabic labels). */
function arabicBundle(): Draft {
  const bundle = minimalBundle();
  bundle.locale = 'ar';
  bundle.disclaimer = 'هذه المعلومات للتثقيف فقط.';
  bundle.therapies[0].name = 'ألفاماب';
  bundle.therapies[0].summary = 'علاج تجريبي للاختبار.';
  bundle.therapies[0].howItWorks = ['يعمل بطريقة بسيطة.'];
  return bundle;
}

describe('language of parts', () => {
  it('an English bundle under lang="es": Spanish labels, English text marked lang="en"', async () => {
    const { el, root } = await mount(html`<therapy-card .bundle=${minimalBundle()} therapy="alpha" lang="es"></therapy-card>`);
    const card = root.querySelector('article')!;
    expect(card.lang).to.equal('es');
    expect(root.querySelector('.card__summary')!.getAttribute('lang')).to.equal('en');
    expect(root.querySelector('.heading span[lang="en"]')!.textContent).to.equal('Alphamab');
    expect(root.querySelector('.card__list')!.getAttribute('lang')).to.equal('en');
    expect(root.querySelector('.card__disclaimer')!.getAttribute('lang')).to.equal('en');
    expect(root.querySelector('dd')!.getAttribute('lang')).to.equal('en');
    // Labels inherit the card's Spanish.
    const subheading = root.querySelector('.subheading')!;
    expect(subheading.textContent).to.equal('Para quién es');
    expect(subheading.closest('[lang]')).to.equal(card);
    await expect(el).to.be.accessible();
  });

  it('marks nothing when labels and content share a language', async () => {
    const { root } = await mount(html`<therapy-card .bundle=${minimalBundle()} therapy="alpha" lang="en-GB"></therapy-card>`);
    expect(root.querySelectorAll('[lang]')).to.have.length(1);
  });

  it('marks the quote and the teaser text too', async () => {
    const quote = await mount(html`<expert-quote .bundle=${minimalBundle()} quote="q1" lang="es"></expert-quote>`);
    expect(quote.root.querySelector('blockquote')!.getAttribute('lang')).to.equal('en');
    expect(quote.root.querySelector('.quote__name bdi')!.closest('[lang]')!.getAttribute('lang')).to.equal('en');
    const teaser = await mount(html`<news-teaser .bundle=${minimalBundle()} lang="es"></news-teaser>`);
    expect(teaser.root.querySelector('.teaser__body p')!.getAttribute('lang')).to.equal('en');
    expect(teaser.root.querySelector('.teaser__list')!.getAttribute('lang')).to.equal('en');
  });

  it('a right-to-left bundle: its text is laid out rtl inside an English, ltr card', async () => {
    const { el, root } = await mount(html`<therapy-card .bundle=${arabicBundle()} therapy="alpha"></therapy-card>`);
    const card = root.querySelector('article')!;
    expect(card.lang).to.equal('en');
    expect(getComputedStyle(card).direction).to.equal('ltr');
    const summary = root.querySelector('.card__summary')!;
    expect(summary.getAttribute('lang')).to.equal('ar');
    expect(getComputedStyle(summary).direction).to.equal('rtl');
    expect(getComputedStyle(root.querySelector('.card__list')!).direction).to.equal('rtl');
    expect(getComputedStyle(root.querySelector('.card__disclaimer')!).direction).to.equal('rtl');
    // English labels stay ltr.
    expect(getComputedStyle(root.querySelector('.subheading')!).direction).to.equal('ltr');
    await expect(el).to.be.accessible();
  });
});
