// Every element, in every state and source (default bundle, provider, inline
// #id, another URL), under `default-src 'self'; style-src 'self'; script-src 'self'`.
import { expect } from '@open-wc/testing';
import { closePages, ELEMENTS, openPage, settled } from './frame.js';

for (const build of ['module', 'classic']) {
  const path = `/test/pages/hostile-csp-${build}.html`;

  describe(`hostile host: strict CSP header, ${build} build`, () => {
    afterEach(closePages);

    it('the page is served with the strict CSP header', async () => {
      const response = await fetch(path);
      expect(response.headers.get('content-security-policy')).to.equal("default-src 'self'; style-src 'self'; script-src 'self'");
    });

    it('renders every element with zero violations and no uncaught error', async () => {
      const { doc, win } = await openPage(path);
      const elements = await settled(doc);
      expect(elements).to.have.length(19);
      const wanted = elements.map((el) => el.getAttribute('data-expect') ?? 'ready');
      expect(elements.map((el) => el.getAttribute('state'))).to.deep.equal(wanted);
      for (const el of elements) {
        const frame = el.shadowRoot!.querySelector('.frame');
        expect(frame, el.outerHTML).to.not.equal(null);
        // Styles arrived through adoptedStyleSheets: the frame has its border and surface.
        expect(win.getComputedStyle(frame!).borderTopStyle, el.outerHTML).to.equal('solid');
        expect(el.shadowRoot!.querySelectorAll('[style]').length, el.outerHTML).to.equal(0);
      }
      // Let the lazy images of the media bundle load or fail before counting violations.
      win.scrollTo(0, doc.body.scrollHeight);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(win.__report.violations).to.deep.equal([]);
      expect(win.__report.errors).to.deep.equal([]);
    });

    it('the inline bundle, the Spanish provider and media on the bundle host all render', async () => {
      const { doc, win } = await openPage(path);
      await settled(doc);
      const inline = doc.querySelector('therapy-content[src="#inline-bundle"] therapy-card')!;
      expect(inline.shadowRoot!.querySelector('.heading')!.textContent).to.equal('Alphamab');
      const spanish = doc.querySelector('therapy-content[lang=es] therapy-card')!;
      expect(spanish.shadowRoot!.querySelector('article')!.getAttribute('lang')).to.equal('es');
      const own = doc.querySelector('news-teaser[article=media-own-host]')!.shadowRoot!.querySelector('img');
      expect(own?.getAttribute('src')).to.equal(new URL('/__test__/pixel.png?from=media-own-host', win.location.href).href);
      for (const selector of ['news-teaser[article=media-image]', 'news-teaser[article=media-video]', 'expert-quote[src*=media]']) {
        expect(doc.querySelector(selector)!.shadowRoot!.querySelector('img'), selector).to.equal(null);
      }
      expect(doc.querySelectorAll(ELEMENTS).length).to.equal(19);
    });
  });
}
