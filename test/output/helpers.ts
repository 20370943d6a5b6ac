/** Shared checks of exported HTML, for the export and preview tests. */
import { expect, waitUntil } from '@open-wc/testing';

/** Parses a fragment of HTML the way a mail client or CMS would read it. */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`, 'text/html');
}

/**
 * The e-mail rules: no script, no custom element, no class or event handler,
 * no `javascript:`, every link absolute https:, every image with alt and an https: src.
 */
export function expectEmailSafe(html: string): Document {
  const doc = parseHtml(html);
  const elements = [...doc.body.querySelectorAll('*')];
  expect(elements.length, 'elements').to.be.greaterThan(0);
  expect(doc.querySelectorAll('script, style, slot, template, link, iframe, object, embed, form').length, 'forbidden tags').to.equal(0);
  for (const element of elements) {
    expect(element.localName, 'custom element tag').not.to.contain('-');
    const attributes = [...element.attributes].map((a) => a.name);
    expect(attributes.filter((name) => name.startsWith('on') || name === 'class' || name === 'part' || name === 'slot'), element.localName).to.deep.equal([]);
  }
  expect(html.toLowerCase()).not.to.contain('javascript:');
  for (const link of doc.querySelectorAll('a')) {
    const href = link.getAttribute('href')!;
    expect(() => new URL(href), `absolute: ${href}`).not.to.throw();
    expect(new URL(href).protocol, href).to.equal('https:');
  }
  for (const image of doc.querySelectorAll('img')) {
    expect(image.hasAttribute('alt'), 'img alt').to.equal(true);
    expect(new URL(image.getAttribute('src')!).protocol).to.equal('https:');
  }
  return doc;
}

/** Opens `html` as the whole body of a blank page in an iframe. */
export async function blankPage(body: string, { sandbox }: { sandbox?: string } = {}): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '900px';
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank page</title></head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Waits until every content element in a document has rendered or failed. */
export async function settledIn(doc: Document): Promise<(HTMLElement & { state?: string })[]> {
  const elements = [...doc.querySelectorAll<HTMLElement & { state?: string }>('therapy-card, news-teaser, expert-quote')];
  await waitUntil(() => elements.every((el) => el.getAttribute('state') === 'ready' || el.getAttribute('state') === 'error'), 'elements did not settle', { timeout: 8000 });
  return elements;
}

/** WCAG contrast ratio of two colours given as `rgb(...)`. */
export function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = color.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
