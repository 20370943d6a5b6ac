/**
 * The elements' CSS as one stylesheet file (dist/therapy-widgets.css), for
 * pre-rendered cards under a strict CSP: `style-src 'self'` blocks the
 * `<style>` of a declarative shadow root, not a `<link rel="stylesheet">` to
 * a file. Made from the same `styles` the elements adopt: the shared base
 * once, then each element's own rules with `:host` narrowed to its tag, so
 * one file serves every card.
 */
import type { CSSResultOrNative, CSSResult } from 'lit';
import { styles as baseStyles } from '../internal/content-element.styles.js';
import { ELEMENTS } from './registry.js';

/** The file's name, next to the script (`therapy-widgets.js`). */
export const STYLESHEET_FILE = 'therapy-widgets.css';

function cssText(style: CSSResultOrNative): string {
  return (style as CSSResult).cssText;
}

/** `:host` and `:host(...)` narrowed to `tag`: `:host(therapy-card)`, `:host(therapy-card[variant='compact'])`. */
export function scopeHost(css: string, tag: string): string {
  return css.replace(/:host(\()?/g, (_match, open: string | undefined) => (open ? `:host(${tag}` : `:host(${tag})`));
}

/** The CSS text of the stylesheet file. */
export function widgetsStylesheet(): string {
  const own = ELEMENTS.flatMap(({ tag, ctor }) =>
    ([ctor.styles].flat(Infinity) as unknown as CSSResultOrNative[]).filter((style) => style !== baseStyles).map((style) => scopeHost(cssText(style), tag)),
  );
  return [cssText(baseStyles), ...own].join('\n');
}
