import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { defaultBundleUrl } from '../../src/content/load.js';
import { today } from '../../src/content/clock.js';
import { bundleWarnings } from '../../src/content/review.js';
import type { Bundle } from '../../src/content/schema.js';
import { toEmbedSnippet } from '../../src/output/snippet.js';
import { VERSION } from '../../src/internal/define.js';
import { ELEMENTS, type ElementEntry } from '../../src/output/registry.js';
import { UI_LANGUAGES } from '../../src/internal/strings.js';
import { readingGrades, type ReadingGrade } from '../../src/tools/reading-grade.js';
import { analyze, type Analysis } from './analyze.js';
import { bundleBlob, bundleFileName, download } from './bundle-file.js';
import type { EditorEvents } from './bundle-editor.js';
import { writeClipboard } from './clipboard.js';
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
import { LANGUAGE_NAMES, renderEmbedSettings, renderToolbar } from './settings-view.js';
import { fetchText, integrityOf, readFile, servedScriptIntegrity } from './sources.js';
import { styles } from './therapy-preview.styles.js';

/** How long typing pauses before the text is checked again (and saved). */
export const DEBOUNCE_MS = 250;

export const DEFAULT_SCRIPT_URL = `https://unpkg.com/therapy-widgets@${VERSION}/dist/therapy-widgets.js`;


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

function primary(lang: string | undefined): string {
  return (lang ?? 'en').split('-')[0]!.toLowerCase();
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
  static override styles = styles;

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
  declare private analysis: Analysis | undefined;
  declare private hasDraft: boolean;
  declare private scriptUrl: string;
  declare private scriptIntegrity: string;
  /** `src` written into embed code; undefined: the URL the bundle was loaded from, if any. */
  declare private bundleUrl: string | undefined;
  /** `sha384-…` of the bytes loaded from the bundle's URL. */
  declare private bundleIntegrity: string | undefined;
  declare private withScript: boolean;
  declare private status: { message: string; error?: boolean } | undefined;
  declare private pageCopied: string;
  /**
   * `sha384-…` of the editor's exact bytes (what "Download bundle" saves), for
   * embed code that pins the saved bundle; '' until worked out for this text.
   */
  declare textIntegrity: string;

  private analyzeTimer: ReturnType<typeof setTimeout> | undefined;
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
    this.scriptUrl = DEFAULT_SCRIPT_URL;
    this.scriptIntegrity = '';
    this.bundleUrl = undefined;
    this.bundleIntegrity = undefined;
    this.withScript = true;
    this.status = undefined;
    this.pageCopied = '';
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
    const draft = readDraft();
    if (draft) {
      this.hasDraft = true;
      if (draft.scriptUrl !== undefined) this.scriptUrl = draft.scriptUrl;
      if (draft.bundleUrl !== undefined) this.bundleUrl = draft.bundleUrl;
      this.setText(draft.text, draft.origin, { save: false });
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
      this.bundleIntegrity = undefined;
      this.setText(text, { kind: 'default' }, { save: false });
      this.status = { message: 'Showing the default bundle.' };
    } catch (error) {
      this.status = { message: `The default bundle could not be loaded: ${(error as Error).message}`, error: true };
    }
  }

  /** Replaces the editor's text and checks it now. */
  private setText(text: string, origin: Origin, { save = true } = {}): void {
    this.text = text;
    this.origin = origin;
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
      this.grades = new Map(analysis.bundle ? readingGrades(analysis.bundle).map((grade) => [`${grade.kind}:${grade.id}`, grade]) : []);
    }
    this.analysis = analysis;
    this.textIntegrity = '';
    void integrityOf(text).then((integrity) => {
      if (this.text === text) this.textIntegrity = integrity;
    });
  }

  private downloadBundle(): void {
    download(bundleBlob(this.text), bundleFileName(this.analysis?.tree), this.renderRoot as ShadowRoot);
  }

  private onInput(event: EditorEvents['editor-input']): void {
    this.text = event.detail;
    if (!this.origin.edited) this.origin = { ...this.origin, edited: true };
    if (!this.status?.error) this.status = undefined;
    clearTimeout(this.analyzeTimer);
    this.analyzeTimer = setTimeout(() => {
      this.runAnalysis();
      this.save();
    }, DEBOUNCE_MS);
  }

  private async onLoadUrl(event: EditorEvents['editor-load-url']): Promise<void> {
    const url = event.detail;
    this.status = { message: `Loading ${url}…` };
    try {
      const loaded = await fetchText(url);
      this.bundleUrl = undefined;
      this.bundleIntegrity = await integrityOf(loaded.text);
      this.setText(loaded.text, { kind: 'url', name: loaded.url });
      this.status = { message: `Loaded ${loaded.url}.` };
    } catch (error) {
      this.status = { message: (error as Error).message, error: true };
    }
  }

  private async onLoadFile(event: EditorEvents['editor-load-file']): Promise<void> {
    const file = event.detail;
    try {
      const text = await readFile(file);
      this.bundleIntegrity = undefined;
      this.setText(text, { kind: 'file', name: file.name });
      this.status = { message: `Opened ${file.name}.` };
    } catch (error) {
      this.status = { message: `${file.name} could not be read: ${(error as Error).message}`, error: true };
    }
  }

  private async discardDraft(): Promise<void> {
    clearTimeout(this.analyzeTimer);
    clearDraft();
    this.hasDraft = false;
    this.scriptUrl = DEFAULT_SCRIPT_URL;
    this.scriptIntegrity = '';
    this.bundleUrl = undefined;
    await this.loadDefault();
    if (!this.status?.error) this.status = { message: 'Draft discarded. Showing the default bundle.' };
  }

  private async onScriptUrlChange(): Promise<void> {
    if (!this.scriptUrl) this.scriptUrl = DEFAULT_SCRIPT_URL;
    this.save();
    const served = await servedScriptIntegrity(this.scriptUrl);
    if (served) this.scriptIntegrity = served;
  }

  // --- Embed ---------------------------------------------------------------

  private effectiveBundleUrl(): string {
    return this.bundleUrl ?? (this.origin.kind === 'url' && this.origin.name ? this.origin.name : '');
  }

  /** What embed code carries, and what the editor must know before pasting it. */
  private embedSettings(): EmbedSettings {
    const src = this.effectiveBundleUrl();
    const loadedFromSrc = this.origin.kind === 'url' && src === this.origin.name;
    let caveat = '';
    if (!src && this.origin.kind !== 'default') caveat = 'No bundle URL is set, so this code shows the item from the built-in default bundle. Set it under “Embed code settings”.';
    else if (loadedFromSrc && this.origin.edited) caveat = `The live URL ${src} does not yet hold your edits: this code shows what is published there. Publish the edited bundle, then load it here again to pin it.`;
    return {
      scriptUrl: this.scriptUrl,
      ...(this.scriptIntegrity ? { scriptIntegrity: this.scriptIntegrity } : {}),
      src,
      ...(loadedFromSrc && this.bundleIntegrity ? { integrity: this.bundleIntegrity } : {}),
      withScript: this.withScript,
      caveat,
    };
  }

  private async copyAll(): Promise<void> {
    const elements = this.itemElements();
    await Promise.all(elements.map((element) => settled(element)));
    const embed = this.embedSettings();
    let message: string;
    try {
      const code = toEmbedSnippet(elements.filter((element) => element.state === 'ready'), embed);
      message = (await writeClipboard(code, this.renderRoot as ShadowRoot)) ? `Embed code of ${elements.length} items copied, with the script tag once` : 'Could not copy here.';
      if (embed.caveat) message += `. ${embed.caveat}`;
    } catch (error) {
      message = `Nothing copied: ${(error as Error).message}`;
    }
    this.pageCopied = message;
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

  private warningsOf(item: Item, bundle: Bundle, grade: ReadingGrade | undefined): string[] {
    const warnings: string[] = [];
    if (primary(this.uiLang) !== primary(bundle.locale)) {
      warnings.push(`Labels are in ${LANGUAGE_NAMES[this.uiLang] ?? this.uiLang}, the content in ${bundle.locale ?? 'en'}: each part is marked with its language.`);
    }
    // Due for review, an article with no link: the CLI's warnings (review.ts), for this item.
    const kind = item.entry.kind;
    const index = (bundle[kind] as readonly { id: string }[]).findIndex((entry) => entry.id === item.id);
    for (const warning of bundleWarnings(bundle, today())) {
      if (warning.keys[0] === kind && warning.keys[1] === index) warnings.push(`${warning.path}: ${warning.message}`);
    }
    if (grade && grade.grade > 8) warnings.push(`Reading grade ${grade.grade} is above the goal of 8: shorten the longest sentences.`);
    return warnings;
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
      )}
      ${renderEmbedSettings(
        { scriptUrl: this.scriptUrl, scriptIntegrity: this.scriptIntegrity, bundleUrl: this.effectiveBundleUrl(), withScript: this.withScript },
        {
          edit: (change) => Object.assign(this, change),
          scriptUrlDone: () => void this.onScriptUrlChange(),
          bundleUrlDone: () => this.save(),
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
            <span class="page-copy-status" role="status">${this.pageCopied}</span>
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
                  .warnings=${this.warningsOf(item, bundle!, this.grades.get(item.key))}
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
