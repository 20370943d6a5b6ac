import { readdirSync, readFileSync } from 'node:fs';
import { transformWithOxc, type Plugin } from 'vite';

const SOURCE_DIR = 'src/output/site/browser/';

/**
 * Writes dist/site/NAME.js for each src/output/site/browser/NAME.ts: the
 * published site's small classic scripts (no imports), types stripped.
 * `therapy-widgets publish` copies them into the site.
 */
export function siteScripts(): Plugin {
  return {
    name: 'therapy-site-scripts',
    async generateBundle() {
      for (const file of readdirSync(SOURCE_DIR).filter((name) => name.endsWith('.ts'))) {
        const { code } = await transformWithOxc(readFileSync(`${SOURCE_DIR}${file}`, 'utf8'), file, { lang: 'ts', target: 'es2021' });
        this.emitFile({ type: 'asset', fileName: `site/${file.replace(/\.ts$/, '.js')}`, source: code });
      }
    },
  };
}
