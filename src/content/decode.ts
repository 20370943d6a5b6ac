/**
 * Bundle bytes to JSON, the one way for the page and the CLI: UTF-8 only (a
 * byte-order mark is dropped, invalid bytes are a `parse` error), then JSON.
 */
import { ContentError, messageOf } from './content-error.js';

/** The text of UTF-8 bytes, without a leading byte-order mark; `parse` error when they are not UTF-8. */
export function decodeBundleText(bytes: Uint8Array, where: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ContentError('parse', `The bundle ${where} is not valid UTF-8 text; save it as UTF-8.`);
  }
}

/** Parses JSON text, or throws a `parse` error saying where. */
export function parseBundleText(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ContentError('parse', `The bundle ${where} is not valid JSON: ${messageOf(error)}`);
  }
}

/** JSON from bundle bytes: decoded, then parsed. */
export function parseBundleBytes(bytes: Uint8Array, where: string): unknown {
  return parseBundleText(decodeBundleText(bytes, where), where);
}
