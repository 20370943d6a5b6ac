/**
 * A card's markup made lean for a card that is never hydrated, the same from
 * Lit's server output and from a live shadow root's `innerHTML`: comments go
 * (Lit's markers: `<!--lit-part …-->`, `<!--lit-node N-->`, `<!--?lit$…$-->`,
 * the empty `<?>` of an empty binding), and so does the obsolete
 * `shadowroot` attribute. Text and attribute values never hold `<` (both
 * serializers escape it), so only markup matches. Pure string work: runs in
 * Node and in the page.
 */
import { STYLESHEET_FILE } from './stylesheet.js';

const COMMENTS = /<!--[^]*?-->|<\?>/g;

/** A value escaped for a double-quoted attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** A start tag, to tidy the spaces left where a binding wrote no attribute. */
const START_TAG = /<([a-z][a-z0-9-]*)((?:\s+[^\s"'>\/=]+(?:="[^"]*")?)*)\s*(\/?)>/g;

/** `html` without Lit's hydration markers and with the indentation of the templates gone, as the built script renders it. */
export function leanMarkup(html: string): string {
  return html
    .replace(COMMENTS, '')
    .replace(/ shadowroot="open"(?= shadowrootmode)/g, '')
    .replace(START_TAG, (_tag, name: string, attributes: string, slash: string) => `<${name}${attributes.replace(/\s+/g, ' ')}${slash}>`)
    // The rule of compactTemplates in vite.config.ts: white space holding a line break between two tags only ever separates blocks.
    .replace(/>[ \t]*\n\s*</g, '><');
}

/** The link to the elements' stylesheet that a pre-rendered shadow root starts with (strict CSP blocks an inline `<style>`). */
export function stylesheetLink(stylesheetUrl: string, integrity?: string): string {
  const pin = integrity ? ` integrity="${escapeAttribute(integrity)}" crossorigin="anonymous"` : '';
  return `<link rel="stylesheet" href="${escapeAttribute(stylesheetUrl)}"${pin}>`;
}

/** The shadow root's `<style>` blocks replaced by one stylesheet link. */
export function linkedStyles(html: string, stylesheetUrl: string): string {
  return html.replace(/(<template shadowrootmode="open">)<style>[^]*?<\/style>/g, `$1${stylesheetLink(stylesheetUrl)}`);
}

/** The stylesheet's URL: the script's, with the file name changed. */
export function stylesheetUrlOf(scriptUrl: string): string {
  return scriptUrl.replace(/[^/?#]*(?:[?#].*)?$/, STYLESHEET_FILE);
}
