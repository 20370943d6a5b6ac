import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import type { Analysis } from './analyze.js';
import { CodeEditor } from './code-editor.js';
import { textProblems } from './editor-diagnostics.js';
import { locate } from './json-positions.js';
import { renderVerdict, type SelectPlace } from './verdict-view.js';

/** What the editor asks of the page, as events (`bubbles`, not `composed`: they stay in the preview). */
export interface EditorEvents {
  'editor-input': CustomEvent<string>;
  'editor-load-url': CustomEvent<string>;
  'editor-load-file': CustomEvent<File>;
  'editor-discard': Event;
  'editor-download': Event;
}

/** What replaces the editor's text, for the question asked before a changed draft is replaced. */
type Replacement = { kind: 'url'; url: string } | { kind: 'file'; file: File } | { kind: 'discard' };

/**
 * The bundle editor of the preview: load by URL (absolute or relative to this
 * page), file or drop, the JSON text, and the verdict, whose problems select
 * their place in the text. Renders into the preview's shadow root (no shadow
 * root of its own), so the preview's styles and tests reach it.
 *
 * @tagname bundle-editor
 */
export class BundleEditor extends LitElement {
  static override properties = {
    text: { attribute: false },
    analysis: { attribute: false },
    originLabel: { attribute: false },
    status: { attribute: false },
    hasDraft: { attribute: false },
    changed: { attribute: false },
    integrity: { attribute: false },
    dragging: { state: true },
    pending: { state: true },
  };

  declare text: string;
  declare analysis: Analysis | undefined;
  declare originLabel: string;
  declare status: { message: string; error?: boolean } | undefined;
  declare hasDraft: boolean;
  /** True when the text holds edits a load or discard would replace. */
  declare changed: boolean;
  /** `sha384-…` of the editor's bytes, shown beside "Download bundle". */
  declare integrity: string;
  declare private dragging: boolean;
  /** The replacement waiting for the editor's answer in the dialog. */
  declare private pending: Replacement | undefined;

  /** The code editor; created on first render. */
  code: CodeEditor | undefined;

  constructor() {
    super();
    this.text = '';
    this.analysis = undefined;
    this.originLabel = '';
    this.status = undefined;
    this.hasDraft = false;
    this.changed = false;
    this.integrity = '';
    this.dragging = false;
    this.pending = undefined;
  }

  protected override firstUpdated(): void {
    this.code = new CodeEditor({
      parent: this.querySelector<HTMLElement>('.code')!,
      root: this.getRootNode() as ShadowRoot | Document,
      text: this.text,
      labelledBy: 'json-label',
      describedBy: 'json-hint',
      onInput: (text) => this.emit('editor-input', text),
    });
  }

  protected override updated(changed: PropertyValues): void {
    const code = this.code;
    if (!code) return;
    if (changed.has('text')) code.replace(this.text);
    if ((changed.has('analysis') || changed.has('text')) && this.analysis && this.analysis.text === code.text) code.mark(textProblems(this.analysis));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.code?.destroy();
    this.code = undefined;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private emit<K extends keyof EditorEvents>(type: K, detail?: unknown): void {
    this.dispatchEvent(detail === undefined ? new Event(type, { bubbles: true }) : new CustomEvent(type, { detail, bubbles: true }));
  }

  /** Selects a place in the text and moves focus there. */
  readonly select: SelectPlace = (place) => {
    const range = 'offset' in place ? { start: place.offset, end: place.offset + 1 } : locate(this.analysis?.tree, place.keys);
    if (range) this.code?.select(range.start, range.end);
  };

  /** Replaces the text now, or first asks when that would replace edits. */
  private request(replacement: Replacement): void {
    if (!this.changed) {
      this.apply(replacement);
      return;
    }
    this.pending = replacement;
    this.performUpdate(); // the question names this replacement before the dialog opens
    this.querySelector<HTMLDialogElement>('dialog.confirm')?.showModal();
  }

  private apply(replacement: Replacement): void {
    if (replacement.kind === 'url') this.emit('editor-load-url', replacement.url);
    else if (replacement.kind === 'file') this.emit('editor-load-file', replacement.file);
    else this.emit('editor-discard');
  }

  private onDialogClose(event: Event): void {
    const dialog = event.target as HTMLDialogElement;
    const replacement = this.pending;
    this.pending = undefined;
    if (dialog.returnValue === 'replace' && replacement) this.apply(replacement);
    dialog.returnValue = '';
  }

  private question(): { title: string; action: string } {
    const pending = this.pending;
    if (pending?.kind === 'url') return { title: `Load ${pending.url} instead of your edited draft?`, action: 'Load it' };
    if (pending?.kind === 'file') return { title: `Open ${pending.file.name} instead of your edited draft?`, action: 'Open it' };
    return { title: 'Discard your edited draft and go back to the default bundle?', action: 'Discard draft' };
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const url = ((event.target as HTMLFormElement).elements.namedItem('url') as HTMLInputElement).value.trim();
    if (url) this.request({ kind: 'url', url });
  }

  private onFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.request({ kind: 'file', file });
    input.value = '';
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
    const file = event.dataTransfer!.files[0];
    if (file) this.request({ kind: 'file', file });
  }

  private renderDialog(): TemplateResult {
    const { title, action } = this.question();
    return html`<dialog class="confirm" aria-labelledby="confirm-title" @close=${this.onDialogClose}>
      <form method="dialog">
        <p id="confirm-title"><strong>${title}</strong></p>
        <p>Your edits stay in the editor's undo history for this session: Ctrl+Z in the editor brings them back. To keep a copy, download the bundle first.</p>
        <div class="row">
          <button type="submit" value="keep" autofocus>Keep my draft</button>
          <button type="submit" value="replace" class="danger-button">${action}</button>
        </div>
      </form>
    </dialog>`;
  }

  protected override render(): TemplateResult {
    return html`<section class="editor panel" aria-labelledby="bundle-heading">
      <h2 id="bundle-heading">Bundle</h2>
      <form class="row" @submit=${this.onSubmit}>
        <label for="url">Bundle URL</label>
        <input id="url" name="url" type="text" inputmode="url" required placeholder="https://example.org/bundle.json or bundles/news.json" autocomplete="url" />
        <button type="submit">Load URL</button>
      </form>
      <div class="row">
        <label for="file">Open a file</label>
        <input id="file" type="file" accept=".json,application/json" @change=${this.onFileChange} />
      </div>
      <div class="row">
        <button type="button" class="discard" ?disabled=${!this.hasDraft} @click=${() => this.request({ kind: 'discard' })}>Discard draft</button>
        <span class="hint">and go back to the default bundle</span>
      </div>
      <p class="status ${this.status?.error ? 'status--error' : ''}" role="status">${this.status?.message ?? ''}</p>
      ${renderVerdict(this.analysis, this.select)}
      <div class="drop ${this.dragging ? 'drop--active' : ''}" @dragover=${this.onDragOver} @dragleave=${this.onDragLeave} @drop=${this.onDrop}>
        <span class="label" id="json-label">Bundle JSON</span>
        <p class="source" id="json-hint">${this.originLabel} Edit or paste here, or drop a .json file. Ctrl+F searches, Ctrl+Z undoes (a load too); Escape, then Tab, leaves the editor.</p>
        <div class="code"></div>
        <div class="row save">
          <button type="button" data-download @click=${() => this.emit('editor-download')}>Download bundle</button>
          <span class="integrity">Integrity of these bytes: <code data-integrity>${this.integrity || '…'}</code></span>
        </div>
      </div>
      ${this.renderDialog()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bundle-editor': BundleEditor;
  }
}
