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
    /* Each colour is light-dark(light theme, dark theme), picked by the
       color-scheme that the theme attribute sets; every text colour meets
       WCAG AA (4.5:1) on its surface in both. */
    color-scheme: light;
    --_accent: var(--therapy-accent, light-dark(#1f5fa8, #8cc4ff));
    --_surface: var(--therapy-surface, light-dark(#ffffff, #161b22));
    --_text: var(--therapy-text, light-dark(#1b1f24, #e6edf3));
    --_muted: var(--therapy-muted, light-dark(#4f5965, #a9b4c0));
    --_border: var(--therapy-border, light-dark(#c9d1d9, #3d4753));
    --_subtle: var(--therapy-subtle, light-dark(#f3f5f8, #1f2630));
    --_focus: var(--therapy-focus, light-dark(#1f5fa8, #8cc4ff));
    --_radius: var(--therapy-radius, 12px);
    --_space: var(--therapy-space, 1em);
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  /* auto: follows prefers-color-scheme. */
  :host([theme='auto']) {
    color-scheme: light dark;
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
    /* medium, not 1rem: a page's html { font-size: 62.5% } must not shrink the card. */
    font-size: var(--therapy-font-size, medium);
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

  .heading {
    font-size: 1.35em;
    line-height: 1.25;
    font-weight: 700;
    color: var(--_text);
    text-wrap: balance;
  }

  .subheading {
    font-size: 1em;
    font-weight: 700;
    line-height: 1.3;
    color: var(--_text);
  }

  a {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  a:hover {
    text-decoration-thickness: 0.15em;
  }

  a:focus-visible,
  summary:focus-visible {
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
    max-width: 100%;
  }
`;
