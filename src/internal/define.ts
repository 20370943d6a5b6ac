import { ContextRoot } from '@lit/context';
import { rootOf } from '../content/page.js';
import { refusedPolicy } from './trusted-types.js';

/** This library's version, kept equal to package.json's (a Node test checks it). */
export const VERSION = '0.1.0';

/** Constructors registered by therapy-widgets carry their version here. */
const VERSION_KEY = Symbol.for('therapy-widgets.version');

type Versioned = CustomElementConstructor & { [VERSION_KEY]?: string };

const WARNED_KEY = Symbol.for('therapy-widgets.duplicate-warned');

/**
 * Registers a custom element once, however many copies of the library a page
 * loads (two CMS plugins, two versions). The same constructor again returns
 * quietly; another copy keeps the first definition, and the page gets one
 * console.warn in all, naming both versions, so the duplicate script can be found.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry || refusesRendering()) return;
  const existing = registry.get(tag) as Versioned | undefined;
  if (existing === ctor) return;
  if (existing) {
    const page = globalThis as { [WARNED_KEY]?: boolean };
    if (!page[WARNED_KEY]) {
      page[WARNED_KEY] = true;
      const version = existing[VERSION_KEY];
      const owner = version ? `therapy-widgets ${version}` : 'another library';
      console.warn(
        `therapy-widgets ${VERSION} was loaded more than once on this page: <${tag}> is already defined by ${owner}; the first definition is kept. Load the script once per page.`,
      );
    }
    return;
  }
  (ctor as Versioned)[VERSION_KEY] = VERSION;
  registry.define(tag, ctor);
}

let trustedTypesWarned = false;

/**
 * True when the page's Trusted Types policy list refused Lit's policy: then
 * nothing is defined (a card could not render) and the fallback content
 * stays; one console.warn says which policy name to allow.
 */
function refusesRendering(): boolean {
  const policy = refusedPolicy();
  if (!policy) return false;
  if (!trustedTypesWarned) {
    trustedTypesWarned = true;
    console.warn(
      `therapy-widgets ${VERSION}: this page requires Trusted Types and its policy list does not allow "${policy}", the policy the widgets render with. Add it to the Content-Security-Policy (trusted-types ${policy}); until then the elements are not defined and their fallback content stays.`,
    );
  }
  return true;
}

const ROOT_KEY = Symbol.for('therapy-widgets.context-root');

/**
 * Lets elements that connect before their `<therapy-content>` is defined
 * receive its bundle later (@lit/context's ContextRoot), once per page.
 */
export function attachContextRoot(): void {
  const page = globalThis as { [ROOT_KEY]?: boolean };
  if (page[ROOT_KEY] || typeof document === 'undefined') return;
  page[ROOT_KEY] = true;
  new ContextRoot().attach(rootOf()!);
}
