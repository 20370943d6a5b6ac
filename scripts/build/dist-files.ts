/**
 * Files the build writes beside the scripts: the JSON Schema, the default
 * bundle, the stylesheet, the integrity of each, and the finishing touches of
 * the npm build.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { bundleJsonSchema } from '../../src/content/json-schema.js';
import { STYLESHEET_FILE, widgetsStylesheet } from '../../src/output/stylesheet.js';
import { minifyCss } from './minify-css.js';

const DEFAULT_BUNDLE = 'src/content/all-immune-therapies.json';

/** Writes the published JSON Schema (from the one valibot schema) and the default bundle into dist/. */
export function contentFiles(): Plugin {
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
 * (src/output/stylesheet.ts).
 */
export function stylesheetFile(): Plugin {
  return {
    name: 'therapy-stylesheet-file',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: STYLESHEET_FILE, source: minifyCss(widgetsStylesheet()) });
    },
  };
}

/**
 * Writes the Subresource Integrity hash of each script and stylesheet into dist/integrity.json
 * and prints it, for `<script integrity>` tags.
 */
export function integrity(): Plugin {
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
export function finishNpmBuild(): Plugin {
  return {
    name: 'therapy-finish-npm-build',
    closeBundle() {
      if (!existsSync('dist/npm/content')) return;
      copyFileSync(DEFAULT_BUNDLE, 'dist/npm/content/all-immune-therapies.json');
      chmodSync('dist/npm/cli/main.js', 0o755);
    },
  };
}
