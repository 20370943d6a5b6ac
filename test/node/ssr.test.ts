// The elements under Lit's server renderer, as an Eleventy or Astro pipeline uses it: given the bundle property.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../src/define.js';
import bundle from '../../src/content/all-immune-therapies.json' with { type: 'json' };

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Every element under `node`, template contents (the declarative shadow root) included. */
function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'content' in node && node.tagName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
}

function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (node.nodeName === 'style') return '';
  const children = 'content' in node && node.tagName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  return children.map(text).join('');
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

async function ssr(template: ReturnType<typeof html>) {
  const markup = await collectResult(render(template));
  const all = [...elements(parseFragment(markup))];
  return {
    markup,
    all,
    headings: all.filter((e) => /^h[1-6]$/.test(e.tagName)).map((e) => `${e.tagName} ${text(e).trim()}`),
    links: all.filter((e) => e.tagName === 'a').map((e) => attr(e, 'href')),
    shadow: all.find((e) => e.tagName === 'template' && attr(e, 'shadowrootmode') === 'open'),
  };
}

test('<therapy-card> renders its therapy into a declarative shadow root: headings at the asked level, sources linked', async () => {
  const { headings, links, shadow, all } = await ssr(html`<therapy-card therapy="car-t" heading-level="2" .bundle=${bundle}></therapy-card>`);
  assert.ok(shadow, 'a <template shadowrootmode="open">');
  assert.deepEqual(headings, ['h2 CAR T-cell therapy', 'h3 Who it is for', 'h3 Risks and warnings', 'h3 How it works', 'h3 How it is given', 'h3 Key points', 'h3 Sources']);
  assert.ok(links.includes('https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=a16108c2-7ca7-45af-965e-54bda4713022'), links.join(' '));
  const host = all.find((e) => e.tagName === 'therapy-card')!;
  assert.equal(attr(host, 'state'), 'ready');
  assert.match(text(shadow!), /Last reviewed: .*2\d{3}/);
  assert.match(text(shadow!), new RegExp(bundle.disclaimer.slice(0, 40)));
});

test('<news-teaser> renders the newest article: headline, date and read-more link', async () => {
  const { headings, shadow, all } = await ssr(html`<news-teaser .bundle=${bundle}></news-teaser>`);
  const article = bundle.articles[0]!;
  assert.equal(headings[0], `h3 ${article.headline}`);
  assert.ok(all.some((e) => e.tagName === 'time' && attr(e, 'datetime') === article.publishedOn));
  assert.match(text(shadow!), new RegExp(article.summary!.slice(0, 30)));
});

test('<expert-quote> renders figure, blockquote and figcaption with the expert', async () => {
  const quote = bundle.quotes[0]!;
  const { all, shadow } = await ssr(html`<expert-quote quote=${quote.id} variant="compact" .bundle=${bundle}></expert-quote>`);
  const tags = all.map((e) => e.tagName);
  for (const tag of ['figure', 'blockquote', 'figcaption']) assert.ok(tags.includes(tag), tag);
  assert.match(text(shadow!), new RegExp(quote.text.slice(0, 30)));
  assert.match(text(shadow!), /Dr\. Olalekan Oluwole/);
});

test('UI strings follow lang under the server renderer too', async () => {
  const { headings } = await ssr(html`<therapy-card therapy="car-t" lang="es" .bundle=${bundle}></therapy-card>`);
  assert.deepEqual(headings, ['h3 CAR T-cell therapy', 'h4 Para quién es', 'h4 Riesgos y advertencias', 'h4 Cómo funciona', 'h4 Cómo se administra', 'h4 Puntos clave', 'h4 Fuentes']);
});

test('an unknown id renders the calm error message, not an exception', async () => {
  const { all, shadow } = await ssr(html`<therapy-card therapy="nope" .bundle=${bundle}></therapy-card>`);
  assert.equal(attr(all.find((e) => e.tagName === 'therapy-card')!, 'state'), 'error');
  assert.ok(all.some((e) => attr(e, 'role') === 'status'));
  assert.ok(text(shadow!).trim().length > 0);
});
