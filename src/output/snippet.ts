/**
 * The embed snippet of an element: the script tag, then the pre-rendered
 * card: the element's tag with its attributes holding a declarative shadow
 * root with its rendering, readable fallback content beside it (plain
 * semantic HTML, no styles) taken from the same rendering, and JSON-LD. The
 * card is drawn before the script runs and without JavaScript; the fallback
 * is for readers without shadow DOM (RSS, sanitizers) and shows when loading fails.
 */
import type { CSSResult } from 'lit';
import type { Article, Quote, Therapy } from '../content/schema.js';
import type { LoadedBundle } from '../content/load.js';
import { attributesOf, entryOfTag, type ElementEntry } from './registry.js';
import { escapeAttribute, leanMarkup, stylesheetLink, stylesheetUrlOf } from './lean-markup.js';
import { jsonLdOf, jsonLdScript, type JsonLdItem } from './json-ld.js';
import {
  absoluteUrl,
  BLOCK_TAGS,
  detachedDocument,
  FALLBACK_RULE,
  indent,
  KEPT_TAGS,
  renderedFrame,
  tidy,
  walkChildren,
  type ExportableElement,
} from './rendered.js';

export interface SnippetOptions {
  /** URL of `therapy-widgets.js` for the `<script type="module">` tag. */
  scriptUrl: string;
  /** Subresource Integrity of the script (`sha384-…`), written with `crossorigin="anonymous"`. */
  scriptIntegrity?: string;
  /**
   * The bundle URL to write as `src`. Absent: the element's own `src`
   * attribute, if any; `''`: none (the default bundle).
   */
  src?: string;
  /** Subresource Integrity of the bundle at `src`, written as the element's `integrity`. */
  integrity?: string;
}

/** Tags whose content may only be text and inline elements: no `<p>` is made inside them. */
const PHRASING = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'a', 'time', 'cite', 'strong', 'em', 'b', 'i', 'small', 'code']);

/** True when built output holds a block element (so it cannot be wrapped in a `<p>`). */
function hasBlock(nodes: readonly Node[]): boolean {
  return nodes.some((node) => node.nodeType === Node.ELEMENT_NODE && (BLOCK_TAGS.has((node as Element).localName) || hasBlock([...node.childNodes])));
}

function convertChildren(source: Element, doc: Document, phrasing: boolean): Node[] {
  return walkChildren(source, doc, (element) => convert(element, doc, phrasing));
}

/**
 * One rendered element as fallback HTML. Text for screen readers only is
 * kept as text (the fallback has no styles to hide it); images are left out,
 * so nothing loads or jumps before the element renders.
 */
function convert(element: Element, doc: Document, phrasing: boolean): Node[] {
  const style = getComputedStyle(element);
  const tag = element.localName;
  if (tag === 'img') return [];
  if (tag === 'br') return [doc.createElement('br')];
  if (KEPT_TAGS.has(tag)) {
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
    copyLanguage(element, out);
    out.append(...convertChildren(element, doc, phrasing || PHRASING.has(tag)));
    return [out];
  }
  // Any other wrapper gives way to its content; a block of inline content becomes a paragraph.
  const children = convertChildren(element, doc, phrasing);
  const inline = phrasing || style.display.startsWith('inline');
  if (inline || hasBlock(children)) {
    // Text in another language than the labels around it keeps its mark (WCAG 3.1.2).
    if (!element.hasAttribute('lang') && !element.hasAttribute('dir')) return children;
    const wrapper = doc.createElement(inline ? 'span' : 'div');
    copyLanguage(element, wrapper);
    wrapper.append(...children);
    return [wrapper];
  }
  const paragraph = doc.createElement('p');
  copyLanguage(element, paragraph);
  paragraph.append(...children);
  return [paragraph];
}

/** `lang` and `dir` of a rendered element onto its copy: each part keeps its language and direction. */
function copyLanguage(from: Element, to: Element): void {
  for (const name of ['lang', 'dir']) if (from.hasAttribute(name)) to.setAttribute(name, from.getAttribute(name)!);
}

/** The fallback content of a rendered element: its frame as plain semantic HTML. */
export function fallbackContent(element: ExportableElement, doc: Document = detachedDocument()): Element {
  const frame = renderedFrame(element);
  const tag = frame.localName === 'figure' || frame.localName === 'article' ? frame.localName : 'div';
  const out = doc.createElement(tag);
  copyLanguage(frame, out);
  out.append(...convertChildren(frame, doc, false));
  tidy(out);
  return out;
}

/** The script tag of embed code: a module, pinned with `integrity` and `crossorigin` when given. Needs no DOM (the CLI writes it too). */
export function scriptTag(options: Pick<SnippetOptions, 'scriptUrl' | 'scriptIntegrity'>): string {
  const pin = options.scriptIntegrity ? ` integrity="${escapeAttribute(options.scriptIntegrity)}" crossorigin="anonymous"` : '';
  return `<script type="module" src="${escapeAttribute(options.scriptUrl)}"${pin}></script>`;
}

/** What a rendered element shows, for its JSON-LD. */
interface Shown {
  shown?: { loaded: LoadedBundle; item: unknown };
}

/**
 * The declarative shadow root of a pre-rendered card, from the element's
 * live shadow root (the same rendering the CLI gets from Lit's server
 * renderer, made lean the same way): linked styles when the script's URL is
 * known, else the element's styles inline.
 */
function shadowRootOf(element: ExportableElement, entry: ElementEntry, scriptUrl: string | undefined): string {
  const styles = scriptUrl
    ? stylesheetLink(stylesheetUrlOf(scriptUrl))
    : `<style>${entry.ctor.elementStyles.map((style) => (style as CSSResult).cssText).join('\n')}</style>`;
  return `<template shadowrootmode="open">${styles}${leanMarkup(renderedFrame(element).outerHTML)}</template>`;
}

/**
 * The pre-rendered card of a rendered element (SPEC section 3): its tag with
 * the attributes an embedder set (those its class declares, left out where
 * they hold the default value), holding a declarative shadow root with the
 * card as it renders, the readable fallback beside it, and the item's
 * JSON-LD. Throws when the element has nothing to export.
 */
export function elementSnippet(element: ExportableElement, options: Omit<SnippetOptions, 'scriptUrl'> & { scriptUrl?: string } = {}): string {
  const entry = entryOfTag(element.localName);
  if (!entry) throw new Error(`<${element.localName}> is not a therapy-widgets content element.`);
  const doc = detachedDocument();
  const fresh = document.createElement(entry.tag) as unknown as Record<string, unknown>;
  const current = element as unknown as Record<string, unknown>;
  const tag = doc.createElement(element.localName);
  // The attribute that picks the item first, then the others in their declared order.
  const attributes = attributesOf(entry).sort((a, b) => Number(b.attribute === entry.idAttribute) - Number(a.attribute === entry.idAttribute));
  for (const { attribute, property } of attributes) {
    let value = element.getAttribute(attribute);
    if (attribute === 'src' && options.src !== undefined) value = options.src;
    else if (attribute === 'integrity' && options.integrity !== undefined) value = options.integrity;
    else if (current[property] === fresh[property]) continue;
    if (value) tag.setAttribute(attribute, value);
  }
  if (options.integrity && !tag.hasAttribute('integrity') && tag.getAttribute('src')) tag.setAttribute('integrity', options.integrity);
  const shadow = shadowRootOf(element, entry, options.scriptUrl);
  tag.append(doc.createElement(FALLBACK_RULE), fallbackContent(element, doc), doc.createElement(FALLBACK_RULE));
  indent(tag);
  const shown = (element as ExportableElement & Shown).shown;
  const jsonLd = shown ? `  ${jsonLdScript(jsonLdOf({ kind: entry.kind, item: shown.item as Therapy & Article & Quote } as JsonLdItem, shown.loaded.bundle, shown.loaded.baseUrl))}\n` : '';
  // Serialized apart and joined: the template holds the card as one line, the fallback stays indented.
  const html = tag.outerHTML;
  const open = (tag.cloneNode(false) as Element).outerHTML.length - `</${tag.localName}>`.length;
  const close = html.length - `</${tag.localName}>`.length;
  return `${html.slice(0, open)}${shadow}${html.slice(open, close)}${jsonLd}${html.slice(close)}`;
}

/**
 * Embed code for elements that have rendered (`state="ready"`): the script
 * tag once, then each element with its fallback content.
 */
export function toEmbedSnippet(elements: ExportableElement | readonly ExportableElement[], options: SnippetOptions): string {
  const list = Array.isArray(elements) ? elements : [elements as ExportableElement];
  return `${[scriptTag(options), ...list.map((element) => elementSnippet(element, options))].join('\n')}\n`;
}
