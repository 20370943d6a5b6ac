import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { minifyCss } from './scripts/minify-css.js';
import { bundleJsonSchema } from './src/content/json-schema.js';
import { STYLESHEET_FILE, widgetsStylesheet } from './src/ssr/stylesheet.js';

const DEFAULT_BUNDLE = 'src/content/all-immune-therapies.json';

/** Writes the published JSON Schema (from the one valibot schema) and the default bundle into dist/. */
function contentFiles(): Plugin {
  return {
    name: 'therapy-content-files',
    generateBundle() {
      const schema = bundleJsonSchema();
      this.emitFile({ type: 'asset', fileName: 'therapy-bundle.schema.json', source: `${JSON.stringify(schema, null, 2)}\n` });
      this.emitFile({ type: 'asset', fileName: 'content/all-immune-therapies.json', source: readFileSync(DEFAULT_BUNDLE, 'utf8') });
    },
  };
}

/**
 * Writes dist/therapy-widgets.css: the elements' own `styles`, minified, for
 * pre-rendered cards to link from their shadow roots under a strict CSP
 * (src/ssr/stylesheet.ts).
 */
function stylesheetFile(): Plugin {
  return {
    name: 'therapy-stylesheet-file',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: STYLESHEET_FILE, source: minifyCss(widgetsStylesheet()) });
    },
  };
}

/**
 * `vite build`: the self-contained ES module, the JSON Schema and the default
 * bundle. `vite build --mode classic` (after tsc): the same code as a classic
 * script, which learns its own URL from `document.currentScript` while it runs.
 */
/**
 * Lit clones every white-space text node of a template into every card. The
 * elements' templates are indented for reading; in the built scripts, white
 * space that holds a line break between a tag or binding and the next tag or
 * binding is removed (it only ever separates blocks). A page of 100 cards then
 * builds thousands fewer nodes. Text inside a line is never touched.
 */
function compactTemplates(): Plugin {
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
 * space in the `css` templates of `*.styles.ts` go (scripts/minify-css.ts says
 * what stays). A template with a binding or an escape is left as written.
 */
function minifyStyles(): Plugin {
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

/**
 * Lit creates its Trusted Types policy `lit-html` when it loads; on a page
 * whose `trusted-types` list omits that name the call throws into the page.
 * The built scripts wrap it: a refusal is reported to
 * src/internal/trusted-types.ts, and defineElement then defines nothing (the
 * fallback content stays) and warns once. Fails the build if Lit's code changed.
 */
function trustedTypesGuard(): Plugin {
  const call = /(\w+)\?\1\.createPolicy\("lit-html",(\{createHTML:\w+=>\w+\})\):void 0/;
  const reporter = fileURLToPath(new URL('./src/internal/trusted-types.ts', import.meta.url));
  return {
    name: 'therapy-trusted-types-guard',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
      if (!call.test(code)) this.error('lit-html no longer creates its Trusted Types policy as expected: update trustedTypesGuard in vite.config.ts');
      const guarded = code.replace(call, '$1?(()=>{try{return $1.createPolicy("lit-html",$2)}catch{__therapyPolicyRefused("lit-html")}})():void 0');
      return { code: `import{policyRefused as __therapyPolicyRefused}from${JSON.stringify(reporter)};${guarded}`, map: null };
    },
  };
}

/**
 * Writes the Subresource Integrity hash of each script and stylesheet into dist/integrity.json
 * and prints it, for `<script integrity>` tags.
 */
function integrity(): Plugin {
  return {
    name: 'therapy-integrity',
    writeBundle(options, bundle) {
      const file = 'dist/integrity.json';
      const hashes: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
      for (const output of Object.values(bundle)) {
        const bytes = output.type === 'chunk' ? output.code : output.fileName.endsWith('.css') ? output.source : undefined;
        if (bytes === undefined) continue;
        hashes[output.fileName] = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
        console.log(`integrity ${output.fileName}: ${hashes[output.fileName]}`);
      }
      writeFileSync(`${options.dir ?? 'dist'}/integrity.json`, `${JSON.stringify(hashes, null, 2)}\n`);
    },
  };
}

/**
 * Finishes the npm build that tsc wrote to dist/npm (it runs between the two
 * Vite builds): the default bundle next to content/load.js, where
 * defaultBundleUrl() looks for it, and an executable bin.
 */
function finishNpmBuild(): Plugin {
  return {
    name: 'therapy-finish-npm-build',
    closeBundle() {
      if (!existsSync('dist/npm/content')) return;
      copyFileSync(DEFAULT_BUNDLE, 'dist/npm/content/all-immune-therapies.json');
      chmodSync('dist/npm/cli.js', 0o755);
    },
  };
}

/**
 * Dev server only: serves demo/strict-csp.html with a strict
 * Content-Security-Policy header, as a hospital site would send it.
 * `connect-src` allows ws://127.0.0.1:* for Vite's HMR client only.
 */
function strictCspDemo(): Plugin {
  const policy =
    "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self' ws://127.0.0.1:*";
  return {
    name: 'therapy-strict-csp-demo',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] === '/demo/strict-csp.html') res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}

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
      : [compactTemplates(), minifyStyles(), trustedTypesGuard(), contentFiles(), stylesheetFile(), integrity(), strictCspDemo()],
  };
});
