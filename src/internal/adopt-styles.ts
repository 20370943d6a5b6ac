/**
 * Styles for a shadow root in whatever document it now lives in. Lit adopts
 * constructable stylesheets made in the document that defined the element; a
 * card moved into another document (adoptNode into an iframe) cannot use
 * them there, and Chromium drops them. This adopts sheets made by that
 * document's own window, once per document, and the original ones at home.
 */
import { adoptStyles, type CSSResult, type CSSResultOrNative } from 'lit';

const foreignSheets = new WeakMap<Document, Map<CSSResultOrNative, CSSStyleSheet>>();

function cssText(style: CSSResultOrNative): string {
  if (style instanceof CSSStyleSheet) return [...style.cssRules].map((rule) => rule.cssText).join('\n');
  return (style as CSSResult).cssText;
}

function sheetsFor(doc: Document, styles: readonly CSSResultOrNative[]): CSSStyleSheet[] | undefined {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (!Sheet) return undefined;
  let cache = foreignSheets.get(doc);
  if (!cache) foreignSheets.set(doc, (cache = new Map()));
  return styles.map((style) => {
    let sheet = cache!.get(style);
    if (!sheet) {
      sheet = new Sheet();
      sheet.replaceSync(cssText(style));
      cache!.set(style, sheet);
    }
    return sheet;
  });
}

/** Gives `root` the element's styles in the document it is connected to now. */
export function adoptStylesIn(root: ShadowRoot, styles: readonly CSSResultOrNative[]): void {
  const doc = root.ownerDocument;
  if (doc === document) {
    adoptStyles(root, styles as CSSResultOrNative[]);
    return;
  }
  const sheets = sheetsFor(doc, styles);
  if (sheets) root.adoptedStyleSheets = sheets;
}
