/**
 * The pre-rendered card (SPEC section 3) of one item, in Node: the element
 * with its attributes holding a declarative shadow root with the card as the
 * elements render it (Lit's server renderer, hydration markers stripped,
 * styles linked from a file so a strict CSP allows them), the readable
 * fallback beside it, and the item's schema.org JSON-LD.
 */
import type { CSSResult, LitElement } from 'lit';
import type { LoadedBundle } from '../content/load.js';
import type { ItemKind } from '../content/schema.js';
import { FALLBACK_RULE } from './rendered.js';
import { jsonLdOf, jsonLdScript, type JsonLdItem } from './json-ld.js';
import { entryOfKind } from './registry.js';
import { classLayout, fallbackHtml } from './fallback.js';
import { leanMarkup, linkedStyles } from './lean-markup.js';
import { renderElement } from './render-element.js';

export interface PrerenderOptions {
  /** Attributes of the element besides the one that picks the item: `src`, `integrity`, `lang`, `variant`, `theme`, `heading-level`. */
  attributes?: Readonly<Record<string, string>>;
  /** URL of therapy-widgets.css: linked from the shadow root instead of an inline `<style>`. Absent: Lit's `<style>`. */
  stylesheetUrl?: string;
}

/** Splits the element's markup at its shadow root's end: the host's start tag and shadow root, and the closing tag. */
const SHADOW_ROOT = '<template shadowrootmode="open">';

function splitHost(markup: string, tag: string): { open: string; shadow: string; close: string } {
  const at = markup.indexOf(SHADOW_ROOT);
  const end = markup.lastIndexOf('</template>');
  if (at < 0 || end < at) throw new Error(`<${tag}> rendered no shadow root.`);
  const start = at + SHADOW_ROOT.length;
  return { open: markup.slice(0, start), shadow: markup.slice(start, end), close: markup.slice(end + '</template>'.length) };
}

/**
 * The pre-rendered card of `item` (from `kind`) in `loaded`. The loader must
 * already hold `loaded` for the element's `src` (or the default bundle when
 * no `src` is given): the server renderer renders in one synchronous pass.
 */
export async function prerenderCard(kind: Exclude<ItemKind, 'experts'>, item: { id: string }, loaded: LoadedBundle, options: PrerenderOptions = {}): Promise<string> {
  const entry = entryOfKind(kind)!;
  const markup = leanMarkup(await renderElement(entry, { ...options.attributes, [entry.idAttribute]: item.id }));
  const { open, shadow, close } = splitHost(markup, entry.tag);
  const css = (entry.ctor as unknown as typeof LitElement).elementStyles.map((style) => (style as CSSResult).cssText).join('\n');
  const fallback = fallbackHtml(shadow, classLayout(css));
  const jsonLd = jsonLdScript(jsonLdOf({ kind, item } as JsonLdItem, loaded.bundle, loaded.baseUrl));
  const styled = options.stylesheetUrl ? linkedStyles(open + shadow, options.stylesheetUrl) : open + shadow;
  const rule = `<${FALLBACK_RULE}>`;
  return `${styled}</template>${rule}${fallback}${rule}${jsonLd}${close}`;
}
