// The built files themselves (run `npm run build` first; `npm test` does),
// each in a page of its own, the way a host page would use them.
import { expect, waitUntil } from '@open-wc/testing';

interface Report {
  errors: string[];
  violations: string[];
  warnings: string[];
}

type FrameWindow = Window & { __report: Report };

async function openPage(path: string): Promise<{ doc: Document; win: FrameWindow; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  frame.src = path;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return { doc: frame.contentDocument!, win: frame.contentWindow as FrameWindow, frame };
}

const ELEMENTS = 'therapy-card, news-teaser, expert-quote';

async function settled(doc: Document): Promise<Element[]> {
  const elements = [...doc.querySelectorAll(ELEMENTS)];
  await waitUntil(() => elements.every((el) => el.getAttribute('state') === 'ready' || el.getAttribute('state') === 'error'), 'elements did not settle', { timeout: 8000 });
  return elements;
}

describe('built files', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('the classic script alone renders every element from the default bundle', async () => {
    const { doc, win } = await openPage('/test/pages/classic.html');
    const elements = await settled(doc);
    expect(elements.map((el) => el.getAttribute('state'))).to.deep.equal(['ready', 'ready', 'ready', 'ready']);
    const card = doc.querySelector('therapy-card')!;
    expect(card.shadowRoot!.querySelector('h3')!.textContent).to.equal('CAR T-cell therapy');
    const requests = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(requests.filter((p) => p.endsWith('.json'))).to.deep.equal(['/dist/content/all-immune-therapies.json']);
    expect(win.__report.errors).to.deep.equal([]);
  });

  it('the module build under a strict CSP header renders with zero violations', async () => {
    const response = await fetch('/test/pages/csp-module.html');
    expect(response.headers.get('content-security-policy')).to.contain("style-src 'self'");
    const { doc, win } = await openPage('/test/pages/csp-module.html');
    const elements = await settled(doc);
    expect(elements.map((el) => el.getAttribute('state'))).to.deep.equal(['ready', 'ready', 'ready', 'ready', 'ready', 'error']);
    const quote = doc.querySelector('therapy-content expert-quote')!;
    expect(quote.shadowRoot!.textContent).to.contain('Fuente');
    // Styles applied: adoptedStyleSheets, no inline style attributes or <style>.
    const card = doc.querySelector('therapy-card')!;
    expect(win.getComputedStyle(card.shadowRoot!.querySelector('.frame')!).borderTopStyle).to.equal('solid');
    expect(win.__report.violations).to.deep.equal([]);
    expect(win.__report.errors).to.deep.equal([]);
  });

  it('loading the script three times (two classic, one module) gives no error and one warning', async () => {
    const { doc, win } = await openPage('/test/pages/double.html');
    const elements = await settled(doc);
    expect(elements.map((el) => el.getAttribute('state'))).to.deep.equal(['ready', 'ready']);
    expect(win.__report.errors).to.deep.equal([]);
    const duplicates = win.__report.warnings.filter((w) => w.includes('loaded more than once'));
    expect(duplicates).to.have.length(1);
    expect(duplicates[0]).to.contain('therapy-widgets 0.1.0');
  });

  it('finds an inline bundle that comes after the element, when the script ran in <head>', async () => {
    const { doc, win } = await openPage('/test/pages/inline-late.html');
    const [card] = await settled(doc);
    expect(card!.getAttribute('state')).to.equal('ready');
    expect(card!.shadowRoot!.querySelector('h3')!.textContent).to.equal('Alphamab');
    expect(win.__report.errors).to.deep.equal([]);
  });

  it('the npm entry that defines nothing defines nothing', async () => {
    const entry = '/dist/npm/index.js';
    const module = await import(/* @vite-ignore */ entry);
    expect(module.TherapyCard).to.be.a('function');
    expect(module.validateBundle).to.be.a('function');
    for (const tag of ['therapy-card', 'news-teaser', 'expert-quote', 'therapy-content']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
  });
});
