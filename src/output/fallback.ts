/**
 * The readable fallback of a pre-rendered card, made in Node from the
 * server rendering (no DOM, no computed styles): the same rules as the embed
 * snippet's walk over a live shadow root (src/output/snippet.ts): semantic
 * tags kept, wrappers give way to their content, a block of inline content
 * becomes a paragraph, images left out. Where the browser asks
 * getComputedStyle whether an element is a block, this reads the elements'
 * own CSS: the classes it lays out as blocks, flex or grid (whose children
 * are blocks too).
 */
import { parseFragment, serializeOuter, type DefaultTreeAdapterMap } from 'parse5';
import { BLOCK_TAGS, KEPT_TAGS } from './rendered.js';

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** Nodes that never hold readable content (the walk in rendered.ts skips the same, and images). */
const SKIPPED = new Set(['style', 'script', 'slot', 'template', 'link', 'meta', 'noscript', 'img']);
/** Tags whose content may only be text and inline elements (as in snippet.ts). */
const PHRASING = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'a', 'time', 'cite', 'strong', 'em', 'b', 'i', 'small', 'code']);
/** Block-level tags beyond BLOCK_TAGS that the cards use. */
const OTHER_BLOCKS = new Set(['details', 'summary', 'nav', 'main', 'svg']);

/** How the elements' CSS lays out a class: 'block' or 'flex' (flex and grid: their children are blocks). */
export type ClassLayout = Map<string, 'block' | 'flex'>;

/** The classes whose rules set `display` to a block, flex or grid layout, from CSS text. */
export function classLayout(cssText: string): ClassLayout {
  const layout: ClassLayout = new Map();
  for (const [, selectors, body] of cssText.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const display = /(?:^|;)\s*display:\s*([a-z-]+)/.exec(body!)?.[1];
    if (!display || display === 'none' || display.startsWith('inline') || display === 'contents') continue;
    for (const selector of selectors!.split(',')) {
      const name = /\.([\w-]+)\s*$/.exec(selector.trim())?.[1];
      if (name) layout.set(name, /flex|grid/.test(display) ? 'flex' : 'block');
    }
  }
  return layout;
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

function classesOf(element: Element): string[] {
  return (attr(element, 'class') ?? '').split(/\s+/).filter(Boolean);
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** An absolute http(s) URL, else undefined (the server rendering already wrote absolute links). */
function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

class Converter {
  constructor(private readonly layout: ClassLayout) {}

  private layoutOf(element: Element): 'block' | 'flex' | undefined {
    for (const name of classesOf(element)) {
      const found = this.layout.get(name);
      if (found) return found;
    }
    return undefined;
  }

  /** True when the browser lays the element out as a block: its tag, its class, or a flex or grid parent. */
  private isBlock(element: Element, parentFlex: boolean): boolean {
    return parentFlex || BLOCK_TAGS.has(element.tagName) || OTHER_BLOCKS.has(element.tagName) || this.layoutOf(element) !== undefined;
  }

  children(source: Element, phrasing: boolean): Node[] {
    const flex = this.layoutOf(source) === 'flex';
    const out: Node[] = [];
    const nodes = source.childNodes;
    nodes.forEach((node, index) => {
      if (node.nodeName === '#text') {
        const text = (node as DefaultTreeAdapterMap['textNode']).value.replace(/[ \t\n\f\r]+/g, ' ');
        const inlineNeighbours = [nodes[index - 1], nodes[index + 1]].every((n) => n && (!isElement(n) || !this.isBlock(n, flex)));
        if (text.trim() || inlineNeighbours) out.push(textNode(text));
      } else if (isElement(node) && !SKIPPED.has(node.tagName)) {
        out.push(...this.convert(node, phrasing, flex));
      }
    });
    return out;
  }

  private convert(element: Element, phrasing: boolean, parentFlex: boolean): Node[] {
    const tag = element.tagName;
    if (tag === 'br') return [make('br', [])];
    if (KEPT_TAGS.has(tag)) {
      const attrs: { name: string; value: string }[] = [];
      if (tag === 'a') {
        const href = httpUrl(attr(element, 'href'));
        if (!href) return this.children(element, phrasing);
        attrs.push({ name: 'href', value: href });
      }
      const datetime = tag === 'time' ? attr(element, 'datetime') : undefined;
      if (datetime) attrs.push({ name: 'datetime', value: datetime });
      const cite = tag === 'blockquote' ? httpUrl(attr(element, 'cite')) : undefined;
      if (cite) attrs.push({ name: 'cite', value: cite });
      const lang = attr(element, 'lang');
      if (lang !== undefined) attrs.push({ name: 'lang', value: lang });
      return [make(tag, attrs, this.children(element, phrasing || PHRASING.has(tag)))];
    }
    const children = this.children(element, phrasing);
    if (phrasing || !this.isBlock(element, parentFlex) || hasBlock(children)) return children;
    return [make('p', [], children)];
  }
}

function hasBlock(nodes: readonly Node[]): boolean {
  return nodes.some((node) => isElement(node) && (BLOCK_TAGS.has(node.tagName) || hasBlock(node.childNodes)));
}

function textNode(value: string): Node {
  return { nodeName: '#text', value, parentNode: null } as DefaultTreeAdapterMap['textNode'];
}

function make(tagName: string, attrs: { name: string; value: string }[], childNodes: Node[] = []): Element {
  const element = { nodeName: tagName, tagName, attrs, namespaceURI: 'http://www.w3.org/1999/xhtml', childNodes, parentNode: null } as unknown as Element;
  for (const child of childNodes) (child as { parentNode: ParentNode | null }).parentNode = element;
  return element;
}

/** Merges adjacent text, trims at block edges, drops elements left empty (but br): as tidy() in rendered.ts. */
function tidy(element: Element): void {
  const merged: Node[] = [];
  for (const child of element.childNodes) {
    const last = merged[merged.length - 1];
    if (child.nodeName === '#text' && last?.nodeName === '#text') (last as DefaultTreeAdapterMap['textNode']).value += (child as DefaultTreeAdapterMap['textNode']).value;
    else merged.push(child);
  }
  element.childNodes = merged.filter((child) => {
    if (!isElement(child)) return true;
    tidy(child);
    return child.tagName === 'br' || textOf(child).trim() !== '';
  });
  for (const child of element.childNodes) if (child.nodeName === '#text') (child as DefaultTreeAdapterMap['textNode']).value = (child as DefaultTreeAdapterMap['textNode']).value.replace(/ {2,}/g, ' ');
  if (!BLOCK_TAGS.has(element.tagName) && !element.tagName.includes('-')) return;
  const first = element.childNodes[0];
  if (first?.nodeName === '#text') (first as DefaultTreeAdapterMap['textNode']).value = (first as DefaultTreeAdapterMap['textNode']).value.trimStart();
  const last = element.childNodes[element.childNodes.length - 1];
  if (last?.nodeName === '#text') (last as DefaultTreeAdapterMap['textNode']).value = (last as DefaultTreeAdapterMap['textNode']).value.trimEnd();
  element.childNodes = element.childNodes.filter((child) => child.nodeName !== '#text' || (child as DefaultTreeAdapterMap['textNode']).value !== '');
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return isElement(node) ? node.childNodes.map(textOf).join('') : '';
}

/**
 * The fallback of a card from the inner HTML of its server-rendered shadow
 * root: its frame as plain semantic HTML (`article`, `figure`, else `div`).
 */
export function fallbackHtml(shadowHtml: string, layout: ClassLayout): string {
  const fragment = parseFragment(shadowHtml);
  const frame = fragment.childNodes.find((node): node is Element => isElement(node) && !SKIPPED.has(node.tagName));
  if (!frame) throw new Error('The server rendering holds no card.');
  const tag = frame.tagName === 'figure' || frame.tagName === 'article' ? frame.tagName : 'div';
  const language = ['lang', 'dir'].flatMap((name) => {
    const value = attr(frame, name);
    return value === undefined ? [] : [{ name, value }];
  });
  const out = make(tag, language, new Converter(layout).children(frame, false));
  tidy(out);
  return serializeOuter(out);
}
