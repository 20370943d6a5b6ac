/**
 * The messages between an item's iframe view and the page that frames it,
 * in one place for both scripts (frame-view.ts sends, frame-resize.ts
 * receives) and for their tests.
 *
 * Ours, from the frame to `parent`:
 * - `{ type: 'therapy-widgets:height', id, height }`: the frame's document is
 *   `height` CSS pixels tall (integer); `id` is the item's id.
 * - `{ type: 'therapy-widgets:link', id, url }`: the reader clicked a link;
 *   `url` is where it leads (absolute).
 * From the page to its frames:
 * - `{ type: 'therapy-widgets:measure' }`: report your height again. The
 *   resize script sends it once when it starts, to the frames of its site
 *   that were there before it: a frame that loaded first has already posted
 *   its height to a page that was not listening yet.
 * WordPress's (wp-includes/js/wp-embed.js), sent only when the frame's
 * address holds `#?secret=…`:
 * - `{ message: 'height', value: HEIGHT, secret }`
 * - `{ message: 'link', value: URL, secret }`: WordPress navigates the top
 *   page there when it is on the frame's host and the frame has focus.
 * and from WordPress's page to the frame: `{ message: 'ready', secret }`,
 * answered like our measure message.
 */

export const HEIGHT_MESSAGE = 'therapy-widgets:height';
export const LINK_MESSAGE = 'therapy-widgets:link';
export const MEASURE_MESSAGE = 'therapy-widgets:measure';

/** Heights the resize script sets, in CSS pixels: a card is never shorter than a line, never taller than this. */
export const MIN_FRAME_HEIGHT = 32;
export const MAX_FRAME_HEIGHT = 10000;

/**
 * The JavaScript text of a classic script that calls `run(config)`: the
 * function's own source (`Function.prototype.toString`), wrapped, with its
 * settings as JSON. So the script is type-checked TypeScript, importable in
 * tests, and needs no build step. `run` must stand alone: it reads only its
 * parameter and globals, never an import or a module variable. And it
 * declares no named inner function, class, or function stored in a variable
 * (only object-literal methods and anonymous callbacks): tsx (esbuild's
 * keepNames, how the CLI runs in a fresh clone) wraps those in a `__name()`
 * helper that the browser does not have. The tests load the text as tsx
 * makes it.
 */
export function classicScript<C>(run: (config: C) => void, config: C): string {
  return `(${run.toString()})(${JSON.stringify(config)});\n`;
}
