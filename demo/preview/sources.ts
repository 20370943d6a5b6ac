/**
 * Reading bundle text for the editor: from a URL (bounded like the elements'
 * loader: 15 s, 2 MB, no credentials cross-origin) or from a local file.
 */
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from '../../src/content/load.js';

function tooLarge(what: string): Error {
  return new Error(`${what} is larger than ${Math.round(DEFAULT_MAX_BYTES / 1024 / 1024)} MB; a bundle is usually tens of kilobytes.`);
}

/** The text at `url` (absolute, or relative to the page). Rejects with a readable Error. */
export async function fetchText(url: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<{ text: string; url: string }> {
  let target: URL;
  try {
    target = new URL(url, document.baseURI);
  } catch {
    throw new Error(`"${url}" is not a URL.`);
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error(`Only http: and https: URLs can be loaded, not ${target.protocol}`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(target.href, { credentials: 'same-origin', signal: controller.signal });
    } catch (error) {
      throw new Error(controller.signal.aborted
        ? `${target.href} did not answer within ${timeoutMs / 1000} s.`
        : `${target.href} could not be fetched (${(error as Error).message}). Check the URL, and that its server allows this page to read it (CORS).`);
    }
    if (!response.ok) throw new Error(`${target.href} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
    if (Number(response.headers.get('content-length')) > DEFAULT_MAX_BYTES) throw tooLarge(target.href);
    const text = await response.text();
    if (text.length > DEFAULT_MAX_BYTES) throw tooLarge(target.href);
    return { text, url: response.url || target.href };
  } finally {
    clearTimeout(timer);
  }
}

/** The text of a local file the editor picked or dropped. */
export async function readFile(file: File): Promise<string> {
  if (file.size > DEFAULT_MAX_BYTES) throw tooLarge(file.name);
  return file.text();
}
