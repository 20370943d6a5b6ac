/**
 * The editor's draft, kept in this browser's localStorage so it survives a
 * reload. Nothing is sent anywhere.
 */

export const DRAFT_KEY = 'therapy-widgets.preview.draft';

/** Where the editor's text came from. */
export interface Origin {
  kind: 'default' | 'url' | 'file' | 'paste';
  /** The URL or file name. */
  name?: string;
  /** True once the text was changed in the editor. */
  edited?: boolean;
}

export interface Draft {
  text: string;
  origin: Origin;
  /** Settings of the embed code, when the editor changed them. */
  scriptUrl?: string;
  bundleUrl?: string;
}

const KINDS = new Set(['default', 'url', 'file', 'paste']);

export function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled (privacy settings, sandboxed frame)
  }
}

/** The saved draft, or undefined when there is none (or it is unreadable). */
export function readDraft(): Draft | undefined {
  try {
    const raw = storage()?.getItem(DRAFT_KEY);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<Draft>;
    if (typeof value.text !== 'string' || !value.origin || !KINDS.has(value.origin.kind)) return undefined;
    const origin: Origin = { kind: value.origin.kind };
    if (typeof value.origin.name === 'string') origin.name = value.origin.name;
    if (value.origin.edited === true) origin.edited = true;
    return {
      text: value.text,
      origin,
      ...(typeof value.scriptUrl === 'string' ? { scriptUrl: value.scriptUrl } : {}),
      ...(typeof value.bundleUrl === 'string' ? { bundleUrl: value.bundleUrl } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Saves the draft; false when the browser refused (storage full or disabled). */
export function saveDraft(draft: Draft): boolean {
  try {
    const store = storage();
    if (!store) return false;
    store.setItem(DRAFT_KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(): void {
  try {
    storage()?.removeItem(DRAFT_KEY);
  } catch {
    // nothing saved, nothing to clear
  }
}
