/**
 * A short fingerprint of bytes or text (53 bits, base 36), to tell cheaply
 * and synchronously whether two inputs are the same: a bundle's bytes, a
 * rendering's inputs. Not a security check (integrity.ts pins bytes with
 * SHA-2); a page that can change the bundle can change the card anyway.
 */

/** The fingerprint of `data`: its bytes, or a string's UTF-16 code units. */
export function fingerprint(data: Uint8Array | string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const text = typeof data === 'string';
  for (let i = 0; i < data.length; i++) {
    const unit = text ? data.charCodeAt(i) : data[i]!;
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
