/**
 * Loads content bundles from every source the elements accept, through one
 * shared cache: a bundle object, `#id` of an inline JSON script, a URL, or the
 * default bundle shipped next to the script. A URL's bytes are fetched once
 * per page; each `integrity` pin gets its own verdict on them.
 */
import { ContentError, messageOf } from './content-error.js';
import { decodeBundleText, parseBundleText } from './decode.js';
import { fetchBytes, type FetchedBytes, type FetchLimits } from './fetch-bytes.js';
import { checkIntegrity, integrityOf } from './integrity.js';
import { currentScriptUrl, elementById, hasDocument, pageBaseUrl, stillParsing, whenParsed } from './page.js';
import { pageVerdictLines, salvageSteps, type HiddenItem, type Salvage } from './salvage.js';
import { finish, finishSliced, handOver, pacer } from './own-data.js';
import { formatProblems, type Bundle } from './schema.js';

export { ContentError, type ContentErrorCode } from './content-error.js';
export { parseBundleText } from './decode.js';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './fetch-bytes.js';

/** A usable bundle, the URL its relative links resolve against, and the items it hides. */
export interface LoadedBundle {
  /** Every sound item of the bundle: items with problems (and what depends on them) are left out. */
  bundle: Bundle;
  /** Absolute URL of the bundle after same-origin redirects (or of the page, for inline and object bundles). */
  baseUrl: string;
  /** The items left out of `bundle`, and why. */
  hidden: readonly HiddenItem[];
  /** SHA-256 of the bytes the bundle was read from, as `sha256-…` (render-key.ts); absent for a bundle object, or without Web Crypto (http: pages). */
  fingerprint?: string;
}

/** Where a bundle comes from: an object, `#id`, a URL, or nothing for the default. */
export type BundleSource = object | string | null | undefined;

export interface LoadOptions extends FetchLimits {
  /** SRI metadata (`sha384-…`) the bundle's bytes must match; empty means no pin. */
  integrity?: string | null;
}

declare const __THERAPY_DEFAULT_BUNDLE__: string | undefined;

/**
 * The default bundle's path relative to this module. The script-tag builds,
 * where this module is inlined into `dist/therapy-widgets.js`, replace it with
 * `./content/all-immune-therapies.json` at build time.
 */
const DEFAULT_BUNDLE_PATH =
  typeof __THERAPY_DEFAULT_BUNDLE__ === 'string' ? __THERAPY_DEFAULT_BUNDLE__ : './all-immune-therapies.json';

/**
 * Captured while the module runs: a classic script only knows its own URL
 * then. The classic build defines `import.meta.url` as '' so the real
 * `<script>` element is asked (never a clobbered `document.currentScript`).
 */
const MODULE_URL = import.meta.url || currentScriptUrl();

/** Absolute URL of the default bundle, next to the script that defined the elements. */
export function defaultBundleUrl(): string {
  return new URL(DEFAULT_BUNDLE_PATH, MODULE_URL).href;
}

/** Raw bytes per URL, fetched once. */
const bytesCache = new Map<string, Promise<FetchedBytes>>();
/** The checked bundle per URL, made from its bytes. */
const parsedCache = new Map<string, Promise<LoadedBundle>>();
/** The verdict per URL and pin. */
const pinnedCache = new Map<string, Promise<LoadedBundle>>();
/** The loads that have succeeded (by URL and pin), for elements that can render at once. */
const settled = new Map<string, LoadedBundle>();
const objectCache = new WeakMap<object, LoadedBundle>();
const inlineCache = new WeakMap<Element, { text: string; result: LoadedBundle }>();

/** Forgets every cached bundle, so the next load fetches again. */
export function clearBundleCache(): void {
  bytesCache.clear();
  parsedCache.clear();
  pinnedCache.clear();
  settled.clear();
  fingerprintCache.clear();
}

function pinOf(integrity: string | null | undefined): string | undefined {
  return integrity?.trim() ? integrity : undefined;
}

function settledKey(url: string, pin: string | undefined): string {
  return pin ? `${url}\n${pin}` : url;
}

/**
 * The bundle for `source` (with this pin) if it has already loaded, so an
 * element can render in its first update instead of showing the loading
 * state for one frame. Never starts a load, never throws.
 */
export function peekBundle(source: BundleSource, integrity?: string | null): LoadedBundle | undefined {
  const pin = pinOf(integrity);
  if (source !== null && typeof source === 'object') {
    if (pin) return undefined;
    // An object is checked at once (no I/O), so a server renderer gets it in its one pass; a bad one rejects in loadBundle.
    try {
      return objectBundle(source);
    } catch {
      return undefined;
    }
  }
  try {
    return settled.get(settledKey(resolveSource(source), pin));
  } catch {
    return undefined;
  }
}

function pageUrl(): string {
  return hasDocument() ? pageBaseUrl() : MODULE_URL;
}

/**
 * Keeps every sound item of parsed JSON (see salvage.ts). Throws a `schema`
 * error listing the problems that make the bundle unusable as a whole.
 */
export function checkBundle(input: unknown, where: string, baseUrl: string): LoadedBundle {
  return checked(finish(salvageSteps(input)), where, baseUrl);
}

function checked(salvage: Salvage, where: string, baseUrl: string): LoadedBundle {
  if (!salvage.bundle) {
    const lines = formatProblems(salvage.blocking, salvage.omitted);
    throw new ContentError('schema', `The bundle ${where} cannot be used:\n${lines.join('\n')}`, salvage.blocking);
  }
  return { bundle: salvage.bundle, baseUrl, hidden: salvage.hidden };
}

/** `checkBundle`, plus the one console.warn per loaded bundle that hides items, in the CLI's words. */
function accept(input: unknown, where: string, baseUrl: string): LoadedBundle {
  return warned(finish(salvageSteps(input)), where, baseUrl);
}

/** Characters of JSON text from which the parse gets a task of its own: well past the default bundle, a few ms of `JSON.parse`. */
const LARGE_TEXT = 100_000;

/**
 * `accept` for a bundle's text, with its fingerprint. Between the steps (the
 * parse, each slice of the check, the warning, the hash) the main thread is
 * given back once they have held it for a slice (see `pacer`), and always
 * before parsing a large text: a 2 MB hostile bundle is no single long task.
 * The same result.
 */
async function acceptText(text: string, where: string, baseUrl: string, bytes: Uint8Array<ArrayBuffer>): Promise<LoadedBundle> {
  const pause = pacer();
  await pause(text.length > LARGE_TEXT);
  const input = handOver(parseBundleText(text, where));
  await pause();
  const salvage = await finishSliced(salvageSteps(input), pause);
  await pause();
  const loaded = warned(salvage, where, baseUrl);
  await pause();
  return withFingerprint(loaded, bytes);
}

/**
 * `checked`, and one console.warn with the verdict when live pages hide
 * items. The page does not look for unknown fields (`FieldCheck` in
 * inspect.ts): `therapy-widgets validate` and the preview name them.
 */
function warned(salvage: Salvage, where: string, baseUrl: string): LoadedBundle {
  const loaded = checked(salvage, where, baseUrl);
  if (salvage.hidden.length > 0) console.warn(`therapy-widgets: the bundle ${where}: ${pageVerdictLines(salvage).join('\n')}`);
  return loaded;
}

/** `loaded` with the SHA-256 of the bytes it was read from, where Web Crypto exists (native: no script walks the bytes). */
async function withFingerprint(loaded: LoadedBundle, bytes: Uint8Array<ArrayBuffer>): Promise<LoadedBundle> {
  return globalThis.crypto?.subtle ? { ...loaded, fingerprint: await integrityOf(bytes, 'sha256') } : loaded;
}

/**
 * The text of the bundle at `url`, bounded (see fetch-bytes.ts) and decoded
 * as the elements decode it. For the preview page, which shows it for editing.
 */
export async function fetchBundleText(url: string, limits: FetchLimits = {}): Promise<{ text: string; url: string }> {
  const fetched = await fetchBytes(url, limits);
  return { text: decodeBundleText(fetched.bytes, `at ${url}`), url: fetched.url };
}

/**
 * Takes `bytes` as what `src` serves, without fetching it: the CLI renders
 * a bundle file for the URL it will be published at.
 */
export function provideBundleBytes(src: string | undefined, bytes: Uint8Array<ArrayBuffer>): void {
  const url = resolveSource(src);
  bytesCache.set(url, Promise.resolve({ bytes, url }));
  parsedCache.delete(url);
  fingerprintCache.delete(url);
}

/** Runs `make` once per key while it is pending or has succeeded; a failure is forgotten. */
function shared<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let pending = cache.get(key);
  if (!pending) {
    pending = make();
    cache.set(key, pending);
    const mine = pending;
    mine.catch(() => {
      if (cache.get(key) === mine) cache.delete(key);
    });
  }
  return pending;
}

function urlBytes(url: string, limits: FetchLimits): Promise<FetchedBytes> {
  return shared(bytesCache, url, () => fetchBytes(url, limits));
}

function urlBundle(url: string, limits: FetchLimits): Promise<LoadedBundle> {
  return shared(parsedCache, url, async () => {
    const fetched = await urlBytes(url, limits);
    try {
      return await acceptText(decodeBundleText(fetched.bytes, `at ${url}`), `at ${url}`, fetched.url, fetched.bytes);
    } catch (error) {
      bytesCache.delete(url); // an editor may fix the file: the next load fetches again
      throw error;
    }
  });
}

/** The bytes of a URL source, their SHA-256 and the URL they came from (after redirects). */
export interface FingerprintedBytes extends FetchedBytes {
  fingerprint: string;
}

const fingerprintCache = new Map<string, Promise<FingerprintedBytes>>();

/**
 * The bytes at `src` (a URL, or the default bundle) and their SHA-256,
 * neither parsed nor checked: what a pre-rendered card needs to know it is
 * unchanged (render-key.ts). The bytes are fetched once with every other
 * load of that URL. Rejects where Web Crypto is missing (http: pages) and
 * when the bytes cannot be fetched.
 */
export async function fingerprintOf(src: string | undefined): Promise<FingerprintedBytes> {
  const url = resolveSource(src);
  return shared(fingerprintCache, url, async () => {
    const fetched = await urlBytes(url, {});
    return { ...fetched, fingerprint: await integrityOf(fetched.bytes, 'sha256') };
  });
}

/** The bundle at `url` once its bytes match `pin`; parsed only after the check. */
function pinnedBundle(url: string, pin: string, limits: FetchLimits): Promise<LoadedBundle> {
  return shared(pinnedCache, settledKey(url, pin), async () => {
    const fetched = await urlBytes(url, limits);
    await checkIntegrity(fetched.bytes, pin, `at ${url}`);
    return urlBundle(url, limits);
  });
}

async function loadInline(id: string, pin: string | undefined): Promise<LoadedBundle> {
  if (hasDocument() && stillParsing() && !elementById(id)) await whenParsed(); // a script in <head> runs before the parser reaches the bundle
  const script = hasDocument() ? elementById(id) : null;
  if (!(script instanceof HTMLScriptElement)) {
    throw new ContentError('config', `No <script type="application/json" id="${id}"> found in the page.`);
  }
  const text = script.text;
  const where = `in <script id="${id}">`;
  if (pin) await checkIntegrity(new TextEncoder().encode(text), pin, where);
  const cached = inlineCache.get(script);
  if (cached && cached.text === text) return cached.result;
  const result = await acceptText(text, where, pageUrl(), new TextEncoder().encode(text));
  inlineCache.set(script, { text, result });
  return result;
}

/** Resolves a `src` value (URL or `#id`) against the page, without its fragment; the default bundle when empty. */
export function resolveSource(src: string | null | undefined): string {
  if (!src) return defaultBundleUrl();
  if (src.startsWith('#')) return src;
  const url = new URL(src, pageUrl());
  url.hash = '';
  return url.href;
}

function remember(key: string, pending: Promise<LoadedBundle>): Promise<LoadedBundle> {
  pending.then((loaded) => settled.set(key, loaded), () => undefined);
  return pending;
}

/** The checked bundle of an object, made once per object. Throws a `schema` ContentError. */
function objectBundle(source: object): LoadedBundle {
  let result = objectCache.get(source);
  if (!result) {
    result = accept(source, 'given as the bundle property', pageUrl());
    objectCache.set(source, result);
  }
  return result;
}

/**
 * Loads a bundle and keeps its sound items. Concurrent and later loads of one
 * URL share a single request; a failed load is forgotten so the next one
 * tries again. With `integrity`, the bytes are checked before they are
 * parsed. Rejects with a `ContentError` only.
 */
export function loadBundle(source: BundleSource, options: LoadOptions = {}): Promise<LoadedBundle> {
  try {
    const pin = pinOf(options.integrity);
    if (source !== null && typeof source === 'object') {
      if (pin) throw new ContentError('config', 'integrity pins the bytes of a bundle file; a bundle given as an object has none. Use src with a URL or #id.');
      return Promise.resolve(objectBundle(source));
    }
    const key = resolveSource(source);
    if (key.startsWith('#')) return loadInline(key.slice(1), pin);
    const limits = { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes };
    return remember(settledKey(key, pin), pin ? pinnedBundle(key, pin, limits) : urlBundle(key, limits));
  } catch (error) {
    return Promise.reject(
      error instanceof ContentError ? error : new ContentError('config', `The bundle source is not usable: ${messageOf(error)}`),
    );
  }
}
