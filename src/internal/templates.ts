/**
 * The small templates every content element uses: headings at the level that
 * fits the host page, dates, lists, and the loading and error states.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ReviewRecord } from '../content/review.js';
import { formatDate, type Strings } from './strings.js';

/** The main heading's level when `heading-level` is absent, empty or not a number. */
export const DEFAULT_HEADING_LEVEL = 3;

/** `heading-level` as the element uses it: an integer 1-6; anything else is the default. */
export function headingLevelOf(value: unknown): number {
  const level = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(level)) return DEFAULT_HEADING_LEVEL;
  return Math.min(6, Math.max(1, Math.trunc(level)));
}

/** Reads `heading-level=""` as absent (not as 0, which Number('') gives). */
export const headingLevelConverter = {
  fromAttribute: (value: string | null) => (value === null || value.trim() === '' ? undefined : Number(value)),
  toAttribute: (value: unknown) => (value === undefined ? null : String(value)),
};

/**
 * A heading `offset` levels below the main one (`heading-level`), clamped to
 * h1-h6. Six plain templates rather than lit/static-html: smaller, and no
 * per-render string lookup.
 */
export function heading(headingLevel: unknown, content: unknown, offset = 0): TemplateResult {
  const level = Math.min(6, headingLevelOf(headingLevel) + offset);
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

/** `<time datetime>` for a bundle date, formatted in `lang`. */
export function date(isoDate: string, lang: string): TemplateResult {
  return html`<time datetime=${isoDate}>${formatDate(isoDate, lang)}</time>`;
}

/** A list of bundle text (in `lang`/`dir` where they differ from the labels'), or nothing when empty. */
export function list(items: readonly string[] | undefined, className: string, lang: unknown = nothing, dir: unknown = nothing) {
  if (!items?.length) return nothing;
  return html`<ul class=${className} lang=${lang} dir=${dir}>${items.map((text) => html`<li>${text}</li>`)}</ul>`;
}

/** The calm message of the error state, with the page's fallback content under it. */
export function errorState(message: string, lang: string): TemplateResult {
  return html`<div class="frame status" part="card status" role="status" lang=${lang}>
    <p>${message}</p>
    <slot></slot>
  </div>`;
}

/** A quiet placeholder of about the card's height, while loading with no fallback content. */
export function loadingState(label: string, lang: string): TemplateResult {
  return html`<div class="frame placeholder" part="card status" role="status" aria-busy="true" aria-label=${label} lang=${lang}></div>`;
}

/**
 * Label text (our strings, with dates in the label language) in its own
 * direction, where that differs from the card's (English labels in a card
 * mirrored for a right-to-left bundle); else the text as it is.
 */
export function label(content: unknown, dir: string | typeof nothing): unknown {
  return dir === nothing ? content : html`<span dir=${dir}>${content}</span>`;
}

/** An "i" in a circle, drawn (no font has to carry the glyph); the text beside it says what it means. */
const INFO_ICON = html`<svg class="icon" width="1.1em" height="1.1em" fill="currentColor" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z"/></svg>`;

/**
 * The calm notice at the top of an item past its review date: it says so,
 * and never hides the content below it.
 */
export function reviewNotice(record: ReviewRecord, strings: Strings, lang: string, dir: string | typeof nothing = nothing) {
  if (!record.due) return nothing;
  return html`<p class="notice" part="notice">${INFO_ICON} ${label(html`${strings.dueForReview} ${date(record.reviewedOn, lang)}.`, dir)}</p>`;
}

/** "Last reviewed … · Next review due …", then "Reviewed by …" when the bundle names who; labels in `dir` where given. */
export function reviewLines(record: ReviewRecord, strings: Strings, lang: string, reviewer: (name: string) => unknown, dir: string | typeof nothing = nothing) {
  return html`<p class="review muted">
      <span dir=${dir}>${strings.lastReviewed}: ${date(record.reviewedOn, lang)}</span><span aria-hidden="true"> · </span><span dir=${dir}>${strings.nextReview}: ${date(record.dueOn, lang)}</span>
    </p>
    ${record.reviewedBy ? html`<p class="review muted">${label(strings.reviewedBy, dir)}: ${reviewer(record.reviewedBy)}</p>` : nothing}`;
}
