import { createContext } from '@lit/context';
import type { LoadedBundle } from './load.js';

/** What a `<therapy-content>` provides to the elements inside it. */
export interface ContentContext {
  /** Settles with the provider's bundle; rejects with a `ContentError`. */
  bundle: Promise<LoadedBundle>;
  /** The provider's `lang`, when it has one. */
  lang?: string;
}

/** The @lit/context key under which `<therapy-content>` provides its bundle. */
export const contentContext = createContext<ContentContext | undefined>(Symbol.for('therapy-widgets/content'));
