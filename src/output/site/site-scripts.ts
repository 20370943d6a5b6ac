/**
 * The site's own browser scripts, classic scripts run with `defer` (a strict
 * CSP allows them as files; WordPress's sandboxed frame runs them with an
 * opaque origin, where a module script from the site would need CORS).
 * Written in src/output/site/browser/, compiled into dist/site/ by the build.
 */
export const SITE_SCRIPTS = {
  /** The catalogue's copy buttons. */
  copyButtons: 'copy-buttons.js',
  /** Shows a card's due-for-review notice from the day it falls due. */
  reviewDue: 'review-due.js',
  /** In the iframe view: reports the height, hands links to the framing page, follows `#theme=`. */
  frameView: 'frame-view.js',
  /** On a page that embeds the iframe code: sizes the site's frames from their own messages. */
  frameResize: 'frame-resize.js',
} as const;
