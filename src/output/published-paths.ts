/**
 * The addresses of a content site made by `therapy-widgets publish` (SPEC
 * section 9) that embed code points at, in one place for the preview page
 * and the publish command: every bundle published stays at an immutable
 * address named by its hash (`bundles/<id>.<hash>.json`, kept across
 * publishes), the latest at `bundle.json`, and the widget script and its
 * stylesheet of each release under `widgets/<version>/`. Runs in browsers
 * and Node alike (Web Crypto), and touches no DOM.
 */
import { VERSION } from '../internal/define.js';
import { STYLESHEET_FILE } from './stylesheet.js';

/** The latest bundle, replaced by each publish (unpinned embed code follows it). */
export const LATEST_BUNDLE_FILE = 'bundle.json';
/** Folder of the hash-named bundles, kept across publishes. */
export const BUNDLES_DIR = 'bundles/';
/** Folder of the widget script and stylesheet of this release, kept across publishes. */
export const WIDGETS_DIR = `widgets/${VERSION}/`;
/** The widget script's file name, in dist/ and in the site. */
export const SCRIPT_FILE = 'therapy-widgets.js';
/** Hex digits of the bundle's SHA-256 in its immutable name. */
const HASH_DIGITS = 16;

/** The immutable path of a bundle's bytes, relative to the site's base: `bundles/<id>.<first 16 hex of its SHA-256>.json`. */
export async function pinnedBundlePath(id: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  const hex = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${BUNDLES_DIR}${id}.${hex.slice(0, HASH_DIGITS)}.json`;
}

/** A site's base URL as publish writes it: http(s), no query or fragment, ending in `/`. Throws a readable Error otherwise. */
export function siteBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`"${value}" is not a web address; write it in full, like https://cards.example.org/therapy/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`The site's address must start with https:// (got ${url.protocol})`);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The absolute addresses embed code loads from a site published at `baseUrl` (see `siteBaseUrl`). */
export function siteAddresses(baseUrl: string, pinnedPath: string): { bundle: string; script: string; stylesheet: string } {
  return {
    bundle: new URL(pinnedPath, baseUrl).href,
    script: new URL(`${WIDGETS_DIR}${SCRIPT_FILE}`, baseUrl).href,
    stylesheet: new URL(`${WIDGETS_DIR}${STYLESHEET_FILE}`, baseUrl).href,
  };
}

/** The command that builds the site from a bundle file. */
export function publishCommand(bundleFile: string, baseUrl: string): string {
  return `npx therapy-widgets publish ${bundleFile} --base-url ${baseUrl} --out site/`;
}
