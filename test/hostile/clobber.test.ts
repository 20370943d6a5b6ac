// DOM clobbering: named <img> and <form> elements shadow document's own
// properties (Document has [LegacyOverrideBuiltIns]). Markup alone, placed
// before the classic script, must not make it load another host's bundle,
// misread the page's base URL or inline bundles, or throw.
import { expect } from '@open-wc/testing';
import { closePages, openPage, settled } from './frame.js';

describe('hostile host: markup that clobbers document properties (classic build)', () => {
  afterEach(closePages);

  it('loads only its own bundles and renders every element', async () => {
    const { doc, win } = await openPage('/test/pages/hostile-clobber-classic.html');
    expect((doc as unknown as Record<string, unknown>).currentScript).to.be.instanceOf(win.HTMLImageElement);
    const elements = await settled(doc, 'therapy-card, expert-quote');
    expect(elements.map((el) => `${el.id}: ${el.getAttribute('state')}`)).to.deep.equal([
      'default: ready',
      'relative: ready',
      'inline: ready',
      'provided: ready',
    ]);
    expect(doc.querySelector('#inline')!.shadowRoot!.textContent).to.contain('Alphamab');
    const json = (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.initiatorType === 'fetch')
      .map((entry) => entry.name);
    expect(json.map((name) => new URL(name).origin)).to.deep.equal([win.location.origin, win.location.origin]);
    expect(json.map((name) => new URL(name).pathname).sort()).to.deep.equal(['/__test__/bundle', '/dist/content/all-immune-therapies.json']);
    expect(win.__report.errors).to.deep.equal([]);
  });
});
