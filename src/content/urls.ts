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

const ABSOLUTE_HTTP = /^https?:\/\//i;
const baseDependence = new WeakMap<object, boolean>();

/** True when `value` holds a relative `url`, or any image or video (`src`, `poster`, a `video`), at any depth. */
function usesBase(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(usesBase);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, field]) => {
    if (key === 'src' || key === 'poster' || key === 'video') return true;
    if (key === 'url' && typeof field === 'string' && !ABSOLUTE_HTTP.test(field)) return true;
    return usesBase(field);
  });
}

/**
 * True when what a bundle renders to depends on the URL it was loaded from
 * (`linkHref`, `mediaHref`): a relative link, or any image or video, which
 * shows only from the bundle's own host. Worked out once per bundle object.
 */
export function dependsOnBaseUrl(bundle: object): boolean {
  let answer = baseDependence.get(bundle);
  if (answer === undefined) baseDependence.set(bundle, (answer = usesBase(bundle)));
  return answer;
}
