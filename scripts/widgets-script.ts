/** The script-tag build of a source tree, in memory: minified, Lit in production mode, like dist/therapy-widgets.js. */
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const ROOT = resolve(import.meta.dirname, '..');

/** Bundles `dir`/src/define.ts (default: this checkout); packages resolve from this checkout's node_modules. */
export async function widgetsScript(dir = ROOT): Promise<string> {
  const result = await build({
    entryPoints: [join(dir, 'src/define.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: 'es2022',
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}
