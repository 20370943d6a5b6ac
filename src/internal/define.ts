import { ContextRoot } from '@lit/context';
/**
 * Registers a custom element once, however many copies of the library a page
 * loads: the same version again returns quietly; another version keeps the
 * first definition and says so in one console.warn.
 */

/** This library's version; the build replaces it with package.json's. */
declare const __THERAPY_VERSION__: string | undefined;
export const VERSION = typeof __THERAPY_VERSION__ === 'string' ? __THERAPY_VERSION__ : 'dev';

/** Constructors registered by therapy-widgets carry their version here. */
const VERSION_KEY = Symbol.for('therapy-widgets.version');

type Versioned = CustomElementConstructor & { [VERSION_KEY]?: string };

export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as Versioned | undefined;
  if (existing === ctor) return;
  if (existing) {
    const theirs = existing[VERSION_KEY] ?? 'unknown (not therapy-widgets)';
    if (theirs !== VERSION) {
      console.warn(
        `therapy-widgets ${VERSION}: <${tag}> is already defined by version ${theirs}; keeping that one. Load the script once per page.`,
      );
    }
    return;
  }
  (ctor as Versioned)[VERSION_KEY] = VERSION;
  registry.define(tag, ctor);
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
  new ContextRoot().attach(document.documentElement);
}
