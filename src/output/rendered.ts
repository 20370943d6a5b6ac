/**
 * Reading an element's rendered shadow DOM, for the two exports (embed
 * snippet fallback, e-mail HTML): the one walk over what a reader sees, the
 * tags both keep, and a detached document to build the output in with DOM
 * APIs, which escape text and attribute values correctly.
 */

/** Nodes that never hold readable content. */
const SKIPPED = new Set(['style', 'script', 'slot', 'template', 'link', 'meta', 'noscript']);

/** Tags laid out as blocks, between which whitespace does not matter. */
export const BLOCK_TAGS = new Set([
  'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'li', 'ol', 'p', 'section', 'table', 'tbody', 'td', 'tr', 'ul',
]);

/** Semantic tags both exports keep as they are; any other wrapper gives way to its content. */
/**
 * The tag of the rule before and after a pre-rendered card's fallback: a
 * sanitizer that drops the element and its template (DOMPurify, a feed
 * reader) leaves the card's text between two rules, drawn with no stylesheet
 * at all, so its disclaimer never runs into the next paragraph of the post.
 */
export const FALLBACK_RULE = 'hr';

export const KEPT_TAGS = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption',
  'dl', 'dt', 'dd', 'a', 'time', 'cite', 'strong', 'em', 'b', 'i', 'small', 'code', 'br',
]);

/** What an element exposes for export: `state`, and its shadow root. */
export interface ExportableElement extends HTMLElement {
  state?: string;
}

/** The frame the element rendered (its first visible element), or an error saying why there is none. */
export function renderedFrame(element: ExportableElement): Element {
  const root = element.shadowRoot;
  if (!root || element.state !== 'ready') {
    throw new Error(`<${element.localName}> has not rendered its content (state: ${element.state ?? 'unknown'}); there is nothing to export.`);
  }
  const frame = [...root.children].find((child) => isShown(child));
  if (!frame) throw new Error(`<${element.localName}> rendered nothing visible.`);
  return frame;
}

/** True when `element` is rendered at all (display, visibility, not a style or slot). */
export function isShown(element: Element, style = getComputedStyle(element)): boolean {
  return !SKIPPED.has(element.localName) && style.display !== 'none' && style.visibility !== 'hidden';
}

/** True for text kept for screen readers only (the `.visually-hidden` pattern: a 1×1 px absolute box). */
export function isVisuallyHidden(element: Element, style = getComputedStyle(element)): boolean {
  if (style.position !== 'absolute' && style.position !== 'fixed') return false;
  const box = element.getBoundingClientRect();
  return box.width <= 1 && box.height <= 1;
}

/** True when the element is laid out inline (so whitespace next to it is visible). */
export function isInline(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return true;
  if (node.nodeType !== Node.ELEMENT_NODE) return false;
  return getComputedStyle(node as Element).display.startsWith('inline');
}

/** Whitespace runs collapsed to one space, as `white-space: normal` shows them. */
export function collapse(text: string): string {
  return text.replace(/[ \t\n\f\r]+/g, ' ');
}

/**
 * True when a whitespace-only text node shows as a space: it sits between
 * two inline neighbours (comments do not count).
 */
export function isVisibleSpace(node: Text): boolean {
  const neighbour = (step: 'previousSibling' | 'nextSibling') => {
    let current = node[step];
    while (current && current.nodeType === Node.COMMENT_NODE) current = current[step];
    return current;
  };
  const before = neighbour('previousSibling');
  const after = neighbour('nextSibling');
  return !!before && !!after && isInline(before) && isInline(after);
}

/** The text of a `::before` / `::after` whose `content` is a plain string, else ''. */
export function pseudoText(element: Element, which: '::before' | '::after'): string {
  const content = getComputedStyle(element, which).content;
  const match = /^"((?:[^"\\]|\\.)*)"$/.exec(content ?? '');
  return match ? match[1]!.replace(/\\(.)/g, '$1') : '';
}

/** An absolute URL when `value` resolves to one with an allowed scheme, else undefined. */
export function absoluteUrl(value: string | null | undefined, schemes: readonly string[]): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What an export makes of one rendered element; `after` is true when an
 * earlier sibling already gave an element (so a gap between them applies).
 */
export type ConvertElement = (element: Element, after: boolean) => Node[];

/**
 * The one walk over rendered output: the children of `source` as the reader
 * sees them. Text is collapsed as `white-space: normal` shows it (whitespace
 * only where it shows as a space); elements that are not rendered are
 * skipped; each other element goes through `convert`; with `pseudo`, the
 * text of `::before` / `::after` is kept around them.
 */
export function walkChildren(source: Element, doc: Document, convert: ConvertElement, { pseudo = false } = {}): Node[] {
  const out: Node[] = [];
  const before = pseudo ? pseudoText(source, '::before') : '';
  if (before) out.push(doc.createTextNode(before));
  let after = false;
  for (const node of source.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = collapse(node.textContent ?? '');
      if (text.trim() || isVisibleSpace(node as Text)) out.push(doc.createTextNode(text));
    } else if (node.nodeType === Node.ELEMENT_NODE && isShown(node as Element)) {
      const converted = convert(node as Element, after);
      if (converted.some((child) => child.nodeType === Node.ELEMENT_NODE)) after = true;
      out.push(...converted);
    }
  }
  const closing = pseudo ? pseudoText(source, '::after') : '';
  if (closing) out.push(doc.createTextNode(closing));
  return out;
}

/** A document with no browsing context: nothing created in it runs, loads or upgrades. */
export function detachedDocument(): Document {
  return document.implementation.createHTMLDocument('');
}

/**
 * Tidies built output: merges text nodes, trims spaces at the edges of
 * blocks, removes elements left empty (but not `br`, `img`, table cells).
 */
export function tidy(element: Element): void {
  element.normalize();
  for (const child of [...element.children]) tidy(child);
  const keepEmpty = ['br', 'img', 'td', 'hr'];
  for (const child of [...element.children]) {
    if (!keepEmpty.includes(child.localName) && !child.querySelector(keepEmpty.join(',')) && !child.textContent?.trim()) child.remove();
  }
  for (const child of element.childNodes) {
    // Spaces collapsed per source node can meet where nodes were merged.
    if (child.nodeType === Node.TEXT_NODE) child.textContent = child.textContent!.replace(/ {2,}/g, ' ');
  }
  if (!BLOCK_TAGS.has(element.localName) && element.localName.indexOf('-') === -1) return;
  const first = element.firstChild;
  if (first?.nodeType === Node.TEXT_NODE) first.textContent = first.textContent!.trimStart();
  const last = element.lastChild;
  if (last?.nodeType === Node.TEXT_NODE) last.textContent = last.textContent!.trimEnd();
  for (const child of [...element.childNodes]) {
    if (child.nodeType === Node.TEXT_NODE && !child.textContent) child.remove();
  }
}

/**
 * Indents block containers whose children are all blocks, two spaces a
 * level, so the output reads well; inline content is left as it is.
 */
export function indent(element: Element, depth = 0): void {
  const children = [...element.childNodes];
  const blocks = children.length > 0 && children.every(
    (child) => child.nodeType === Node.ELEMENT_NODE && (BLOCK_TAGS.has((child as Element).localName) || (child as Element).localName.includes('-')),
  );
  if (!blocks) return;
  const doc = element.ownerDocument;
  for (const child of children) {
    element.insertBefore(doc.createTextNode(`\n${'  '.repeat(depth + 1)}`), child);
    indent(child as Element, depth + 1);
  }
  element.append(doc.createTextNode(`\n${'  '.repeat(depth)}`));
}
