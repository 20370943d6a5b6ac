/**
 * E-mail-safe HTML from an element's own rendered output: the shadow DOM the
 * reader sees, rebuilt as plain HTML with inline styles taken from
 * `getComputedStyle`. No script, no custom elements, no shadow DOM, no
 * classes; tables where layout needs them; only absolute `https:` links and
 * images. Whatever theme, language and width the element shows is what the
 * e-mail shows.
 */
import {
  absoluteUrl,
  collapse,
  detachedDocument,
  indent,
  isShown,
  isVisuallyHidden,
  KEPT_TAGS,
  renderedFrame,
  tidy,
  walkChildren,
  type ExportableElement,
} from './rendered.js';
import { plainText } from './plain-text.js';

export interface EmailOptions {
  /** Widest the block may grow, in CSS pixels (a newsletter column is usually 600). */
  maxWidth?: number;
}

export interface EmailExport {
  /** One `<table>` to paste into a newsletter. */
  html: string;
  /** The same content as plain text, for the text part of the message. */
  text: string;
  /** `light` or `dark`: the scheme the block is drawn in (see `emailDocument`). */
  colorScheme: 'light' | 'dark';
  /** What had to be left out or changed, for the editor (e.g. a link that is not https:). */
  warnings: string[];
}

/** Inherited properties: written where they change, and all of them on the outer cell. */
const INHERITED = [
  'color', 'font-family', 'font-size', 'font-style', 'font-weight', 'line-height',
  'letter-spacing', 'text-align', 'text-transform',
] as const;
type Inherited = Partial<Record<(typeof INHERITED)[number], string>>;

/** Tags a mail client styles by default, and what of that must be written out. */
const HEADING_FORCED = ['color', 'font-family', 'font-size', 'font-weight', 'line-height'];
const FORCED: Record<string, readonly string[]> = {
  h1: HEADING_FORCED, h2: HEADING_FORCED, h3: HEADING_FORCED, h4: HEADING_FORCED, h5: HEADING_FORCED, h6: HEADING_FORCED,
  a: ['color', 'font-weight'],
  strong: ['font-weight'], b: ['font-weight'], dt: ['font-weight'],
  cite: ['font-style'], em: ['font-style'], i: ['font-style'],
};
/** Tags with default margins (or padding) in mail clients: always written. */
const MARGIN_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'dd', 'blockquote']);
const PADDING_TAGS = new Set(['ul', 'ol']);

/** Kept tags that older mail clients (Outlook's Word engine) do not know, and what they become. */
const RENAMED: Record<string, string> = { figure: 'div', figcaption: 'div', time: 'span' };
const INLINE_OUT = new Set(['a', 'span', 'strong', 'em', 'b', 'i', 'cite', 'small', 'code']);

interface Context {
  doc: Document;
  warnings: string[];
  /** What the card is drawn on (0-255 channels): translucent colours are written as they show over it. */
  behind: readonly number[];
}

function px(value: string): number {
  return Number.parseFloat(value) || 0;
}

function round(value: number): string {
  return `${Math.round(value * 100) / 100}px`;
}

/** A computed colour (`rgb()`, `rgba()`, `color(srgb …)`) as 0-255 channels and alpha, or undefined for another syntax. */
function channels(color: string): number[] | undefined {
  const rgb = /^rgba?\(\s*(\d+(?:\.\d+)?)[,\s]+(\d+(?:\.\d+)?)[,\s]+(\d+(?:\.\d+)?)(?:[,\s/]+([\d.]+%?))?\s*\)$/.exec(color.trim());
  const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+%?))?\)$/.exec(color.trim());
  const match = rgb ?? srgb;
  if (!match) return undefined;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? px(match[4]) / 100 : Number(match[4]);
  return [...[match[1], match[2], match[3]].map((c) => Number(c) * (srgb ? 255 : 1)), alpha];
}

/**
 * `rgb(31, 95, 168)` → `#1f5fa8`; a translucent colour as it shows over
 * `behind` (white unless given); undefined when fully transparent.
 */
export function toHex(color: string, behind: readonly number[] = [255, 255, 255]): string | undefined {
  const parts = channels(color);
  if (!parts) return color;
  const alpha = parts[3]!;
  if (alpha === 0) return undefined;
  return hex([0, 1, 2].map((i) => parts[i]! * alpha + behind[i]! * (1 - alpha)));
}

function hex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** The opaque colour behind `element` (its ancestors' backgrounds, across shadow roots, over white), as 0-255 channels. */
function backdropOf(element: Element): number[] {
  const layers: number[][] = [];
  for (let current: Element | null = element; current; current = current.parentElement ?? ((current.getRootNode() as ShadowRoot).host || null)) {
    const color = channels(getComputedStyle(current).backgroundColor);
    if (!color || color[3] === 0) continue;
    layers.push(color);
    if (color[3] === 1) break;
  }
  return layers.reduceRight((below, [r, g, b, a]) => [r!, g!, b!].map((c, i) => c * a! + below[i]! * (1 - a!)), [255, 255, 255]);
}

function inheritedValue(style: CSSStyleDeclaration, property: (typeof INHERITED)[number], behind: readonly number[]): string {
  const value = style.getPropertyValue(property);
  if (property === 'color') return toHex(value, behind) ?? 'transparent';
  // Double quotes inside a style attribute are legal (escaped) but trip some mail clients.
  if (property === 'font-family') return value.replaceAll('"', "'");
  // Older mail clients know only the physical alignments.
  if (property === 'text-align' && (value === 'start' || value === 'end')) {
    return (value === 'start') === (style.direction !== 'rtl') ? 'left' : 'right';
  }
  return value;
}

function sides(style: CSSStyleDeclaration, property: (side: string) => string): string[] {
  return ['top', 'right', 'bottom', 'left'].map((side) => style.getPropertyValue(property(side)));
}

/** `margin:0 0 16px 0`, collapsed when the four sides are equal. */
function shorthand(name: string, values: number[]): string {
  const [t, r, b, l] = values.map(round) as [string, string, string, string];
  if (t === r && r === b && b === l) return `${name}:${t}`;
  return `${name}:${t} ${r} ${b} ${l}`;
}

function borders(style: CSSStyleDeclaration, behind: readonly number[]): string[] {
  const widths = sides(style, (s) => `border-${s}-width`).map(px);
  const styles = sides(style, (s) => `border-${s}-style`);
  const colors = sides(style, (s) => `border-${s}-color`).map((c) => toHex(c, behind) ?? 'transparent');
  const shown = [0, 1, 2, 3].filter((i) => widths[i]! > 0 && styles[i] !== 'none' && styles[i] !== 'hidden');
  if (shown.length === 0) return [];
  const one = (i: number) => `${round(widths[i]!)} ${styles[i]} ${colors[i]}`;
  if (shown.length === 4 && new Set([0, 1, 2, 3].map(one)).size === 1) return [`border:${one(0)}`];
  const names = ['top', 'right', 'bottom', 'left'];
  return shown.map((i) => `border-${names[i]}:${one(i)}`);
}

/**
 * The inline declarations for one element: inherited properties where they
 * differ from what the output around it already gives, box properties where
 * they are set (or where a mail client has its own defaults).
 */
function declarations(
  style: CSSStyleDeclaration,
  tag: string,
  inherited: Inherited,
  extraTop: number,
  behind: readonly number[],
): { list: string[]; inherited: Inherited } {
  const list: string[] = [];
  const next: Inherited = { ...inherited };
  const forced = FORCED[tag] ?? [];
  for (const property of INHERITED) {
    const value = inheritedValue(style, property, behind);
    // The colour on every element, so a client that forces dark mode recolours text and background together.
    if (value !== inherited[property] || forced.includes(property) || property === 'color') list.push(`${property}:${value}`);
    next[property] = value;
  }
  if (INLINE_OUT.has(tag) && !style.display.startsWith('inline')) list.push('display:block');
  const margins = sides(style, (s) => `margin-${s}`).map(px);
  margins[0]! += extraTop;
  if (MARGIN_TAGS.has(tag) || margins.some((m) => m !== 0)) list.push(shorthand('margin', margins));
  const padding = sides(style, (s) => `padding-${s}`).map(px);
  if (PADDING_TAGS.has(tag) || padding.some((p) => p !== 0)) list.push(shorthand('padding', padding));
  list.push(...borders(style, behind));
  const background = toHex(style.backgroundColor, behind);
  if (background) list.push(`background-color:${background}`);
  const decoration = style.textDecorationLine;
  if (tag === 'a' || (decoration && decoration !== 'none')) list.push(`text-decoration:${decoration || 'none'}`);
  return { list, inherited: next };
}

/** The vertical gap a grid or column flex container puts between its children, in px. */
function rowGap(style: CSSStyleDeclaration): number {
  const grid = style.display === 'grid' || style.display === 'inline-grid';
  const column = (style.display === 'flex' || style.display === 'inline-flex') && style.flexDirection.startsWith('column');
  return grid || column ? px(style.rowGap) : 0;
}

function isFlexRow(style: CSSStyleDeclaration): boolean {
  return (style.display === 'flex' || style.display === 'inline-flex') && !style.flexDirection.startsWith('column');
}

function presentationTable(doc: Document): HTMLTableElement {
  const table = doc.createElement('table');
  table.setAttribute('cellpadding', '0');
  table.setAttribute('cellspacing', '0');
  table.setAttribute('border', '0');
  return table;
}

/** Rendered element children of a node (shadow root or element). */
function shownChildren(node: ParentNode): Element[] {
  return [...node.children].filter((child) => isShown(child) && !isVisuallyHidden(child));
}

/** Converts the children of `source` into `target`: text, elements, `::before` / `::after` text. */
function appendChildren(source: Element, target: Element, style: CSSStyleDeclaration, inherited: Inherited, ctx: Context): void {
  const gap = rowGap(style);
  target.append(...walkChildren(source, ctx.doc, (element, after) => convert(element, inherited, ctx, after ? gap : 0), { pseudo: true }));
}

function convertImage(image: HTMLImageElement, ctx: Context): Node[] {
  const src = absoluteUrl(image.currentSrc || image.getAttribute('src'), ['https:']);
  if (!src) {
    ctx.warnings.push(`An image (${image.getAttribute('src') ?? 'no src'}) is not an https: URL; it is left out.`);
    return [];
  }
  const out = ctx.doc.createElement('img');
  out.setAttribute('src', src);
  out.setAttribute('alt', image.getAttribute('alt') ?? '');
  const width = Math.round(image.getBoundingClientRect().width || image.naturalWidth);
  const list = ['display:block', 'height:auto', 'border:0', 'outline:none', 'text-decoration:none'];
  if (width > 0) {
    out.setAttribute('width', String(width));
    list.unshift(`width:100%`, `max-width:${width}px`);
  }
  out.setAttribute('style', list.join(';'));
  return [out];
}

/** A flex row (photo beside caption): one table row, one cell per child. */
function convertFlexRow(element: Element, style: CSSStyleDeclaration, inherited: Inherited, ctx: Context, extraTop: number): Node[] {
  const table = presentationTable(ctx.doc);
  const own = declarations(style, 'div', inherited, extraTop, ctx.behind);
  table.setAttribute('style', own.list.join(';'));
  const row = table.insertRow();
  const gap = px(style.columnGap);
  const align = style.alignItems === 'center' ? 'middle' : style.alignItems === 'flex-end' || style.alignItems === 'end' ? 'bottom' : 'top';
  shownChildren(element).forEach((child, index) => {
    const cell = row.insertCell();
    cell.setAttribute('valign', align);
    cell.setAttribute('style', [`vertical-align:${align}`, index > 0 && gap ? `padding-left:${round(gap)}` : ''].filter(Boolean).join(';'));
    cell.append(...convert(child, own.inherited, ctx, 0));
  });
  return [table];
}

function convert(element: Element, inherited: Inherited, ctx: Context, extraTop: number): Node[] {
  const style = getComputedStyle(element);
  if (isVisuallyHidden(element, style)) return [];
  const tag = element.localName;
  if (tag === 'img') return convertImage(element as HTMLImageElement, ctx);
  if (tag === 'br') return [ctx.doc.createElement('br')];
  if (isFlexRow(style) && shownChildren(element).length > 1) return convertFlexRow(element, style, inherited, ctx, extraTop);

  let outTag = KEPT_TAGS.has(tag) ? (RENAMED[tag] ?? tag) : style.display.startsWith('inline') ? 'span' : 'div';
  let href: string | undefined;
  if (tag === 'a') {
    href = absoluteUrl((element as HTMLAnchorElement).href, ['https:']);
    if (!href) {
      const text = collapse(element.textContent ?? '').trim();
      ctx.warnings.push(`The link "${text}" (${element.getAttribute('href') ?? 'no href'}) is not an absolute https: URL; it is plain text in the e-mail.`);
      outTag = 'span';
    }
  }
  if (outTag === 'span' && !style.display.startsWith('inline')) outTag = 'div';
  const own = declarations(style, outTag, inherited, extraTop, ctx.behind);
  const out = ctx.doc.createElement(outTag);
  if (href) {
    out.setAttribute('href', href);
    // Text kept for screen readers (`Read more: <headline>`) becomes the link's label.
    const full = collapse(element.textContent ?? '').trim();
    const hidden = [...element.querySelectorAll('*')].some((child) => isVisuallyHidden(child));
    if (hidden && full) out.setAttribute('aria-label', full);
  }
  for (const name of ['lang', 'dir']) if (element.hasAttribute(name)) out.setAttribute(name, element.getAttribute(name)!);
  appendChildren(element, out, style, own.inherited, ctx);
  // A wrapper that adds nothing (a bare <span> or <time>) gives way to its content.
  if (outTag === 'span' && own.list.length === 0 && out.attributes.length === 0) return [...out.childNodes];
  if (own.list.length > 0) out.setAttribute('style', own.list.join(';'));
  return [out];
}

/**
 * The e-mail HTML of an element that has rendered (`state="ready"`), with
 * what had to change; throws when the element has nothing to export.
 */
export function exportEmail(element: ExportableElement, options: EmailOptions = {}): EmailExport {
  const frame = renderedFrame(element);
  const style = getComputedStyle(frame);
  // theme="auto" draws no surface of its own: the e-mail takes the page's colour behind the card.
  const behind = backdropOf(frame);
  const ctx: Context = { doc: detachedDocument(), warnings: [], behind };
  const maxWidth = options.maxWidth ?? 600;

  const table = presentationTable(ctx.doc);
  table.setAttribute('width', '100%');
  table.setAttribute('style', `width:100%;max-width:${maxWidth}px;border-collapse:collapse`);
  const lang = frame.getAttribute('lang');
  if (lang) table.setAttribute('lang', lang);
  table.setAttribute('dir', style.direction === 'rtl' ? 'rtl' : 'ltr');
  const cell = table.insertRow().insertCell();
  const own = declarations(style, 'td', {}, 0, behind);
  const margin = own.list.findIndex((d) => d.startsWith('margin:'));
  if (margin !== -1) own.list.splice(margin, 1);
  if (!own.list.some((d) => d.startsWith('background-color:'))) own.list.push(`background-color:${hex(behind)}`);
  cell.setAttribute('style', own.list.join(';'));
  cell.setAttribute('bgcolor', hex(behind));
  appendChildren(frame, cell, style, own.inherited, ctx);
  tidy(table);
  const text = plainText(table);
  indent(table);
  const [r, g, b] = behind.map((c) => c / 255) as [number, number, number];
  const colorScheme = 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
  return { html: table.outerHTML, text, colorScheme, warnings: ctx.warnings };
}

/**
 * A whole e-mail around exported HTML, for sending as it is or previewing.
 * `color-scheme` says the block is drawn in one scheme only, so Apple Mail
 * shows its colours as they are instead of inverting them; clients that force
 * dark mode anyway (Gmail and Outlook apps) recolour each element's explicit
 * colour and background together, so text keeps its contrast.
 */
export function emailDocument(email: Pick<EmailExport, 'html' | 'colorScheme'>, lang: string): string {
  const doc = detachedDocument();
  doc.documentElement.lang = lang;
  doc.title = 'E-mail';
  const meta = (name: string, content: string) => {
    const tag = doc.createElement('meta');
    tag.name = name;
    tag.content = content;
    doc.head.append(tag);
  };
  doc.head.prepend(Object.assign(doc.createElement('meta'), { httpEquiv: 'Content-Type', content: 'text/html; charset=utf-8' }));
  meta('viewport', 'width=device-width, initial-scale=1');
  meta('color-scheme', `only ${email.colorScheme}`);
  meta('supported-color-schemes', email.colorScheme);
  doc.body.setAttribute('style', 'margin:0;padding:16px');
  return `<!doctype html>${doc.documentElement.outerHTML.replace('</body>', `${email.html}</body>`)}`;
}

/** The e-mail HTML of a rendered element (see `exportEmail`). */
export function toEmailHtml(element: ExportableElement, options: EmailOptions = {}): string {
  return exportEmail(element, options).html;
}
