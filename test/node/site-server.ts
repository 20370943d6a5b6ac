// Static servers for the published-site tests: the site as a static host
// serves it (with the strict CSP header SPEC section 9 names, and CORS for
// embeds on other sites), and plain pages of a "blog" on another origin.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';

export const SITE_CSP = "default-src 'self'; img-src 'self' data:";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface Running {
  origin: string;
  /** Paths requested, in order (with their query). */
  requests: string[];
  close(): Promise<void>;
}

async function listen(server: Server, requests: string[]): Promise<Running> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Serves the folder `root` at `/PREFIX/`, as a static host would (folders answer with their index.html). */
export function serveSite(root: string, prefix: string): Promise<Running> {
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url ?? '');
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
    const file = path.startsWith(`/${prefix}/`) ? path.slice(prefix.length + 2) + (path.endsWith('/') ? 'index.html' : '') : undefined;
    try {
      if (file === undefined || file.split('/').includes('..')) throw new Error('outside');
      const body = await readFile(join(root, file));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': SITE_CSP, 'access-control-allow-origin': '*' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return listen(server, requests);
}

/** Serves the pages in `pages` (path → HTML) with no CSP: a blog that embeds cards. */
export function servePages(pages: Map<string, string>): Promise<Running> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const page = pages.get(new URL(req.url ?? '/', 'http://blog').pathname);
    if (page === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  return listen(server, requests);
}
