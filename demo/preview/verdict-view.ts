/**
 * The verdict block at the top of the editor: what live pages will do, each
 * hidden item with its problems, each problem once (its place relative to the
 * item, the validator's message), a button that selects it in the text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatPath, formatWarnings, type PathKey, type Problem } from '../../src/content/schema.js';
import { entryOfKind } from '../../src/output/registry.js';
import type { Analysis } from './analyze.js';
import type { HiddenEntry } from './verdict.js';

/** Selects a place in the editor's text, by key path (or, for a syntax error, by offset). */
export type SelectPlace = (place: { keys: readonly PathKey[] } | { offset: number }) => void;

const KIND_NAMES: Record<string, string> = { therapies: 'Therapy', articles: 'Article', experts: 'Expert', quotes: 'Quote' };

function itemName(item: HiddenEntry): string {
  const tag = entryOfKind(item.kind)?.tag;
  return `${KIND_NAMES[item.kind]} ${item.id ? `“${item.id}”` : `number ${item.index + 1}`}${tag ? ` (<${tag}>)` : ''}`;
}

function problemButton(problem: Problem, relativeTo: number, select: SelectPlace): TemplateResult {
  const rest = problem.keys.slice(relativeTo);
  return html`<li>
    <button type="button" class="problem" data-path=${problem.path} @click=${() => select({ keys: problem.keys })}>
      ${rest.length > 0 ? html`<code>${formatPath(rest)}</code> ` : nothing}${problem.message}
    </button>
  </li>`;
}

export function renderVerdict(analysis: Analysis | undefined, select: SelectPlace): TemplateResult {
  if (!analysis) return html`<section class="verdict"><p role="status" data-summary>Checking…</p></section>`;
  const { verdict, syntax } = analysis;
  const clean = analysis.problemCount === 0;
  const { warnings } = verdict;
  const lines = formatWarnings(warnings);
  return html`<section class="verdict" aria-labelledby="verdict-heading">
    <h3 id="verdict-heading">What live pages will do</h3>
    <p class=${clean ? 'ok' : 'danger'} role="status" data-summary>
      ${clean ? (warnings.length ? 'The bundle is valid, but live pages ignore unknown fields (below). ' : 'No problems: the bundle is valid. ') : nothing}${syntax ? 'Live pages will show nothing of this bundle.' : verdict.headline}
    </p>
    ${syntax
      ? html`<ol class="problems">
          <li><button type="button" class="problem" data-path="(root)" @click=${() => select({ offset: syntax.offset })}>${syntax.message}</button></li>
        </ol>`
      : nothing}
    ${verdict.blocking.length
      ? html`<p class="hint">Some of these problems are in the bundle’s own fields, so no item can be shown:</p>
          <ol class="problems">${verdict.blocking.map((problem) => problemButton(problem, 0, select))}</ol>`
      : nothing}
    ${verdict.hidden.length
      ? html`<ul class="hidden-items">
          ${verdict.hidden.map(
            (item) => html`<li>
              <button type="button" class="hidden-item" data-hidden=${`${item.kind}[${item.index}]`} @click=${() => select({ keys: [item.kind, item.index] })}>
                Hidden: ${itemName(item)}
              </button>
              <ol class="problems">${item.problems.map((problem) => problemButton(problem, 2, select))}</ol>
            </li>`,
          )}
        </ul>`
      : nothing}
    ${warnings.length
      ? html`<ol class="problems" aria-label="Unknown fields">
          ${warnings.map(
            (warning, i) => html`<li>
              <button type="button" class="field-warning" data-path=${warning.path} @click=${() => select({ keys: warning.keys })}>${lines[i]}</button>
            </li>`,
          )}
        </ol>`
      : nothing}
    ${verdict.omitted ? html`<p>… and ${verdict.omitted} more problems, listed once these are fixed.</p>` : nothing}
    ${!clean ? html`<p class="hint">Select a problem to see where it is in the text.</p>` : nothing}
  </section>`;
}
