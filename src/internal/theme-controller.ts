import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { bodyOf, listen, rootOf, windowOf } from '../content/page.js';

export type Scheme = 'light' | 'dark';

/** What the controller needs of its element. */
export interface ThemedHost extends ReactiveControllerHost, HTMLElement {
  theme: 'light' | 'dark' | 'auto';
}

/** Relative luminance (WCAG) below which a background reads as dark: where black and white text contrast equally. */
const DARK_LUMINANCE = 0.179;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

let probe: OffscreenCanvasRenderingContext2D | null | undefined;

/** [r, g, b, alpha 0-1] of a computed colour: rgb() parsed, any other syntax (oklch(), color()...) painted on a 1×1 canvas. */
function rgba(color: string): number[] | undefined {
  if (color.startsWith('rgb')) return color.match(/[\d.]+/g)?.map(Number);
  probe ??= new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  if (!probe) return undefined;
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

/** The scheme of a computed background colour, or undefined when it is mostly see-through. */
function schemeOfColor(color: string): Scheme | undefined {
  const parts = rgba(color);
  if (!parts || parts.length < 3 || (parts[3] ?? 1) < 0.5) return undefined;
  const [r, g, b] = parts as [number, number, number];
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return luminance < DARK_LUMINANCE ? 'dark' : 'light';
}

/** The parent element, across shadow roots. */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** A `color-scheme` value that names one scheme only ('light', 'only dark'...), else undefined. */
function schemeOfDeclaration(value: string | null | undefined): Scheme | undefined {
  const words = (value ?? '').split(/\s+/);
  const light = words.includes('light');
  const dark = words.includes('dark');
  return light === dark ? undefined : dark ? 'dark' : 'light';
}

/**
 * The scheme of the page behind `element`: the nearest opaque background
 * (its own ancestors first, shadow hosts included), else the root's
 * `color-scheme` (CSS or `<meta name="color-scheme">`), else the operating
 * system's preference. `seen` caches each ancestor's answer during one pass.
 */
export function pageScheme(element: Element, seen = new Map<Element, Scheme | null>()): Scheme {
  const walked: Element[] = [];
  let found: Scheme | undefined;
  for (let current = parentOf(element); current; current = parentOf(current)) {
    const cached = seen.get(current);
    if (cached !== undefined) {
      found = cached ?? undefined;
      break;
    }
    walked.push(current);
    found = schemeOfColor(getComputedStyle(current).backgroundColor);
    if (found) break;
  }
  const doc = element.ownerDocument;
  if (!found) {
    found =
      schemeOfDeclaration(getComputedStyle(rootOf(doc)!).colorScheme) ??
      schemeOfDeclaration(Document.prototype.querySelector.call(doc, 'meta[name="color-scheme"]')?.getAttribute('content')) ??
      (windowOf(doc)?.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  }
  for (const element of walked) seen.set(element, found);
  return found;
}

/**
 * One set of listeners per page, whatever the number of cards: attribute
 * changes on `<html>` and `<body>` (a theme class, a data attribute, a style),
 * the end of a colour transition, and the OS preference. Each change
 * re-resolves every connected card in one pass.
 */
class PageWatcher {
  private readonly controllers = new Set<ThemeController>();
  private readonly pending = new Set<ThemeController>();
  private scheduled = false;
  private observer: MutationObserver | undefined;
  private media: MediaQueryList | undefined;
  private readonly everything = () => this.schedule(this.controllers);
  private readonly mutated = () => {
    this.watchBody();
    this.everything();
  };
  private readonly transitioned = (event: TransitionEvent) => {
    if (/color|background/.test(event.propertyName)) this.everything();
  };
  private bodyWatched = false;

  constructor(private readonly doc: Document) {}

  add(controller: ThemeController): void {
    this.controllers.add(controller);
    if (!this.observer) this.start();
    this.schedule([controller]);
  }

  delete(controller: ThemeController): void {
    this.controllers.delete(controller);
    this.pending.delete(controller);
    if (!this.controllers.size) this.stop();
  }

  /** Resolves `controllers` in the next microtask: before the next paint, one style pass for all. */
  schedule(controllers: Iterable<ThemeController>): void {
    for (const controller of controllers) this.pending.add(controller);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      const seen = new Map<Element, Scheme | null>();
      const batch = [...this.pending];
      this.pending.clear();
      for (const controller of batch) controller.resolve(seen);
    });
  }

  private start(): void {
    this.observer = new MutationObserver(this.mutated);
    // childList: a <body> parsed after the first card is watched once it arrives.
    this.observer.observe(rootOf(this.doc)!, { attributes: true, childList: true });
    this.watchBody();
    listen(this.doc, 'transitionend', this.transitioned);
    this.media = windowOf(this.doc)?.matchMedia('(prefers-color-scheme: dark)');
    this.media?.addEventListener('change', this.everything);
  }

  private watchBody(): void {
    const body = bodyOf(this.doc);
    if (this.bodyWatched || !body || !this.observer) return;
    this.observer.observe(body, { attributes: true });
    this.bodyWatched = true;
  }

  private stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.bodyWatched = false;
    listen(this.doc, 'transitionend', this.transitioned, false);
    this.media?.removeEventListener('change', this.everything);
    this.media = undefined;
  }
}

const watchers = new WeakMap<Document, PageWatcher>();

function watcherFor(doc: Document): PageWatcher {
  let watcher = watchers.get(doc);
  if (!watcher) {
    watcher = new PageWatcher(doc);
    watchers.set(doc, watcher);
  }
  return watcher;
}

/**
 * Gives its element the custom state `light` or `dark` (`:host(:state(dark))`
 * in CSS): the `theme` it forces, or with `theme="auto"` the scheme of the
 * page it sits on, kept up to date while the page switches.
 */
export class ThemeController implements ReactiveController {
  private internals: ElementInternals | undefined;
  private watcher: PageWatcher | undefined;
  private lastTheme: string | undefined;
  /** The scheme in use. */
  scheme: Scheme | undefined;

  constructor(private readonly host: ThemedHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // Made on connection, not in the constructor: a server renderer builds elements without ElementInternals.
    try {
      this.internals ??= this.host.attachInternals();
    } catch {
      // Internals already taken (a subclass of ours attached them): the card keeps the OS preference.
    }
    this.watcher = watcherFor(this.host.ownerDocument);
    this.watcher.add(this);
  }

  hostDisconnected(): void {
    this.watcher?.delete(this);
    this.watcher = undefined;
  }

  hostUpdated(): void {
    if (this.host.theme !== this.lastTheme) this.watcher?.schedule([this]);
  }

  /** Works out the scheme now; `seen` is shared by the cards of one pass. */
  resolve(seen?: Map<Element, Scheme | null>): void {
    const theme = this.host.theme;
    this.lastTheme = theme;
    const scheme: Scheme = theme === 'light' || theme === 'dark' ? theme : pageScheme(this.host, seen);
    if (scheme === this.scheme) return;
    this.scheme = scheme;
    const states = this.internals?.states;
    states?.delete(scheme === 'dark' ? 'light' : 'dark');
    states?.add(scheme);
  }
}
