import { css } from 'lit';

/**
 * What every content element shares: the public tokens read through fallback
 * chains (never declared on :host, so a page can set them on any ancestor),
 * the light and dark themes, a reset against the host page's inherited text
 * styles, and the loading and error states.
 */
export const styles = css`
  :host {
    display: block;
    min-width: 0;
    /* theme="auto" (the default) is drawn in the page's own colours, so it
       fits a dark page and a light one alike with no script and no detection:
       no surface of its own, the text colour the page gives it, and tints,
       borders and the warning drawn from that colour. Links and the focus
       ring take the text colour too (links stay underlined): every text and
       boundary has at least the page's own text contrast. */
    --_accent: var(--therapy-accent, currentColor);
    --_surface: var(--therapy-surface, transparent);
    --_text: var(--therapy-text, currentColor);
    --_muted: var(--therapy-muted, currentColor);
    --_border: var(--therapy-border, color-mix(in srgb, currentColor 40%, transparent));
    --_subtle: var(--therapy-subtle, color-mix(in srgb, currentColor 7%, transparent));
    --_focus: var(--therapy-focus, currentColor);
    --_warning: var(--therapy-warning, currentColor);
    --_warning-surface: var(--therapy-warning-surface, color-mix(in srgb, currentColor 6%, transparent));
    --_radius: var(--therapy-radius, 12px);
    --_space: var(--therapy-space, 1em);
  }

  /* The forced themes paint their own surface and set the text colours that
     go with it: each colour is light-dark(light theme, dark theme), and every
     text colour meets WCAG AA (4.5:1) on its surface in both, the warning
     colours on the warning surface too. */
  :host([theme='light']),
  :host([theme='dark']) {
    --_accent: var(--therapy-accent, light-dark(#1f5fa8, #8cc4ff));
    --_surface: var(--therapy-surface, light-dark(#ffffff, #161b22));
    --_text: var(--therapy-text, light-dark(#1b1f24, #e6edf3));
    --_muted: var(--therapy-muted, light-dark(#4f5965, #a9b4c0));
    --_border: var(--therapy-border, light-dark(#c9d1d9, #3d4753));
    --_subtle: var(--therapy-subtle, light-dark(#f3f5f8, #1f2630));
    --_focus: var(--therapy-focus, light-dark(#1f5fa8, #8cc4ff));
    --_warning: var(--therapy-warning, light-dark(#8a4600, #f2b866));
    --_warning-surface: var(--therapy-warning-surface, light-dark(#fff7e8, #2a2110));
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  :host([hidden]) {
    display: none;
  }

  /*
   * The host's own box belongs to the card: a page's global reset
   * (* { border: ... !important }) must not draw around it. Important
   * declarations of a shadow tree win over the page's important ones. Place
   * the card with margin; restyle its frame with ::part(card).
   */
  :host {
    border: none !important;
    padding: 0 !important;
    background: none !important;
    box-shadow: none !important;
  }

  /* The frame of every state: paints its own surface and text colour. It
     starts from initial values, so no inherited text style of the host page
     (fill colour, small caps, word-break...) passes down; only the font family
     is taken from the page, on purpose. */
  .frame {
    all: initial;
    /* all: initial must not undo what a page means to pass down: hiding a
       container (visibility: hidden) or disabling it (pointer-events: none). */
    visibility: inherit;
    pointer-events: inherit;
    cursor: inherit;
    color-scheme: inherit;
    display: block;
    /* The container lives inside the shadow root, where a page's all: unset cannot reach it. */
    container-type: inline-size;
    box-sizing: border-box;
    margin: 0;
    padding: var(--therapy-card-padding, calc(var(--_space) * 1.25));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--therapy-font-family, inherit);
    /* The size of the text around the card (a 19 px blog gives 19 px text),
       never below 16 px: not rem, so html { font-size: 62.5% } cannot shrink it. */
    font-size: var(--therapy-font-size, max(1em, 16px));
    font-style: normal;
    font-weight: 400;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    overflow-wrap: anywhere;
    hyphens: manual;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  h1, h2, h3, h4, h5, h6, p, ul, ol, dl, dd, figure, blockquote {
    margin: 0;
    padding: 0;
  }

  /* The type scale: title 1.5, section headings 1.2, body 1, notes 0.875
     (never below 16 px). */
  .heading {
    font-size: 1.5em;
    line-height: 1.2;
    font-weight: 700;
    color: var(--_text);
    text-wrap: balance;
  }

  .subheading {
    font-size: 1.2em;
    font-weight: 700;
    line-height: 1.3;
    color: var(--_text);
  }

  .note {
    font-size: max(0.875em, 16px);
  }

  /* Lines a reader can follow on a wide page. */
  p,
  li {
    max-inline-size: 75ch;
  }

  a {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  a:hover {
    text-decoration-thickness: 0.15em;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }

  .muted {
    color: var(--_muted);
  }

  /* Loading: a quiet block of about the card's height, so nothing jumps. Its
     three bars are backgrounds of one element, and it does not animate: a
     page of 100 loading cards lays out 100 boxes, not 400, and repaints none. */
  .placeholder {
    min-height: var(--_placeholder-height, 12em);
    background:
      linear-gradient(var(--_subtle), var(--_subtle)) 0 0 / 60% 1.5em no-repeat,
      linear-gradient(var(--_subtle), var(--_subtle)) 0 2.25em / 100% 1em no-repeat,
      linear-gradient(var(--_subtle), var(--_subtle)) 0 4em / 80% 1em no-repeat,
      var(--_surface);
    background-origin: content-box;
  }

  .status {
    color: var(--_text);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  ::slotted(*) {
    max-inline-size: 100%;
  }

  /* Sections that fold: native details, so keyboard and screen readers work
     as they do everywhere. Chromium opens a closed one when find-in-page
     (Ctrl+F) matches its text. */
  .fold > summary {
    display: flex;
    align-items: flex-start;
    gap: 0.6em;
    padding-block: 0.4em;
    cursor: pointer;
    list-style: none;
  }

  .fold > summary::-webkit-details-marker {
    display: none;
  }

  /* The arrow: a chevron drawn with two borders in a square box, turned
     about its centre, so it sits at the same height open and closed. The
     box is centred on the heading's first line (1.2em text, line height 1.3). */
  .fold > summary::before {
    content: '';
    flex: none;
    inline-size: 0.55em;
    block-size: 0.55em;
    margin-block-start: calc(0.78em - 0.275em);
    margin-inline: 0.15em 0.1em;
    border-block-end: 0.16em solid var(--_accent);
    border-inline-end: 0.16em solid var(--_accent);
    rotate: -45deg;
    transition: rotate 0.15s;
  }

  /* Open, it points down; a V sits lower in its box than a >, so it moves up by the difference. */
  .fold[open] > summary::before {
    rotate: 45deg;
    translate: 0 -0.14em;
  }

  .fold:dir(rtl) > summary::before {
    rotate: 45deg;
  }

  .fold:dir(rtl)[open] > summary::before {
    rotate: -45deg;
  }

  /* A callout that does not rely on colour: an icon, a heading and a border. */
  .callout {
    padding: 0.75em 1em;
    border: 2px solid var(--_warning);
    border-inline-start-width: 0.4em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_warning-surface);
  }

  /* Due for review: calm and visible at the top, never covering the content. */
  .notice {
    margin-block-end: calc(var(--_space) * 0.75);
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-inline-start: 0.3em solid var(--_accent);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_subtle);
    color: var(--_text);
    font-size: max(0.875em, 16px);
  }

  /* Size and fill are the SVG's own attributes: without this stylesheet an icon keeps them. */
  .icon {
    flex: none;
    vertical-align: -0.15em;
  }

  @media (prefers-reduced-motion: reduce) {
    .fold > summary::before {
      transition: none;
    }
  }

  /* Patients print cards for appointments: black on white, every link's
     address written out, folded sections open. */
  @media print {
    :host,
    :host([theme]) {
      color-scheme: light;
      --_accent: #000;
      --_surface: #fff;
      --_text: #000;
      --_muted: #000;
      --_border: #000;
      --_subtle: transparent;
      --_warning: #000;
      --_warning-surface: transparent;
    }

    .frame {
      box-shadow: none;
    }

    a[href]::after {
      content: ' (' attr(href) ')';
      overflow-wrap: anywhere;
    }

    .fold:not([open])::details-content {
      content-visibility: visible;
    }

    .fold > summary::before {
      content: none;
    }

    .callout,
    li,
    .fold > summary {
      break-inside: avoid;
    }
  }

  /* Windows high contrast: every token becomes a system colour, so text,
     boundaries, links and focus rings take the user's palette; a visible line
     stands wherever a fill marked a boundary. */
  @media (forced-colors: active) {
    :host,
    :host([theme]) {
      --_accent: LinkText;
      --_surface: Canvas;
      --_text: CanvasText;
      --_muted: CanvasText;
      --_border: CanvasText;
      --_subtle: Canvas;
      --_focus: Highlight;
      --_warning: CanvasText;
      --_warning-surface: Canvas;
    }
  }
`;
