/**
 * The message after a copy: a plain success fades after a few seconds; one
 * that asks the editor to do something (upload the bundle, why nothing was
 * copied) stays until dismissed.
 */
import { html, nothing, type TemplateResult } from 'lit';

/** One thing to do before pasting, with the command to run when there is one. */
export interface Step {
  text: string;
  code?: string;
}

/** How long a plain success stays. */
export const SUCCESS_MS = 8000;

export interface CopyStatus {
  message: string;
  /** Something to act on or read twice: stays until dismissed. */
  stays: boolean;
  /** Nothing was copied. */
  refused?: boolean;
  /** What to do before pasting, in order. */
  steps?: readonly Step[];
}

/** The steps as a numbered list, each command in a code element. */
export function renderSteps(steps: readonly Step[]): TemplateResult {
  return html`<ol class="copy-steps">
    ${steps.map((step) => html`<li>${step.text}${step.code ? html` <code>${step.code}</code>` : nothing}</li>`)}
  </ol>`;
}

/** The status line (`role="status"`, class `className`) and, for a message that stays, its Dismiss button. */
export function renderCopyStatus(status: CopyStatus | undefined, className: string, dismiss: () => void): TemplateResult {
  const tone = status?.refused ? 'copy-status--refused' : status?.stays ? 'copy-status--stays' : '';
  return html`<div class="${className} ${tone}" role="status">${status?.message ?? ''}${status?.steps?.length ? renderSteps(status.steps) : nothing}</div>${status?.stays
      ? html`<button type="button" class="copy-status__dismiss" @click=${dismiss}>Dismiss</button>`
      : nothing}`;
}
