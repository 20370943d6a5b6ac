/**
 * Copying text: the async clipboard API, else the old select-and-copy way
 * (a hidden textarea in `root`, focus given back after).
 */

/** Copies `text`; false when the browser allows neither way. */
export async function writeClipboard(text: string, root: ShadowRoot | HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.setAttribute('aria-hidden', 'true');
    area.className = 'visually-hidden';
    const focused = (root instanceof ShadowRoot ? root.activeElement : document.activeElement) as HTMLElement | null;
    root.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    focused?.focus();
    return ok;
  }
}
