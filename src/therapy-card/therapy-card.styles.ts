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
    font-size: 0.85em;
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

  .card__list--risks li::marker {
    content: '⚠ ';
    color: var(--_accent);
  }

  .card__footer {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
    font-size: 0.9em;
  }

  .card__disclaimer {
    font-style: italic;
  }

  @container (min-width: 36em) {
    .card__facts {
      grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    }
  }
`;
