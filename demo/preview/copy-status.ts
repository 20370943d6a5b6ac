/**
 * The message after a copy: a plain success fades after a few seconds; one
 * that asks the editor to do something (upload the bundle, why nothing was
 * copied) stays until dismissed.
 */
import { html, nothing, type TemplateResult } from 'lit';

/** How long a plain success stays. */
export const SUCCESS_MS = 8000;

export interface CopyStatus {
  message: string;
  /** Something to act on or read twice: stays until dismissed. */
  stays: boolean;
}

/** The status line (`role="status"`, class `className`) and, for a message that stays, its Dismiss button. */
export function renderCopyStatus(status: CopyStatus | undefined, className: string, dismiss: () => void): TemplateResult {
  return html`<span class="${className} ${status?.stays ? 'copy-status--stays' : ''}" role="status">${status?.message ?? ''}</span>${status?.stays
      ? html`<button type="button" class="copy-status__dismiss" @click=${dismiss}>Dismiss</button>`
      : nothing}`;
}
