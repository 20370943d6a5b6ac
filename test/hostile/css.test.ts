// A host page with Bootstrap and an aggressive `* { ... !important }` reset
// (test/pages/hostile/reset.css): nothing of it may reach into the cards.
// The same page with its stylesheets disabled is the reference.
import { expect } from '@open-wc/testing';
import { closePages, describeElement, openPage, settled, shadowElements, type Page } from './frame.js';

const PAGE = '/test/pages/hostile-css.html';

/**
 * What a host style could change inside a card. Not compared: sizes that follow
 * the width the page gives the card, and font-family, which the SPEC has
 * inherit from the host (checked on its own below).
 */
const PROPERTIES = [
  'color',
  '-webkit-text-fill-color',
  '-webkit-text-stroke-width',
  'background-color',
  'border-top-width',
  'border-right-width',
  'border-bottom-width',
  'border-left-width',
  'border-top-style',
  'border-top-color',
  'border-top-left-radius',
  'box-shadow',
  'box-sizing',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'display',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant-caps',
  'font-stretch',
  'font-feature-settings',
  'font-size-adjust',
  'font-kerning',
  'font-optical-sizing',
  'font-synthesis-weight',
  'font-synthesis-style',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'text-indent',
  'text-shadow',
  'white-space-collapse',
  'text-wrap-mode',
  'word-break',
  'list-style-type',
  'list-style-position',
  'text-align-last',
  'text-underline-position',
  'text-decoration-skip-ink',
  'text-emphasis-style',
  'line-break',
  'tab-size',
  'caret-color',
];

/** The painted box of the host element itself: what a page's `*` rule puts around a card. */
const HOST_BOX: Record<string, string> = {
  'border-top-width': '0px',
  'border-right-width': '0px',
  'border-bottom-width': '0px',
  'border-left-width': '0px',
  'padding-top': '0px',
  'padding-right': '0px',
  'padding-bottom': '0px',
  'padding-left': '0px',
  'background-color': 'rgba(0, 0, 0, 0)',
  'box-shadow': 'none',
};

const IDS = ['full', 'compact-dark', 'teaser', 'quote', 'error'];

function snapshot(page: Page, id: string): { where: string; style: Record<string, string> }[] {
  const host = page.doc.getElementById(id)!;
  return shadowElements(host).map((el, index) => {
    const computed = page.win.getComputedStyle(el);
    return {
      where: `#${id} ${describeElement(el)} (${index})`,
      style: Object.fromEntries(PROPERTIES.map((p) => [p, computed.getPropertyValue(p)])),
    };
  });
}

describe('hostile host: Bootstrap and an aggressive global reset', () => {
  let hostile: Page;
  let clean: Page;

  before(async () => {
    hostile = await openPage(PAGE);
    clean = await openPage(PAGE);
    clean.doc.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]').forEach((link) => {
      link.disabled = true;
    });
    await settled(hostile.doc);
    await settled(clean.doc);
    // What is meant to pass in: the size of the text around a card, and (theme="auto") its colour (SPEC section 3).
    // The clean page gets the same size and colour around each card, so every other style can be compared.
    for (const id of IDS) {
      const around = hostile.win.getComputedStyle(hostile.doc.getElementById(id)!);
      Object.assign(clean.doc.getElementById(id)!.style, { fontSize: around.fontSize, color: around.color });
    }
  });

  after(closePages);

  it('the host page really is hostile: its own text is red Georgia with lime borders', () => {
    const lead = hostile.doc.querySelector('.lead')!;
    const style = hostile.win.getComputedStyle(lead);
    expect(style.color).to.equal('rgb(255, 0, 0)');
    expect(style.borderTopWidth).to.equal('5px');
    expect(style.fontFamily).to.contain('Georgia');
    expect(hostile.win.getComputedStyle(hostile.doc.body).getPropertyValue('--bs-body-font-family')).to.not.equal('');
    expect(clean.win.getComputedStyle(clean.doc.querySelector('.lead')!).color).to.not.equal('rgb(255, 0, 0)');
  });

  it('renders every card in both pages', () => {
    for (const page of [hostile, clean]) {
      expect(IDS.map((id) => page.doc.getElementById(id)!.getAttribute('state'))).to.deep.equal(['ready', 'ready', 'ready', 'ready', 'error']);
    }
  });

  it('nothing of the page CSS reaches inside a card: every element computes the same styles as on a clean page', () => {
    // property → what leaked, and where
    const leaks = new Map<string, { got: string; want: string; where: string[] }>();
    for (const id of IDS) {
      const a = snapshot(hostile, id);
      const b = snapshot(clean, id);
      expect(a.map((x) => x.where), `the same elements in #${id}`).to.deep.equal(b.map((x) => x.where));
      a.forEach((item, i) => {
        for (const property of PROPERTIES) {
          const want = b[i]!.style[property]!;
          const got = item.style[property]!;
          if (got === want) continue;
          const leak = leaks.get(property) ?? { got, want, where: [] };
          leak.where.push(item.where);
          leaks.set(property, leak);
        }
      });
    }
    const summary = [...leaks].map(
      ([property, { got, want, where }]) => `${property}: ${got} instead of ${want}, in ${where.length} elements (${where.slice(0, 3).join(', ')}, …)`,
    );
    expect(summary, `the page's CSS reaches inside the cards:\n${summary.join('\n')}`).to.deep.equal([]);
  });

  it('the text takes the size of the text around it, as the SPEC says', () => {
    for (const id of IDS) {
      const host = hostile.doc.getElementById(id)!;
      const frame = host.shadowRoot!.querySelector('.frame')!;
      expect(hostile.win.getComputedStyle(frame).fontSize, `#${id}`).to.equal(hostile.win.getComputedStyle(host).fontSize);
    }
  });

  it('the font family inherits from the host, as the SPEC says', () => {
    for (const page of [hostile, clean]) {
      for (const id of IDS) {
        const host = page.doc.getElementById(id)!;
        const frame = host.shadowRoot!.querySelector('.frame')!;
        expect(page.win.getComputedStyle(frame).fontFamily, `#${id}`).to.equal(page.win.getComputedStyle(host).fontFamily);
      }
    }
    expect(hostile.win.getComputedStyle(hostile.doc.getElementById('full')!.shadowRoot!.querySelector('.frame')!).fontFamily).to.contain('Georgia');
  });

  it('the card elements themselves get no border, padding, background or shadow from the page reset', () => {
    const leaks = new Set<string>();
    for (const id of IDS) {
      const style = hostile.win.getComputedStyle(hostile.doc.getElementById(id)!);
      for (const [property, want] of Object.entries(HOST_BOX)) {
        const got = style.getPropertyValue(property);
        if (got !== want) leaks.add(`${property}: ${got} (want ${want})`);
      }
    }
    expect([...leaks], `every card element (${IDS.join(', ')}) has:\n${[...leaks].join('\n')}`).to.deep.equal([]);
  });

  it("the page's intended inherited styles still apply: Bootstrap's .invisible and .pe-none hide the card inside them", () => {
    const card = hostile.doc.getElementById('hidden')!;
    expect(card.getAttribute('state')).to.equal('ready');
    for (const el of [card.shadowRoot!.querySelector('.frame')!, card.shadowRoot!.querySelector('.heading')!]) {
      const style = hostile.win.getComputedStyle(el);
      expect(style.visibility, describeElement(el)).to.equal('hidden');
      expect(style.pointerEvents, describeElement(el)).to.equal('none');
    }
  });

  it('no uncaught error, no CSP or console noise beyond the missing id', () => {
    expect(hostile.win.__report.errors).to.deep.equal([]);
    expect(hostile.win.__report.warnings.filter((w) => !w.includes('no-such-therapy'))).to.deep.equal([]);
  });
});
