/**
 * The bytes of a bundle named on the command line (a file path, a `file:` URL
 * or an http(s) URL), refusing more than the elements would accept.
 */
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MAX_BYTES, fetchBytes } from '../content/fetch-bytes.js';

/** A file's bytes, refusing more than the elements would accept. */
async function readFileCapped(path: string): Promise<Uint8Array<ArrayBuffer>> {
  const file = await open(path, 'r');
  try {
    const buffer = new Uint8Array(DEFAULT_MAX_BYTES + 1);
    let size = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, size, buffer.length - size, null);
      if (bytesRead === 0) return buffer.slice(0, size);
      size += bytesRead;
      if (size > DEFAULT_MAX_BYTES) throw new Error(`larger than ${DEFAULT_MAX_BYTES / 1024} KB, the limit the elements apply`);
    }
  } finally {
    await file.close();
  }
}

/** The bytes of `target`: fetched for an http(s) URL, read from the file of a `file:` URL or a path. */
export async function readTarget(target: string): Promise<Uint8Array<ArrayBuffer>> {
  if (/^https?:\/\//i.test(target)) return (await fetchBytes(target)).bytes;
  return readFileCapped(/^file:/i.test(target) ? fileURLToPath(target) : target);
}
