import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import { emailDocument, exportEmail } from '../../src/output/email.js';
import type { ContentElement } from '../../src/internal/content-element.js';
import { ELEMENTS } from '../../src/output/registry.js';
import { contrast, parseHtml } from './helpers.js';

/** The nearest inline value of `property` at or above `element` (a table's `bgcolor` counts as a background). */
function own(element: Element | null, property: string): string | undefined {
  for (let node = element; node; node = node.parentElement) {
    const match = new RegExp(`(?:^|;)${property}:([^;]+)`).exec(node.getAttribute('style') ?? '');
    if (match) return match[1];
    if (property === 'background-color' && node.getAttribute('bgcolor')) return node.getAttribute('bgcolor')!;
    if (node.localName === 'body') return undefined;
  }
  return undefined;
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

type Rendered = ContentElement<unknown>;

/** Gmail, Outlook (Windows and the Windows Mail app; the caniemail data has no Outlook.com entry) and Apple Mail. */
const CLIENTS = ['gmail.*', 'outlook.windows', 'outlook.windows-mail', 'apple-mail.*'];
/** Gmail clips a message above this many bytes. */
const GMAIL_CLIP_BYTES = 102 * 1024;

interface Findings {
  errors: string[];
  warnings: string[];
}

/** Every item of the default bundle, rendered by its element in `theme`. */
async function everyItem(theme: string): Promise<Rendered[]> {
  const bundle = (await (await fetch('/src/content/all-immune-therapies.json')).json()) as Record<string, { id: string }[]>;
  const out: Rendered[] = [];
  for (const entry of ELEMENTS) {
    for (const item of bundle[entry.kind]!) {
      const el = document.createElement(entry.tag) as Rendered;
      el.setAttribute(entry.idAttribute, item.id);
      el.setAttribute('theme', theme);
      el.bundle = bundle;
      out.push(el);
    }
  }
  const host = await fixture<HTMLElement>(html`<div style="width: 600px"></div>`);
  host.append(...out);
  await waitUntil(() => out.every((el) => el.state === 'ready'), 'items did not render', { timeout: 8000 });
  await Promise.all(out.map((el) => el.updateComplete));
  return out;
}

const label = (el: Element) => `${el.localName} ${el.getAttribute('therapy') ?? el.getAttribute('article') ?? el.getAttribute('quote')}`;

describe('e-mail HTML in real mail clients', () => {
  for (const theme of ['light', 'dark']) {
    it(`has no error-level caniemail finding for Gmail, Outlook and Apple Mail, and stays under Gmail's clipping size (${theme})`, async () => {
      const errors = new Set<string>();
      for (const el of await everyItem(theme)) {
        const { html: email } = exportEmail(el);
        const findings = (await executeServerCommand('doiuse-email', { html: email, clients: CLIENTS })) as Findings;
        for (const error of findings.errors) errors.add(`${label(el)}: ${error}`);
        expect(new TextEncoder().encode(email).length, label(el)).to.be.below(GMAIL_CLIP_BYTES);
      }
      expect([...errors]).to.deep.equal([]);
    });
  }

  it('keeps text readable when a client forces dark mode: every text has its own colour on the e-mail’s own background', async () => {
    for (const theme of ['light', 'dark']) {
      for (const el of await everyItem(theme)) {
        const email = exportEmail(el);
        const doc = parseHtml(email.html);
        const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent!.trim()) continue;
          const parent = node.parentElement!;
          const color = /(?:^|;)color:([^;]+)/.exec(parent.getAttribute('style') ?? '')?.[1];
          const background = own(parent, 'background-color');
          expect(color, `${label(el)}: colour of "${node.textContent}"`).to.match(/^#[0-9a-f]{6}$/);
          expect(background, `${label(el)}: background of "${node.textContent}"`).to.match(/^#[0-9a-f]{6}$/);
          expect(contrast(rgb(color!), rgb(background!)), `${label(el)} "${node.textContent}"`).to.be.at.least(4.5);
        }
        const page = new DOMParser().parseFromString(emailDocument(email, 'en'), 'text/html');
        expect(page.querySelector('meta[name="color-scheme"]')!.getAttribute('content')).to.equal(`only ${theme}`);
        expect(page.body.querySelector('table')).not.to.equal(null);
      }
    }
  });

  it('comes with a plain-text version holding the same text and links', async () => {
    const [card] = await everyItem('light');
    const { html: email, text } = exportEmail(card!);
    const doc = parseHtml(email);
    expect(text).not.to.contain('<');
    expect(text).to.contain(doc.querySelector('h3')!.textContent!.trim());
    for (const link of doc.querySelectorAll('a')) expect(text).to.contain(`(${link.getAttribute('href')})`);
    expect(text).to.match(/\n- \S/);
    expect(text).to.match(/\S\n\n\S/);
  });
});
