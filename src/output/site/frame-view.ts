/**
 * `frame-view.js`: the classic script of an item's iframe view
 * (`frame/ID.html`, the pre-rendered card alone), loaded from the site with
 * `<script src="../frame-view.js" defer>`. The card reads fine without it;
 * the script only talks to the page that frames it. It uses no storage, no
 * fetch and no module, so it runs in WordPress's `sandbox="allow-scripts"`
 * frame (an opaque origin).
 *
 * API
 * - `frameViewScript(cards: readonly FrameCard[]): string`: the script's
 *   JavaScript text, to write into the site as `frame-view.js`. `cards` are
 *   the content elements as `{ tag, idAttribute }`: pass the element
 *   registry (`ELEMENTS` of src/output/registry.ts; only those two fields are
 *   kept). The theme is set on these elements, and the item's `id` in our
 *   messages is the first one's id attribute (`<therapy-card therapy="car-t">`
 *   → `car-t`).
 * - `frameView(config)`: the script itself (what the text calls), for tests.
 * The page should carry `<link rel="canonical" href="ITEM PAGE">`: outside
 * links lead there.
 *
 * Height: whenever the document's height changes (ResizeObserver on the root
 * element: a fold opened, a font loaded, the width changed and the text
 * rewrapped), again when its address changes (WordPress may add the
 * secret after load) and when the framing page asks (from `parent`: our
 * `{ type: 'therapy-widgets:measure' }`, or WordPress's `{ message: 'ready',
 * secret }` with the frame's secret, which wp-embed.js sends in case the
 * frame loaded before it), it posts to `parent` our
 * `{ type: 'therapy-widgets:height', id, height }` and, when the address holds
 * `#?secret=S` (WordPress adds it), WordPress's `{ message: 'height', value,
 * secret: S }`. The height is the root element's box, so the root must not be
 * given a fixed height.
 *
 * Links, when framed:
 * - In WordPress's frame (a secret) or any sandboxed frame (opaque origin),
 *   a click does not navigate the frame; it posts WordPress's `{ message:
 *   'link', value: URL, secret }` (with a secret) and our `{ type:
 *   'therapy-widgets:link', id, url: URL }`. URL is the link itself when it
 *   is on this site, else the item's own page (the canonical link): a
 *   sandbox with only allow-scripts opens no popup and cannot navigate the
 *   top page, and WordPress navigates only to the frame's own host, so
 *   outside sources are reached from the item's page.
 * - In an unsandboxed frame without a secret (our own iframe code), links
 *   navigate as links do, with a target added: `_top` for this site, `_blank`
 *   (with `noopener`) for outside sources.
 * Links inside the frame's own page (`#…`), and clicks with a modifier key or
 * another button, are left alone.
 *
 * Theme: `#theme=light` or `#theme=dark` in the frame's address (also with
 * WordPress's `#?secret=…` after it) sets the `theme` attribute of the cards
 * (CSS in the card's own stylesheet picks the colours; no style is written,
 * so `default-src 'self'` holds). Without it nothing is set and the card
 * follows the OS preference.
 */
import { HEIGHT_MESSAGE, LINK_MESSAGE, MEASURE_MESSAGE, classicScript } from './frame-protocol.js';

/** A content element: its tag and the attribute that names its item. */
export interface FrameCard {
  tag: string;
  idAttribute: string;
}

export interface FrameViewConfig {
  /** The `type` of our height and link messages, and of the page's request to measure again. */
  height: string;
  link: string;
  measure: string;
  cards: readonly FrameCard[];
}

export function frameView(config: FrameViewConfig): void {
  const win = window;
  const doc = document;
  const root = doc.documentElement;
  const framed = win.parent !== win;
  const selector = config.cards
    .map(function (card) {
      return card.tag;
    })
    .join(', ');
  const here = {
    id: '',
    secret(): string {
      const match = /[#?&]secret=([A-Za-z0-9]+)/.exec(location.hash);
      return match ? match[1]! : '';
    },
    theme(): string {
      const match = /[#?&]theme=(light|dark)(?![\w-])/.exec(location.hash);
      return match ? match[1]! : '';
    },
    /** Posts our message, and WordPress's when the address holds a secret. */
    post(ours: object, message: string, value: unknown): void {
      win.parent.postMessage(ours, '*');
      const secret = here.secret();
      if (secret) win.parent.postMessage({ message, value, secret }, '*');
    },
  };
  let reported = -1;
  const frame = {
    height(): void {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (!framed || height === reported) return;
      reported = height;
      here.post({ type: config.height, id: here.id, height }, 'height', height);
    },
    applyTheme(): void {
      const theme = here.theme();
      if (!theme) return;
      const cards = doc.querySelectorAll(selector);
      for (let i = 0; i < cards.length; i++) cards[i]!.setAttribute('theme', theme);
    },
    /** Where a click on `href` should take the reader from a frame that cannot navigate: this site, or the item's page. */
    destination(href: string): string {
      if (new URL(href).origin === location.origin) return href;
      const canonical = doc.querySelector('link[rel="canonical"]');
      return canonical instanceof HTMLLinkElement && canonical.href ? canonical.href : '';
    },
    click(event: MouseEvent): void {
      if (!framed || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const path = event.composedPath();
      let anchor: HTMLAnchorElement | undefined;
      for (let i = 0; i < path.length && !anchor; i++) {
        const node = path[i];
        if (node instanceof HTMLAnchorElement && node.href) anchor = node;
      }
      if (!anchor) return;
      const url = new URL(anchor.href);
      if (url.origin === location.origin && url.pathname === location.pathname && url.search === location.search) return;
      const ownSite = url.origin === location.origin;
      if (here.secret() || win.origin === 'null') {
        const value = frame.destination(url.href);
        if (!value) return;
        event.preventDefault();
        here.post({ type: config.link, id: here.id, url: value }, 'link', value);
        return;
      }
      if (anchor.target) return;
      anchor.target = ownSite ? '_top' : '_blank';
      if (!ownSite) anchor.relList.add('noopener', 'noreferrer');
    },
    start(): void {
      const card = doc.querySelector(selector);
      for (let i = 0; card && i < config.cards.length && !here.id; i++) {
        if (config.cards[i]!.tag === card.localName) here.id = card.getAttribute(config.cards[i]!.idAttribute) || '';
      }
      frame.applyTheme();
      new ResizeObserver(function () {
        frame.height();
      }).observe(root);
      win.addEventListener('hashchange', function () {
        frame.applyTheme();
        reported = -1;
        frame.height();
      });
      win.addEventListener('message', function (event) {
        const data = event.data;
        if (event.source !== win.parent || !data) return;
        if (data.type !== config.measure && !(data.message === 'ready' && data.secret && data.secret === here.secret())) return;
        reported = -1;
        frame.height();
      });
      doc.addEventListener('click', function (event) {
        frame.click(event);
      });
    },
  };
  if (doc.readyState === 'loading') {
    doc.addEventListener('DOMContentLoaded', function () {
      frame.start();
    });
  } else frame.start();
}

/** The JavaScript text of `frame-view.js`, for these content elements. */
export function frameViewScript(cards: readonly FrameCard[]): string {
  return classicScript(frameView, {
    height: HEIGHT_MESSAGE,
    link: LINK_MESSAGE,
    measure: MEASURE_MESSAGE,
    cards: cards.map(({ tag, idAttribute }) => ({ tag, idAttribute })),
  });
}
