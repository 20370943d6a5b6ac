/**
 * An HTTP/2 server over TLS on 127.0.0.1, as a CDN or a hospital's host
 * serves a page (browsers speak HTTP/2 only over TLS), with a throwaway
 * self-signed certificate made by `openssl` for this run (the browser is
 * started with --ignore-certificate-errors). Bench only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Listening {
  origin: string;
  close(): void;
}

/** Listens with `handler`; a string says why it cannot (no `openssl` on this machine). */
export async function listenHttp2(handler: (req: Http2ServerRequest, res: Http2ServerResponse) => void): Promise<Listening | string> {
  const dir = mkdtempSync(join(tmpdir(), 'therapy-bench-tls-'));
  try {
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { encoding: 'utf8' });
    if (made.error || made.status !== 0) return `skipped: openssl could not make a certificate (${made.error?.message ?? made.stderr.trim().split('\n').at(-1)})`;
    const server = createSecureServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')), allowHTTP1: true }, handler);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return { origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
