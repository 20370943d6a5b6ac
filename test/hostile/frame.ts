// Opens a host page in an iframe of the test page and reads what it recorded
// (test/pages/hostile/record.js), the way built.test.ts does for its pages.
import { waitUntil } from '@open-wc/testing';

export interface Report {
  errors: string[];
  violations: string[];
  warnings: string[];
  events: { type: 'therapy-load' | 'therapy-error'; id: string; tag: string; detail: { code?: string; message?: string; errors?: { path: string; message: string }[] } }[];
  cookies: string[];
  storage: string[];
}

export type FrameWindow = Window & typeof globalThis & { __report: Report; __xss?: unknown };

export interface Page {
  doc: Document;
  win: FrameWindow;
  frame: HTMLIFrameElement;
}

export const ELEMENTS = 'therapy-card, news-teaser, expert-quote';

export async function openPage(path: string, width = 800): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = '600px';
  frame.src = path;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return { doc: frame.contentDocument!, win: frame.contentWindow as FrameWindow, frame };
}

export function closePages(): void {
  document.querySelectorAll('iframe').forEach((frame) => frame.remove());
}

const settledState = (el: Element) => el.getAttribute('state') === 'ready' || el.getAttribute('state') === 'error';

/** Waits until every content element (or those of `selector`) is `ready` or `error`. */
export async function settled(doc: Document, selector = ELEMENTS, timeout = 8000): Promise<Element[]> {
  const elements = [...doc.querySelectorAll(selector)];
  await waitUntil(
    () => elements.every(settledState),
    `not settled: ${elements.filter((el) => !settledState(el)).map((el) => el.id || el.outerHTML.slice(0, 80)).join(', ')}`,
    { timeout },
  );
  return elements;
}

/** Every element inside an element's shadow root, in document order. */
export function shadowElements(host: Element): Element[] {
  return [...host.shadowRoot!.querySelectorAll('*')];
}

/** A readable name for an element inside a card, for failure messages. */
export function describeElement(el: Element): string {
  const classes = [...el.classList].map((c) => `.${c}`).join('');
  return `${el.localName}${classes}`;
}
