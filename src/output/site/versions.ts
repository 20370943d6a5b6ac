/**
 * Versions that never break a pin (SPEC section 9): every bundle the site has
 * published stays at an immutable address named by its hash, and embed code
 * pinned with `integrity` points there; the latest bundle sits at one fixed
 * address for code that follows it, unpinned.
 */
import { createHash } from 'node:crypto';
import { integrityOf } from '../../content/integrity.js';
import { BUNDLES_DIR, SITE_FILES } from './addresses.js';

/** The two addresses of a published bundle and the `integrity` that pins it. */
export interface BundleVersion {
  /** The immutable copy: `bundles/<id>.<hash>.json`. */
  pinnedPath: string;
  /** The latest bundle: `bundle.json`, replaced by each publish. */
  latestPath: string;
  /** Subresource Integrity of the bytes (`sha384-…`). */
  integrity: string;
}

/** The version of `bytes`, a bundle whose id is `id`. */
export async function bundleVersion(id: string, bytes: Uint8Array<ArrayBuffer>): Promise<BundleVersion> {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return {
    pinnedPath: `${BUNDLES_DIR}${id}.${hash}.json`,
    latestPath: SITE_FILES.bundle,
    integrity: await integrityOf(bytes),
  };
}

/** True for files a new publish keeps: hash-named bundles and the widget scripts of each release. */
export function isKeptAcrossPublishes(path: string): boolean {
  return path.startsWith(BUNDLES_DIR) || path.startsWith('widgets/');
}
