import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Bundle } from '../../src/content/schema.js';
import { emailDocument, exportEmail, type EmailExport } from '../../src/output/email.js';
import { elementSnippet, toEmbedSnippet, type SnippetOptions } from '../../src/output/snippet.js';
import type { ElementEntry } from '../../src/output/registry.js';
import { GOAL_GRADE, type ReadingGrade } from '../../src/tools/reading-grade.js';
import { writeClipboard } from './clipboard.js';
import { renderCopyStatus, renderSteps, SUCCESS_MS, type CopyStatus, type Step } from './copy-status.js';

export type PreviewTheme = 'light' | 'dark';
export type PreviewWidth = 'phone' | 'desktop';
export type PreviewVariant = 'full' | 'compact';

/** Width of each preview width in CSS pixels. */
export const WIDTH_PX: Record<PreviewWidth, number> = { phone: 360, desktop: 1280 };

/** How an item is shown: the element's own options. */
export interface Look {
  theme: PreviewTheme;
  lang: string;
  variant: PreviewVariant;
  headingLevel: number;
}

/** What embed code carries, and whether the bundle URL holds what the editor sees. */
export interface EmbedSettings extends SnippetOptions {
  /** With the script tag (the first item on a page), or the element only. */
  withScript: boolean;
  /** What to check before pasting (a bundle URL typed by hand); '' when nothing. */
  caveat: string;
  /** Why no code is copied: it would show something else than the preview (edits no page can load); '' when it would not. */
  blocked: string;
  /** Where the code loads the bundle from, when the editor must put it there first; '' otherwise. */
  loads: string;
  /** What to upload where before pasting, with the publish command; empty when nothing. */
  steps: readonly Step[];
}

/** A rendered content element, as far as the preview needs it. */
export type ContentElementLike = HTMLElement & { state?: string; updateComplete?: Promise<unknown> };

/** Waits until a content element has left the `loading` state (or gives up after a few rounds). */
export async function settled(element: ContentElementLike): Promise<void> {
  for (let round = 0; round < 20; round++) {
    await element.updateComplete;
    if (element.state !== 'loading') return;
    await new Promise((resolve) => setTimeout(resolve));
  }
}

/** How far previews are scaled: to fit their column, or a fixed zoom. */
export const ZOOMS = ['fit', '0.75', '1'] as const;
export type PreviewZoom = (typeof ZOOMS)[number];

/**
 * The least zoom of a preview: the elements never set text below 16 px, so
 * scaled text stays at 12 px or more.
 */
export const MIN_ZOOM = 12 / 16;

/** The content element of one item, at one width and zoom (see fitStage). */
export function renderStage(entry: ElementEntry, id: string, bundle: Bundle, look: Look, width: PreviewWidth, zoom: PreviewZoom = 'fit'): TemplateResult {
  const common = (tag: TemplateResult) => html`<div class="item__fit"><div class="item__stage stage--${width}" data-zoom=${zoom}>${tag}</div></div>`;
  const attrs = { theme: look.theme, lang: look.lang, variant: look.variant, level: look.headingLevel };
  switch (entry.tag) {
    case 'therapy-card':
      return common(html`<therapy-card therapy=${id} theme=${attrs.theme} lang=${attrs.lang} variant=${attrs.variant} heading-level=${attrs.level} .bundle=${bundle}></therapy-card>`);
    case 'news-teaser':
      return common(html`<news-teaser article=${id} theme=${attrs.theme} lang=${attrs.lang} variant=${attrs.variant} heading-level=${attrs.level} .bundle=${bundle}></news-teaser>`);
    case 'expert-quote':
      return common(html`<expert-quote quote=${id} theme=${attrs.theme} lang=${attrs.lang} variant=${attrs.variant} heading-level=${attrs.level} .bundle=${bundle}></expert-quote>`);
  }
}

/**
 * Sizes one stage to its box: zoom `fit` scales the full width (360 or 1280
 * px) down to the box, never below MIN_ZOOM; where even that is too wide the
 * stage gets narrower instead, so nothing is ever cut off. CSS zoom, so the
 * height follows.
 */
export function fitStage(fit: HTMLElement): void {
  const stage = fit.firstElementChild as HTMLElement | null;
  const style = getComputedStyle(fit);
  const box = fit.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
  if (!stage || box <= 0) return;
  const full = stage.classList.contains('stage--desktop') ? WIDTH_PX.desktop : WIDTH_PX.phone;
  const chosen = stage.dataset.zoom;
  const zoom = chosen === 'fit' || !chosen ? Math.min(1, Math.max(MIN_ZOOM, box / full)) : Number(chosen);
  const width = `${Math.min(full, Math.floor(box / zoom))}px`;
  if (stage.style.zoom !== String(zoom)) stage.style.zoom = String(zoom);
  if (stage.style.width !== width) stage.style.width = width;
}

/** Fits every stage now (after a render) and whenever its box changes size. */
export function fitStages(root: ParentNode, observer: ResizeObserver): void {
  for (const fit of root.querySelectorAll<HTMLElement>('.item__fit')) {
    observer.observe(fit);
    fitStage(fit);
  }
}

export function fitObserver(): ResizeObserver {
  return new ResizeObserver((entries) => {
    // Zooming changes the observed box's height: done in the next frame, so it starts no observer loop.
    requestAnimationFrame(() => {
      for (const { target } of entries) fitStage(target as HTMLElement);
    });
  });
}

type ExportKind = 'embed' | 'email' | 'text';

interface Exported {
  embed?: string;
  email?: EmailExport;
  error?: string;
}

/**
 * One previewed item: its element, its reading grade and warnings, and its
 * embed code and e-mail (HTML and plain text) to look at and copy. Renders
 * into the preview's shadow root.
 *
 * @tagname preview-item
 */
export class PreviewItem extends LitElement {
  static override properties = {
    entry: { attribute: false },
    itemId: { attribute: false },
    bundle: { attribute: false },
    look: { attribute: false },
    width: { attribute: false },
    zoom: { attribute: false },
    embed: { attribute: false },
    grade: { attribute: false },
    warnings: { attribute: false },
    exported: { state: true },
    copied: { state: true },
  };

  declare entry: ElementEntry;
  declare itemId: string;
  declare bundle: Bundle;
  declare look: Look;
  declare width: PreviewWidth;
  declare zoom: PreviewZoom;
  declare embed: EmbedSettings;
  declare grade: ReadingGrade | undefined;
  declare warnings: string[];
  declare private exported: Exported | undefined;
  declare private copied: CopyStatus | undefined;

  private copiedTimer: ReturnType<typeof setTimeout> | undefined;
  private exportRun = 0;

  constructor() {
    super();
    this.warnings = [];
    this.zoom = 'fit';
    this.copied = undefined;
    this.exported = undefined;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.copiedTimer);
  }

  /** The content element this item renders. */
  get element(): ContentElementLike | undefined {
    return (this.querySelector('.item__stage')?.firstElementChild as ContentElementLike | null) ?? undefined;
  }

  private async compute(kind: ExportKind): Promise<Exported> {
    const element = this.element;
    if (!element) return { error: 'This item is not shown.' };
    await settled(element);
    const result: Exported = { ...this.exported };
    delete result.error;
    try {
      if (kind === 'embed' && this.embed.blocked) throw new Error(this.embed.blocked);
      if (kind === 'embed') result.embed = this.embed.withScript ? toEmbedSnippet(element, this.embed) : `${elementSnippet(element, this.embed)}\n`;
      else result.email = exportEmail(element);
    } catch (error) {
      result.error = (error as Error).message;
    }
    this.exported = result;
    return result;
  }

  /** Recomputes the code shown in open panels, once the item has re-rendered. */
  private async refreshOpen(): Promise<void> {
    const run = ++this.exportRun;
    await this.updateComplete;
    for (const details of this.querySelectorAll<HTMLDetailsElement>('details[data-export][open]')) {
      if (run !== this.exportRun) return;
      await this.compute(details.dataset.export as ExportKind);
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (['bundle', 'look', 'embed', 'width'].some((name) => changed.has(name)) && this.exported) {
      this.exported = undefined;
      void this.refreshOpen();
    }
  }

  private onToggle(event: Event): void {
    const details = event.target as HTMLDetailsElement;
    if (details.open) void this.compute(details.dataset.export as ExportKind);
  }

  private async copy(kind: ExportKind): Promise<void> {
    if (kind === 'embed' && this.embed.blocked) {
      this.showCopied({ message: `Nothing copied. ${this.embed.blocked}`, stays: true, refused: true });
      return;
    }
    const result = await this.compute(kind);
    const text = kind === 'embed' ? result.embed : kind === 'email' ? result.email?.html : result.email?.text;
    let status: CopyStatus;
    if (!text) {
      status = { message: `Nothing copied: ${result.error ?? 'no code'}`, stays: true, refused: true };
    } else if (await writeClipboard(text, this.getRootNode() as ShadowRoot)) {
      const notes = kind === 'embed' ? [this.embed.caveat, this.embed.loads].filter(Boolean) : [];
      const done = kind === 'embed' ? 'Embed code copied.' : kind === 'email' ? 'E-mail HTML copied' : 'Plain text copied';
      const steps = kind === 'embed' ? this.embed.steps : [];
      status = { message: [done, ...notes].join(' '), stays: notes.length > 0 || steps.length > 0, steps };
    } else {
      status = { message: 'Could not copy here: the code is shown below, select it and copy.', stays: true };
      const details = this.querySelector<HTMLDetailsElement>(`details[data-export="${kind === 'text' ? 'email' : kind}"]`);
      if (details) details.open = true;
    }
    this.showCopied(status);
  }

  /** Shows a copy message; a plain success fades. */
  private showCopied(status: CopyStatus): void {
    this.copied = status;
    clearTimeout(this.copiedTimer);
    if (!status.stays) this.copiedTimer = setTimeout(() => (this.copied = undefined), SUCCESS_MS);
  }

  protected override updated(): void {
    const fit = this.querySelector<HTMLElement>('.item__fit');
    if (fit) fitStage(fit);
  }

  /** Lets the e-mail frame grow to the whole e-mail (no inner scroll). */
  private fitFrame(event: Event): void {
    const frame = event.target as HTMLIFrameElement;
    const doc = frame.contentDocument;
    if (doc) frame.style.height = `${doc.documentElement.scrollHeight + frame.offsetHeight - frame.clientHeight}px`;
  }

  private renderGrade(): TemplateResult | typeof nothing {
    const grade = this.grade;
    if (!grade) return nothing;
    const high = !grade.verbatim && grade.grade > GOAL_GRADE;
    const note = grade.verbatim ? '(a quote keeps the words as said: for information only)' : high ? `(above the goal of ${GOAL_GRADE})` : `(goal: ${GOAL_GRADE} or lower)`;
    return html`<details class="grade ${high ? 'grade--high' : ''}" data-grade=${grade.grade}>
      <summary>Reading grade ${grade.grade} ${note}</summary>
      <p class="hint">Longest sentences:</p>
      <ol>${grade.longest.map((sentence) => html`<li>${sentence}</li>`)}</ol>
    </details>`;
  }

  private renderEmbed(): TemplateResult {
    const exported = this.exported;
    if (exported?.error) return html`<p class="danger">${exported.error}</p>`;
    if (!exported?.embed) return html`<p class="hint">Preparing…</p>`;
    const notes = [this.embed.caveat, this.embed.loads].filter(Boolean);
    return html`${notes.length ? html`<p class="hint">${notes.join(' ')}</p>` : nothing}${this.embed.steps.length ? renderSteps(this.embed.steps) : nothing}
      <pre tabindex="0"><code>${exported.embed}</code></pre>`;
  }

  private renderEmail(): TemplateResult {
    const exported = this.exported;
    if (exported?.error) return html`<p class="danger">${exported.error}</p>`;
    const email = exported?.email;
    if (!email) return html`<p class="hint">Preparing…</p>`;
    return html`${email.warnings.length ? html`<ul class="warnings">${email.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : nothing}
      <iframe
        title=${`E-mail preview: ${this.itemId}`}
        sandbox="allow-same-origin"
        srcdoc=${emailDocument(email, this.look.lang)}
        @load=${this.fitFrame}
      ></iframe>
      <pre tabindex="0"><code>${email.html}</code></pre>
      <h4 class="plain-heading">Plain-text version</h4>
      <pre tabindex="0" data-plain><code>${email.text}</code></pre>`;
  }

  protected override render(): TemplateResult {
    const labelId = `label-${this.entry.kind}-${this.itemId}`;
    const kindName = { therapies: 'Therapy', articles: 'Article', quotes: 'Quote' }[this.entry.kind];
    return html`<div class="item__bar">
        <p class="item__label" id=${labelId}>${kindName} <code>${this.itemId}</code></p>
        <div class="row">
          <button type="button" data-copy="embed" aria-describedby=${labelId} @click=${() => this.copy('embed')}>Copy embed code</button>
          <button type="button" data-copy="email" aria-describedby=${labelId} @click=${() => this.copy('email')}>Copy e-mail HTML</button>
          <button type="button" data-copy="text" aria-describedby=${labelId} @click=${() => this.copy('text')}>Copy plain text</button>
          ${renderCopyStatus(this.copied, 'item__copy-status', () => (this.copied = undefined))}
        </div>
      </div>
      ${this.warnings.length ? html`<ul class="warnings item__warnings">${this.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : nothing}
      ${this.renderGrade()}
      ${renderStage(this.entry, this.itemId, this.bundle, this.look, this.width, this.zoom)}
      <details data-export="embed" @toggle=${this.onToggle}>
        <summary>Embed code</summary>
        ${this.exported?.embed !== undefined || this.exported?.error ? this.renderEmbed() : nothing}
      </details>
      <details data-export="email" @toggle=${this.onToggle}>
        <summary>E-mail (HTML and plain text)</summary>
        ${this.exported?.email !== undefined || this.exported?.error ? this.renderEmail() : nothing}
      </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'preview-item': PreviewItem;
  }
}
