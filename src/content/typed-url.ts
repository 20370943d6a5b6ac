/**
 * A bundle address as an editor types it: `example.org/bundle.json` (no
 * scheme, but a host name first) means `https://example.org/bundle.json`, not
 * a path next to the current page. Anything else is left as typed: a full
 * URL, a path (`/bundles/b.json`, `./b.json`, `b.json`).
 */

/** Endings of files (none is a top-level domain): a first part ending in one of these is a file beside the page, not a host. */
const FILE_ENDINGS = new Set(['json', 'html', 'htm', 'js', 'txt', 'xml']);

/** `host.tld` or `localhost`, with an optional port, at the start of what was typed. */
const HOST = /^(?:localhost|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.([a-z]{2,63}))(?::\d{1,5})?$/i;

/** What `typed` means, and whether https:// was assumed. */
export function readTypedUrl(typed: string): { url: string; assumedHttps: boolean } {
  const value = typed.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !HOST.test(value.split('/')[0]!)) return { url: value, assumedHttps: false };
  const first = value.split(/[/?#]/)[0]!;
  const host = HOST.exec(first);
  if (!host || FILE_ENDINGS.has(host[1]?.toLowerCase() ?? '')) return { url: value, assumedHttps: false };
  return { url: `https://${value}`, assumedHttps: true };
}
