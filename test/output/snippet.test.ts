import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { toEmailHtml } from '../../src/output/email.js';
import { toEmbedSnippet } from '../../src/output/snippet.js';
import type { ContentElement } from '../../src/internal/content-element.js';
import { minimalBundle } from '../fixtures.js';
import { blankPage, parseHtml, settledIn } from './helpers.js';

type Rendered = ContentElement<unknown>;

const BUILT = `${location.origin}/dist/therapy-widgets.js`;

async function render(template: ReturnType<typeof html>): Promise<Rendered> {
  const el = await fixture<Rendered>(template);
  await waitUntil(() => el.state === 'ready', `state is ${el.state}`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

function headingOf(el: Element): string {
  return el.shadowRoot!.querySelector('.heading, blockquote')!.textContent!.trim().replace(/\s+/g, ' ');
}

describe('toEmbedSnippet', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('is the script tag, then the element with its attributes and plain fallback content', async () => {
    const el = await render(html`<therapy-card therapy="alpha" lang="es" theme="dark" .bundle=${minimalBundle()}></therapy-card>`);
    const snippet = toEmbedSnippet(el, { scriptUrl: 'https://cdn.example/therapy-widgets.js', src: 'https://cdn.example/bundle.json' });
    expect(snippet.split('\n')[0]).to.equal('<script type="module" src="https://cdn.example/therapy-widgets.js"></script>');
    const doc = parseHtml(snippet);
    const tag = doc.querySelector('therapy-card')!;
    expect(Object.fromEntries([...tag.attributes].map((a) => [a.name, a.value]))).to.deep.equal({
      therapy: 'alpha',
      src: 'https://cdn.example/bundle.json',
      lang: 'es',
      theme: 'dark',
    });
    // Fallback: semantic HTML, no styles, no classes, the same text as the rendering.
    expect(doc.querySelectorAll('[style], [class], [part], img, style, slot').length).to.equal(0);
    const article = tag.querySelector('article')!;
    expect(article.getAttribute('lang')).to.equal('es');
    expect(article.querySelector('h3')!.textContent).to.equal('Alphamab');
    expect([...article.querySelectorAll('h4')].map((h) => h.textContent)).to.include('Cómo funciona');
    // Text kept for screen readers shows as text here: the fallback has no styles to hide it.
    expect(article.textContent).to.contain('Nombres comerciales: Alphato');
    expect(article.querySelector('time')!.getAttribute('datetime')).to.equal('2024-01-02');
    expect([...article.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://label.example/alpha',
      'https://publisher.example/',
    ]);
  });

  it('leaves out default attribute values, and src when told to', async () => {
    const el = await render(html`<news-teaser article="news-1" src="#nothing" .bundle=${minimalBundle()}></news-teaser>`);
    const doc = parseHtml(toEmbedSnippet(el, { scriptUrl: BUILT, src: '' }));
    const tag = doc.querySelector('news-teaser')!;
    expect([...tag.attributes].map((a) => a.name)).to.deep.equal(['article']);
    expect(parseHtml(toEmbedSnippet(el, { scriptUrl: BUILT })).querySelector('news-teaser')!.getAttribute('src')).to.equal('#nothing');
  });

  it('writes a quote as figure, blockquote and figcaption, one line per caption part', async () => {
    const el = await render(html`<expert-quote quote="q1" .bundle=${minimalBundle()}></expert-quote>`);
    const doc = parseHtml(toEmbedSnippet(el, { scriptUrl: BUILT }));
    const figure = doc.querySelector('expert-quote > figure')!;
    expect(figure.querySelector('blockquote > p')!.textContent).to.equal('Alpha is good.');
    expect([...figure.querySelectorAll('figcaption > p')].map((p) => p.textContent)).to.deep.equal([
      'Dr. X',
      'Doctor, Test Hospital',
      'Source: Alpha interview, Interview site, March 4, 2024',
    ]);
    expect(figure.querySelector('blockquote')!.getAttribute('cite')).to.equal('https://news.example/interview');
  });

  it('keeps the quote’s context before its words, the How it is given fold, and the compact card’s risk and disclaimer line', async () => {
    const bundle = minimalBundle();
    bundle.quotes[0].context = 'On trials of using alpha earlier';
    bundle.therapies[0].howItIsGiven = ['Alpha drips into a vein.'];
    bundle.disclaimer = 'General facts only. Ask your care team.';
    const quote = parseHtml(toEmbedSnippet(await render(html`<expert-quote quote="q1" .bundle=${bundle}></expert-quote>`), { scriptUrl: BUILT }));
    const figure = quote.querySelector('expert-quote > figure')!;
    expect(figure.firstElementChild!.localName).to.equal('p');
    expect(figure.firstElementChild!.textContent).to.equal('On trials of using alpha earlier');
    expect(figure.firstElementChild!.nextElementSibling!.localName).to.equal('blockquote');

    const full = parseHtml(toEmbedSnippet(await render(html`<therapy-card therapy="alpha" .bundle=${bundle}></therapy-card>`), { scriptUrl: BUILT }));
    const given = [...full.querySelectorAll('therapy-card > article h4')].find((h) => h.textContent === 'How it is given');
    expect(given, 'How it is given heading').to.exist;
    expect(full.querySelector('therapy-card > article')!.textContent).to.contain('Alpha drips into a vein.');

    const compact = parseHtml(
      toEmbedSnippet(await render(html`<therapy-card therapy="alpha" variant="compact" .bundle=${bundle}></therapy-card>`), { scriptUrl: BUILT }),
    );
    const text = compact.querySelector('therapy-card > article')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Main risk: Alpha risk.').and.contain('General facts only.').and.not.contain('Ask your care team.');
    expect(text).to.contain('Last reviewed: May 6, 2024 · Published by Test publisher');
  });

  it('keeps the language of parts: English text under Spanish labels stays marked lang="en", in the fallback and the e-mail', async () => {
    const el = await render(html`<therapy-card therapy="alpha" lang="es" .bundle=${minimalBundle()}></therapy-card>`);
    const fallback = parseHtml(toEmbedSnippet(el, { scriptUrl: BUILT })).querySelector('therapy-card > article')!;
    expect(fallback.getAttribute('lang')).to.equal('es');
    expect(fallback.querySelector('h3 [lang="en"], h3[lang="en"]')!.textContent).to.equal('Alphamab');
    expect([...fallback.querySelectorAll('[lang="en"]')].map((node) => node.textContent)).to.include('Alpha summary.');
    const email = parseHtml(toEmailHtml(el));
    expect([...email.querySelectorAll('[lang="en"]')].map((node) => node.textContent!.trim())).to.include('Alpha summary.');
    expect(email.querySelector('[lang="es"]')).not.to.equal(null);
  });

  it('escapes markup in bundle text', async () => {
    const bundle = minimalBundle();
    bundle.therapies[0].name = '<img src=x onerror="window.__pwned=1">';
    const el = await render(html`<therapy-card therapy="alpha" .bundle=${bundle}></therapy-card>`);
    const snippet = toEmbedSnippet(el, { scriptUrl: BUILT });
    expect(snippet).to.contain('&lt;img src=x onerror="window.__pwned=1"&gt;');
    const doc = parseHtml(snippet);
    expect(doc.querySelectorAll('img')).to.have.length(0);
    expect(doc.querySelector('h3')!.textContent).to.equal(bundle.therapies[0].name);
  });

  it('in a page without the script, draws the card from its declarative shadow root; the fallback is beside it', async () => {
    const el = await render(html`<therapy-card therapy="alpha" .bundle=${minimalBundle()}></therapy-card>`);
    const snippet = toEmbedSnippet(el, { scriptUrl: BUILT });
    const frame = await blankPage(snippet.replace(/<script type="module"[^>]*><\/script>/, ''));
    const card = frame.contentDocument!.querySelector('therapy-card')!;
    const heading = card.shadowRoot!.querySelector('h3')!;
    expect(heading.textContent).to.equal('Alphamab');
    expect(heading.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(card.querySelector('article > h3')!.textContent).to.equal('Alphamab');
  });

  it('put into a blank page with the built script, renders the same item (each kind)', async () => {
    // The default bundle, which the built script finds next to itself.
    const elements = [
      await render(html`<therapy-card therapy="inotuzumab"></therapy-card>`),
      await render(html`<news-teaser article="2021-03-12-immune-therapies" theme="dark"></news-teaser>`),
      await render(html`<expert-quote quote="oluwole-game-changer" lang="es"></expert-quote>`),
    ];
    for (const el of elements) {
      const frame = await blankPage(toEmbedSnippet(el, { scriptUrl: BUILT }));
      const [copy] = await settledIn(frame.contentDocument!);
      expect(copy!.getAttribute('state')).to.equal('ready');
      expect(headingOf(copy!)).to.equal(headingOf(el));
      expect(copy!.shadowRoot!.querySelector('[part~="card"]')!.getAttribute('lang')).to.equal(el.shadowRoot!.querySelector('[part~="card"]')!.getAttribute('lang'));
      expect(frame.contentWindow!.getComputedStyle(copy!).display).to.equal('block');
      frame.remove();
    }
  });

  it('pins the script with integrity and crossorigin, and the bundle with the element’s integrity', async () => {
    const el = await render(html`<therapy-card therapy="alpha" variant="compact" heading-level="2" .bundle=${minimalBundle()}></therapy-card>`);
    const snippet = toEmbedSnippet(el, {
      scriptUrl: BUILT,
      scriptIntegrity: 'sha384-abc',
      src: 'https://cdn.example/bundle.json',
      integrity: 'sha384-def',
    });
    const doc = parseHtml(snippet);
    const script = doc.querySelector('script')!;
    expect(script.getAttribute('integrity')).to.equal('sha384-abc');
    expect(script.getAttribute('crossorigin')).to.equal('anonymous');
    const tag = doc.querySelector('therapy-card')!;
    expect(tag.getAttribute('integrity')).to.equal('sha384-def');
    // Attributes come from the class's declared properties: variant and heading level are not dropped.
    expect(tag.getAttribute('variant')).to.equal('compact');
    expect(tag.getAttribute('heading-level')).to.equal('2');
  });

  it('carries the script tag once for several items', async () => {
    const bundle = minimalBundle();
    const card = await render(html`<therapy-card therapy="alpha" .bundle=${bundle}></therapy-card>`);
    const quote = await render(html`<expert-quote quote="q1" .bundle=${bundle}></expert-quote>`);
    const doc = parseHtml(toEmbedSnippet([card, quote], { scriptUrl: BUILT }));
    expect(doc.querySelectorAll('script[type="module"]')).to.have.length(1);
    expect([...doc.querySelectorAll('script[type="application/ld+json"]')].map((script) => script.parentElement!.localName)).to.deep.equal(['therapy-card', 'expert-quote']);
    expect([...doc.body.children].map((child) => child.localName)).to.deep.equal(['script', 'therapy-card', 'expert-quote']);
  });
});
