/**
 * The bytes at a bundle URL, bounded whatever `fetch` does (the page may have
 * replaced it): a timer raced against every step, a size cap on the declared
 * length, on the stream and on a body without a stream, no credentials
 * cross-origin, and no redirect to another origin.
 */
import { ContentError, messageOf } from './content-error.js';

export interface FetchLimits {
  /** Give up after this many milliseconds (SPEC: 15 s). */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (SPEC: 2 MB). */
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** Raw bytes and the URL they came from after same-origin redirects. */
export interface FetchedBytes {
  bytes: Uint8Array<ArrayBuffer>;
  url: string;
}

function tooLarge(url: string, maxBytes: number): ContentError {
  return new ContentError('network', `The bundle at ${url} is larger than ${Math.round(maxBytes / 1024)} KB.`);
}

function join(chunks: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function readBody(response: Response, url: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, maxBytes);
  }
  if (!response.body) {
    const buffer = await response.arrayBuffer();
    if (!(buffer instanceof ArrayBuffer)) throw new TypeError('the response has no readable body');
    if (buffer.byteLength > maxBytes) throw tooLarge(url, maxBytes);
    return new Uint8Array(buffer);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return join(chunks, size);
    if (!(value instanceof Uint8Array)) throw new TypeError('the response body is not bytes');
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(url, maxBytes);
    }
    chunks.push(value);
  }
}

async function request(url: string, signal: AbortSignal, maxBytes: number): Promise<FetchedBytes> {
  let response: Response;
  try {
    // Credentials only to the page's own origin; no cookies cross-origin.
    response = await fetch(url, { credentials: 'same-origin', signal });
  } catch (error) {
    throw new ContentError('network', `The bundle at ${url} could not be fetched (${messageOf(error)}); check the URL and its CORS headers.`);
  }
  try {
    const finalUrl = response.url || url;
    const from = new URL(url).origin;
    const to = new URL(finalUrl).origin;
    if (to !== from) {
      await response.body?.cancel().catch(() => undefined);
      throw new ContentError('network', `The bundle at ${url} redirects from ${from} to another origin, ${to}; a bundle is only read from the origin its URL names.`);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new ContentError('network', `The bundle at ${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
    }
    return { bytes: await readBody(response, url, maxBytes), url: finalUrl };
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw new ContentError('network', `The bundle at ${url} broke off while loading (${messageOf(error)}).`);
  }
}

/** Fetches `url` within the limits. Rejects with a `network` ContentError only. */
export async function fetchBytes(url: string, limits: FetchLimits = {}): Promise<FetchedBytes> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new ContentError('network', `The bundle at ${url} did not arrive within ${timeoutMs / 1000} s.`));
      controller.abort();
    }, timeoutMs);
  });
  try {
    return await Promise.race([request(url, controller.signal, limits.maxBytes ?? DEFAULT_MAX_BYTES), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
