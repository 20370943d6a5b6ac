/**
 * Reading bundle text for the editor: from a URL, through the elements' own
 * bounded fetch (15 s, 2 MB, no credentials cross-origin), or from a local
 * file; and the Subresource Integrity values that pin what embed code loads.
 */
import { integrityOf as bytesIntegrity } from '../../src/content/integrity.js';
import { DEFAULT_MAX_BYTES, fetchBundleText } from '../../src/content/load.js';

/** The text at `url` (absolute, or relative to the page). Rejects with a readable Error. */
export async function fetchText(url: string): Promise<{ text: string; url: string }> {
  let target: URL;
  try {
    target = new URL(url, document.baseURI);
  } catch {
    throw new Error(`"${url}" is not a URL.`);
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error(`Only http: and https: URLs can be loaded, not ${target.protocol}`);
  return fetchBundleText(target.href);
}

/** The text of a local file the editor picked or dropped. */
export async function readFile(file: File): Promise<string> {
  if (file.size > DEFAULT_MAX_BYTES) {
    throw new Error(`${file.name} is larger than ${Math.round(DEFAULT_MAX_BYTES / 1024 / 1024)} MB; a bundle is usually tens of kilobytes.`);
  }
  return file.text();
}

/** `sha384-…` of some text's UTF-8 bytes (the bytes "Download bundle" saves), by the elements' own integrityOf. */
export async function integrityOf(text: string): Promise<string> {
  return bytesIntegrity(new TextEncoder().encode(text));
}

/**
 * The integrity of the script at `scriptUrl` from the `integrity.json` the
 * build writes beside it, when this page's own server serves it; undefined
 * otherwise (nothing is requested from another site).
 */
export async function servedScriptIntegrity(scriptUrl: string): Promise<string | undefined> {
  try {
    const script = new URL(scriptUrl, document.baseURI);
    if (script.origin !== location.origin) return undefined;
    const response = await fetch(new URL('integrity.json', script));
    if (!response.ok) return undefined;
    const hashes = (await response.json()) as Record<string, unknown>;
    const value = hashes[script.pathname.split('/').pop()!];
    return typeof value === 'string' && /^sha(256|384|512)-/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
