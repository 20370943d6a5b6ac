/**
 * Lit's server output made lean for a card that is never hydrated: the
 * comments only Lit's hydration reads go (`<!--lit-part …-->`,
 * `<!--/lit-part-->`, `<!--lit-node N-->`, the empty `<?>` of an empty
 * binding), and so does the obsolete `shadowroot` attribute. Text and
 * attribute values never hold `<` (Lit escapes it), so only markup matches.
 */
import { escapeAttribute } from '../export/snippet.js';

const LIT_COMMENTS = /<!--(?:\/?lit-part[^>]*|lit-node \d+)-->|<\?>/g;

/** A start tag, to tidy the spaces left where a binding wrote no attribute. */
const START_TAG = /<([a-z][a-z0-9-]*)((?:\s+[^\s"'>\/=]+(?:="[^"]*")?)*)\s*(\/?)>/g;

/** `html` without Lit's hydration markers and with the indentation of the templates gone, as the built script renders it. */
export function leanMarkup(html: string): string {
  return html
    .replace(LIT_COMMENTS, '')
    .replace(/ shadowroot="open"(?= shadowrootmode)/g, '')
    .replace(START_TAG, (_tag, name: string, attributes: string, slash: string) => `<${name}${attributes.replace(/\s+/g, ' ')}${slash}>`)
    // The rule of compactTemplates in vite.config.ts: white space holding a line break between two tags only ever separates blocks.
    .replace(/>[ \t]*\n\s*</g, '><');
}

/** The shadow root's `<style>` blocks replaced by one stylesheet link (strict CSP blocks inline styles). */
export function linkedStyles(html: string, stylesheetUrl: string): string {
  const link = `<link rel="stylesheet" href="${escapeAttribute(stylesheetUrl)}">`;
  return html.replace(/(<template shadowrootmode="open">)<style>[^]*?<\/style>/g, `$1${link}`);
}
