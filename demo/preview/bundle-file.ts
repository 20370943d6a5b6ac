/**
 * Saving the editor's bundle as a file: the exact text as typed (UTF-8, no
 * reformatting), named after the bundle's `id`. Its integrity is
 * `integrityOf(text)` (sources.ts), the value embed code pins it with.
 */
import { findNodeAtLocation, type Node } from 'jsonc-parser';

/** `ID.json` from the bundle's top-level `id` when it is a plain name, else `bundle.json`. */
export function bundleFileName(tree: Node | undefined): string {
  const id = tree ? findNodeAtLocation(tree, ['id'])?.value : undefined;
  const safe = typeof id === 'string' ? id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '').slice(0, 100) : '';
  return `${safe || 'bundle'}.json`;
}

/** The file a download saves: the text's UTF-8 bytes. */
export function bundleBlob(text: string): Blob {
  return new Blob([text], { type: 'application/json' });
}

/** Starts the browser's download of `blob` as `name`. */
export function download(blob: Blob, name: string, root: ShadowRoot | Document): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  (root instanceof Document ? root.body : root).append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
