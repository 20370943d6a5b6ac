/**
 * Language facts the elements need, as pure functions of BCP 47 tags: which
 * language wins, whether two tags name one language, and the direction a
 * language is written in.
 */

/** Languages written right to left when no script subtag says otherwise. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku-arab', 'nqo', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
/** Right-to-left scripts, for tags such as `az-Arab` or `pa-Arab`. */
const RTL_SCRIPTS = new Set(['adlm', 'arab', 'hebr', 'nkoo', 'rohg', 'syrc', 'thaa']);

/** The first non-empty tag, else `en`: the SPEC's order is the caller's order of `candidates`. */
export function pickLanguage(...candidates: (string | null | undefined)[]): string {
  for (const tag of candidates) if (tag && tag.trim()) return tag.trim();
  return 'en';
}

/** The primary language subtag, lower case: `es-MX` → `es`. */
export function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** True when two tags name the same language (regions and scripts aside). */
export function sameLanguage(a: string, b: string): boolean {
  return primaryLanguage(a) === primaryLanguage(b);
}

/** `rtl` or `ltr` for a language tag. */
export function directionOf(tag: string): 'rtl' | 'ltr' {
  const parts = tag.toLowerCase().split(/[-_]/);
  const script = parts.slice(1).find((part) => part.length === 4);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(parts[0] ?? '') ? 'rtl' : 'ltr';
}
