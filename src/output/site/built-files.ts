/**
 * The built files a site copies from `dist/`: the widget scripts and their
 * stylesheet. Found from this module in the package (dist/npm/output/site/)
 * and in a clone (src/output/site/) alike.
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
