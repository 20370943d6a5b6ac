/**
 * Reading bundle text for the editor: from a URL, through the elements' own
 * bounded fetch (15 s, 2 MB, no credentials cross-origin), or from a local file.
 */
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
