/**
 * What copied embed code loads, and whether it shows what the editor
 * checked here: with a publish location, the editor's exact bytes at their
 * immutable address on the content site (pinned with their integrity) and
 * the script and stylesheet beside them; without one, the URL the bundle was
 * loaded from, a bundle URL typed in the settings, or the built-in bundle.
 * Code that would show something else than the preview is refused, with why.
 * The publish location is kept in this browser's localStorage.
 */
import { publishCommand, siteAddresses } from '../../src/output/published-paths.js';
import { storage, type Origin } from './draft.js';
import type { EmbedSettings } from './item-view.js';

export const PUBLISH_LOCATION_KEY = 'therapy-widgets.preview.publish-location';

/** The editor's exact text, pinned: where it lives on the site and the integrity of its bytes. */
export interface PinnedText {
  text: string;
  /** Bundle id, the name of the downloaded file. */
  id: string;
  path: string;
  integrity: string;
}

export interface EmbedState {
  origin: Origin;
  text: string;
  /** The content site's base URL (normalized), or '' for none. */
  publishLocation: string;
  /** The pin of the current text, once worked out. */
  pinned: PinnedText | undefined;
  /** Integrities of the page's own dist/ files, which publish copies byte for byte. */
  dist: { script?: string; stylesheet?: string };
  scriptUrl: string;
  scriptIntegrity: string;
  /** Integrity of the stylesheet beside `scriptUrl`, when this page could read it. */
  stylesheetIntegrity: string;
  /** A bundle URL the editor typed; '' for none. */
  bundleUrl: string;
  /** Integrity of the bytes loaded from the origin's URL. */
  loadedIntegrity: string | undefined;
  withScript: boolean;
}

/** What embed code carries, or why none is copied (`blocked`), and the steps that make it work (`steps`). */
export function embedPlan(state: EmbedState): EmbedSettings {
  const base = { withScript: state.withScript, caveat: '', blocked: '', loads: '', steps: [] };
  if (state.publishLocation) {
    const pinned = state.pinned?.text === state.text ? state.pinned : undefined;
    if (!pinned) return { ...base, scriptUrl: state.scriptUrl, blocked: 'The bundle’s address on your site is being worked out; try again in a moment.' };
    const site = siteAddresses(state.publishLocation, pinned.path);
    const file = `${pinned.id}.json`;
    return {
      ...base,
      scriptUrl: site.script,
      ...(state.dist.script ? { scriptIntegrity: state.dist.script } : {}),
      ...(state.dist.stylesheet ? { stylesheetIntegrity: state.dist.stylesheet } : {}),
      src: site.bundle,
      integrity: pinned.integrity,
      loads: `It loads the bundle exactly as it is in the editor from ${site.bundle}. Before pasting it:`,
      steps: [
        { text: `“Download bundle” and save it as ${file}.` },
        { text: 'Build the site from it:', code: publishCommand(file, state.publishLocation) },
        { text: `Upload the site/ folder to ${state.publishLocation}, keeping the bundles/ and widgets/ folders already there.` },
      ],
    };
  }
  const loadedUrl = state.origin.kind === 'url' ? (state.origin.name ?? '') : '';
  const src = state.bundleUrl || loadedUrl;
  const settings = {
    ...base,
    scriptUrl: state.scriptUrl,
    ...(state.scriptIntegrity ? { scriptIntegrity: state.scriptIntegrity } : {}),
    ...(state.stylesheetIntegrity ? { stylesheetIntegrity: state.stylesheetIntegrity } : {}),
    src,
  };
  const setLocation = 'Set a publish location under “Embed code settings” (your content site’s address), then copy again.';
  if (src && src === loadedUrl) {
    if (state.origin.edited) {
      return { ...settings, blocked: `This code would load ${src}, which does not hold your edits, so pages would show the bundle as it was there. ${setLocation}` };
    }
    return state.loadedIntegrity ? { ...settings, integrity: state.loadedIntegrity } : settings;
  }
  if (src) return { ...settings, caveat: `This code loads the bundle at ${src}, as typed under “Embed code settings”; make sure it holds what you see here.` };
  if (state.origin.kind === 'default' && !state.origin.edited) return settings;
  const what = state.origin.kind === 'default' ? 'your edits of the built-in bundle' : 'this bundle';
  return { ...settings, blocked: `No page can load ${what} yet, so this code would show the built-in bundle instead. ${setLocation}` };
}

/** The saved publish location, or ''. */
export function readPublishLocation(): string {
  try {
    return storage()?.getItem(PUBLISH_LOCATION_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Keeps the publish location (or forgets it, for ''); false when the browser refused. */
export function savePublishLocation(value: string): boolean {
  try {
    const store = storage();
    if (!store) return false;
    if (value) store.setItem(PUBLISH_LOCATION_KEY, value);
    else store.removeItem(PUBLISH_LOCATION_KEY);
    return true;
  } catch {
    return false;
  }
}
