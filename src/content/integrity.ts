/**
 * Content pinning: Subresource Integrity metadata (`sha256-`, `sha384-`,
 * `sha512-`, several values separated by spaces) checked against a bundle's
 * bytes with Web Crypto. As in SRI the strongest algorithm given wins and any
 * of its values may match; `?options` after a value are ignored. Unlike SRI,
 * metadata that names no supported algorithm fails closed.
 */
import { ContentError } from './content-error.js';

const ALGORITHMS = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' } as const;
export type HashAlgorithm = keyof typeof ALGORITHMS;
/** Weakest first. */
const STRENGTH: readonly HashAlgorithm[] = ['sha256', 'sha384', 'sha512'];

/** The values of the strongest algorithm in some SRI metadata. */
export interface IntegrityMetadata {
  algorithm: HashAlgorithm;
  /** Base64 digests, any of which may match. */
  digests: readonly string[];
}

const SUPPORTED = STRENGTH.map((name) => `${name}-`).join(', ');

/** Parses SRI metadata, or throws an `integrity` error when no value names a supported algorithm. */
export function parseIntegrity(value: string): IntegrityMetadata {
  const found: Partial<Record<HashAlgorithm, string[]>> = {};
  for (const token of value.split(/[\t\n\f\r ]+/)) {
    const match = /^(sha256|sha384|sha512)-([A-Za-z0-9+/_-]+={0,2})(?:\?.*)?$/.exec(token);
    if (match) (found[match[1] as HashAlgorithm] ??= []).push(match[2]!);
  }
  for (const algorithm of [...STRENGTH].reverse()) {
    const digests = found[algorithm];
    if (digests) return { algorithm, digests };
  }
  throw new ContentError('integrity', `integrity="${value}" names no supported hash; use ${SUPPORTED} followed by the base64 digest of the bundle's bytes.`);
}

/** Base64url and missing padding compare equal to plain base64. */
function normalize(digest: string): string {
  return digest.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `sha384-…` (or another algorithm) of `bytes`, as an `integrity` value. */
export async function integrityOf(bytes: Uint8Array<ArrayBuffer>, algorithm: HashAlgorithm = 'sha384'): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new ContentError('integrity', 'The bundle is pinned with integrity, but this page cannot check it: Web Crypto (crypto.subtle) exists only on https: pages (secure contexts).');
  }
  const digest = await subtle.digest(ALGORITHMS[algorithm], bytes);
  return `${algorithm}-${toBase64(new Uint8Array(digest))}`;
}

/**
 * Resolves when `bytes` match the metadata; otherwise throws an `integrity`
 * error giving the expected values and the actual hash (and the sha384 value
 * the CLI prints, to pin the bundle as served).
 */
export async function checkIntegrity(bytes: Uint8Array<ArrayBuffer>, metadata: string, where: string): Promise<void> {
  const { algorithm, digests } = parseIntegrity(metadata);
  const actual = await integrityOf(bytes, algorithm);
  const digest = normalize(actual.slice(algorithm.length + 1));
  if (digests.some((expected) => normalize(expected) === digest)) return;
  const expected = digests.map((digest) => `${algorithm}-${digest}`).join(' or ');
  const pin = algorithm === 'sha384' ? '' : ` (its sha384 is ${await integrityOf(bytes)})`;
  throw new ContentError('integrity', `The bundle ${where} does not match its integrity pin: expected ${expected}, got ${actual}${pin}.`);
}
