import { defineConfig } from 'vite';
import { contentFiles, finishNpmBuild, integrity, stylesheetFile } from './scripts/build/dist-files.js';
import { compactTemplates, minifyStyles } from './scripts/build/source-transforms.js';
import { siteDemo } from './scripts/build/site-demo.js';
import { strictCspDemo } from './scripts/build/strict-csp-demo.js';
import { trustedTypesGuard } from './scripts/build/trusted-types-guard.js';

/**
 * `vite build`: the self-contained ES module, the JSON Schema, the default
 * bundle and the stylesheet. `vite build --mode classic` (after tsc): the same
 * code as a classic script, which learns its own URL from
 * `document.currentScript` while it runs. The plugins live in scripts/build/.
 */
export default defineConfig(({ mode, command }) => {
  const classic = mode === 'classic';
  return {
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1' },
    define: {
      // Only the built script sits beside content/; in the dev server the module is src/content/load.ts.
      ...(command === 'build' ? { __THERAPY_DEFAULT_BUNDLE__: JSON.stringify('./content/all-immune-therapies.json') } : {}),
      // The classic script asks page.ts for its own URL (a real <script> only): see MODULE_URL in load.ts.
      ...(classic ? { 'import.meta.url': JSON.stringify('') } : {}),
    },
    build: {
      target: 'es2021',
      emptyOutDir: !classic,
      minify: true,
      // Lib mode keeps whitespace in ES output by default; this file is for script tags, so minify it fully.
      // Nothing tree-shakes a script tag's file further, so its @__PURE__ annotations (over 2 kB) go too.
      rolldownOptions: { output: { minify: true, comments: false } },
      lib: {
        entry: 'src/define.ts',
        name: 'TherapyWidgets',
        formats: [classic ? 'iife' : 'es'],
        fileName: () => (classic ? 'therapy-widgets.classic.js' : 'therapy-widgets.js'),
      },
    },
    plugins: classic
      ? [compactTemplates(), minifyStyles(), trustedTypesGuard(), integrity(), finishNpmBuild()]
      : [compactTemplates(), minifyStyles(), trustedTypesGuard(), contentFiles(), stylesheetFile(), integrity(), strictCspDemo(), siteDemo()],
  };
});
