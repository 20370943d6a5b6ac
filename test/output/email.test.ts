import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { exportEmail, toEmailHtml, toHex } from '../../src/output/email.js';
import type { ContentElement } from '../../src/internal/content-element.js';
import { minimalBundle, type Draft } from '../fixtures.js';
import { blankPage, contrast, expectEmailSafe } from './helpers.js';

type Rendered = ContentElement<unknown>;

async function render(template: ReturnType<typeof html>): Promise<Rendered> {
  const el = await fixture<Rendered>(template);
  await waitUntil(() => el.state === 'ready', `state is ${el.state}`);
  await el.updateComplete;
  return el;
}

function card(bundle: Draft, theme = 'light', lang = 'en') {
  return render(html`<therapy-card therapy="alpha" theme=${theme} lang=${lang} .bundle=${bundle}></therapy-card>`);
}

/** A stand-in element with a hand-made shadow tree, for cases the real elements never render. */
class ExportFixture extends HTMLElement {
  state = 'ready';
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
}
customElements.define('export-fixture', ExportFixture);

async function fake(markup: string, css = ''): Promise<ExportFixture> {
  const el = document.createElement('export-fixture') as ExportFixture;
  document.body.append(el);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  el.shadowRoot!.adoptedStyleSheets = [sheet];
  // Test markup written here, never bundle data.
  el.shadowRoot!.innerHTML = markup;
  return el;
}

describe('toEmailHtml', () => {
  afterEach(() => document.querySelectorAll('export-fixture, iframe').forEach((el) => el.remove()));

  it('rebuilds every kind of element as e-mail-safe HTML with its text', async () => {
    const bundle = minimalBundle();
    const elements = [
      await card(bundle),
      await render(html`<news-teaser article="news-1" .bundle=${bundle}></news-teaser>`),
      await render(html`<expert-quote quote="q1" .bundle=${bundle}></expert-quote>`),
    ];
    for (const el of elements) {
      const out = toEmailHtml(el);
      const doc = expectEmailSafe(out);
      const heading = el.shadowRoot!.querySelector('.heading, blockquote')!.textContent!.trim();
      expect(doc.body.textContent!.replace(/\s+/g, ' ')).to.contain(heading.replace(/\s+/g, ' '));
      // One table: the outer cell carries the frame's surface and text colour.
      const cell = doc.querySelector('table > tbody > tr > td')!;
      expect(cell.getAttribute('bgcolor')).to.equal('#ffffff');
      expect(cell.getAttribute('style')).to.contain('color:#1b1f24').and.not.contain('border-radius');
    }
  });

  it('keeps links absolute, headings at their level, and the quote marks drawn by CSS', async () => {
    const bundle = minimalBundle();
    const doc = expectEmailSafe(toEmailHtml(await card(bundle)));
    expect(doc.querySelector('h3')!.textContent).to.equal('Alphamab');
    expect([...doc.querySelectorAll('h4')].map((h) => h.textContent)).to.include('How it works');
    expect([...doc.querySelectorAll('a')].map((a) => a.href)).to.deep.equal(['https://label.example/alpha', 'https://publisher.example/']);
    const quote = expectEmailSafe(toEmailHtml(await render(html`<expert-quote quote="q1" .bundle=${bundle}></expert-quote>`)));
    expect(quote.querySelector('blockquote')!.textContent!.trim()).to.equal('“Alpha is good.”');
  });

  it('carries the quote’s context, How it is given and the compact card’s risk and disclaimer line, in the HTML and the plain text', async () => {
    const bundle = minimalBundle();
    bundle.quotes[0].context = 'On trials of using alpha earlier';
    bundle.therapies[0].howItIsGiven = ['Alpha drips into a vein.'];
    bundle.disclaimer = 'General facts only. Ask your care team.';
    const quote = exportEmail(await render(html`<expert-quote quote="q1" .bundle=${bundle}></expert-quote>`));
    const quoteDoc = expectEmailSafe(quote.html);
    expect(quoteDoc.body.textContent!.replace(/\s+/g, ' ')).to.match(/On trials of using alpha earlier.*“Alpha is good\.”/);
    expect(quote.text.split('\n\n').slice(0, 2)).to.deep.equal(['On trials of using alpha earlier', '“Alpha is good.”']);

    const full = exportEmail(await card(bundle));
    expect([...expectEmailSafe(full.html).querySelectorAll('h4')].map((h) => h.textContent)).to.include('How it is given');
    expect(full.text).to.contain('How it is given\n\n- Alpha drips into a vein.');

    const compact = exportEmail(await render(html`<therapy-card therapy="alpha" variant="compact" .bundle=${bundle}></therapy-card>`));
    expect(expectEmailSafe(compact.html).body.textContent!.replace(/\s+/g, ' ')).to.contain('Main risk: Alpha risk.');
    expect(compact.text).to.contain('Main risk: Alpha risk.').and.contain('General facts only.').and.not.contain('Ask your care team.');
    expect(compact.text).to.contain('Last reviewed: May 6, 2024 · Published by Test publisher');
  });

  it('writes inline styles only where needed, and overrides mail-client defaults', async () => {
    const doc = expectEmailSafe(toEmailHtml(await card(minimalBundle())));
    const h3 = doc.querySelector('h3')!.getAttribute('style')!;
    expect(h3).to.contain('font-weight:700').and.contain('margin:0px');
    const list = doc.querySelector('ul')!.getAttribute('style')!;
    expect(list).to.match(/padding:0px 0px 0px 20px/);
    const link = doc.querySelector('a')!.getAttribute('style')!;
    expect(link).to.contain('color:#1f5fa8').and.contain('text-decoration:underline');
    // Grid gaps become margins, since mail clients know no grid; every element carries its colour (forced dark mode).
    expect(doc.querySelectorAll('li')[0]!.getAttribute('style')).to.equal('color:#1b1f24');
    expect(doc.querySelector('[style*="border-top:1px solid"]')).to.exist;
  });

  it('takes the colours of the theme the element shows, readable in a plain mail client', async () => {
    for (const theme of ['light', 'dark']) {
      const out = toEmailHtml(await card(minimalBundle(), theme));
      // A mail client without scripts or styles of its own: a sandboxed page with nothing else in it.
      const frame = await blankPage(out, { sandbox: 'allow-same-origin' });
      const doc = frame.contentDocument!;
      const cell = doc.querySelector('td')!;
      const background = getComputedStyle(cell).backgroundColor;
      for (const selector of ['h3', 'p', 'li', 'a', 'dt']) {
        const element = doc.querySelector(selector)!;
        expect(element.getBoundingClientRect().height, selector).to.be.greaterThan(0);
        expect(contrast(frame.contentWindow!.getComputedStyle(element).color, background), `${theme} ${selector}`).to.be.at.least(4.5);
      }
      frame.remove();
    }
  });

  it('shows the UI language the element shows', async () => {
    const doc = expectEmailSafe(toEmailHtml(await card(minimalBundle(), 'light', 'es')));
    expect(doc.querySelector('table')!.getAttribute('lang')).to.equal('es');
    expect(doc.body.textContent).to.contain('Cómo funciona').and.contain('6 de mayo de 2024');
  });

  it('escapes markup in bundle text: it stays text', async () => {
    const bundle = minimalBundle();
    bundle.therapies[0].name = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">"&';
    bundle.disclaimer = '</td></table><b>bold?</b>';
    const out = toEmailHtml(await card(bundle));
    const doc = expectEmailSafe(out);
    expect(doc.querySelector('h3')!.textContent).to.equal(bundle.therapies[0].name);
    expect(doc.querySelectorAll('b, img').length).to.equal(0);
    expect(doc.body.textContent).to.contain('</td></table><b>bold?</b>');
    expect(out).to.contain('&lt;script&gt;');
  });

  it('turns links that are not absolute https: into text, and says so', async () => {
    const bundle = minimalBundle();
    bundle.publisher.url = 'http://publisher.example/';
    bundle.therapies[0].sources[0].url = '/relative/label';
    const result = exportEmail(await card(bundle));
    const doc = expectEmailSafe(result.html);
    expect(doc.querySelectorAll('a')).to.have.length(0);
    expect(doc.body.textContent).to.contain('Test publisher').and.contain('Alpha label');
    expect(result.warnings).to.have.length(2);
    expect(result.warnings[0]).to.contain('Alpha label').and.contain('/relative/label');
  });

  it('keeps https images with alt and a width, drops others, and labels links from hidden text', async () => {
    const el = await fake(
      `<article class="frame" lang="en">
        <div class="row">
          <img src="https://images.example/photo.jpg" alt="Dr. X smiling" width="60" height="60">
          <span class="who"><a href="https://x.example/">Dr. X<span class="hidden">: profile</span></a><span>Doctor</span></span>
        </div>
        <img src="http://images.example/insecure.jpg" alt="insecure">
        <p><a href="javascript:alert(1)">bad link</a> and <a href="https://ok.example/">good</a></p>
      </article>`,
      `.frame { display: grid; gap: 10px; background: #fff; color: #000; }
       .row { display: flex; gap: 12px; align-items: center; }
       .who { display: grid; }
       img { width: 60px; height: 60px; }
       .hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }`,
    );
    const result = exportEmail(el);
    const doc = expectEmailSafe(result.html);
    const images = doc.querySelectorAll('img');
    expect(images).to.have.length(1);
    expect(images[0]!.getAttribute('alt')).to.equal('Dr. X smiling');
    expect(images[0]!.getAttribute('width')).to.equal('60');
    // The flex row is a table row: photo and caption side by side.
    const row = doc.querySelector('td table tr')!;
    expect(row.children).to.have.length(2);
    expect(row.children[1]!.getAttribute('style')).to.contain('padding-left:12px');
    const profile = doc.querySelector('a[href="https://x.example/"]')!;
    expect(profile.textContent).to.equal('Dr. X');
    expect(profile.getAttribute('aria-label')).to.equal('Dr. X: profile');
    expect(doc.body.textContent).to.contain('bad link');
    expect(result.warnings.join('\n')).to.contain('insecure.jpg').and.contain('bad link');
  });

  it('refuses an element that has not rendered its content', async () => {
    const el = await fixture<Rendered>(html`<therapy-card therapy="nope" .bundle=${minimalBundle()}></therapy-card>`);
    await waitUntil(() => el.state === 'error');
    expect(() => toEmailHtml(el)).to.throw(/state: error/);
  });

  it('converts colours to hex', () => {
    expect(toHex('rgb(31, 95, 168)')).to.equal('#1f5fa8');
    expect(toHex('rgba(0, 0, 0, 0)')).to.equal(undefined);
    expect(toHex('rgba(255, 255, 255, 0.5)')).to.equal('#ffffff');
  });
});
