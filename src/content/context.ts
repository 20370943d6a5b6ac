import { createContext } from '@lit/context';

/**
 * What a `<therapy-content>` provides to the elements inside it: where its
 * bundle comes from, not a settled result. Each element loads that source
 * through the shared cache, so the page makes one request, an element that
 * arrives after the bundle loaded renders at once, and one that arrives after
 * a failed load tries again.
 */
export interface ContentContext {
  /** The provider's `src` (URL or `#id`); undefined for the default bundle. */
  src: string | undefined;
  /** The provider's `lang`, when it has one. */
  lang?: string;
  /** The provider's `integrity` pin, for elements that do not pin their own. */
  integrity?: string;
}

/** The @lit/context key under which `<therapy-content>` provides its bundle. */
export const contentContext = createContext<ContentContext | undefined>(Symbol.for('therapy-widgets/content'));
