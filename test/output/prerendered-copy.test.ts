// The preview's copy and the CLI's render give the same pre-rendered card:
// the shadow root markup, the fallback's outline and text, the JSON-LD.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { elementSnippet } from '../../src/output/snippet.js';
import type { ContentElement } from '../../src/internal/content-element.js';
import { parseHtml } from './helpers.js';

type Rendered = ContentElement<unknown>;

/** The script URL the CLI's test pages are made with (test/server/prerendered-pages.js). */
const SCRIPT = '/__test__/dist/therapy-widgets.js';

async function rendered(template: ReturnType<typeof html>): Promise<Rendered> {
  const el = await fixture<Rendered>(template);
  await waitUntil(() => el.state === 'ready', `state is ${el.state}`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** Each element's tag and own text, in document order: what a reader of the fallback meets (indentation between blocks aside). */
function outline(root: Element): string[] {
  return [...root.querySelectorAll('*')].map((e) => {
    const own = [...e.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('');
    return `${e.localName}${e.localName === 'a' ? ` ${e.getAttribute('href')}` : ''}: ${own.replace(/\s+/g, ' ').trim()}`;
  });
}

function parts(tag: Element) {
  const template = tag.querySelector(':scope > template') as HTMLTemplateElement;
  const fallback = tag.querySelector(':scope > article, :scope > figure, :scope > div')!;
  const jsonLd = tag.querySelector(':scope > script[type="application/ld+json"]')!;
  return { shadow: template.innerHTML, fallback: outline(fallback), fallbackTag: fallback.localName, jsonLd: JSON.parse(jsonLd.textContent!) };
}

describe('the preview copy and the CLI render', () => {
  it('give the same card for each kind', async () => {
    const cli = parseHtml(await (await fetch('/test/pages/prerendered.html?script=none')).text());
    const elements = [
      await rendered(html`<therapy-card therapy="car-t"></therapy-card>`),
      await rendered(html`<news-teaser article="2021-03-12-immune-therapies"></news-teaser>`),
      await rendered(html`<expert-quote quote="oluwole-blinatumomab-forces-t-cell"></expert-quote>`),
    ];
    for (const el of elements) {
      const copy = parseHtml(elementSnippet(el, { scriptUrl: SCRIPT })).querySelector(el.localName)!;
      const made = cli.querySelector(el.localName)!;
      expect(parts(copy), el.localName).to.deep.equal(parts(made));
    }
  });
});
