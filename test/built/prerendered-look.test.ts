// Pre-rendered cards (the CLI's render output with the built stylesheet) as a
// reader sees them before any script: right on a dark page with the OS light
// and on a light page with the OS dark, the same pixels after the script takes
// over, plain readable text when the stylesheet is missing, and a visible
// boundary when a sanitizer strips the element and its template.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import DOMPurify from 'dompurify';
import { cardContrast, surfaceContrast } from '../design/contrast.js';
import { emulate } from '../design/media.js';

const ELEMENTS = 'therapy-card, news-teaser, expert-quote';

async function openPage(src: { path: string } | { html: string }) {
  const frame = document.createElement('iframe');
  Object.assign(frame.style, { width: '780px', height: '560px', border: '0', display: 'block' });
  if ('path' in src) frame.src = src.path;
  else frame.srcdoc = src.html;
  document.body.prepend(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow!;
  await new Promise<void>((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(() => resolve())));
  return { doc: frame.contentDocument!, win };
}

/** The RGBA pixels of the test page's viewport as painted now. */
async function screenshot(): Promise<Uint8ClampedArray> {
  const base64 = await executeServerCommand<string, undefined>('page-screenshot');
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
  const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
}

function differingPixels(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  if (a.length !== b.length) return Infinity;
  let count = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) count++;
  return count;
}

function expectReadable(elements: Element[]) {
  for (const el of elements) {
    // Drawn in the page's own colours: no white card on a dark page, no dark card on a white one.
    expect(surfaceContrast(el), `${el.localName}: its surface against the page`).to.be.below(1.1);
    const contrast = cardContrast(el);
    expect(contrast.text, `${el.localName}, ${contrast.worst}`).to.be.at.least(4.5);
    expect(contrast.links, `${el.localName} links`).to.be.at.least(3);
    if (contrast.focus !== undefined) expect(contrast.focus, `${el.localName} focus ring`).to.be.at.least(3);
    if (contrast.callout !== undefined) expect(contrast.callout, `${el.localName} risk callout`).to.be.at.least(3);
  }
}

const takenOver = (el: Element) => (el as Element & { hasUpdated?: boolean }).hasUpdated === true && el.getAttribute('state') === 'ready';

/** The rectangles of an element's own text. */
function textRects(element: Element): DOMRect[] {
  const range = document.createRange();
  return [...element.childNodes]
    .filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())
    .flatMap((node) => {
      range.selectNodeContents(node);
      return [...range.getClientRects()];
    });
}

const overlap = (a: DOMRect, b: DOMRect) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

describe('pre-rendered cards before any script', () => {
  afterEach(async () => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    await emulate();
  });

  for (const [page, os] of [['dark', 'light'], ['light', 'dark']] as const) {
    it(`on a ${page} page with the OS ${os}: every text at least 4.5:1 against the page with no script, and the take-over changes no pixel`, async () => {
      await emulate({ colorScheme: os });
      const { doc } = await openPage({ path: `/test/pages/prerendered.html?script=none&page=${page}` });
      const elements = [...doc.querySelectorAll(ELEMENTS)];
      expect(elements).to.have.length(3);
      // No script yet: what a reader sees before it arrives, and with none at all.
      expectReadable(elements);
      const before = await screenshot();
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = '/__test__/dist/therapy-widgets.js';
      doc.head.append(script);
      await waitUntil(() => elements.every(takenOver), 'the cards were not taken over', { timeout: 8000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(differingPixels(before, await screenshot()), 'pixels changed by the take-over').to.equal(0);
      expectReadable(elements);
    });
  }

  it('without its stylesheet (a 404) a card is plain readable text: every icon at most 1.5em, nothing over the text', async () => {
    const { doc } = await openPage({ path: '/test/pages/prerendered.html?script=none&page=light&css=missing' });
    const elements = [...doc.querySelectorAll(ELEMENTS)];
    const icons = elements.flatMap((el) => [...el.shadowRoot!.querySelectorAll('svg')]);
    expect(icons.length, 'the therapy card draws its risk icon').to.be.greaterThan(0);
    for (const el of elements) {
      expect(getComputedStyle(el.shadowRoot!.querySelector('.frame')!).borderTopStyle, 'the stylesheet really is missing').to.equal('none');
      const texts = [...el.shadowRoot!.querySelectorAll('*')].flatMap((node) => textRects(node));
      expect(texts.length).to.be.greaterThan(5);
      for (const icon of el.shadowRoot!.querySelectorAll('svg')) {
        const box = icon.getBoundingClientRect();
        const em = parseFloat(getComputedStyle(icon.parentElement!).fontSize);
        expect(box.width, 'icon width').to.be.at.most(1.5 * em);
        expect(box.height, 'icon height').to.be.at.most(1.5 * em);
        for (const text of texts) expect(overlap(box, text), 'an icon over text').to.be.below(1);
      }
    }
  });

  const sanitizers: Record<string, (html: string) => string> = {
    "DOMPurify's default config": (html) => DOMPurify.sanitize(html),
    'a pass that strips scripts, templates and unknown elements': (html) => {
      const body = new DOMParser().parseFromString(`<body>${html}`, 'text/html').body;
      body.querySelectorAll('script, template').forEach((node) => node.remove());
      for (const node of [...body.querySelectorAll('*')].reverse()) {
        if (node instanceof HTMLUnknownElement || node.localName.includes('-')) node.replaceWith(...node.childNodes);
      }
      return body.innerHTML;
    },
  };

  for (const [name, sanitize] of Object.entries(sanitizers)) {
    it(`after ${name}, each card's text stays apart from the next paragraph, behind a visible rule`, async () => {
      const source = new DOMParser().parseFromString(await (await fetch('/test/pages/prerendered.html?script=none')).text(), 'text/html');
      for (const card of source.querySelectorAll(ELEMENTS)) {
        const cleaned = sanitize(card.outerHTML);
        expect(cleaned).not.to.contain(`<${card.localName}`);
        const { doc } = await openPage({
          html: `<!doctype html><html lang="en"><head><style>body { font: 18px/1.6 Georgia, serif; max-width: 40em; margin: 1em }</style></head>
            <body><p id="before">The blogger's paragraph before.</p>${cleaned}<p id="after">The blogger's next paragraph.</p></body></html>`,
        });
        const after = doc.getElementById('after')!;
        const between = [...doc.body.querySelectorAll('*')].filter((node) => node.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING && !node.contains(after));
        const lastText = between.flatMap((node) => textRects(node)).reduce((low, rect) => Math.max(low, rect.bottom), 0);
        expect(lastText, `${card.localName}: the card's text is there`).to.be.greaterThan(doc.getElementById('before')!.getBoundingClientRect().bottom);
        const top = after.getBoundingClientRect().top;
        expect(lastText, `${card.localName}: its text runs into the next paragraph`).to.be.at.most(top);
        const rules = between.filter((node) => {
          const box = node.getBoundingClientRect();
          const style = getComputedStyle(node);
          return box.top >= lastText && box.bottom <= top && box.width > 100 && (parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none');
        });
        expect(rules.length, `${card.localName}: a rule drawn between the card's last text and the next paragraph`).to.be.at.least(1);
        doc.defaultView!.frameElement!.remove();
      }
    });
  }
});
