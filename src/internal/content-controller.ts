/**
 * Loading and state for a content element, as a reactive controller: which
 * source to load (the `bundle` property, `src`, the nearest `<therapy-content>`,
 * else the default bundle), the race between loads, `state`, the item the
 * element selects, and the `therapy-load` / `therapy-error` events.
 */
import { ContextConsumer } from '@lit/context';
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { ContentError, messageOf } from '../content/content-error.js';
import { contentContext, type ContentContext } from '../content/context.js';
import { parseBundleBytes } from '../content/decode.js';
import { checkBundle, fingerprintOf, loadBundle, peekBundle, type BundleSource, type FingerprintedBytes, type LoadedBundle } from '../content/load.js';
import type { Selection } from '../content/select.js';
import { errorEvent, loadEvent } from './events.js';
import { watchLang, unwatchLang } from './lang-watch.js';
import { warnOnce } from './warn.js';

export type ContentState = 'loading' | 'ready' | 'error';

/** What the controller reads from and writes to its element. */
export interface ContentHost extends ReactiveControllerHost, HTMLElement {
  src: string | undefined;
  bundle: unknown;
  integrity: string | undefined;
  state: ContentState;
}

/** What a pre-rendered card shows, when its bundle's bytes confirm it: the ids for `therapy-load`. */
export interface KeptItem {
  bundleId: string;
  itemId: string;
}

/** How an element with a pre-rendered card learns, from the hash of its bundle's bytes alone, that the card still stands. */
export interface TakeOver {
  /** True when the element has a pre-rendered card whose key the hash may confirm. */
  hashFirst(): boolean;
  /** The item the card shows, when the element would draw it again the same from these bytes; else undefined. */
  keeps(fetched: FingerprintedBytes): KeptItem | undefined;
}

interface Wanted {
  source: BundleSource;
  integrity: string | undefined;
}

/** True when `node` sits inside a `<therapy-content>` that is not defined yet: its context arrives later. */
function insideUndefinedProvider(node: Element): boolean {
  // A server renderer has no page around the element: it renders from what it was given.
  if (isServer) return false;
  return !customElements.get('therapy-content') && node.closest('therapy-content') !== null;
}

function asContentError(error: unknown, code: 'network' | 'config'): ContentError {
  return error instanceof ContentError ? error : new ContentError(code, code === 'network' ? 'The bundle could not be loaded.' : messageOf(error));
}

export class ContentController<T> implements ReactiveController {
  /** The loaded bundle, once it has arrived. */
  loaded: LoadedBundle | undefined;
  /** The selected item, when `state` is `ready`. */
  selection: Selection<T> | undefined;
  /** The error shown, when `state` is `error`. */
  error: ContentError | undefined;
  /** What the nearest `<therapy-content>` provides, while the element is inside one. */
  provided: ContentContext | undefined;
  /** The pre-rendered card's item, while the hash of its bundle confirms it (the bundle is then neither parsed nor checked). */
  kept: KeptItem | undefined;

  private wanted: Wanted | undefined;
  private failure: ContentError | undefined;
  private token = 0;
  /** The bytes of the bundle, known by their hash only, while a pre-rendered card may stand on them. */
  private fetched: FingerprintedBytes | undefined;
  /** What the last therapy-load or therapy-error was about. */
  private announced: { from?: LoadedBundle | FingerprintedBytes; key: string } | undefined;
  private readonly langWatcher = { langChanged: () => this.host.requestUpdate() };

  constructor(
    private readonly host: ContentHost,
    private readonly select: (loaded: LoadedBundle) => Selection<T>,
    private readonly takeOver: TakeOver,
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: contentContext,
      subscribe: true,
      callback: (value) => {
        this.provided = value;
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    watchLang(this.langWatcher, this.host.ownerDocument);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    unwatchLang(this.langWatcher, this.host.ownerDocument);
    // Moved out of its <therapy-content>, the element falls back to its own
    // source; moved within one, the provider answers again as it reconnects.
    this.provided = undefined;
  }

  hostUpdate(): void {
    this.follow(this.want());
    this.settle();
  }

  hostUpdated(): void {
    this.announce();
  }

  /** The source the element asks for now, `undefined` to wait for a provider, or a `config` error. */
  private want(): Wanted | ContentError | undefined {
    const { bundle, src, integrity } = this.host;
    if (bundle !== undefined && bundle !== null) {
      if (typeof bundle !== 'object') {
        return new ContentError('config', `The bundle property takes a parsed bundle object, not ${typeof bundle}; give a URL through src.`);
      }
      return { source: bundle, integrity };
    }
    if (src) return { source: src, integrity };
    if (this.provided) return { source: this.provided.src, integrity: integrity ?? this.provided.integrity };
    if (insideUndefinedProvider(this.host)) return undefined;
    return { source: undefined, integrity };
  }

  private follow(wanted: Wanted | ContentError | undefined): void {
    if (wanted instanceof ContentError) {
      this.token++;
      this.wanted = undefined;
      this.loaded = undefined;
      this.failure = wanted;
      return;
    }
    if (!wanted) return;
    if (this.wanted && this.wanted.source === wanted.source && this.wanted.integrity === wanted.integrity) return;
    this.wanted = wanted;
    const token = ++this.token;
    this.failure = undefined;
    this.fetched = undefined;
    const { source, integrity } = wanted;
    this.loaded = peekBundle(source, integrity);
    if (this.loaded) return;
    // A pre-rendered card from a URL with no pin: the hash of the bytes may be all it needs.
    if (typeof source !== 'object' && !source?.startsWith('#') && integrity === undefined && this.takeOver.hashFirst()) {
      fingerprintOf(source).then(
        (fetched) => {
          if (token !== this.token) return;
          this.fetched = fetched;
          this.host.requestUpdate();
        },
        () => {
          if (token === this.token) this.loadAll(token);
        },
      );
      return;
    }
    this.loadAll(token);
  }

  /** Loads, parses and checks the wanted bundle. */
  private loadAll(token: number): void {
    const { source, integrity } = this.wanted!;
    loadBundle(source, integrity === undefined ? {} : { integrity }).then(
      (loaded) => {
        if (token !== this.token) return;
        this.loaded = loaded;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (token !== this.token) return;
        this.failure = asContentError(error, 'network');
        this.host.requestUpdate();
      },
    );
  }

  /**
   * The bundle and the item, read from a kept card's bytes when first asked
   * for: for the rare caller that needs more than the card shows (`shown`).
   */
  shown(): { loaded: LoadedBundle; item: T } | undefined {
    const { fetched } = this;
    if (fetched && this.kept && !this.loaded) {
      const where = `at ${fetched.url}`;
      try {
        const loaded = { ...checkBundle(parseBundleBytes(fetched.bytes, where), where, fetched.url), fingerprint: fetched.fingerprint };
        this.selection = this.select(loaded);
        this.loaded = loaded;
      } catch {
        return undefined;
      }
    }
    return this.loaded && this.selection && { loaded: this.loaded, item: this.selection.item };
  }

  /** Derives `state`, the selection and the error from what has loaded so far. */
  private settle(): void {
    this.selection = undefined;
    this.kept = undefined;
    this.error = this.failure;
    if (!this.failure && !this.loaded && this.fetched) {
      this.kept = this.takeOver.keeps(this.fetched);
      if (this.kept) {
        this.host.state = 'ready';
        return;
      }
      // Other bytes, or the element now asks for something else: only the bundle can say what to draw.
      this.fetched = undefined;
      this.loadAll(this.token);
    }
    if (this.failure || !this.loaded) {
      this.host.state = this.failure ? 'error' : 'loading';
      return;
    }
    try {
      this.selection = this.select(this.loaded);
      this.host.state = 'ready';
    } catch (error) {
      this.error = asContentError(error, 'config');
      this.host.state = 'error';
    }
  }

  private announce(): void {
    const { loaded, selection, error, host } = this;
    const shown = this.kept ?? (loaded && selection ? { bundleId: loaded.bundle.id, itemId: selection.id } : undefined);
    if (host.state === 'ready' && shown) {
      // Once per rendered content: a new load (even of an equal bundle) or another item; a kept card's bytes, even once read.
      const from = this.fetched ?? loaded;
      if (this.announced?.from === from && this.announced?.key === shown.itemId) return;
      this.announced = { from, key: shown.itemId };
      host.dispatchEvent(loadEvent(shown));
    } else if (host.state === 'error' && error) {
      // Once per cause: re-renders of the same error (a theme change) stay quiet.
      const key = `${error.code} ${error.message}`;
      if (!this.announced?.from && this.announced?.key === key) return;
      this.announced = { key };
      // A hidden item's problems were already in the loader's one warning for its bundle.
      if (!(error.code === 'schema' && loaded)) warnOnce(`<${host.localName}>: ${error.message}`);
      host.dispatchEvent(errorEvent({ code: error.code, message: error.message, ...(error.problems ? { errors: error.problems } : {}) }));
    } else {
      this.announced = undefined;
    }
  }
}
