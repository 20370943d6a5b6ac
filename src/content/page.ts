/**
 * What the loader reads from the host page, immune to DOM clobbering.
 * `Document` has [LegacyOverrideBuiltIns]: `<img name="baseURI">` or
 * `<form name="getElementById">` replace the document's own properties, and
 * `<img name="currentScript">` fakes the running script. So every read goes
 * through the prototypes' own getters and methods, which markup cannot reach.
 * Nothing here runs at import time.
 */

function getter<T>(proto: object, name: string): (this: unknown) => T {
  return Object.getOwnPropertyDescriptor(proto, name)!.get as (this: unknown) => T;
}

/** True where there is a DOM (not Node, not a worker). */
export function hasDocument(): boolean {
  return typeof document !== 'undefined' && typeof Document !== 'undefined';
}

/** The page's base URL for relative `src` values. */
export function pageBaseUrl(): string {
  return getter<string>(Node.prototype, 'baseURI').call(document);
}

/** The element with this id in the page, or null. */
export function elementById(id: string): Element | null {
  return Document.prototype.getElementById.call(document, id);
}

/** True while the parser has not reached the end of the page. */
export function stillParsing(): boolean {
  return getter<DocumentReadyState>(Document.prototype, 'readyState').call(document) === 'loading';
}

/** Resolves once the page is parsed (DOMContentLoaded). */
export function whenParsed(): Promise<void> {
  return new Promise((resolve) =>
    EventTarget.prototype.addEventListener.call(document, 'DOMContentLoaded', () => resolve(), { once: true }),
  );
}

/**
 * The URL of the classic script running now: only a real `<script>` element
 * counts (a clobbered `document.currentScript` is an `<img>` or a `<form>`);
 * otherwise the page's base URL. Call it while the script's top level runs.
 */
export function currentScriptUrl(): string {
  const script = getter<unknown>(Document.prototype, 'currentScript').call(document);
  const src = script instanceof HTMLScriptElement ? getter<string>(HTMLScriptElement.prototype, 'src').call(script) : '';
  return src || pageBaseUrl();
}

/** `doc.documentElement` as the prototype gives it, whatever markup names itself. */
export function rootOf(doc: Document = document): HTMLElement | null {
  return getter<HTMLElement | null>(Document.prototype, 'documentElement').call(doc);
}
