/**
 * `frame-resize.js`: the classic script a page loads next to the site's
 * iframe code (`<script src="https://cards.example.org/therapy/frame-resize.js" defer>`)
 * so each framed card is as tall as its content.
 *
 * API
 * - `frameResizeScript(): string`: the script's JavaScript text, to write
 *   into the site as `frame-resize.js` (no imports; runs as a classic script).
 * - `frameResize(config)`: the script itself (what the text calls), for tests.
 *
 * What it does: it listens for `{ type: 'therapy-widgets:height', id, height }`
 * (frame-protocol.ts) and sets the height of exactly the `<iframe>` whose
 * window sent it, when that frame's `src` is on the script's own site: the
 * origin of the script's own `src`, read once at start through the
 * prototypes' getters (a page's `<img name="currentScript">` cannot fake it).
 * Everything else is ignored: other message shapes, a message from a window
 * that is not one of the page's iframes (the page itself, a frame's frame),
 * from a frame on another site or a `srcdoc` frame, a height that is not a
 * finite number. Heights are rounded and clamped to 32-10000 px, set as the
 * `height` attribute and as `style.height` (CSSOM, which a strict CSP allows),
 * so a theme's `iframe { height: … }` does not win. Frames added after load
 * count: the frame list is looked up on every message. Frames that were
 * there before the script ran (it is deferred; a frame may load first and
 * post its height to nobody) are asked once to measure again
 * (`{ type: 'therapy-widgets:measure' }`, to frames on the site only).
 *
 * Sandboxed frames: WordPress-style `sandbox="allow-scripts"` gives the frame
 * an opaque origin, so its messages arrive with `event.origin === "null"`.
 * Such a message is accepted only when `event.source` is the window of one of
 * the page's iframes and that iframe's `src` is on the script's site: the
 * page itself pointed that frame at our site. A message with a real origin
 * must also come from our site. The rest of the risk is bounded: a frame of
 * ours that navigated itself elsewhere could only resize its own frame,
 * within the clamp (our frame view never navigates itself).
 *
 * No script element (an inline copy, a clobbered `currentScript`): the script
 * knows no site and does nothing.
 */
import { HEIGHT_MESSAGE, MAX_FRAME_HEIGHT, MEASURE_MESSAGE, MIN_FRAME_HEIGHT, classicScript } from './frame-protocol.js';

export interface FrameResizeConfig {
  /** The `type` of our height message. */
  type: string;
  /** The `type` of the message that asks a frame for its height again. */
  measure: string;
  min: number;
  max: number;
}

export function frameResize(config: FrameResizeConfig): void {
  const doc = document;
  const read = {
    get<T>(proto: object, name: string, target: unknown): T {
      return (Object.getOwnPropertyDescriptor(proto, name)!.get as (this: unknown) => T).call(target);
    },
    /** The origin of a URL, or 'null' for anything that is not one. */
    origin(url: string): string {
      try {
        return url ? new URL(url).origin : 'null';
      } catch {
        return 'null';
      }
    },
  };
  const script = read.get<unknown>(Document.prototype, 'currentScript', doc);
  if (!(script instanceof HTMLScriptElement)) return;
  const site = read.origin(read.get<string>(HTMLScriptElement.prototype, 'src', script));
  if (site === 'null') return;
  // A live list: frames added to the page later are in it.
  const frames = Document.prototype.getElementsByTagName.call(doc, 'iframe') as HTMLCollectionOf<HTMLIFrameElement>;

  const sized = {
    /** The frame's window when it is a frame of the site (not srcdoc), else null. */
    ours(frame: HTMLIFrameElement): Window | null {
      if (Element.prototype.hasAttribute.call(frame, 'srcdoc')) return null;
      if (read.origin(read.get<string>(HTMLIFrameElement.prototype, 'src', frame)) !== site) return null;
      return read.get<Window | null>(HTMLIFrameElement.prototype, 'contentWindow', frame);
    },
  };
  EventTarget.prototype.addEventListener.call(window, 'message', function (event) {
    const message = event as MessageEvent;
    const data = message.data;
    if (!data || typeof data !== 'object' || data.type !== config.type) return;
    if (message.origin !== site && message.origin !== 'null') return;
    const height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i]!;
      if (read.get<Window | null>(HTMLIFrameElement.prototype, 'contentWindow', frame) !== message.source) continue;
      if (!sized.ours(frame)) return;
      const value = Math.round(Math.min(config.max, Math.max(config.min, height)));
      Element.prototype.setAttribute.call(frame, 'height', String(value));
      read.get<CSSStyleDeclaration>(HTMLElement.prototype, 'style', frame).height = value + 'px';
      return;
    }
  });
  for (let i = 0; i < frames.length; i++) {
    // '*': a sandboxed frame's origin is opaque and matches no origin we could name.
    const view = sized.ours(frames[i]!);
    if (view) view.postMessage({ type: config.measure }, '*');
  }
}

/** The JavaScript text of `frame-resize.js`. */
export function frameResizeScript(): string {
  return classicScript(frameResize, { type: HEIGHT_MESSAGE, measure: MEASURE_MESSAGE, min: MIN_FRAME_HEIGHT, max: MAX_FRAME_HEIGHT });
}
