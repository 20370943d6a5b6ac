import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { defaultBundleUrl } from '../../src/content/load.js';
import type { Bundle } from '../../src/content/schema.js';
import { ContentError } from '../../src/content/content-error.js';
import { integrityOf } from '../../src/content/integrity.js';
import { problemInWords, unreachableInWords } from '../../src/content/problem-words.js';
import { readTypedUrl } from '../../src/content/typed-url.js';
import { pinnedBundlePath, SCRIPT_FILE, siteBaseUrl } from '../../src/output/published-paths.js';
import { toEmbedSnippet } from '../../src/output/snippet.js';
import { ELEMENTS, type ElementEntry } from '../../src/output/registry.js';
import { UI_LANGUAGES } from '../../src/internal/strings.js';
import type { ReadingGrade } from '../../src/tools/reading-grade.js';
import { analyze, type Analysis } from './analyze.js';
import { bundleBlob, bundleFileName, download } from './bundle-file.js';
import type { EditorEvents } from './bundle-editor.js';
import { writeClipboard } from './clipboard.js';
import { renderCopyStatus, SUCCESS_MS, type CopyStatus } from './copy-status.js';
import { embedPlan, readPublishLocation, savePublishLocation, type PinnedText } from './embed-plan.js';
import { messageStyles } from './messages.styles.js';
import { clearDraft, readDraft, saveDraft, type Origin } from './draft.js';
import {
  fitObserver,
  fitStages,
  renderStage,
  settled,
  WIDTH_PX,
  type ContentElementLike,
  type EmbedSettings,
  type Look,
  type PreviewTheme,
  type PreviewVariant,
  type PreviewWidth,
  type PreviewZoom,
} from './item-view.js';
import { LANGUAGE_NAMES, languageNotice, renderEmbedSettings, renderToolbar } from './settings-view.js';
import { fetchText, integrityOf as textIntegrity, readFile, servedPins, type ServedPins } from './sources.js';
import { sourceAfterEdit, type Load, type Source } from './text-origin.js';
import { styles } from './therapy-preview.styles.js';

/** How long typing pauses before the text is checked again (and saved). */
export const DEBOUNCE_MS = 250;

/** The widget script this page's own server serves (dist/ beside demo/): a URL that works today. */
export function defaultScriptUrl(): string {
  return new URL(`../dist/${SCRIPT_FILE}`, document.baseURI).href;
}


/** One previewed item. */
interface Item {
  key: string;
  entry: ElementEntry;
  id: string;
}

function itemsOf(bundle: Bundle | undefined): Item[] {
  if (!bundle) return [];
  return ELEMENTS.flatMap((entry) => bundle[entry.kind].map((item) => ({ key: `${entry.kind}:${item.id}`, entry, id: item.id })));
}

/**
 * The preview tool for the newsletter team: edit or load a bundle, see what
 * live pages will do with it, preview every item in each theme, width, UI
 * language, variant and heading level (or one item in all combinations at
 * once), and copy embed code and e-mail. The draft stays in this browser.
 *
 * @tagname therapy-preview
 */
export class TherapyPreview extends LitElement {
  static override styles = [styles, messageStyles];

  static override properties = {
    theme: { type: String, reflect: true },
    width: { type: String, reflect: true },
    uiLang: { type: String, attribute: 'ui-lang' },
    variant: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    zoom: { type: String },
    grid: { attribute: false },
    text: { state: true },
    origin: { state: true },
    analysis: { state: true },
    hasDraft: { state: true },
    scriptUrl: { state: true },
    scriptIntegrity: { state: true },
    stylesheetIntegrity: { state: true },
    publishLocation: { state: true },
    pinned: { state: true },
    bundleUrl: { state: true },
    bundleIntegrity: { state: true },
    withScript: { state: true },
    status: { state: true },
    pageCopied: { state: true },
    textIntegrity: { state: true },
  };

  /** Theme of the page and of every previewed item. */
  declare theme: PreviewTheme;
  /** Width every item is shown at. */
  declare width: PreviewWidth;
  /** UI language of the items (their labels and dates). */
  declare uiLang: string;
  /** `full` or `compact`, for every item. */
  declare variant: PreviewVariant;
  /** Level of each item's main heading. */
  declare headingLevel: number;
  /** How far previews are scaled: `fit` their column (text never below 12 px), or a fixed zoom. */
  declare zoom: PreviewZoom;
  /** Key (`kind:id`) of the item shown in all combinations at once; undefined: the list of all items. */
  declare grid: string | undefined;

  declare private text: string;
  declare private origin: Origin;
  /** The loads still in the editor's undo reach (text-origin.ts). */
  private loads: Load[] = [];
  declare private analysis: Analysis | undefined;
  declare private hasDraft: boolean;
  declare private scriptUrl: string;
  declare private scriptIntegrity: string;
  declare private stylesheetIntegrity: string;
  /** The content site's base URL (normalized); '' for none. */
  declare private publishLocation: string;
  /** The current text's immutable address on the site and its integrity. */
  declare private pinned: PinnedText | undefined;
  /** Pins of the page's own dist/ files, which publish copies byte for byte. */
  private distPins: ServedPins = {};
  /** `src` written into embed code; undefined: the URL the bundle was loaded from, if any. */
  declare private bundleUrl: string | undefined;
  /** `sha384-…` of the bytes loaded from the bundle's URL. */
  declare private bundleIntegrity: string | undefined;
  declare private withScript: boolean;
  declare private status: { message: string; error?: boolean } | undefined;
  declare private pageCopied: CopyStatus | undefined;
  /**
   * `sha384-…` of the editor's exact bytes (what "Download bundle" saves), for
   * embed code that pins the saved bundle; '' until worked out for this text.
   */
  declare textIntegrity: string;

  private analyzeTimer: ReturnType<typeof setTimeout> | undefined;
  private pageCopiedTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settles once the current text's pin is worked out. */
  private pinning: Promise<void> = Promise.resolve();
  /** The previewed bundle, kept while edits leave it unchanged, so items do not re-render. */
  private shownBundle: Bundle | undefined;
  private shownBundleJson = '';
  private grades = new Map<string, ReadingGrade>();
  private readonly fit = fitObserver();

  constructor() {
    super();
    this.theme = 'light';
    this.width = 'desktop';
    this.uiLang = 'en';
    this.variant = 'full';
    this.headingLevel = 3;
    this.zoom = 'fit';
    this.grid = undefined;
    this.text = '';
    this.origin = { kind: 'default' };
    this.analysis = undefined;
    this.hasDraft = false;
    this.scriptUrl = '';
    this.scriptIntegrity = '';
    this.stylesheetIntegrity = '';
    this.publishLocation = '';
    this.pinned = undefined;
    this.bundleUrl = undefined;
    this.bundleIntegrity = undefined;
    this.withScript = true;
    this.status = undefined;
    this.pageCopied = undefined;
    this.textIntegrity = '';
  }

  /** Saves an edit still waiting for its debounce, so a reload right after typing keeps it. */
  private readonly flush = (): void => {
    if (this.analyzeTimer === undefined) return;
    this.runAnalysis();
    this.save();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.flush);
    if (this.analysis || this.text) return;
    this.publishLocation = readPublishLocation();
    this.scriptUrl = defaultScriptUrl();
    void servedPins(this.scriptUrl).then((pins) => (this.distPins = pins));
    const draft = readDraft();
    if (draft?.scriptUrl) this.scriptUrl = draft.scriptUrl;
    void this.fillScriptPins();
    if (draft) {
      this.hasDraft = true;
      if (draft.bundleUrl !== undefined) this.bundleUrl = draft.bundleUrl;
      this.setText(draft.text, { origin: draft.origin }, { save: false });
      this.status = { message: 'Your draft was restored from this browser.' };
    } else {
      void this.loadDefault();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.flush);
    this.flush();
    this.fit.disconnect();
  }

  /** Resolves once the editor's text has been checked and every item has rendered. */
  async ready(): Promise<void> {
    await this.updateComplete;
    for (let round = 0; round < 100 && (!this.analysis || this.analysis.text !== this.text); round++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await this.pinning;
    await this.updateComplete;
    await Promise.all([...this.renderRoot.querySelectorAll('preview-item')].map((item) => item.updateComplete));
    await Promise.all(this.itemElements().map((element) => settled(element)));
  }

  /** The rendered content elements, in order. */
  itemElements(): ContentElementLike[] {
    return [...this.renderRoot.querySelectorAll<ContentElementLike>('.item__stage > *')];
  }

  // --- Loading -------------------------------------------------------------

  private async loadDefault(): Promise<void> {
    this.status = { message: 'Loading the default bundle…' };
    try {
      const { text } = await fetchText(defaultBundleUrl());
      this.bundleUrl = undefined;
      this.setText(text, { origin: { kind: 'default' } }, { save: false });
      this.status = { message: 'Showing the default bundle.' };
    } catch (error) {
      this.status = { message: `The default bundle could not be loaded: ${(error as Error).message}`, error: true };
    }
  }

  /** Replaces the editor's text (a load, one step of the editor's undo history) and checks it now. */
  private setText(text: string, source: Source, { save = true } = {}): void {
    const replaced = this.loads.length > 0 ? { text: this.text, source: { origin: this.origin, bundleIntegrity: this.bundleIntegrity } } : undefined;
    this.loads = [...this.loads, { text, source, ...(replaced && { replaced }) }];
    this.text = text;
    this.origin = source.origin;
    this.bundleIntegrity = source.bundleIntegrity;
    this.runAnalysis();
    if (save) this.save();
  }

  private save(): void {
    const saved = saveDraft({
      text: this.text,
      origin: this.origin,
      scriptUrl: this.scriptUrl,
      ...(this.bundleUrl !== undefined ? { bundleUrl: this.bundleUrl } : {}),
    });
    this.hasDraft = saved;
    if (!saved) this.status = { message: 'This browser did not let the page save the draft; it is lost on reload.', error: true };
  }

  private runAnalysis(): void {
    clearTimeout(this.analyzeTimer);
    this.analyzeTimer = undefined;
    const text = this.text;
    const analysis = analyze(text);
    const json = analysis.bundle ? JSON.stringify(analysis.bundle) : '';
    // Text that is not JSON keeps the last valid preview on screen, marked as such.
    if (json !== this.shownBundleJson && !(analysis.syntax && this.shownBundle)) {
      this.shownBundle = analysis.bundle;
      this.shownBundleJson = json;
      this.grades = new Map(analysis.grades.map((grade) => [`${grade.kind}:${grade.id}`, grade]));
    }
    this.analysis = analysis;
    this.textIntegrity = '';
    this.pinning = this.pin(analysis);
  }

  /**
   * Works out the integrity of the text's exact bytes (shown beside "Download
   * bundle") and, for a bundle with an id, where it lives on the content site.
   */
  private async pin(analysis: Analysis): Promise<void> {
    const bytes = new TextEncoder().encode(analysis.text);
    const id = analysis.bundle?.id;
    const [integrity, path] = await Promise.all([integrityOf(bytes), id ? pinnedBundlePath(id, bytes) : undefined]);
    if (this.text !== analysis.text) return;
    this.textIntegrity = integrity;
    if (id && path) this.pinned = { text: analysis.text, id, path, integrity };
  }

  private downloadBundle(): void {
    download(bundleBlob(this.text), bundleFileName(this.analysis?.tree), this.renderRoot as ShadowRoot);
  }

  private onInput(event: EditorEvents['editor-input']): void {
    this.text = event.detail;
    const after = sourceAfterEdit(this.loads, this.text);
    if (after) {
      this.loads = after.loads;
      this.origin = after.source.origin;
      this.bundleIntegrity = after.source.bundleIntegrity;
    }
    if (!this.status?.error) this.status = undefined;
    clearTimeout(this.analyzeTimer);
    this.analyzeTimer = setTimeout(() => {
      this.runAnalysis();
      this.save();
    }, DEBOUNCE_MS);
  }

  private async onLoadUrl(event: EditorEvents['editor-load-url']): Promise<void> {
    const { url, assumedHttps } = readTypedUrl(event.detail);
    const read = assumedHttps ? ` (“${event.detail.trim()}” has no https:// or http://, so it was read as ${url})` : '';
    this.status = { message: `Loading ${url}…${read}` };
    try {
      const loaded = await fetchText(url);
      this.bundleUrl = undefined;
      this.setText(loaded.text, { origin: { kind: 'url', name: loaded.url }, bundleIntegrity: await textIntegrity(loaded.text) });
      this.status = { message: `Loaded ${loaded.url}.${read}` };
    } catch (error) {
      const unreachable = error instanceof ContentError && error.code === 'network' && error.message.includes('could not be fetched');
      this.status = { message: `${unreachable ? unreachableInWords(url) : (error as Error).message}${read}`, error: true };
    }
  }

  private async onLoadFile(event: EditorEvents['editor-load-file']): Promise<void> {
    const file = event.detail;
    try {
      const text = await readFile(file);
      this.setText(text, { origin: { kind: 'file', name: file.name } });
      this.status = { message: `Opened ${file.name}.` };
    } catch (error) {
      this.status = { message: `${file.name} could not be read: ${(error as Error).message}`, error: true };
    }
  }

  private async discardDraft(): Promise<void> {
    clearTimeout(this.analyzeTimer);
    clearDraft();
    this.hasDraft = false;
    this.scriptUrl = defaultScriptUrl();
    this.bundleUrl = undefined;
    void this.fillScriptPins();
    await this.loadDefault();
    if (!this.status?.error) this.status = { message: 'Draft discarded. Showing the default bundle.' };
  }

  private async onScriptUrlChange(): Promise<void> {
    if (!this.scriptUrl) this.scriptUrl = defaultScriptUrl();
    this.save();
    await this.fillScriptPins();
  }

  /** Fills the integrity of the script URL (and of the stylesheet beside it) when this page can read them. */
  private async fillScriptPins(): Promise<void> {
    const url = this.scriptUrl;
    const pins = await servedPins(url);
    if (url !== this.scriptUrl) return;
    this.scriptIntegrity = pins.script ?? '';
    this.stylesheetIntegrity = pins.stylesheet ?? '';
  }

  private onPublishLocationChange(value: string): void {
    let location = '';
    if (value) {
      try {
        location = siteBaseUrl(readTypedUrl(value).url);
      } catch (error) {
        this.status = { message: (error as Error).message, error: true };
        return;
      }
    }
    this.publishLocation = location;
    if (!savePublishLocation(location)) this.status = { message: 'This browser did not let the page keep the publish location.', error: true };
  }

  // --- Embed ---------------------------------------------------------------

  private effectiveBundleUrl(): string {
    return this.bundleUrl ?? (this.origin.kind === 'url' && this.origin.name ? this.origin.name : '');
  }

  /** What embed code carries, or why it is not copied (embed-plan.ts). */
  private embedSettings(): EmbedSettings {
    return embedPlan({
      origin: this.origin,
      text: this.text,
      publishLocation: this.publishLocation,
      pinned: this.pinned,
      dist: this.distPins,
      scriptUrl: this.scriptUrl,
      scriptIntegrity: this.scriptIntegrity,
      stylesheetIntegrity: this.stylesheetIntegrity,
      bundleUrl: this.bundleUrl ?? '',
      loadedIntegrity: this.bundleIntegrity,
      withScript: this.withScript,
    });
  }

  private async copyAll(): Promise<void> {
    await this.pinning;
    const elements = this.itemElements();
    await Promise.all(elements.map((element) => settled(element)));
    const ready = elements.filter((element) => element.state === 'ready');
    const embed = this.embedSettings();
    let status: CopyStatus;
    if (ready.length === 0) status = { message: 'Nothing to copy: no item is shown.', stays: true, refused: true };
    else if (embed.blocked) status = { message: `Nothing copied. ${embed.blocked}`, stays: true, refused: true };
    else {
      try {
        const code = toEmbedSnippet(ready, embed);
        const notes = [embed.caveat, embed.loads].filter(Boolean);
        status = (await writeClipboard(code, this.renderRoot as ShadowRoot))
          ? {
              message: [`Embed code of ${ready.length} items copied, with the script tag once.`, ...notes].join(' '),
              stays: notes.length > 0 || embed.steps.length > 0,
              steps: embed.steps,
            }
          : { message: 'Could not copy here: copy each item’s code from its “Embed code” panel.', stays: true, refused: true };
      } catch (error) {
        status = { message: `Nothing copied: ${(error as Error).message}`, stays: true, refused: true };
      }
    }
    this.pageCopied = status;
    clearTimeout(this.pageCopiedTimer);
    if (!status.stays) this.pageCopiedTimer = setTimeout(() => (this.pageCopied = undefined), SUCCESS_MS);
  }

  // --- Lifecycle -------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('theme') && this.isConnected) document.documentElement.dataset.theme = this.theme;
  }

  protected override updated(): void {
    fitStages(this.renderRoot, this.fit);
  }

  // --- Rendering -------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`
      <header class="top">
        <div>
          <h1>Bundle preview</h1>
          <p>Check a content bundle, see what live pages will do with it, see every item every way, copy embed code and e-mail. Everything stays in this browser.</p>
        </div>
        <a href="./index.html">Demo home</a>
      </header>
      <main class="layout">
        <bundle-editor
          .text=${this.text}
          .analysis=${this.analysis}
          .originLabel=${this.originLabel()}
          .status=${this.status}
          .hasDraft=${this.hasDraft}
          .changed=${this.origin.edited === true}
          .integrity=${this.textIntegrity}
          @editor-input=${this.onInput}
          @editor-load-url=${this.onLoadUrl}
          @editor-load-file=${this.onLoadFile}
          @editor-discard=${this.discardDraft}
          @editor-download=${this.downloadBundle}
        ></bundle-editor>
        ${this.renderPreview()}
      </main>
    `;
  }

  private originLabel(): string {
    const { kind, name, edited } = this.origin;
    const base = kind === 'default' ? 'The default bundle' : kind === 'url' ? `From ${name}` : kind === 'file' ? `From the file ${name}` : 'Pasted text';
    return `${base}${edited ? ', edited' : ''}.${this.hasDraft ? ' Saved as a draft in this browser.' : ''}`;
  }

  /** The item's warnings in words (analyze.ts): review due, an article with no link, a reading grade above the goal. */
  private warningsOf(item: Item): string[] {
    const input = this.analysis?.input;
    return (this.analysis?.warnings ?? []).filter((warning) => warning.itemKey === item.key).map((warning) => problemInWords(warning, input));
  }

  private renderGrid(item: Item, bundle: Bundle): TemplateResult {
    // Light and dark side by side, in rows of phone and desktop, for each language.
    const combos = UI_LANGUAGES.flatMap((lang) =>
      (['phone', 'desktop'] as const).flatMap((width) => (['light', 'dark'] as const).map((theme) => ({ theme, width, lang }))),
    );
    return html`<div class="grid-frame"><ul class="grid" aria-label=${`${item.entry.tag} ${item.id} in every combination`}>
      ${combos.map(
        ({ theme, width, lang }) => html`<li class="grid__cell grid__cell--${width}" data-combo=${`${theme} ${width} ${lang}`}>
          <p class="item__label">${theme === 'light' ? 'Light' : 'Dark'} · ${WIDTH_PX[width]} px · ${LANGUAGE_NAMES[lang] ?? lang}</p>
          ${renderStage(item.entry, item.id, bundle, { theme, lang, variant: this.variant, headingLevel: this.headingLevel }, width, this.zoom)}
        </li>`,
      )}
    </ul></div>`;
  }

  private renderPreview(): TemplateResult {
    const analysis = this.analysis;
    const bundle = this.shownBundle;
    const items = itemsOf(bundle);
    const gridItem = items.find((item) => item.key === this.grid);
    const look: Look = { theme: this.theme, lang: this.uiLang, variant: this.variant, headingLevel: this.headingLevel };
    const embed = this.embedSettings();
    return html`<section class="preview panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      ${renderToolbar(
        { theme: this.theme, width: this.width, uiLang: this.uiLang, variant: this.variant, headingLevel: this.headingLevel, zoom: this.zoom, grid: this.grid },
        items.map((item) => ({ key: item.key, label: `${item.entry.tag} ${item.id}` })),
        (change) => Object.assign(this, change),
        bundle ? languageNotice(this.uiLang, bundle.locale) : '',
      )}
      ${renderEmbedSettings(
        {
          publishLocation: this.publishLocation,
          ...(this.publishLocation
            ? { fromSite: { scriptUrl: embed.scriptUrl, scriptIntegrity: embed.scriptIntegrity ?? '', bundleUrl: embed.src ?? '' } }
            : {}),
          scriptUrl: this.scriptUrl,
          scriptIntegrity: this.scriptIntegrity,
          bundleUrl: this.effectiveBundleUrl(),
          withScript: this.withScript,
        },
        {
          edit: (change) => Object.assign(this, change),
          scriptUrlDone: () => void this.onScriptUrlChange(),
          bundleUrlDone: () => this.save(),
          publishLocationDone: (value) => this.onPublishLocationChange(value),
        },
      )}
      ${analysis && !bundle
        ? html`<p class="danger" data-blocked>
            ${analysis.syntax
              ? 'Nothing can be previewed: the text is not valid JSON.'
              : 'Nothing can be previewed until the problems outside the items (the bundle’s own fields) are fixed.'}
          </p>`
        : nothing}
      ${analysis?.syntax && bundle
        ? html`<p class="stale" data-stale>Showing the last valid version: fix line ${analysis.syntax.line}, column ${analysis.syntax.column}.</p>`
        : nothing}
      ${bundle && !gridItem
        ? html`<div class="row">
            <button type="button" data-copy="all" @click=${this.copyAll}>Copy embed code of all items</button>
            ${renderCopyStatus(this.pageCopied, 'page-copy-status', () => (this.pageCopied = undefined))}
          </div>`
        : nothing}
      ${bundle && gridItem
        ? this.renderGrid(gridItem, bundle)
        : html`<ul class="items items--${this.width}" aria-label="Items">
            ${repeat(
              items,
              (item) => item.key,
              (item) => html`<li class="item" data-key=${item.key}>
                <preview-item
                  .entry=${item.entry}
                  .itemId=${item.id}
                  .bundle=${bundle!}
                  .look=${look}
                  .width=${this.width}
                  .zoom=${this.zoom}
                  .embed=${embed}
                  .grade=${this.grades.get(item.key)}
                  .warnings=${this.warningsOf(item)}
                ></preview-item>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'therapy-preview': TherapyPreview;
  }
}
