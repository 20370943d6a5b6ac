/**
 * The verdict block at the top of the editor: what live pages will do, each
 * hidden item with its problems, each problem once, then the warnings; each
 * in words (problem-words.ts) with its JSON path beside it, a button that
 * selects it in the text. Green only when there is nothing to look at.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { itemName, messageInWords, placeInWords, problemInWords, type Wordable } from '../../src/content/problem-words.js';
import type { PathKey } from '../../src/content/schema.js';
import type { Analysis } from './analyze.js';
import type { HiddenEntry } from './verdict.js';

/** Selects a place in the editor's text, by key path (or, for a syntax error, by offset). */
export type SelectPlace = (place: { keys: readonly PathKey[] } | { offset: number }) => void;

const KIND_NAMES: Record<string, string> = { therapies: 'Therapy', articles: 'Article', experts: 'Expert', quotes: 'Quote' };

/** `Therapy “Blinatumomab” (id blinatumomab)`. */
function hiddenName(item: HiddenEntry, input: unknown): string {
  return `${KIND_NAMES[item.kind]} “${itemName(input, item.kind, item.index)}”${item.id ? ` (id ${item.id})` : ''}`;
}

/** A problem or warning as a button: in words (under its item, without the item's name), its JSON path beside it. */
function problemButton(problem: Wordable & { path: string }, input: unknown, select: SelectPlace, className = 'problem', underItem = false): TemplateResult {
  const place = placeInWords(problem.keys, input);
  const words = underItem ? [place.split(' › ').slice(1).join(' › '), messageInWords(problem, input)].filter(Boolean).join(': ') : problemInWords(problem, input);
  return html`<li>
    <button type="button" class=${className} data-path=${problem.path} @click=${() => select({ keys: problem.keys })}>
      ${words} <code class="problem__path">${problem.path}</code>
    </button>
  </li>`;
}

export function renderVerdict(analysis: Analysis | undefined, select: SelectPlace): TemplateResult {
  if (!analysis) return html`<section class="verdict"><p role="status" data-summary>Checking…</p></section>`;
  const { verdict, syntax, input, warnings } = analysis;
  const valid = analysis.problemCount === 0;
  const clean = valid && warnings.length === 0;
  return html`<section class="verdict" aria-labelledby="verdict-heading">
    <h3 id="verdict-heading">What live pages will do</h3>
    <p class=${clean ? 'ok' : valid ? 'attention' : 'danger'} role="status" data-summary>
      ${clean ? 'No problems: the bundle is valid. ' : valid ? 'The bundle is valid. ' : nothing}${syntax ? 'Live pages will show nothing of this bundle.' : verdict.headline}
    </p>
    ${syntax
      ? html`<ol class="problems">
          <li><button type="button" class="problem" data-path="(root)" @click=${() => select({ offset: syntax.offset })}>${syntax.message}</button></li>
        </ol>`
      : nothing}
    ${verdict.blocking.length
      ? html`<p class="hint">Some of these problems are in the bundle’s own fields, so no item can be shown:</p>
          <ol class="problems">${verdict.blocking.map((problem) => problemButton(problem, input, select))}</ol>`
      : nothing}
    ${verdict.hidden.length
      ? html`<ul class="hidden-items">
          ${verdict.hidden.map(
            (item) => html`<li>
              <button type="button" class="hidden-item" data-hidden=${`${item.kind}[${item.index}]`} @click=${() => select({ keys: [item.kind, item.index] })}>
                Hidden: ${hiddenName(item, input)}
              </button>
              <ol class="problems">${item.problems.map((problem) => problemButton(problem, input, select, 'problem', true))}</ol>
            </li>`,
          )}
        </ul>`
      : nothing}
    ${verdict.omitted ? html`<p>… and ${verdict.omitted} more problems, listed once these are fixed.</p>` : nothing}
    ${warnings.length
      ? html`<p class="hint">To look at (live pages still show these items):</p>
          <ol class="problems" data-warnings>${warnings.map((warning) => problemButton(warning, input, select, 'warning-place'))}</ol>`
      : nothing}
    ${!clean ? html`<p class="hint">Select a problem or warning to see where it is in the text.</p>` : nothing}
  </section>`;
}
