// Broken and hostile bundles next to good cards on one page: each fails with
// its own error code (or renders its payload as plain text), nothing runs,
// nothing pollutes Object.prototype, the good cards render, and no request
// goes to any host but the bundles'.
import { expect } from '@open-wc/testing';
import { closePages, openPage, settled, type Page } from './frame.js';

const PAGE = '/test/pages/hostile-bundles.html';

/** Element id → the `therapy-error` code it must give, and what its message or problems must say. */
const ERRORS: Record<string, { code: string; message?: RegExp; problem?: string }> = {
  'invalid-json': { code: 'parse', message: /not valid JSON/ },
  'trailing-comma': { code: 'parse' },
  html: { code: 'parse' },
  array: { code: 'schema', problem: '(root)' },
  newer: { code: 'schema', message: /newer than this widget supports/, problem: 'schemaVersion' },
  dangling: { code: 'schema', problem: 'quotes[0].expertId' },
  'impossible-date': { code: 'schema', problem: 'reviewedOn' },
  'javascript-url': { code: 'schema', problem: 'publisher.url' },
  big: { code: 'network', message: /larger than/ },
  'status-404': { code: 'network', message: /HTTP 404/ },
  'status-500': { code: 'network', message: /HTTP 500/ },
  cors: { code: 'network' },
  'inline-bad': { code: 'parse' },
  'inline-array': { code: 'schema' },
  'inline-missing': { code: 'config' },
  'unknown-id': { code: 'not-found' },
};

// duplicate-ids: the later copy of car-t is hidden, the first renders (one broken item never blanks the others).
const READY = ['duplicate-ids', 'good-before', 'good-after', 'payload-card', 'payload-teaser', 'payload-quote', 'proto', 'media-image', 'media-video', 'media-photo'];

const hits = async (): Promise<Record<string, number>> => (await fetch('/__test__/hits')).json();

describe('hostile host: bad bundles', () => {
  let page: Page;
  let hitsBefore: Record<string, number>;
  let hitsAfter: Record<string, number>;

  before(async function () {
    this.timeout(20000);
    hitsBefore = await hits();
    page = await openPage(PAGE);
    await settled(page.doc, undefined, 15000);
    // The lazy images of the media bundle: scroll them into view, then give them time to (not) load.
    page.win.scrollTo(0, page.doc.body.scrollHeight);
    await new Promise((resolve) => setTimeout(resolve, 300));
    hitsAfter = await hits();
  });

  after(closePages);

  const el = (id: string) => page.doc.getElementById(id)!;
  const errorEvent = (id: string) => page.win.__report.events.find((e) => e.id === id && e.type === 'therapy-error');

  for (const [id, want] of Object.entries(ERRORS)) {
    it(`${id}: gives a ${want.code} error`, () => {
      expect(el(id).getAttribute('state')).to.equal('error');
      const event = errorEvent(id);
      expect(event, `therapy-error on #${id}`).to.not.equal(undefined);
      expect(event!.detail.code).to.equal(want.code);
      if (want.message) expect(event!.detail.message).to.match(want.message);
      if (want.problem) expect(event!.detail.errors!.map((p) => p.path)).to.include(want.problem);
      // Readers see a calm message in the card's place, not the technical reason.
      const status = el(id).shadowRoot!.querySelector('[part~=status]')!;
      expect(status.textContent!.trim()).to.not.equal('');
      expect(status.textContent).to.not.contain(event!.detail.message!.slice(0, 30));
    });
  }

  it('the CORS-blocked request reached the other origin, so the failure is CORS and not a dead server', () => {
    expect(hitsAfter['bundle:no-cors'] ?? 0).to.be.above(hitsBefore['bundle:no-cors'] ?? 0);
    expect(errorEvent('cors')!.detail.message).to.contain(`//localhost:${page.win.location.port}/`);
  });

  it('keeps the fallback content of a card that failed', () => {
    const card = el('invalid-json');
    expect(card.querySelector('p')!.textContent).to.equal('Fallback stays readable.');
    expect(card.shadowRoot!.querySelector('slot')).to.not.equal(null);
  });

  it('the other cards on the page still render', () => {
    for (const id of READY) expect(el(id).getAttribute('state'), id).to.equal('ready');
    expect(el('good-before').shadowRoot!.querySelector('.heading')!.textContent).to.equal('CAR T-cell therapy');
    expect(el('good-after').shadowRoot!.querySelector('.heading')!.textContent).to.equal('Inotuzumab ozogamicin');
  });

  it('HTML and script in text render as characters, and nothing runs', () => {
    for (const id of ['payload-card', 'payload-teaser', 'payload-quote']) {
      const root = el(id).shadowRoot!;
      // The only svg is the card's own warning icon (.icon), from its template.
      expect(root.querySelectorAll('img, script, svg:not(.icon), iframe, style, object, embed, li[onclick]').length, id).to.equal(0);
      for (const a of root.querySelectorAll('a')) expect(a.href, id).to.match(/^https?:/);
      for (const node of root.querySelectorAll('*')) {
        for (const attribute of node.getAttributeNames()) expect(attribute, `${id} ${node.localName}`).to.not.match(/^on/);
      }
    }
    const card = el('payload-card').shadowRoot!;
    expect(card.querySelector('.heading')!.textContent).to.equal(`<img src=x onerror="window.__xss='img'">CAR T-cell therapy`);
    expect(card.textContent).to.contain("<script>window.__xss='script'</script>");
    expect(card.textContent).to.contain('&lt;b&gt;&amp;amp;');
    expect(el('payload-quote').shadowRoot!.textContent).to.contain("<script>window.__xss='script'</script>");
    expect(page.win.__xss).to.equal(undefined);
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('__proto__ and constructor.prototype keys pollute nothing', () => {
    expect(el('proto').shadowRoot!.querySelector('.heading')!.textContent).to.equal('CAR T-cell therapy');
    const FrameObject = page.win.Object;
    expect((new FrameObject() as Record<string, unknown>).polluted).to.equal(undefined);
    expect((FrameObject.prototype as Record<string, unknown>).isAdmin).to.equal(undefined);
    expect(Object.getOwnPropertyNames(FrameObject.prototype).sort()).to.deep.equal(Object.getOwnPropertyNames(Object.prototype).sort());
    expect(Object.getOwnPropertyNames(page.win.Array.prototype).sort()).to.deep.equal(Object.getOwnPropertyNames(Array.prototype).sort());
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('no uncaught error, and one console warning per cause', () => {
    const report = page.win.__report;
    expect(report.errors).to.deep.equal([]);
    expect(report.warnings.every((w) => w.startsWith('therapy-widgets:')), report.warnings.join('\n')).to.equal(true);
    expect(new Set(report.warnings).size).to.equal(report.warnings.length);
    expect(report.warnings.length).to.be.at.least(Object.keys(ERRORS).length - 3); // the payload cards share one bundle URL
  });

  it('no request to any host but the bundles\', and no cookie or storage write', () => {
    const origin = page.win.location.origin;
    const corsUrl = el('cors').getAttribute('src')!;
    const elsewhere = page.win.performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => new URL(url).origin !== origin);
    expect(elsewhere.filter((url) => url !== corsUrl)).to.deep.equal([]);
    for (const from of ['media-image', 'media-poster', 'media-photo']) expect(hitsAfter[`pixel:${from}`] ?? 0, from).to.equal(hitsBefore[`pixel:${from}`] ?? 0);
    for (const id of ['media-image', 'media-video', 'media-photo']) expect(el(id).shadowRoot!.querySelector('img'), id).to.equal(null);
    expect(page.doc.cookie).to.equal('');
    expect(page.win.__report.cookies).to.deep.equal([]);
    expect(page.win.__report.storage).to.deep.equal([]);
  });
});
