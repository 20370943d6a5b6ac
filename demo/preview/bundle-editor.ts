import { html, LitElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Analysis } from './analyze.js';
import { lineOf, locate } from './json-positions.js';
import { renderVerdict, type SelectPlace } from './verdict-view.js';

/** What the editor asks of the page, as events (`bubbles`, not `composed`: they stay in the preview). */
export interface EditorEvents {
  'editor-input': CustomEvent<string>;
  'editor-load-url': CustomEvent<string>;
  'editor-load-file': CustomEvent<File>;
  'editor-discard': Event;
}

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
    dragging: { state: true },
  };

  declare text: string;
  declare analysis: Analysis | undefined;
  declare originLabel: string;
  declare status: { message: string; error?: boolean } | undefined;
  declare hasDraft: boolean;
  declare private dragging: boolean;

  constructor() {
    super();
    this.text = '';
    this.analysis = undefined;
    this.originLabel = '';
    this.status = undefined;
    this.hasDraft = false;
    this.dragging = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private emit<K extends keyof EditorEvents>(type: K, detail?: unknown): void {
    this.dispatchEvent(detail === undefined ? new Event(type, { bubbles: true }) : new CustomEvent(type, { detail, bubbles: true }));
  }

  /** Selects a place in the text and moves focus there. */
  readonly select: SelectPlace = (place) => {
    let range: { start: number; end: number } | undefined;
    if ('offset' in place) range = { start: place.offset, end: Math.min(place.offset + 1, this.text.length) };
    else range = locate(this.analysis?.tree, place.keys);
    if (!range) return;
    const textarea = this.querySelector('textarea')!;
    textarea.focus();
    // Backward, so the caret (and what the browser scrolls to) is at the start.
    textarea.setSelectionRange(range.start, range.end, 'backward');
    const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, lineOf(this.text, range.start) * lineHeight - textarea.clientHeight / 3);
  };

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const url = ((event.target as HTMLFormElement).elements.namedItem('url') as HTMLInputElement).value.trim();
    if (url) this.emit('editor-load-url', url);
  }

  private onFileChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.emit('editor-load-file', file);
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
    if (file) this.emit('editor-load-file', file);
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
        <button type="button" class="discard" ?disabled=${!this.hasDraft} @click=${() => this.emit('editor-discard')}>Discard draft</button>
        <span class="hint">and go back to the default bundle</span>
      </div>
      <p class="status ${this.status?.error ? 'status--error' : ''}" role="status">${this.status?.message ?? ''}</p>
      ${renderVerdict(this.analysis, this.select)}
      <div class="drop ${this.dragging ? 'drop--active' : ''}" @dragover=${this.onDragOver} @dragleave=${this.onDragLeave} @drop=${this.onDrop}>
        <label for="json">Bundle JSON</label>
        <p class="source" id="json-hint">${this.originLabel} Edit or paste here, or drop a .json file.</p>
        <textarea
          id="json"
          spellcheck="false"
          autocomplete="off"
          autocapitalize="off"
          wrap="off"
          aria-describedby="json-hint"
          .value=${live(this.text)}
          @input=${(event: InputEvent) => this.emit('editor-input', (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bundle-editor': BundleEditor;
  }
}
