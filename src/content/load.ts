/**
 * Loads content bundles from every source the elements accept, through one
 * shared cache: a bundle object, `#id` of an inline JSON script, a URL, or the
 * default bundle shipped next to the script.
 */
import { ContentError, messageOf } from './content-error.js';
import { formatProblems, validateBundle, type Bundle } from './schema.js';

export { ContentError, type ContentErrorCode } from './content-error.js';

/** A validated bundle and the URL its relative links resolve against. */
export interface LoadedBundle {
  bundle: Bundle;
  /** Absolute URL of the bundle (or of the page, for inline and object bundles). */
  baseUrl: string;
}

/** Where a bundle comes from: an object, `#id`, a URL, or nothing for the default. */
export type BundleSource = object | string | null | undefined;

export interface LoadOptions {
  /** Abort the request after this many milliseconds (SPEC: 15 s). */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (SPEC: 2 MB). */
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

declare const __THERAPY_DEFAULT_BUNDLE__: string | undefined;

/**
 * The default bundle's path relative to this module. The script-tag builds,
 * where this module is inlined into `dist/therapy-widgets.js`, replace it with
 * `./content/all-immune-therapies.json` at build time.
 */
const DEFAULT_BUNDLE_PATH =
  typeof __THERAPY_DEFAULT_BUNDLE__ === 'string' ? __THERAPY_DEFAULT_BUNDLE__ : './all-immune-therapies.json';

/** Captured while the module runs: a classic script only knows its own URL then. */
const MODULE_URL = import.meta.url;

/** Absolute URL of the default bundle, next to the script that defined the elements. */
export function defaultBundleUrl(): string {
  return new URL(DEFAULT_BUNDLE_PATH, MODULE_URL).href;
}

const urlCache = new Map<string, Promise<LoadedBundle>>();
/** The URL loads that have succeeded, for elements that can render at once. */
const settled = new Map<string, LoadedBundle>();
const objectCache = new WeakMap<object, LoadedBundle>();
const inlineCache = new WeakMap<Element, { text: string; result: LoadedBundle }>();

/** Forgets every cached bundle, so the next load fetches again. */
export function clearBundleCache(): void {
  urlCache.clear();
  settled.clear();
}

/**
 * The bundle for `source` if it has already loaded (a URL or object seen
 * before), so an element can render in its first update instead of showing
 * the loading state for one frame. Never starts a load, never throws.
 */
export function peekBundle(source: BundleSource): LoadedBundle | undefined {
  if (source !== null && typeof source === 'object') return objectCache.get(source);
  try {
    return settled.get(resolveSource(source));
  } catch {
    return undefined;
  }
}

function pageUrl(): string {
  return typeof document === 'undefined' ? MODULE_URL : document.baseURI;
}

/** Validates parsed JSON, or throws a `schema` error listing every problem. */
export function checkBundle(input: unknown, where: string, baseUrl: string): LoadedBundle {
  const result = validateBundle(input);
  if (!result.ok) {
    const lines = formatProblems(result.problems, result.omitted);
    throw new ContentError(
      'schema',
      `The bundle ${where} has ${result.problems.length + result.omitted} problem(s):\n${lines.join('\n')}`,
      result.problems,
    );
  }
  return { bundle: result.bundle, baseUrl };
}

/** Parses JSON text, or throws a `parse` error saying where. */
export function parseBundleText(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ContentError('parse', `The bundle ${where} is not valid JSON: ${messageOf(error)}`);
  }
}

function loadInline(id: string): LoadedBundle {
  const script = typeof document === 'undefined' ? null : document.getElementById(id);
  if (!script || script.localName !== 'script') {
    throw new ContentError('config', `No <script type="application/json" id="${id}"> found in the page.`);
  }
  const text = script.textContent ?? '';
  const cached = inlineCache.get(script);
  if (cached && cached.text === text) return cached.result;
  const where = `in <script id="${id}">`;
  const result = checkBundle(parseBundleText(text, where), where, pageUrl());
  inlineCache.set(script, { text, result });
  return result;
}

async function readBody(response: Response, maxBytes: number, url: string): Promise<string> {
  const tooLarge = () =>
    new ContentError('network', `The bundle at ${url} is larger than ${Math.round(maxBytes / 1024)} KB.`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * The text of the bundle at `url`, bounded: no credentials cross-origin, a
 * timeout and a size cap. Rejects with a `network` ContentError only. The
 * elements validate what it returns; the preview page shows it for editing.
 */
export async function fetchBundleText(url: string, options: LoadOptions = {}): Promise<{ text: string; url: string }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      // Credentials only to the page's own origin; no cookies cross-origin.
      response = await fetch(url, { credentials: 'same-origin', signal: controller.signal });
    } catch (error) {
      throw controller.signal.aborted
        ? new ContentError('network', `The bundle at ${url} did not arrive within ${timeoutMs / 1000} s.`)
        : new ContentError('network', `The bundle at ${url} could not be fetched (${messageOf(error)}); check the URL and its CORS headers.`);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new ContentError('network', `The bundle at ${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
    }
    try {
      return { text: await readBody(response, options.maxBytes ?? DEFAULT_MAX_BYTES, url), url: response.url || url };
    } catch (error) {
      if (error instanceof ContentError) throw error;
      throw new ContentError('network', controller.signal.aborted
        ? `The bundle at ${url} did not finish arriving within ${timeoutMs / 1000} s.`
        : `The bundle at ${url} broke off while loading (${messageOf(error)}).`);
    }
  } finally {
    clearTimeout(timer);
  }
}

async function fetchBundle(url: string, options: LoadOptions): Promise<LoadedBundle> {
  const { text, url: finalUrl } = await fetchBundleText(url, options);
  const where = `at ${url}`;
  return checkBundle(parseBundleText(text, where), where, finalUrl);
}

/** Resolves a `src` value (URL or `#id`) against the page; the default bundle when empty. */
export function resolveSource(src: string | null | undefined): string {
  if (!src) return defaultBundleUrl();
  if (src.startsWith('#')) return src;
  return new URL(src, pageUrl()).href;
}

/**
 * Loads and validates a bundle. Concurrent and later loads of one URL share a
 * single request; a failed load is forgotten so the next one tries again.
 * Rejects with a `ContentError` only.
 */
export function loadBundle(source: BundleSource, options: LoadOptions = {}): Promise<LoadedBundle> {
  try {
    if (source !== null && typeof source === 'object') {
      const cached = objectCache.get(source);
      if (cached) return Promise.resolve(cached);
      const result = checkBundle(source, 'given as the bundle property', pageUrl());
      objectCache.set(source, result);
      return Promise.resolve(result);
    }
    const key = resolveSource(source);
    if (key.startsWith('#')) {
      const id = key.slice(1);
      // A script in <head> can run before the parser reaches the inline bundle.
      if (typeof document !== 'undefined' && document.readyState === 'loading' && !document.getElementById(id)) {
        return new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true })).then(
          () => loadInline(id),
        );
      }
      return Promise.resolve(loadInline(id));
    }
    let pending = urlCache.get(key);
    if (!pending) {
      pending = fetchBundle(key, options);
      urlCache.set(key, pending);
      pending.then(
        (loaded) => settled.set(key, loaded),
        () => {
          if (urlCache.get(key) === pending) urlCache.delete(key);
        },
      );
    }
    return pending;
  } catch (error) {
    return Promise.reject(
      error instanceof ContentError ? error : new ContentError('config', `The bundle source is not usable: ${messageOf(error)}`),
    );
  }
}
