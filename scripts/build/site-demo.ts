import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Plugin, ViteDevServer } from 'vite';

const DEFAULT_BUNDLE = 'src/content/all-immune-therapies.json';
const OUT = 'site';

/** Runs a command; resolves with its exit code. */
function run(command: string, args: readonly string[]): Promise<number | null> {
  return new Promise((resolve) => spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] }).on('close', resolve));
}

/** Content types of the files a published site holds. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

/**
 * The file of site/ that a request for /site/… names, or undefined. Served
 * byte for byte, as a static host would: Vite's own pipeline rewrites
 * JavaScript, which would break every `integrity` the site pins.
 */
function siteFile(url: string): string | undefined {
  const path = decodeURIComponent(new URL(url, 'http://x').pathname);
  if (!path.startsWith(`/${OUT}/`)) return undefined;
  const file = normalize(join(OUT, path.slice(OUT.length + 2)));
  if (file !== OUT && !file.startsWith(`${OUT}${sep}`)) return undefined;
  const found = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
  return existsSync(found) && statSync(found).isFile() ? found : undefined;
}

/**
 * Dev server only (`npm start`): publishes the default bundle as a content
 * site into site/ (git-ignored), served at /site/, once the server listens
 * and again whenever the bundle changes. Publishing copies the built widget
 * files, so a fresh clone gets `npm run build` first.
 */
export function siteDemo(): Plugin {
  return {
    name: 'therapy-site-demo',
    apply: 'serve',
    configureServer(server: ViteDevServer) {
      const logger = server.config.logger;
      server.middlewares.use((req, res, next) => {
        const file = req.url ? siteFile(req.url) : undefined;
        if (!file) return next();
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(file));
      });
      let baseUrl = '';
      const publish = async () => {
        if (!existsSync('dist/therapy-widgets.js') || !existsSync('dist/npm/cli/main.js')) {
          logger.info('site demo: building dist/ first (npm run build)…');
          if ((await run('npm', ['run', '--silent', 'build'])) !== 0) return logger.error('site demo: the build failed');
        }
        const code = await run(process.execPath, ['bin/therapy-widgets.js', 'publish', DEFAULT_BUNDLE, '--base-url', baseUrl, '--out', OUT]);
        if (code === 0) logger.info(`site demo: published the default bundle at ${baseUrl}`);
        else logger.error('site demo: publish failed');
      };
      server.httpServer?.once('listening', () => {
        const { port } = server.httpServer!.address() as AddressInfo;
        baseUrl = `http://127.0.0.1:${port}/${OUT}/`;
        void publish();
      });
      server.watcher.on('change', (file) => {
        if (baseUrl && file.endsWith(DEFAULT_BUNDLE)) void publish();
      });
    },
  };
}
