import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { defaultBundleUrl } from '../../src/content/load.js';
import type { Bundle, ItemKind } from '../../src/content/schema.js';
import { exportEmail, type EmailExport } from '../../src/export/email.js';
import { toEmbedSnippet } from '../../src/export/snippet.js';
import { VERSION } from '../../src/internal/define.js';
import { UI_LANGUAGES } from '../../src/internal/strings.js';
import { analyze, type Analysis, type PlacedProblem } from './analyze.js';
import { clearDraft, readDraft, saveDraft, type Origin } from './draft.js';
import { lineOf, locate } from './json-map.js';
import { fetchText, readFile } from './sources.js';
import { styles } from './therapy-preview.styles.js';

export type PreviewTheme = 'light' | 'dark';
export type PreviewWidth = 'phone' | 'desktop';

/** How long typing pauses before the text is checked again (and saved). */
export const DEBOUNCE_MS = 250;

export const DEFAULT_SCRIPT_URL = `https://unpkg.com/therapy-widgets@${VERSION}/dist/therapy-widgets.js`;

const WIDTHS: Record<PreviewWidth, string> = { phone: 'Phone (360 px)', desktop: 'Desktop (720 px)' };
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Español' };
const KIND_LABELS: Record<ItemKind, string> = { therapies: 'Therapy', articles: 'Article', experts: 'Expert', quotes: 'Quote' };

/** One previewed item: a therapy card, news teaser or expert quote. */
interface Item {
  key: string;
  kind: 'therapies' | 'articles' | 'quotes';
  id: string;
  title: string;
}

type ExportKind = 'embed' | 'email';

interface Exported {
  embed?: string;
  email?: EmailExport;
  error?: string;
}

/** A rendered content element, as far as the preview needs it. */
type ContentElementLike = HTMLElement & { state?: string; updateComplete?: Promise<unknown> };

/** Waits until a content element has left the `loading` state (or gives up after a few rounds). */
async function settled(element: ContentElementLike): Promise<void> {
  for (let round = 0; round < 20; round++) {
    await element.updateComplete;
    if (element.state !== 'loading') return;
    await new Promise((resolve) => setTimeout(resolve));
  }
}

function itemsOf(bundle: Bundle | undefined): Item[] {
  if (!bundle) return [];
  return [
    ...bundle.therapies.map((t) => ({ key: `therapies:${t.id}`, kind: 'therapies' as const, id: t.id, title: t.name })),
    ...bundle.articles.map((a) => ({ key: `articles:${a.id}`, kind: 'articles' as const, id: a.id, title: a.headline })),
    ...bundle.quotes.map((q) => ({ key: `quotes:${q.id}`, kind: 'quotes' as const, id: q.id, title: q.text })),
  ];
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A stand-alone page around the e-mail HTML, for the sandboxed preview frame. */
function emailPage(body: string, lang: string): string {
  const doc = document.implementation.createHTMLDocument('E-mail preview');
  doc.documentElement.lang = lang;
  const csp = doc.createElement('meta');
  csp.httpEquiv = 'Content-Security-Policy';
  csp.content = "default-src 'none'; img-src https:; style-src 'unsafe-inline'";
  doc.head.prepend(csp);
  return `<!doctype html>${doc.documentElement.outerHTML.replace('<body></body>', `<body style="margin:0;padding:16px;background:#ffffff">${body}</body>`)}`;
}

/**
 * The preview tool for the newsletter team: edit or load a bundle, see its
 * problems with their paths (each one selects its place in the text), preview
 * every item in each theme, width and UI language, and copy each item's
 * embed code and e-mail HTML. The draft stays in this browser.
 *
 * @tagname therapy-preview
 */
export class TherapyPreview extends LitElement {
  static override styles = styles;

  static override properties = {
    theme: { type: String, reflect: true },
    width: { type: String, reflect: true },
    uiLang: { type: String, attribute: 'ui-lang' },
    text: { state: true },
    origin: { state: true },
    analysis: { state: true },
    hasDraft: { state: true },
    scriptUrl: { state: true },
    bundleUrl: { state: true },
    status: { state: true },
    copied: { state: true },
    exported: { state: true },
    dragging: { state: true },
  };

  /** Theme of the page and of every previewed item. */
  declare theme: PreviewTheme;
  /** Width every item is shown at. */
  declare width: PreviewWidth;
  /** UI language of the items (their labels and dates). */
  declare uiLang: string;

  declare private text: string;
  declare private origin: Origin;
  declare private analysis: Analysis | undefined;
  declare private hasDraft: boolean;
  declare private scriptUrl: string;
  /** `src` written into embed code; undefined: the URL the bundle was loaded from, if any. */
  declare private bundleUrl: string | undefined;
  declare private status: { message: string; error?: boolean } | undefined;
  declare private copied: Map<string, string>;
  declare private exported: Map<string, Exported>;
  declare private dragging: boolean;

  private analyzeTimer: ReturnType<typeof setTimeout> | undefined;
  private copiedTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The previewed bundle, kept while edits leave it unchanged, so items do not re-render. */
  private shownBundle: Bundle | undefined;
  private shownBundleJson = '';
  private exportRun = 0;

  constructor() {
    super();
    this.theme = 'light';
    this.width = 'desktop';
    this.uiLang = 'en';
    this.text = '';
    this.origin = { kind: 'default' };
    this.analysis = undefined;
    this.hasDraft = false;
    this.scriptUrl = DEFAULT_SCRIPT_URL;
    this.bundleUrl = undefined;
    this.status = undefined;
    this.copied = new Map();
    this.exported = new Map();
    this.dragging = false;
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
    for (const timer of this.copiedTimers.values()) clearTimeout(timer);
  }

  /** Resolves once the editor's text has been checked and every item has rendered. */
  async ready(): Promise<void> {
    await this.updateComplete;
    for (let round = 0; round < 100 && (!this.analysis || this.analysis.text !== this.text); round++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await this.updateComplete;
    await Promise.all(this.itemElements().map((element) => settled(element)));
  }

  /** The rendered content elements, in order. */
  itemElements(): ContentElementLike[] {
    return [...(this.renderRoot.querySelectorAll<ContentElementLike>('.item__stage > *') ?? [])];
  }

  // --- Loading -------------------------------------------------------------

  private async loadDefault(): Promise<void> {
    this.status = { message: 'Loading the default bundle…' };
    try {
      const { text } = await fetchText(defaultBundleUrl());
      this.bundleUrl = undefined;
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
    const analysis = analyze(this.text);
    const bundle = analysis.salvage.bundle;
    const json = bundle ? JSON.stringify(bundle) : '';
    if (json !== this.shownBundleJson) {
      this.shownBundle = bundle;
      this.shownBundleJson = json;
    }
    this.analysis = analysis;
  }

  private onInput(event: InputEvent): void {
    this.text = (event.target as HTMLTextAreaElement).value;
    if (!this.origin.edited) this.origin = { ...this.origin, edited: true };
    if (!this.status?.error) this.status = undefined;
    clearTimeout(this.analyzeTimer);
    this.analyzeTimer = setTimeout(() => {
      this.runAnalysis();
      this.save();
    }, DEBOUNCE_MS);
  }

  private async onLoadUrl(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('url') as HTMLInputElement;
    const url = input.value.trim();
    if (!url) return;
    this.status = { message: `Loading ${url}…` };
    try {
      const loaded = await fetchText(url);
      this.bundleUrl = undefined;
      this.setText(loaded.text, { kind: 'url', name: loaded.url });
      this.status = { message: `Loaded ${loaded.url}.` };
    } catch (error) {
      this.status = { message: (error as Error).message, error: true };
    }
  }

  private async loadFile(file: File | undefined): Promise<void> {
    if (!file) return;
    try {
      const text = await readFile(file);
      this.setText(text, { kind: 'file', name: file.name });
      this.status = { message: `Opened ${file.name}.` };
    } catch (error) {
      this.status = { message: `${file.name} could not be read: ${(error as Error).message}`, error: true };
    }
  }

  private onFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    void this.loadFile(input.files?.[0]).then(() => {
      input.value = '';
    });
  }

  private hasFiles(event: DragEvent): boolean {
    return [...(event.dataTransfer?.types ?? [])].includes('Files');
  }

  private onDragOver(event: DragEvent): void {
    if (!this.hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer!.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDragLeave(event: DragEvent): void {
    if (!(event.relatedTarget instanceof Node) || !(event.currentTarget as Element).contains(event.relatedTarget)) this.dragging = false;
  }

  private onDrop(event: DragEvent): void {
    this.dragging = false;
    if (!this.hasFiles(event)) return; // dropped text goes into the editor as usual
    event.preventDefault();
    void this.loadFile(event.dataTransfer!.files[0]);
  }

  private async discardDraft(): Promise<void> {
    clearTimeout(this.analyzeTimer);
    clearDraft();
    this.hasDraft = false;
    this.scriptUrl = DEFAULT_SCRIPT_URL;
    this.bundleUrl = undefined;
    await this.loadDefault();
    if (!this.status?.error) this.status = { message: 'Draft discarded. Showing the default bundle.' };
  }

  // --- Problems --------------------------------------------------------------

  /** Selects a problem's place in the editor and moves focus there. */
  private showInText(start: number, end: number): void {
    const textarea = this.renderRoot.querySelector('textarea')!;
    textarea.focus();
    // Backward, so the caret (and what the browser scrolls to) is at the start.
    textarea.setSelectionRange(start, end, 'backward');
    const line = lineOf(this.text, start);
    const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, line * lineHeight - textarea.clientHeight / 3);
  }

  private showProblem(problem: PlacedProblem): void {
    if (problem.location) this.showInText(problem.location.start, problem.location.end);
  }

  private showPath(path: string): void {
    const location = this.analysis && locate(this.analysis.map, path);
    if (location) this.showInText(location.start, location.end);
  }

  // --- Exports ---------------------------------------------------------------

  private effectiveBundleUrl(): string {
    return this.bundleUrl ?? (this.origin.kind === 'url' && this.origin.name ? this.origin.name : '');
  }

  private itemElement(key: string): ContentElementLike | undefined {
    const stage = this.renderRoot.querySelector(`.item[data-key="${CSS.escape(key)}"] .item__stage`);
    return (stage?.firstElementChild as ContentElementLike | null) ?? undefined;
  }

  private async computeExport(key: string, kind: ExportKind): Promise<Exported> {
    const element = this.itemElement(key);
    const result: Exported = { ...this.exported.get(key) };
    delete result.error;
    if (!element) return { error: 'This item is not shown.' };
    await settled(element);
    try {
      if (kind === 'embed') result.embed = toEmbedSnippet(element, { scriptUrl: this.scriptUrl, src: this.effectiveBundleUrl() });
      else result.email = exportEmail(element);
    } catch (error) {
      result.error = (error as Error).message;
    }
    this.exported = new Map(this.exported).set(key, result);
    return result;
  }

  /** Recomputes the code shown in open `<details>`, once the items have re-rendered. */
  private async refreshOpenExports(): Promise<void> {
    const run = ++this.exportRun;
    await this.updateComplete;
    const open = [...this.renderRoot.querySelectorAll<HTMLDetailsElement>('details[data-export][open]')];
    for (const details of open) {
      if (run !== this.exportRun) return;
      await this.computeExport(details.dataset.key!, details.dataset.export as ExportKind);
    }
  }

  private onToggle(event: Event): void {
    const details = event.target as HTMLDetailsElement;
    if (details.open) void this.computeExport(details.dataset.key!, details.dataset.export as ExportKind);
  }

  private async copy(item: Item, kind: ExportKind): Promise<void> {
    const result = await this.computeExport(item.key, kind);
    const text = kind === 'embed' ? result.embed : result.email?.html;
    let message: string;
    if (!text) message = `Nothing copied: ${result.error ?? 'no code'}`;
    else if (await this.writeClipboard(text)) {
      message = kind === 'embed' ? 'Embed code copied' : 'E-mail HTML copied';
      if (kind === 'embed' && !this.effectiveBundleUrl() && this.origin.kind !== 'default') message += ' (no bundle URL set: it shows the default bundle)';
    } else {
      message = 'Could not copy here: the code is shown below, select it and copy.';
      const details = this.renderRoot.querySelector<HTMLDetailsElement>(`details[data-key="${CSS.escape(item.key)}"][data-export="${kind}"]`);
      if (details) details.open = true;
    }
    this.copied = new Map(this.copied).set(item.key, message);
    clearTimeout(this.copiedTimers.get(item.key));
    this.copiedTimers.set(item.key, setTimeout(() => {
      const next = new Map(this.copied);
      next.delete(item.key);
      this.copied = next;
    }, 6000));
  }

  /** The async clipboard API, else the old select-and-copy way; false when neither works. */
  private async writeClipboard(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.setAttribute('aria-hidden', 'true');
      area.className = 'visually-hidden';
      const focused = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
      this.renderRoot.append(area);
      area.select();
      let ok = false;
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
      focused?.focus();
      return ok;
    }
  }

  // --- Lifecycle -------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('theme') && this.isConnected) document.documentElement.dataset.theme = this.theme;
    // What the items show changes: the code computed for them is stale.
    const affectsExports = ['theme', 'width', 'uiLang', 'analysis', 'scriptUrl', 'bundleUrl'];
    if (affectsExports.some((name) => changed.has(name)) && this.exported.size > 0) {
      this.exported = new Map();
      void this.refreshOpenExports();
    }
  }

  // --- Rendering -------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`
      <header class="top">
        <div>
          <h1>Bundle preview</h1>
          <p>Check a content bundle, see every item, copy embed code and e-mail HTML. Everything stays in this browser.</p>
        </div>
        <a href="./index.html">Demo home</a>
      </header>
      <main class="layout">
        ${this.renderEditor()}
        ${this.renderPreview()}
      </main>
    `;
  }

  private originLabel(): string {
    const { kind, name, edited } = this.origin;
    const base = kind === 'default' ? 'The default bundle' : kind === 'url' ? `From ${name}` : kind === 'file' ? `From the file ${name}` : 'Pasted text';
    return `${base}${edited ? ', edited' : ''}.${this.hasDraft ? ' Saved as a draft in this browser.' : ''}`;
  }

  private renderEditor(): TemplateResult {
    return html`<section class="editor panel" aria-labelledby="bundle-heading">
      <h2 id="bundle-heading">Bundle</h2>
      <form class="row" @submit=${this.onLoadUrl}>
        <label for="url">Bundle URL</label>
        <input id="url" name="url" type="url" required placeholder="https://example.org/bundle.json" autocomplete="url" />
        <button type="submit">Load URL</button>
      </form>
      <div class="row">
        <label for="file">Open a file</label>
        <input id="file" type="file" accept=".json,application/json" @change=${this.onFileChange} />
      </div>
      <div class="row">
        <button type="button" class="discard" ?disabled=${!this.hasDraft} @click=${this.discardDraft}>Discard draft</button>
        <span class="hint">and go back to the default bundle</span>
      </div>
      <p class="status ${this.status?.error ? 'status--error' : ''}" role="status">${this.status?.message ?? ''}</p>
      <div
        class="drop ${this.dragging ? 'drop--active' : ''}"
        @dragover=${this.onDragOver}
        @dragleave=${this.onDragLeave}
        @drop=${this.onDrop}
      >
        <label for="json">Bundle JSON</label>
        <p class="source" id="json-hint">${this.originLabel()} Edit or paste here, or drop a .json file.</p>
        <textarea
          id="json"
          spellcheck="false"
          autocomplete="off"
          autocapitalize="off"
          wrap="off"
          aria-describedby="json-hint"
          .value=${live(this.text)}
          @input=${this.onInput}
        ></textarea>
      </div>
      ${this.renderProblems()}
    </section>`;
  }

  private renderProblems(): TemplateResult {
    const analysis = this.analysis;
    const problems = analysis?.problems ?? [];
    const total = problems.length + (analysis?.omitted ?? 0);
    const summary = !analysis ? 'Checking…' : total === 0 ? 'No problems: the bundle is valid.' : `${plural(total, 'problem')} found.`;
    return html`<section class="problems" aria-labelledby="problems-heading">
      <h3 id="problems-heading">Problems</h3>
      <p class=${total === 0 && analysis ? 'ok' : 'danger'} role="status" data-summary>${summary}</p>
      ${problems.length
        ? html`<p class="hint">Select a problem to see where it is in the text.</p>
            <ol>
              ${problems.map(
                (problem) => html`<li>
                  <button type="button" class="problem" data-path=${problem.path} @click=${() => this.showProblem(problem)}>
                    <code>${problem.path}</code>: ${problem.message}
                    ${problem.line ? html`<span class="problem__line">(line ${problem.line}${problem.location?.exact ? '' : ', where it belongs'})</span>` : nothing}
                  </button>
                </li>`,
              )}
            </ol>`
        : nothing}
      ${analysis?.omitted ? html`<p>… and ${plural(analysis.omitted, 'more problem')}, listed once these are fixed.</p>` : nothing}
    </section>`;
  }

  private renderToolbar(): TemplateResult {
    const radios = <T extends string>(name: string, legend: string, values: readonly T[], current: string, label: (v: T) => unknown, set: (v: T) => void) =>
      html`<fieldset>
        <legend>${legend}</legend>
        ${values.map(
          (value) => html`<label>
            <input type="radio" name=${name} .value=${value} .checked=${live(current === value)} @change=${() => set(value)} />
            ${label(value)}
          </label>`,
        )}
      </fieldset>`;
    return html`<div class="toolbar" role="group" aria-label="Preview settings">
      ${radios('theme', 'Theme', ['light', 'dark'] as const, this.theme, (v) => (v === 'light' ? 'Light' : 'Dark'), (v) => (this.theme = v))}
      ${radios('width', 'Width', ['phone', 'desktop'] as const, this.width, (v) => WIDTHS[v], (v) => (this.width = v))}
      ${radios('lang', 'Language', UI_LANGUAGES, this.uiLang, (v) => html`<span lang=${v}>${LANGUAGE_NAMES[v] ?? v}</span>`, (v) => (this.uiLang = v))}
    </div>`;
  }

  private renderEmbedSettings(): TemplateResult {
    const src = this.effectiveBundleUrl();
    return html`<details class="embed-settings-panel">
      <summary>Embed code settings</summary>
      <div class="embed-settings">
        <label for="script-url">Script URL</label>
        <input
          id="script-url"
          type="url"
          .value=${this.scriptUrl}
          @input=${(e: Event) => (this.scriptUrl = (e.target as HTMLInputElement).value.trim())}
          @change=${() => {
            if (!this.scriptUrl) this.scriptUrl = DEFAULT_SCRIPT_URL;
            this.save();
          }}
        />
        <label for="bundle-url">Bundle URL (src)</label>
        <input
          id="bundle-url"
          type="url"
          placeholder="none: the built-in default bundle"
          .value=${src}
          @input=${(e: Event) => (this.bundleUrl = (e.target as HTMLInputElement).value.trim())}
          @change=${() => this.save()}
        />
        <p class="hint">Embed code loads the bundle from this URL. Publish the bundle there first; leave it empty for the built-in default bundle.</p>
      </div>
    </details>`;
  }

  private renderPreview(): TemplateResult {
    const analysis = this.analysis;
    const bundle = this.shownBundle;
    const items = itemsOf(bundle);
    return html`<section class="preview panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      ${this.renderToolbar()}
      ${this.renderEmbedSettings()}
      ${analysis && !bundle
        ? html`<p class="danger" data-blocked>
            ${analysis.parsed
              ? 'Nothing can be previewed until the problems outside the items (the bundle’s own fields) are fixed.'
              : 'Nothing can be previewed: the text is not valid JSON.'}
          </p>`
        : nothing}
      ${bundle ? html`<p class="hint" data-counts>${this.countsLabel(bundle)}</p>` : nothing}
      ${this.renderHidden(bundle)}
      <ul class="items items--${this.width}" aria-label="Items">
        ${repeat(items, (item) => item.key, (item) => this.renderItem(item, bundle!))}
      </ul>
    </section>`;
  }

  private countsLabel(bundle: Bundle): string {
    const quotedBy = new Set(bundle.quotes.map((q) => q.expertId));
    const silent = bundle.experts.filter((e) => !quotedBy.has(e.id)).map((e) => e.name);
    const parts = [
      plural(bundle.therapies.length, 'therapy', 'therapies'),
      plural(bundle.articles.length, 'article'),
      plural(bundle.quotes.length, 'quote'),
    ];
    const experts = `Experts appear in their quotes (${plural(bundle.experts.length, 'expert')})${silent.length ? `; not in any quote, so not shown: ${silent.join(', ')}` : ''}.`;
    return `Showing ${parts.join(', ')} from “${bundle.title}”. ${experts}`;
  }

  private renderHidden(bundle: Bundle | undefined): TemplateResult | typeof nothing {
    const hidden = this.analysis?.salvage.hidden ?? [];
    if (!bundle || hidden.length === 0) return nothing;
    return html`<section class="hidden-items" aria-labelledby="hidden-heading">
      <h3 id="hidden-heading" class="danger">Not shown: ${plural(hidden.length, 'item')} with problems</h3>
      <ul>
        ${hidden.map(
          (item) => html`<li>
            <button type="button" class="problem" data-hidden=${`${item.kind}[${item.index}]`} @click=${() => this.showPath(`${item.kind}[${item.index}]`)}>
              <code>${item.kind}[${item.index}]</code>${item.id ? html` (${KIND_LABELS[item.kind].toLowerCase()} “${item.id}”)` : nothing}: ${item.reason}
            </button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderElement(item: Item, bundle: Bundle): TemplateResult {
    switch (item.kind) {
      case 'therapies':
        return html`<therapy-card therapy=${item.id} theme=${this.theme} lang=${this.uiLang} .bundle=${bundle}></therapy-card>`;
      case 'articles':
        return html`<news-teaser article=${item.id} theme=${this.theme} lang=${this.uiLang} .bundle=${bundle}></news-teaser>`;
      case 'quotes':
        return html`<expert-quote quote=${item.id} theme=${this.theme} lang=${this.uiLang} .bundle=${bundle}></expert-quote>`;
    }
  }

  private renderItem(item: Item, bundle: Bundle): TemplateResult {
    const exported = this.exported.get(item.key);
    const labelId = `label-${item.key}`;
    const code = (kind: ExportKind) => {
      if (exported?.error) return html`<p class="danger">${exported.error}</p>`;
      if (kind === 'embed') {
        return exported?.embed
          ? html`${!this.effectiveBundleUrl() && this.origin.kind !== 'default'
                ? html`<ul class="warnings"><li>No bundle URL is set, so this code shows the item from the built-in default bundle. Set it under “Embed code settings”.</li></ul>`
                : nothing}
              <pre tabindex="0"><code>${exported.embed}</code></pre>`
          : html`<p class="hint">Preparing…</p>`;
      }
      const email = exported?.email;
      if (!email) return html`<p class="hint">Preparing…</p>`;
      return html`${email.warnings.length ? html`<ul class="warnings">${email.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : nothing}
        <pre tabindex="0"><code>${email.html}</code></pre>
        <iframe title=${`E-mail preview: ${item.id}`} sandbox="" srcdoc=${emailPage(email.html, this.uiLang)}></iframe>`;
    };
    return html`<li class="item" data-key=${item.key}>
      <div class="item__bar">
        <p class="item__label" id=${labelId}>${KIND_LABELS[item.kind]} <code>${item.id}</code></p>
        <div class="row">
          <button type="button" data-copy="embed" aria-describedby=${labelId} @click=${() => this.copy(item, 'embed')}>Copy embed code</button>
          <button type="button" data-copy="email" aria-describedby=${labelId} @click=${() => this.copy(item, 'email')}>Copy e-mail HTML</button>
          <span class="item__copy-status" role="status">${this.copied.get(item.key) ?? ''}</span>
        </div>
      </div>
      <div class="item__stage">${this.renderElement(item, bundle)}</div>
      <details data-key=${item.key} data-export="embed" @toggle=${this.onToggle}>
        <summary>Embed code</summary>
        ${exported?.embed !== undefined || exported?.error ? code('embed') : nothing}
      </details>
      <details data-key=${item.key} data-export="email" @toggle=${this.onToggle}>
        <summary>E-mail HTML</summary>
        ${exported?.email !== undefined || exported?.error ? code('email') : nothing}
      </details>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'therapy-preview': TherapyPreview;
  }
}
