/**
 * The embed snippet of an element: the script tag, then the element's tag
 * with its attributes and, inside it, readable fallback content (plain
 * semantic HTML, no styles) taken from the element's own rendered output. The
 * fallback shows before the script runs, without JavaScript, and when loading
 * fails.
 */
import {
  absoluteUrl,
  BLOCK_TAGS,
  collapse,
  detachedDocument,
  indent,
  isShown,
  isVisibleSpace,
  renderedFrame,
  tidy,
  type ExportableElement,
} from './rendered.js';

export interface SnippetOptions {
  /** URL of `therapy-widgets.js` for the `<script type="module">` tag. */
  scriptUrl: string;
  /**
   * The bundle URL to write as `src`. Absent: the element's own `src`
   * attribute, if any; `''`: none (the default bundle).
   */
  src?: string;
}

/** Attributes of the elements an embedder sets; others (`state`, `class`...) are not copied. */
const ATTRIBUTES = ['src', 'therapy', 'article', 'quote', 'lang', 'theme', 'variant', 'heading-level'];
/** Default values, left out of the snippet (`variant` and `theme` are reflected even when not set). */
const DEFAULTS: Record<string, string> = { theme: 'auto', variant: 'full', 'heading-level': '3' };

/** Tags kept in the fallback as they are. */
const KEPT = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption',
  'dl', 'dt', 'dd', 'a', 'time', 'cite', 'strong', 'em', 'b', 'i', 'br',
]);
/** Tags whose content may only be text and inline elements: no `<p>` is made inside them. */
const PHRASING = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'a', 'time', 'cite', 'strong', 'em', 'b', 'i']);

/** True when built output holds a block element (so it cannot be wrapped in a `<p>`). */
function hasBlock(nodes: readonly Node[]): boolean {
  return nodes.some((node) => node.nodeType === Node.ELEMENT_NODE && (BLOCK_TAGS.has((node as Element).localName) || hasBlock([...node.childNodes])));
}

function convertChildren(source: Element, doc: Document, phrasing: boolean): Node[] {
  const out: Node[] = [];
  for (const node of source.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = collapse(node.textContent ?? '');
      if (text.trim() || isVisibleSpace(node as Text)) out.push(doc.createTextNode(text));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      out.push(...convert(node as Element, doc, phrasing));
    }
  }
  return out;
}

/**
 * One rendered element as fallback HTML. Text for screen readers only is
 * kept as text (the fallback has no styles to hide it); images are left out,
 * so nothing loads or jumps before the element renders.
 */
function convert(element: Element, doc: Document, phrasing: boolean): Node[] {
  const style = getComputedStyle(element);
  if (!isShown(element, style)) return [];
  const tag = element.localName;
  if (tag === 'img') return [];
  if (tag === 'br') return [doc.createElement('br')];
  if (KEPT.has(tag)) {
    let href: string | undefined;
    if (tag === 'a') {
      href = absoluteUrl((element as HTMLAnchorElement).href, ['https:', 'http:']);
      if (!href) return convertChildren(element, doc, phrasing);
    }
    const out = doc.createElement(tag);
    if (href) out.setAttribute('href', href);
    if (tag === 'time' && element.hasAttribute('datetime')) out.setAttribute('datetime', element.getAttribute('datetime')!);
    const cite = tag === 'blockquote' ? absoluteUrl(element.getAttribute('cite'), ['https:', 'http:']) : undefined;
    if (cite) out.setAttribute('cite', cite);
    if (element.hasAttribute('lang')) out.setAttribute('lang', element.getAttribute('lang')!);
    out.append(...convertChildren(element, doc, phrasing || PHRASING.has(tag)));
    return [out];
  }
  // Any other wrapper gives way to its content; a block of inline content becomes a paragraph.
  const children = convertChildren(element, doc, phrasing);
  if (phrasing || style.display.startsWith('inline') || hasBlock(children)) return children;
  const paragraph = doc.createElement('p');
  paragraph.append(...children);
  return [paragraph];
}

/** The fallback content of a rendered element: its frame as plain semantic HTML. */
export function fallbackContent(element: ExportableElement, doc: Document = detachedDocument()): Element {
  const frame = renderedFrame(element);
  const tag = frame.localName === 'figure' || frame.localName === 'article' ? frame.localName : 'div';
  const out = doc.createElement(tag);
  if (frame.hasAttribute('lang')) out.setAttribute('lang', frame.getAttribute('lang')!);
  out.append(...convertChildren(frame, doc, false));
  tidy(out);
  return out;
}

/**
 * The embed snippet of an element that has rendered (`state="ready"`):
 * `<script type="module" src>` and the element's tag with its fallback
 * content. Throws when the element has nothing to export.
 */
export function toEmbedSnippet(element: ExportableElement, options: SnippetOptions): string {
  const doc = detachedDocument();
  const script = doc.createElement('script');
  script.setAttribute('type', 'module');
  script.setAttribute('src', options.scriptUrl);
  const tag = doc.createElement(element.localName);
  for (const name of ATTRIBUTES) {
    const value = name === 'src' && options.src !== undefined ? options.src : element.getAttribute(name);
    if (value && value !== DEFAULTS[name]) tag.setAttribute(name, value);
  }
  tag.append(fallbackContent(element, doc));
  indent(tag);
  return `${script.outerHTML}\n${tag.outerHTML}\n`;
}
