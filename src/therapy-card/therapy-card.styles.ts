import { css } from 'lit';

export const styles = css`
  :host {
    --_placeholder-height: 28em;
  }

  :host([variant='compact']) {
    --_placeholder-height: 16em;
  }

  .card {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .card__header {
    display: flex;
    flex-direction: column;
    gap: 0.35em;
  }

  .card__brands {
    font-weight: 600;
  }

  .card__body {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }

  .card__facts {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.5em;
  }

  .card__fact {
    padding: 0.5em 0.75em;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_subtle);
  }

  dt {
    font-size: max(0.85em, 16px);
    font-weight: 600;
    color: var(--_muted);
  }

  dd {
    margin: 0;
  }

  .card__section {
    display: flex;
    flex-direction: column;
    gap: 0.35em;
  }

  .card__list {
    padding-inline-start: 1.25em;
  }

  .card__list > li + li {
    margin-block-start: 0.25em;
  }

  /* Open sections and folds alike sit between hairlines, so a folded card
     reads as a list of headings to open. */
  .fold {
    border-block-end: 1px solid var(--_border);
  }

  .card__folds {
    border-block-start: 1px solid var(--_border);
  }

  .fold[open] {
    padding-block-end: 0.75em;
  }

  /* The footer's rule closes the list of folds. */
  .fold:last-child {
    border-block-end: none;
  }

  .fold .subheading {
    color: var(--_accent);
  }

  .card__risks .subheading {
    display: flex;
    align-items: baseline;
    gap: 0.4em;
  }

  .card__risks .icon,
  .card__risk .icon {
    color: var(--_warning);
  }

  .card__risk .icon {
    margin-inline-end: 0.4em;
  }

  .card__footer {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }

  .card__disclaimer {
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
    max-inline-size: 75ch;
  }

  /* In print the folds are open sections like the others. */
  @media print {
    .card__folds,
    .fold {
      border: none;
    }

    .card__folds {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }

    .fold[open] {
      padding-block-end: 0;
    }

    .fold > summary {
      padding-block: 0;
    }
  }

  @media (forced-colors: active) {
    .card__fact {
      border: 1px solid CanvasText;
    }
  }

  @container (min-width: 36em) {
    .card__facts {
      grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    }
  }
`;
