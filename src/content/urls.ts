/**
 * Where a bundle's links and images may point, resolved against the bundle's
 * own URL: links only http(s) (the schema already refuses other schemes; this
 * holds for a `bundle` object too), images only from the bundle's own host.
 */

/** An absolute http(s) URL for a bundle link (relative ones resolve against `baseUrl`), or undefined. */
export function linkHref(url: string | undefined, baseUrl: string): string | undefined {
  if (!url) return undefined;
  try {
    const resolved = new URL(url, baseUrl);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/** An image URL when it is served by the bundle's own host; `{ refused }` names one that is not. */
export function mediaHref(url: string | undefined, baseUrl: string): { href?: string; refused?: string } {
  const href = linkHref(url, baseUrl);
  if (!href) return {};
  return new URL(href).origin === new URL(baseUrl).origin ? { href } : { refused: href };
}
