// Language of parts (WCAG 3.1.2) and direction: labels carry the UI language,
// bundle text the bundle's locale wherever the two differ.
import { expect, html } from '@open-wc/testing';
import '../../src/define.js';
import { minimalBundle, mount, type Draft } from '../fixtures.js';

/** A small Hebrew test bundle (test data only; the elements have no Hebrew labels). */
function hebrewBundle(): Draft {
  const bundle = minimalBundle();
  bundle.locale = 'he';
  bundle.disclaimer = 'המידע הזה נועד להסברה בלבד.';
  bundle.therapies[0].name = 'אלפמאב';
  bundle.therapies[0].summary = 'טיפול לדוגמה לבדיקה.';
  bundle.therapies[0].howItWorks = ['הוא פועל בדרך פשוטה.'];
  bundle.therapies[0].risks = ['סיכון לדוגמה.'];
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

  it('a right-to-left bundle under English labels mirrors the card; labels keep their own lang and dir', async () => {
    const { el, root } = await mount(html`<therapy-card .bundle=${hebrewBundle()} therapy="alpha"></therapy-card>`);
    const card = root.querySelector('article')!;
    expect(card.lang).to.equal('en');
    expect(root.querySelector('.heading')!.closest('[dir]')!.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(card).direction).to.equal('rtl');
    const summary = root.querySelector('.card__summary')!;
    expect(summary.getAttribute('lang')).to.equal('he');
    expect(getComputedStyle(summary).direction).to.equal('rtl');
    expect(getComputedStyle(root.querySelector('.card__disclaimer')!).direction).to.equal('rtl');
    // Mirrored layout: the callout's thick edge and the list indent on the right, text starting at the right edge.
    const risks = getComputedStyle(root.querySelector('[part~="warning"]')!);
    expect(parseFloat(risks.borderRightWidth)).to.be.above(parseFloat(risks.borderLeftWidth));
    const list = getComputedStyle(root.querySelector('.card__list')!);
    expect(parseFloat(list.paddingRight)).to.be.above(0);
    expect(parseFloat(list.paddingLeft)).to.equal(0);
    const heading = root.querySelector('.heading span')!.getBoundingClientRect();
    const frame = card.getBoundingClientRect();
    expect(frame.right - heading.right).to.be.below(heading.left - frame.left);
    // Labels: English, each in its own left-to-right span, and every one of them there.
    const labels = [...root.querySelectorAll('.subheading span[dir], dt span[dir], .review span[dir]')];
    expect(labels.map((label) => label.textContent)).to.include.members(['Who it is for', 'Risks and warnings', 'How it works', 'Type of medicine']);
    for (const label of labels) {
      expect(label.getAttribute('dir'), label.textContent!).to.equal('ltr');
      expect(label.closest('[lang]')!.getAttribute('lang'), label.textContent!).to.equal('en');
    }
    await expect(el).to.be.accessible();
  });

  it('a left-to-right bundle marks no direction at all', async () => {
    const { root } = await mount(html`<therapy-card .bundle=${minimalBundle()} therapy="alpha" lang="es"></therapy-card>`);
    expect([...root.querySelectorAll('[dir]')].map((node) => node.getAttribute('dir'))).to.deep.equal(['ltr']);
  });
});
