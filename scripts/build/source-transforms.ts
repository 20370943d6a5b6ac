/**
 * Transforms of our own source in the built scripts: templates without the
 * line-break white space they are indented with, and minified CSS.
 */
import type { Plugin } from 'vite';
import { minifyCss } from './minify-css.js';

/**
 * Lit clones every white-space text node of a template into every card. The
 * elements' templates are indented for reading; in the built scripts, white
 * space that holds a line break between a tag or binding and the next tag or
 * binding is removed (it only ever separates blocks). A page of 100 cards then
 * builds thousands fewer nodes. Text inside a line is never touched.
 */
export function compactTemplates(): Plugin {
  return {
    name: 'therapy-compact-templates',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || id.endsWith('.styles.ts') || !/from 'lit'/.test(code)) return null;
      return { code: code.replace(/([>}`])[ \t]*\n\s*(?=<|`|\$\{)/g, '$1'), map: null };
    },
  };
}

/**
 * The built scripts carry the elements' CSS minified: comments and layout white
 * space in the `css` templates of `*.styles.ts` go (scripts/build/minify-css.ts
 * says what stays). A template with a binding or an escape is left as written.
 */
export function minifyStyles(): Plugin {
  return {
    name: 'therapy-minify-styles',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.styles\.ts$/.test(id)) return null;
      const minified = code.replace(/\bcss`([^`]*)`/g, (template, css: string) =>
        css.includes('${') || css.includes('\\') ? template : `css\`${minifyCss(css)}\``,
      );
      return { code: minified, map: null };
    },
  };
}
