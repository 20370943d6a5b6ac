import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { contentContext, type ContentContext } from '../content/context.js';
import { ContentError, loadBundle, peekBundle, type BundleSource, type LoadedBundle } from '../content/load.js';
import type { Bundle } from '../content/schema.js';
import { errorEvent, loadEvent } from './events.js';
import { formatDate, stringsFor, type Strings } from './strings.js';
import { styles } from './content-element.styles.js';
import { ThemeController } from './theme-controller.js';

export type ContentState = 'loading' | 'ready' | 'error';
export type Variant = 'full' | 'compact';
export type Theme = 'light' | 'dark' | 'auto';

/** The item an element picked from a bundle, and its id for `therapy-load`. */
export interface Selection<T> {
  id: string;
  item: T;
}

const warned = new Set<string>();

/** One console.warn per cause, however many elements meet it. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`therapy-widgets: ${message}`);
}

/** The closest `lang` above `node`, crossing shadow roots; '' when none. */
function inheritedLang(node: Element): string {
  let current: Node | null = node.parentNode;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang') ?? '';
    current = current instanceof ShadowRoot ? current.host : current.parentNode;
  }
  return '';
}

/** True when `node` sits inside a `<therapy-content>` that is not defined yet. */
function insideUndefinedProvider(node: Element): boolean {
  return !customElements.get('therapy-content') && node.closest('therapy-content') !== null;
}

function isSafeUrl(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/**
 * The base of `<therapy-card>`, `<news-teaser>` and `<expert-quote>`: resolves
 * the bundle (the `bundle` property, `src`, the nearest `<therapy-content>`,
 * else the default bundle), tracks `state`, picks the language and emits
 * `therapy-load` / `therapy-error`. A subclass selects its item and renders it.
 */
export abstract class ContentElement<T> extends LitElement {
  static override styles: CSSResultGroup = styles;

  static override properties = {
    src: { type: String },
    bundle: { attribute: false },
    lang: { type: String, reflect: true },
    variant: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    state: { type: String, reflect: true },
  };

  /** URL of a bundle, or `#id` of an inline `<script type="application/json">`. */
  declare src: string | undefined;
  /** A bundle object; validated like a fetched one. Takes precedence over `src`. */
  declare bundle: object | undefined;
  /** BCP 47 language of the UI strings and dates. */
  declare lang: string;
  /** `full` or `compact`. */
  declare variant: Variant;
  /** `light`, `dark`, or `auto` (the default: fits the page it sits on, else the OS preference). */
  declare theme: Theme;
  /** Level (1-6) of the element's main heading, to fit the page's outline. */
  declare headingLevel: number;
  /** `loading`, `ready` or `error`; reflected so pages can style each state. */
  declare state: ContentState;

  /** The loaded bundle, once it has arrived. */
  protected loaded: LoadedBundle | undefined;
  private failure: ContentError | undefined;
  /** What the nearest `<therapy-content>` provides. */
  private provided: ContentContext | undefined;
  private providedChanged = false;

  /** The item selected from the loaded bundle, when `state` is `ready`. */
  protected selection: Selection<T> | undefined;
  private selectionError: ContentError | undefined;
  private loadToken = 0;
  /** What the last therapy-load or therapy-error was about. */
  private announced: { loaded?: LoadedBundle; key: string } | undefined;

  constructor() {
    super();
    this.variant = 'full';
    this.theme = 'auto';
    this.headingLevel = 3;
    this.state = 'loading';
    new ThemeController(this);
    new ContextConsumer(this, {
      context: contentContext,
      subscribe: true,
      callback: (value) => {
        this.provided = value;
        this.providedChanged = true;
        this.requestUpdate();
      },
    });
  }

  /** Picks this element's item, or throws a `not-found` or `config` ContentError. */
  protected abstract select(bundle: Bundle): Selection<T>;

  /** Renders the selected item. */
  protected abstract renderItem(item: T, bundle: Bundle): TemplateResult;

  /** The language the element renders in, by the SPEC's order. */
  protected get resolvedLang(): string {
    return this.lang || this.provided?.lang || this.loaded?.bundle.locale || inheritedLang(this) || 'en';
  }

  protected get strings(): Strings {
    return stringsFor(this.resolvedLang);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('src') || changed.has('bundle') || this.providedChanged) {
      this.providedChanged = false;
      this.startLoad();
    }
    this.settle();
  }

  private startLoad(): void {
    const token = ++this.loadToken;
    this.loaded = undefined;
    this.failure = undefined;
    let source: BundleSource;
    if (this.bundle) source = this.bundle;
    else if (this.src) source = this.src;
    else if (this.provided) source = this.provided.src;
    else if (insideUndefinedProvider(this)) return; // the provider's context arrives once it is defined
    else source = undefined;
    this.loaded = peekBundle(source);
    if (this.loaded) return;
    loadBundle(source).then(
      (loaded) => {
        if (token !== this.loadToken) return;
        this.loaded = loaded;
        this.requestUpdate();
      },
      (error: unknown) => {
        if (token !== this.loadToken) return;
        this.failure = error instanceof ContentError ? error : new ContentError('network', 'The bundle could not be loaded.');
        this.requestUpdate();
      },
    );
  }

  /** Derives `state` and the selection from what has loaded so far. */
  private settle(): void {
    this.selection = undefined;
    this.selectionError = undefined;
    if (this.failure) {
      this.state = 'error';
      return;
    }
    if (!this.loaded) {
      this.state = 'loading';
      return;
    }
    try {
      this.selection = this.select(this.loaded.bundle);
      this.state = 'ready';
    } catch (error) {
      this.state = 'error';
      this.selectionError = error instanceof ContentError ? error : new ContentError('config', String(error));
    }
  }

  /** The error being shown, from loading or from selecting. */
  protected get error(): ContentError | undefined {
    return this.state === 'error' ? (this.failure ?? this.selectionError) : undefined;
  }

  protected override updated(): void {
    const error = this.error;
    if (this.state === 'ready' && this.loaded && this.selection) {
      // Once per rendered content: a new load (even of an equal bundle) or another item.
      if (this.announced?.loaded === this.loaded && this.announced.key === this.selection.id) return;
      this.announced = { loaded: this.loaded, key: this.selection.id };
      this.dispatchEvent(loadEvent({ bundleId: this.loaded.bundle.id, itemId: this.selection.id }));
    } else if (error) {
      // Once per cause: re-renders of the same error (a theme change) stay quiet.
      const key = `${error.code} ${error.message}`;
      if (!this.announced?.loaded && this.announced?.key === key) return;
      this.announced = { key };
      warnOnce(`<${this.localName}>: ${error.message}`);
      this.dispatchEvent(errorEvent({ code: error.code, message: error.message, ...(error.problems ? { errors: error.problems } : {}) }));
    } else {
      this.announced = undefined;
    }
  }

  protected override render(): TemplateResult {
    if (this.state === 'ready' && this.loaded && this.selection) return this.renderItem(this.selection.item, this.loaded.bundle);
    const strings = this.strings;
    if (this.state === 'error') {
      const code = this.error?.code;
      const message = code === 'not-found' || code === 'config' ? strings.errorNotFound : strings.errorUnavailable;
      return html`<div class="frame status" part="card status" role="status" lang=${this.resolvedLang}>
        <p>${message}</p>
        <slot></slot>
      </div>`;
    }
    // Loading: the embed snippet's fallback content, else a quiet placeholder.
    if (this.hasFallback()) return html`<slot></slot>`;
    return html`<div class="frame placeholder" part="card status" role="status" aria-busy="true" aria-label=${strings.loading} lang=${this.resolvedLang}></div>`;
  }

  private hasFallback(): boolean {
    return [...this.childNodes].some((node) => node.nodeType === Node.ELEMENT_NODE || !!node.textContent?.trim());
  }

  /**
   * A heading `offset` levels below the element's main heading (`heading-level`,
   * clamped to h1-h6). Six plain templates rather than lit/static-html: smaller,
   * and no per-render string lookup.
   */
  protected heading(content: unknown, offset = 0): TemplateResult {
    const base = Number.isInteger(this.headingLevel) ? this.headingLevel : 3;
    const level = Math.min(6, Math.max(1, base) + offset);
    const [className, part] = offset === 0 ? ['heading', 'heading'] : ['subheading', 'subheading'];
    switch (level) {
      case 1:
        return html`<h1 class=${className} part=${part}>${content}</h1>`;
      case 2:
        return html`<h2 class=${className} part=${part}>${content}</h2>`;
      case 3:
        return html`<h3 class=${className} part=${part}>${content}</h3>`;
      case 4:
        return html`<h4 class=${className} part=${part}>${content}</h4>`;
      case 5:
        return html`<h5 class=${className} part=${part}>${content}</h5>`;
      default:
        return html`<h6 class=${className} part=${part}>${content}</h6>`;
    }
  }

  /** An absolute http(s) URL for a bundle link (relative ones resolve against the bundle), or undefined. */
  protected href(url: string | undefined): string | undefined {
    if (!url || !this.loaded) return undefined;
    try {
      const resolved = new URL(url, this.loaded.baseUrl);
      return isSafeUrl(resolved) ? resolved.href : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * An image URL, only when it is served by the bundle's own host: no request
   * leaves for any other host. Others are left out, with one warning.
   */
  protected mediaSrc(url: string | undefined): string | undefined {
    const href = this.href(url);
    if (!href || !this.loaded) return undefined;
    if (new URL(href).origin === new URL(this.loaded.baseUrl).origin) return href;
    warnOnce(`<${this.localName}>: image ${href} is not on the bundle's host (${new URL(this.loaded.baseUrl).origin}); it is not shown.`);
    return undefined;
  }

  /** `<time datetime>` for a bundle date, formatted in the element's language. */
  protected date(isoDate: string) {
    return html`<time datetime=${isoDate}>${formatDate(isoDate, this.resolvedLang)}</time>`;
  }

  /** A labelled list, or nothing when the list is empty. */
  protected list(items: readonly string[] | undefined, className: string) {
    if (!items?.length) return nothing;
    return html`<ul class=${className}>${items.map((text) => html`<li>${text}</li>`)}</ul>`;
  }
}

