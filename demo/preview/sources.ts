/**
 * Reading bundle text for the editor: from a URL, through the elements' own
 * bounded fetch (15 s, 2 MB, no credentials cross-origin), or from a local
 * file; and the Subresource Integrity values that pin what embed code loads.
 */
import { integrityOf as integrityOfBytes } from '../../src/content/integrity.js';
import { DEFAULT_MAX_BYTES, fetchBundleText } from '../../src/content/load.js';
import { STYLESHEET_FILE } from '../../src/output/stylesheet.js';

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

/** `sha384-…` of some text's UTF-8 bytes (Web Crypto), as a Subresource Integrity value. */
export function integrityOf(text: string): Promise<string> {
  return integrityOfBytes(new TextEncoder().encode(text));
}

/** Subresource Integrity of a script and of the stylesheet beside it. */
export interface ServedPins {
  script?: string;
  stylesheet?: string;
}

/** The pin of `file` from an `integrity.json` listing, when it holds one. */
function listed(hashes: Record<string, unknown>, file: string): string | undefined {
  const value = hashes[file];
  return typeof value === 'string' && /^sha(256|384|512)-/.test(value) ? value : undefined;
}

/** The integrity of the bytes this page's server serves at `url`; undefined when it serves none. */
async function servedBytesIntegrity(url: URL): Promise<string | undefined> {
  const response = await fetch(url);
  return response.ok ? integrityOfBytes(new Uint8Array(await response.arrayBuffer())) : undefined;
}

/**
 * The integrity of the script at `scriptUrl` and of the stylesheet beside it,
 * when this page's own server serves them (any same-origin path): from the
 * `integrity.json` the build writes beside them, else from the bytes as
 * served. Nothing is requested from another site.
 */
export async function servedPins(scriptUrl: string): Promise<ServedPins> {
  try {
    const script = new URL(scriptUrl, document.baseURI);
    if (script.origin !== location.origin) return {};
    const stylesheet = new URL(STYLESHEET_FILE, script);
    const response = await fetch(new URL('integrity.json', script));
    const hashes = response.ok ? ((await response.json().catch(() => ({}))) as Record<string, unknown>) : {};
    const scriptPin = listed(hashes, script.pathname.split('/').pop()!) ?? (await servedBytesIntegrity(script));
    const stylesheetPin = listed(hashes, STYLESHEET_FILE) ?? (await servedBytesIntegrity(stylesheet));
    return { ...(scriptPin ? { script: scriptPin } : {}), ...(stylesheetPin ? { stylesheet: stylesheetPin } : {}) };
  } catch {
    return {};
  }
}
