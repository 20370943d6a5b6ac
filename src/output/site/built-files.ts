/**
 * The built files a site copies: the widget scripts, their stylesheet and
 * integrity.json from `dist/`, and the site's own small browser scripts from
 * `dist/site/` (compiled from src/output/site/browser/ by `npm run build`).
 * Found beside this module in the package (dist/npm/output/site/) and in a
 * clone (src/output/site/) alike.
 */
import { readFile } from 'node:fs/promises';

/** dist/ seen from this module: in the package, three folders up; in a clone, dist/ at the root. */
const DIST_CANDIDATES = ['../../../', '../../../dist/'];

/** The bytes of `path` inside the built dist/ folder; an error says to build when it is missing. */
export async function readBuilt(path: string): Promise<Buffer> {
  for (const dir of DIST_CANDIDATES) {
    try {
      return await readFile(new URL(`${dir}${path}`, import.meta.url));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`dist/${path} is missing: run \`npm run build\` first (publish copies the built scripts)`);
}

/** The Subresource Integrity of each built file, from dist/integrity.json. */
export async function builtIntegrity(): Promise<Record<string, string>> {
  return JSON.parse((await readBuilt('integrity.json')).toString('utf8')) as Record<string, string>;
}
