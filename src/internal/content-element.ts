import { html, isServer, LitElement, nothing, ReactiveElement, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { today } from '../content/clock.js';
import { directionOf, pickLanguage, sameLanguage } from '../content/language.js';
import { keptKey, keyedBundle, renderKey, type KeyedBundle } from '../content/render-key.js';
import { reviewRecord, type ReviewFields, type ReviewRecord } from '../content/review.js';
import type { FingerprintedBytes, LoadedBundle } from '../content/load.js';
import type { Selection } from '../content/select.js';
import type { Bundle, Source } from '../content/schema.js';
import { linkHref, mediaHref } from '../content/urls.js';
import { adoptStylesIn } from './adopt-styles.js';
import { ContentController, type ContentState, type KeptItem } from './content-controller.js';
import { inheritedLang } from './lang-watch.js';
import { hasStrings, stringsFor, type Strings } from './strings.js';
import { date, errorState, headingLevelConverter, label, loadingState } from './templates.js';
import { warnOnce } from './warn.js';
import { styles } from './content-element.styles.js';

export type { ContentState } from './content-controller.js';
export type { Selection } from '../content/select.js';
export type Variant = 'full' | 'compact';

interface Languages {
  ui: string;
  dir: 'rtl' | 'ltr';
  textLang: string | typeof nothing;
  textDir: string | typeof nothing;
  labelDir: string | typeof nothing;
}
export type Theme = 'light' | 'dark' | 'auto';

/** The host attribute holding the key a pre-rendered card was rendered with (src/content/render-key.ts). */
const RENDER_KEY = 'render-key';

/**
 * The base of `<therapy-card>`, `<news-teaser>` and `<expert-quote>`: the
 * shared attributes, loading and state (a `ContentController`), the language
 * of labels and of content, and the loading and error states. A subclass
 * selects its item and renders it.
 *
 * @slot - Fallback content, shown before the element is defined, while it loads, and under an error message.
 *
 * @event therapy-load - The content rendered; `detail: { bundleId, itemId }`.
 * @event therapy-error - It could not; `detail: { code, message, errors? }`, `code` one of `network`, `parse`, `schema`, `not-found`, `config`, `integrity`.
 *
 * @csspart card - The frame (every state).
 * @csspart status - The loading placeholder and the error message.
 * @csspart link - Every link.
 *
 * @cssproperty [--therapy-font-family=inherit] - Font.
 * @cssproperty [--therapy-font-size=max(1em, 16px)] - Base font size: the page's text size, at least 16 px.
 * @cssproperty [--therapy-accent=currentColor] - Links and accents (theme="light": #1f5fa8, "dark": #8cc4ff).
 * @cssproperty [--therapy-surface=transparent] - Background (theme="light": #ffffff, "dark": #161b22).
 * @cssproperty [--therapy-text=currentColor] - Main text colour: the page's (theme="light": #1b1f24, "dark": #e6edf3).
 * @cssproperty [--therapy-muted=currentColor] - Secondary text colour (theme="light": #4f5965, "dark": #a9b4c0).
 * @cssproperty [--therapy-border=color-mix(in srgb, currentColor 40%, transparent)] - Border colour (theme="light": #c9d1d9, "dark": #3d4753).
 * @cssproperty [--therapy-subtle=color-mix(in srgb, currentColor 7%, transparent)] - Quiet fills (theme="light": #f3f5f8, "dark": #1f2630).
 * @cssproperty [--therapy-focus=currentColor] - Focus ring colour (theme="light": #1f5fa8, "dark": #8cc4ff).
 * @cssproperty [--therapy-warning=currentColor] - Border and icon of the risks callout (theme="light": #8a4600, "dark": #f2b866).
 * @cssproperty [--therapy-warning-surface=color-mix(in srgb, currentColor 6%, transparent)] - Background of the risks callout (theme="light": #fff7e8, "dark": #2a2110).
 * @cssproperty [--therapy-radius=12px] - Corner radius.
 * @cssproperty [--therapy-space=1em] - Base spacing unit.
 * @cssproperty [--therapy-card-padding=1.25em] - Padding inside the frame.
 */
export abstract class ContentElement<T> extends LitElement {
  static override styles: CSSResultGroup = styles;

  static override properties = {
    src: { type: String },
    bundle: { attribute: false },
    integrity: { type: String },
    lang: { type: String, reflect: true },
    variant: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    headingLevel: { attribute: 'heading-level', converter: headingLevelConverter },
    state: { type: String, reflect: true },
  };

  /** URL of a bundle, or `#id` of an inline `<script type="application/json">`. */
  declare src: string | undefined;
  /** A bundle object; validated like a fetched one. Takes precedence over `src`. */
  declare bundle: unknown;
  /** Subresource Integrity hash (`sha256-`, `sha384-`, `sha512-`) the bundle's bytes must match. */
  declare integrity: string | undefined;
  /** BCP 47 language of the UI strings and dates. */
  declare lang: string;
  /** `full` or `compact`. */
  declare variant: Variant;
  /** `light` or `dark` paint their own surface; `auto` (the default) is drawn in the page's own text colour on the page's background. */
  declare theme: Theme;
  /** Level (1-6) of the element's main heading, to fit the page's outline; absent or empty: 3. */
  declare headingLevel: number | undefined;
  /** `loading`, `ready` or `error`; reflected so pages can style each state. */
  declare state: ContentState;

  /** Loading, state and events. */
  protected readonly content = new ContentController<T>(this, (loaded) => this.select(loaded), {
    hashFirst: () => !!this.prerendered && !!this.requestedItem(),
    keeps: (fetched) => this.keeps(fetched),
  });

  /** What a declarative shadow root brought (a pre-rendered card), until the element's own rendering replaces it. */
  private prerendered: ChildNode[] | undefined;

  constructor() {
    super();
    this.variant = 'full';
    this.theme = 'auto';
    this.headingLevel = 3;
    this.state = 'loading';
  }

  /**
   * Lit's server renderer calls `willUpdate` and `render`, never the
   * controllers' `hostUpdate` nor `update`: there the content controller
   * settles here, so a `bundle` object renders in that one pass (see
   * src/output/), and the host gets the key of its rendering.
   */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!isServer) return;
    this.content.hostUpdate();
    this.languages = this.languagesNow();
    const { loaded, selection } = this.content;
    if (this.state !== 'ready' || !loaded || !selection) return;
    const key = renderKey({
      itemId: selection.id,
      item: selection.item as object,
      loaded,
      ui: this.languages.ui,
      variant: this.variant,
      headingLevel: this.headingLevel,
      today: today(),
    });
    if (key !== undefined) this.setAttribute(RENDER_KEY, key);
  }

  /**
   * Takes over a declarative shadow root: its pre-rendered card stays while
   * the bundle loads, styled by the stylesheet it links (the element's own
   * styles are adopted only when it renders, see `update`), and Lit renders
   * after it, not before (its default).
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (!this.shadowRoot?.firstChild) return super.createRenderRoot();
    this.prerendered = [...this.shadowRoot.childNodes];
    return this.shadowRoot;
  }

  /**
   * While the pre-rendered card stands (loading, or ready with the key it was
   * rendered with) Lit does not render: the nodes, and the largest paint,
   * stay the pre-rendered ones. Otherwise it goes in the same update that
   * renders the content (or error) replacing it: no frame shows neither.
   */
  protected override update(changed: PropertyValues): void {
    this.languages = this.languagesNow();
    if (this.prerendered) {
      if (this.state === 'loading' || this.content.kept || this.keepsPrerendered()) {
        // ReactiveElement's update (reflected attributes, the update cycle) without LitElement's render.
        skipRender.call(this, changed);
        return;
      }
      for (const node of this.prerendered) node.remove();
      this.prerendered = undefined;
      this.removeAttribute(RENDER_KEY);
      this.adoptOwnStyles();
    }
    super.update(changed);
  }

  /**
   * The pre-rendered card's item, when the element would draw it again the
   * same from bytes with this hash: then the bundle is neither parsed nor checked.
   */
  private keeps(fetched: FingerprintedBytes): KeptItem | undefined {
    const itemId = this.requestedItem();
    const bundle = this.keptBy(fetched.fingerprint, fetched.url, itemId);
    return bundle && { bundleId: bundle.bundleId, itemId: itemId! };
  }

  /** The id of the item the element names by attribute, if it names one (a card that picks its item needs the bundle to know it). */
  protected requestedItem(): string | undefined {
    return undefined;
  }

  /** True when the element would render what its pre-rendered card already shows. */
  private keepsPrerendered(): boolean {
    const { loaded, selection } = this.content;
    return !!(loaded && selection && this.keptBy(loaded.fingerprint, loaded.baseUrl, selection.id));
  }

  /**
   * What the pre-rendered card's key says about its bundle, when the element
   * would render it the same from bytes with `fingerprint` read from `url`,
   * showing `itemId` (render-key.ts `keptKey`); else undefined.
   */
  private keptBy(fingerprint: string | undefined, url: string, itemId: string | undefined): KeyedBundle | undefined {
    const key = this.getAttribute(RENDER_KEY) ?? '';
    const bundle = keyedBundle(key);
    if (!bundle || !fingerprint || !itemId) return undefined;
    const now = { fingerprint, url, itemId, ui: this.languagesNow(bundle.locale).ui, variant: this.variant, headingLevel: this.headingLevel, today: today() };
    return keptKey(key, now) === key ? bundle : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // After adoptNode into another document (and back), styles made for the old one no longer apply.
    if (!this.prerendered) this.adoptOwnStyles();
  }

  private adoptOwnStyles(): void {
    if (this.shadowRoot) adoptStylesIn(this.shadowRoot, (this.constructor as typeof LitElement).elementStyles);
  }

  /** What the element shows, when `state` is `ready`: the bundle as loaded and the item (for the exports). */
  get shown(): { loaded: LoadedBundle; item: T } | undefined {
    return this.state === 'ready' ? this.content.shown() : undefined;
  }

  /** Picks this element's item, or throws a ContentError (`not-found`, `config`, `schema` for a hidden item). */
  protected abstract select(loaded: LoadedBundle): Selection<T>;

  /** Renders the selected item. */
  protected abstract renderItem(item: T, bundle: Bundle): TemplateResult;

  /**
   * The languages of this render, worked out once per update, before
   * `update` decides whether to render at all (a card asks for them a dozen
   * times, and the page's `lang` means a walk up the tree).
   */
  private languages: Languages = { ui: 'en', dir: 'ltr', textLang: nothing, textDir: nothing, labelDir: nothing };

  /**
   * Labels and dates: the first language the SPEC's order names, when the
   * elements have strings in it; else English, the language the labels are
   * then really in (the card's `lang` must say what a screen reader reads).
   * Bundle text: the bundle's locale, marked where it differs from the
   * labels' (WCAG 3.1.2). The card is laid out right to left when either
   * is right-to-left (a Hebrew bundle under English labels mirrors); bundle
   * text and labels each carry their own direction where it differs from
   * the card's.
   */
  private languagesNow(locale = this.content.loaded ? this.content.loaded.bundle.locale : this.content.kept && keyedBundle(this.getAttribute(RENDER_KEY)!)?.locale): Languages {
    const wanted = pickLanguage(this.lang, this.content.provided?.lang, locale, inheritedLang(this));
    const ui = hasStrings(wanted) ? wanted : 'en';
    const labelDir = directionOf(ui);
    const textDir = locale ? directionOf(locale) : labelDir;
    const dir = labelDir === 'rtl' || textDir === 'rtl' ? 'rtl' : 'ltr';
    return {
      ui,
      dir,
      textLang: locale && !sameLanguage(locale, ui) ? locale : nothing,
      textDir: textDir === dir ? nothing : textDir,
      labelDir: labelDir === dir ? nothing : labelDir,
    };
  }

  /** The language of labels and dates. */
  protected get resolvedLang(): string {
    return this.languages.ui;
  }

  protected get strings(): Strings {
    return stringsFor(this.languages.ui);
  }

  /** `dir` of the frame: right to left when the labels' or the bundle's language is. */
  protected get resolvedDir(): 'rtl' | 'ltr' {
    return this.languages.dir;
  }

  /** `lang` for an element holding bundle text, where it differs from the labels', else nothing. */
  protected get textLang(): string | typeof nothing {
    return this.languages.textLang;
  }

  /** `dir` for an element holding bundle text, where its direction differs from the labels'. */
  protected get textDir(): string | typeof nothing {
    return this.languages.textDir;
  }

  /** `dir` for label text, where the labels' direction differs from the card's. */
  protected get labelDir(): string | typeof nothing {
    return this.languages.labelDir;
  }

  /** Label text in the labels' own direction (see `labelDir`). */
  protected label(value: unknown): unknown {
    return label(value, this.languages.labelDir);
  }

  /** Bundle text in a block of its own: marked with its language where it differs from the labels'. */
  protected text(value: string): string | TemplateResult {
    const lang = this.textLang;
    return lang === nothing ? value : html`<span lang=${lang} dir=${this.textDir}>${value}</span>`;
  }

  /** Bundle text inline among other text: isolated (a bidi override in it cannot reach its neighbours), with its language. */
  protected inline(value: string): TemplateResult {
    return html`<bdi lang=${this.textLang} dir=${this.textDir}>${value}</bdi>`;
  }

  /** A source's title (a link when it has a URL, else `<cite>`) and its `, publisher, date` after it. */
  protected sourceParts(source: Source): { title: TemplateResult; details: unknown } {
    const href = this.href(source.url);
    const title = href ? html`<a part="link" href=${href}>${this.inline(source.title)}</a>` : html`<cite>${this.inline(source.title)}</cite>`;
    const details = html`${source.publisher ? html`, ${this.inline(source.publisher)}` : nothing}${source.date
      ? html`, ${date(source.date, this.resolvedLang)}`
      : nothing}`;
    return { title, details };
  }

  /** The review record of a therapy or article, as of today (clock.ts). */
  protected reviewOf(item: ReviewFields): ReviewRecord {
    return reviewRecord(item, this.content.loaded!.bundle, today());
  }

  protected override render(): TemplateResult {
    const { selection, loaded, error } = this.content;
    if (this.state === 'ready' && loaded && selection) return this.renderItem(selection.item, loaded.bundle);
    const strings = this.strings;
    if (this.state === 'error') {
      const code = error?.code;
      return errorState(code === 'not-found' || code === 'config' ? strings.errorNotFound : strings.errorUnavailable, this.resolvedLang);
    }
    return this.hasFallback() ? slotOnly() : loadingState(strings.loading, this.resolvedLang);
  }

  private hasFallback(): boolean {
    // On the server the light DOM is not known: the pre-rendered card's fallback sits beside its shadow root.
    if (isServer) return false;
    return [...this.childNodes].some((node) => node.nodeType === Node.ELEMENT_NODE || !!node.textContent?.trim());
  }

  /** An absolute http(s) URL for a bundle link, or undefined. */
  protected href(url: string | undefined): string | undefined {
    return this.content.loaded ? linkHref(url, this.content.loaded.baseUrl) : undefined;
  }

  /** An image URL, only when served by the bundle's own host; others are left out, with one warning. */
  protected mediaSrc(url: string | undefined): string | undefined {
    const loaded = this.content.loaded;
    if (!loaded) return undefined;
    const { href, refused } = mediaHref(url, loaded.baseUrl);
    if (refused) warnOnce(`<${this.localName}>: image ${refused} is not on the bundle's host (${new URL(loaded.baseUrl).origin}); it is not shown.`);
    return href;
  }
}

/** `update` of LitElement's base class: what an update does besides rendering. */
const skipRender = (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update;

/** While loading with fallback content: the page's own content shows. */
function slotOnly(): TemplateResult {
  return html`<slot></slot>`;
}
