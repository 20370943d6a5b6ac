import { createContext } from '@lit/context';
import type { LoadedBundle } from './load.js';

/** What a `<therapy-content>` provides to the elements inside it. */
export interface ContentContext {
  /**
   * The provider's bundle load: settles with the bundle or rejects with a
   * `ContentError`. Read it once per load: each read asks the shared cache,
   * so after a failure the next read tries again.
   */
  bundle: Promise<LoadedBundle>;
  /** The provider's `lang`, when it has one. */
  lang?: string;
}

/** The @lit/context key under which `<therapy-content>` provides its bundle. */
export const contentContext = createContext<ContentContext | undefined>(Symbol.for('therapy-widgets/content'));
