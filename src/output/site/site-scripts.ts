/**
 * The site's own browser scripts, classic scripts run with `defer` (a strict
 * CSP allows them as files; WordPress's sandboxed frame runs them with an
 * opaque origin, where a module script from the site would need CORS): their
 * file names and their text.
 */
import { ELEMENTS } from '../registry.js';
import { copyButtonsScript } from './copy-buttons.js';
import { frameResizeScript } from './frame-resize.js';
import { frameViewScript } from './frame-view.js';
import { reviewDueScript } from './review-due.js';

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

/** Each script's file name and JavaScript text. */
export function siteScriptFiles(): [string, string][] {
  return [
    [SITE_SCRIPTS.copyButtons, copyButtonsScript()],
    [SITE_SCRIPTS.reviewDue, reviewDueScript()],
    [SITE_SCRIPTS.frameView, frameViewScript(ELEMENTS)],
    [SITE_SCRIPTS.frameResize, frameResizeScript()],
  ];
}
