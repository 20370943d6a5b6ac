// Pre-rendered cards (the CLI's render output, served by test/server/prerendered-pages.js)
// with the built script and stylesheet: drawn and styled before and without any
// script, under the strict CSP, and taken over by the script without duplicates or shift.
import { expect, waitUntil } from '@open-wc/testing';

type PageWindow = Window & typeof globalThis & { __report: { errors: string[]; violations: string[] }; __cls: number; __shifts: { value: number; at: number }[] };

const ELEMENTS = 'therapy-card, news-teaser, expert-quote';

async function openPage(path: string, width: number, sandbox?: string) {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = '800px';
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.src = path;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return { doc: frame.contentDocument!, win: frame.contentWindow as PageWindow };
}

const frames = (win: Window, count = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left ? win.requestAnimationFrame(() => step(left - 1)) : resolve());
    step(count);
  });

const headings = (root: ParentNode) => [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.textContent!.trim());

/** True once the script has rendered the element from the live bundle (before its first update, `state` is the pre-rendered one). */
const takenOver = (el: Element) => (el as Element & { hasUpdated?: boolean }).hasUpdated === true && el.getAttribute('state') === 'ready';

/** What shows the card is styled by therapy-widgets.css inside its shadow root. */
function frameStyle(el: Element) {
  const frame = el.shadowRoot!.querySelector('.frame')!;
  const style = getComputedStyle(frame);
  return { radius: style.borderTopLeftRadius, border: style.borderTopStyle, padding: style.paddingTop, display: getComputedStyle(el).display };
}

describe('pre-rendered cards with the built files', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('with no script at all, under the strict CSP, every card is drawn and styled from the linked stylesheet, with no violation', async () => {
    const { doc, win } = await openPage('/test/pages/csp-prerendered.html?script=none', 1280);
    await frames(win);
    const elements = [...doc.querySelectorAll(ELEMENTS)];
    expect(elements).to.have.length(3);
    for (const el of elements) {
      expect(el.shadowRoot, el.localName).to.exist;
      expect(frameStyle(el)).to.deep.equal({ radius: '12px', border: 'solid', padding: frameStyle(el).padding, display: 'block' });
      expect(parseFloat(frameStyle(el).padding)).to.be.greaterThan(10);
      expect(el.getBoundingClientRect().height).to.be.greaterThan(100);
    }
    const card = doc.querySelector('therapy-card')!;
    expect(headings(card.shadowRoot!)[0]).to.equal('CAR T-cell therapy');
    // The light-DOM fallback is for readers without shadow DOM: not drawn twice.
    expect(card.querySelector('article')!.getClientRects()).to.have.length(0);
    expect(win.__report.violations).to.deep.equal([]);
    expect(win.__cls).to.equal(0);
  });

  it('with JavaScript disabled the cards are drawn and styled the same', async () => {
    const { doc } = await openPage('/test/pages/csp-prerendered.html', 1280, 'allow-same-origin');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const card = doc.querySelector('therapy-card')!;
    expect(customElementsOf(doc).get('therapy-card')).to.equal(undefined);
    expect(frameStyle(card).radius).to.equal('12px');
    expect(headings(card.shadowRoot!)).to.include('Sources');
  });

  for (const width of [390, 1280]) {
    it(`the script takes each card over with no duplicate, no CSP violation and no layout shift at ${width} px`, async () => {
      const { doc, win } = await openPage('/test/pages/csp-prerendered.html', width);
      const elements = [...doc.querySelectorAll(ELEMENTS)];
      const before = elements.map((el) => headings(el.shadowRoot!));
      await waitUntil(() => elements.every(takenOver), 'the cards were not taken over', { timeout: 8000 });
      await frames(win, 3);
      expect(elements.map((el) => headings(el.shadowRoot!))).to.deep.equal(before);
      for (const el of elements) expect(el.shadowRoot!.querySelectorAll('.frame'), el.localName).to.have.length(1);
      expect(win.__cls, `CLS ${win.__cls}`).to.be.at.most(0.01);
      expect(win.__report.violations).to.deep.equal([]);
      expect(win.__report.errors).to.deep.equal([]);
    });
  }

  it('then refreshes from the live bundle in place: new text replaces the old', async () => {
    const { doc } = await openPage('/test/pages/prerendered.html?live=edited', 1280);
    const card = doc.querySelector('therapy-card')!;
    expect(headings(card.shadowRoot!)[0]).to.equal('CAR T-cell therapy');
    await waitUntil(() => takenOver(card), 'the card was not taken over', { timeout: 8000 });
    expect(headings(card.shadowRoot!)[0]).to.equal('CAR T-cell therapy (edited)');
    expect(headings(card.shadowRoot!).filter((text) => text.startsWith('CAR T-cell therapy'))).to.have.length(1);
    expect(card.shadowRoot!.textContent).to.include('An edited summary.');
    expect(card.shadowRoot!.textContent).not.to.include('changes a patient');
  });
});

const hits = async (): Promise<Record<string, number>> => (await fetch('/__test__/hits', { cache: 'no-store' })).json();

/** The requests for the script, the stylesheet and bundles (and those cut off) between two counts of the test server. */
function fetchedBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const wanted = Object.keys(after).filter((key) => /^(aborted:)?(dist|bundle):/.test(key) && after[key] !== before[key]);
  return Object.fromEntries(wanted.map((key) => [key, after[key]! - (before[key] ?? 0)]));
}

describe('a page load fetches each file once, to the end', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  // The live bundle from a route that forbids caching, so every load asks for it: the default bundle's
  // bytes as they are (`no-cors`: the cards are kept) and an edited one (the car-t card is redrawn).
  for (const live of ['no-cors', 'edited']) {
    it(`?live=${live}: one request for the bundle per load, each to the end; the script and the stylesheet at most once (7 loads)`, async () => {
      for (let load = 0; load < 7; load++) {
        const before = await hits();
        const { doc, win } = await openPage(`/test/pages/prerendered.html?live=${live}`, 1280);
        await waitUntil(() => [...doc.querySelectorAll(ELEMENTS)].every(takenOver), 'the cards were not taken over', { timeout: 8000 });
        await frames(win, 3);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const fetched = fetchedBetween(before, await hits());
        const files = { 'dist:/__test__/dist/therapy-widgets.js': 1, 'dist:/__test__/dist/therapy-widgets.css': 1 };
        // The script and stylesheet are cached (max-age) after the first load of the run.
        const cachedAway = Object.fromEntries(Object.entries(files).filter(([key]) => !(key in fetched)));
        expect({ ...fetched, ...cachedAway }, `load ${load + 1}`).to.deep.equal({ ...files, [`bundle:${live}`]: 1 });
        document.querySelector('iframe')!.remove();
      }
    });
  }
});

/** The card's heading, or a quote's text: the element holding its largest text. */
function mainText(el: Element): Element {
  const found = el.shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6, blockquote');
  if (!found) throw new Error(`<${el.localName}> shows no heading or quote`);
  return found;
}

/**
 * Opens a page of pre-rendered cards without its script, notes what the
 * pre-rendered shadow roots hold and every change to them, counts each
 * element's `render` calls (wrapped as the script defines the elements),
 * then adds the built script as the CLI's tag would.
 */
async function takeOverWatched(path: string) {
  const { doc, win } = await openPage(path, 1280);
  const elements = [...doc.querySelectorAll(ELEMENTS)];
  const headingsBefore = elements.map(mainText);
  const mutations: string[] = [];
  for (const el of elements) {
    new MutationObserver((records) => mutations.push(...records.map((r) => `${el.localName}: ${r.type}`))).observe(el.shadowRoot!, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
  }
  const renders: string[] = [];
  const registry = customElementsOf(doc);
  const define = registry.define.bind(registry);
  registry.define = (name, ctor, options) => {
    const render = ctor.prototype.render as (...args: unknown[]) => unknown;
    ctor.prototype.render = function (this: Element, ...args: unknown[]) {
      renders.push(this.localName);
      return render.apply(this, args);
    };
    define(name, ctor, options);
  };
  // Each parse of a bundle's text (decode.ts reads bundles with JSON.parse).
  let parses = 0;
  const parse = win.JSON.parse;
  win.JSON.parse = (text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) => {
    if (typeof text === 'string' && text.includes('"therapies"')) parses++;
    return parse(text, reviver);
  };
  const loads: { tag: string; detail: unknown }[] = [];
  doc.addEventListener('therapy-load', (event) => loads.push({ tag: (event.target as Element).localName, detail: (event as CustomEvent).detail }));
  const paints: number[] = [];
  new win.PerformanceObserver((list) => paints.push(...list.getEntries().map((e) => e.startTime))).observe({ type: 'largest-contentful-paint', buffered: true });
  // The script comes once the page has painted its largest text and settled (its stylesheet applied).
  await waitUntil(() => paints.length > 0, 'no largest contentful paint before the script', { timeout: 4000 });
  await frames(win, 3);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const scriptAt = win.performance.now();
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = '/__test__/dist/therapy-widgets.js';
  doc.head.append(script);
  await waitUntil(() => elements.every(takenOver), 'the cards were not taken over', { timeout: 8000 });
  await frames(win, 3);
  return { doc, win, elements, headingsBefore, mutations, renders, paints, scriptAt, loads, parses: () => parses };
}

describe('the take-over keeps what is already right', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('a card pre-rendered from the bundle the page loads keeps its nodes: no render, no change in its shadow root, no later largest paint', async () => {
    const { elements, headingsBefore, mutations, renders, paints, scriptAt, win } = await takeOverWatched('/test/pages/prerendered.html?script=none');
    expect(elements).to.have.length(3);
    elements.forEach((el, i) => {
      const heading = mainText(el);
      expect(heading, `${el.localName} keeps its heading (or quote) element`).to.equal(headingsBefore[i]);
      expect(heading.isConnected).to.equal(true);
    });
    expect(renders, 'render calls').to.deep.equal([]);
    expect(mutations, 'changes in the shadow roots').to.deep.equal([]);
    expect(paints.length, 'a largest contentful paint before the script').to.be.greaterThan(0);
    expect(paints.filter((at) => at >= scriptAt), 'largest contentful paints after the script').to.deep.equal([]);
    expect(win.__cls).to.equal(0);
    expect(win.__report.errors).to.deep.equal([]);
  });

  it('an unchanged card is known by the hash of its bundle alone: the bundle is never parsed nor checked, and therapy-load names the bundle and item of its key', async () => {
    const { elements, loads, parses, renders } = await takeOverWatched('/test/pages/prerendered.html?script=none');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(parses(), 'parses of the bundle').to.equal(0);
    expect(renders).to.deep.equal([]);
    const ids = elements.map((el) => ({ tag: el.localName, detail: { bundleId: 'all-immune-therapies', itemId: el.getAttribute(el.localName === 'therapy-card' ? 'therapy' : el.localName === 'news-teaser' ? 'article' : 'quote') } }));
    expect(loads).to.have.deep.members(ids);
    // What the API gives beyond the card is read on demand, once for the element.
    const card = elements[0] as Element & { shown?: { item: { id: string }; loaded: { bundle: { id: string }; fingerprint?: string } } };
    expect(card.shown?.item.id).to.equal('car-t');
    expect(card.shown?.loaded.fingerprint).to.equal(card.getAttribute('render-key')!.split(' ')[0]);
    expect(parses()).to.equal(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loads, 'no second therapy-load once the bundle is read').to.have.length(3);
    expect(renders).to.deep.equal([]);
  });

  it('a kept card still follows a later change of its attributes: the pre-rendered nodes give way to one rendering', async () => {
    const { doc, headingsBefore } = await takeOverWatched('/test/pages/prerendered.html?script=none');
    const card = doc.querySelector('therapy-card')!;
    card.setAttribute('heading-level', '2');
    await waitUntil(() => card.shadowRoot!.querySelector('h2'), 'the card did not render the new heading level', { timeout: 4000 });
    expect(headingsBefore[0]!.isConnected).to.equal(false);
    expect(card.shadowRoot!.querySelectorAll('.frame')).to.have.length(1);
    expect(card.shadowRoot!.querySelectorAll('h3.heading')).to.have.length(0);
    expect(headings(card.shadowRoot!)[0]).to.equal('CAR T-cell therapy');
  });

  it('a card whose bundle changed since it was pre-rendered is redrawn in place, with no layout shift', async () => {
    const { doc, elements, headingsBefore, renders, win, parses } = await takeOverWatched('/test/pages/prerendered.html?script=none&live=edited');
    expect(parses(), 'the changed bundle, parsed once for all three cards').to.equal(1);
    const card = doc.querySelector('therapy-card')!;
    expect(headings(card.shadowRoot!)[0]).to.equal('CAR T-cell therapy (edited)');
    expect(headings(card.shadowRoot!).filter((text) => text.startsWith('CAR T-cell therapy'))).to.have.length(1);
    expect(headingsBefore[0]!.isConnected, 'the pre-rendered heading is gone').to.equal(false);
    expect(card.shadowRoot!.querySelectorAll('.frame')).to.have.length(1);
    expect(card.hasAttribute('render-key'), 'the pre-rendered key goes with the nodes').to.equal(false);
    expect(card.shadowRoot!.querySelector('link'), 'the linked stylesheet goes with them').to.equal(null);
    expect(frameStyle(card).radius, 'styled by its own styles').to.equal('12px');
    expect(renders).to.include('therapy-card');
    expect(elements.every((el) => el.getAttribute('state') === 'ready')).to.equal(true);
    expect(win.__shifts, 'layout shifts').to.deep.equal([]);
    expect(win.__report.errors).to.deep.equal([]);
  });
});

function customElementsOf(doc: Document): CustomElementRegistry {
  return doc.defaultView!.customElements;
}
