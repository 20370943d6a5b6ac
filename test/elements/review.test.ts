// The review record (SPEC section 4): last reviewed, next review due, by whom,
// and a calm notice once the review is due. "Today" comes from clock.ts.
import { expect, html } from '@open-wc/testing';
import '../../src/define.js';
import { setClock } from '../../src/content/clock.js';
import { minimalBundle, mount, text } from '../fixtures.js';

const at = (day: string) => () => new Date(`${day}T12:00:00Z`);

describe('review record', () => {
  afterEach(() => setClock());

  it('a card shows last reviewed and next review due (three years on by default), and no notice before then', async () => {
    setClock(at('2025-01-01'));
    const { root } = await mount(html`<therapy-card .bundle=${minimalBundle()} therapy="alpha"></therapy-card>`);
    expect(text(root)).to.contain('Last reviewed: May 6, 2024').and.contain('Next review due: May 6, 2027');
    expect(text(root)).not.to.contain('Reviewed by');
    expect(root.querySelector('[part~="notice"]')).to.equal(null);
  });

  it("shows who reviewed it; an item's own fields win over the bundle's", async () => {
    setClock(at('2025-01-01'));
    const bundle = minimalBundle();
    bundle.reviewedBy = 'Bundle team';
    bundle.nextReviewOn = '2026-01-01';
    bundle.therapies[0].reviewedBy = 'Jane Roe, RN, oncology nurse';
    bundle.therapies[0].nextReviewOn = '2025-11-30';
    const { root } = await mount(html`<therapy-card .bundle=${bundle} therapy="alpha"></therapy-card>`);
    expect(text(root)).to.contain('Reviewed by: Jane Roe, RN, oncology nurse').and.contain('Next review due: November 30, 2025');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`past its date: a visible notice at the top, the content still whole, axe passes (${theme})`, async () => {
      setClock(at('2027-05-06'));
      const { el, root } = await mount(html`<therapy-card .bundle=${minimalBundle()} therapy="alpha" theme=${theme}></therapy-card>`);
      const notice = root.querySelector<HTMLElement>('[part~="notice"]')!;
      expect(notice.textContent).to.contain('due for review').and.contain('May 6, 2024');
      expect(root.querySelector('article')!.firstElementChild).to.equal(notice);
      expect(notice.getBoundingClientRect().height).to.be.above(10);
      expect(text(root)).to.contain('Alpha summary.').and.contain('Alpha risk.');
      await expect(el).to.be.accessible();
    });
  }

  it('in Spanish too', async () => {
    setClock(at('2030-01-01'));
    const { root } = await mount(html`<therapy-card .bundle=${minimalBundle()} therapy="alpha" lang="es"></therapy-card>`);
    expect(root.querySelector('[part~="notice"]')!.textContent).to.contain('Esta información debe revisarse');
    expect(text(root)).to.contain('Próxima revisión prevista');
  });

  it('a news teaser has its review record and notice too', async () => {
    setClock(at('2030-01-01'));
    const bundle = minimalBundle();
    bundle.articles[0].reviewedOn = '2024-03-05';
    bundle.articles[0].reviewedBy = 'News desk';
    const { el, root } = await mount(html`<news-teaser .bundle=${bundle}></news-teaser>`);
    expect(text(root)).to.contain('Last reviewed: March 5, 2024').and.contain('Reviewed by: News desk');
    expect(root.querySelector('[part~="notice"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("a quote's caption cites where the words were first published, never the bundle's own headline", async () => {
    const bundle = minimalBundle();
    bundle.quotes[0].source = { title: 'The original interview', publisher: 'Interview site', date: '2021-03-12' };
    const { root } = await mount(html`<expert-quote .bundle=${bundle} quote="q1"></expert-quote>`);
    const caption = root.querySelector('figcaption')!.textContent!.replace(/\s+/g, ' ');
    expect(caption).to.contain('Source: The original interview, Interview site, March 12, 2021');
    expect(caption).not.to.contain('Alpha news');
  });
});
