import { css } from 'lit';

export const styles = css`
  :host {
    --_placeholder-height: 10em;
  }

  :host([variant='compact']) {
    --_placeholder-height: 7em;
  }

  .quote {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    border-inline-start: 4px solid var(--_accent);
  }

  .quote__context {
    font-size: max(0.875em, 16px);
  }

  .quote__text {
    font-size: 1.25em;
    line-height: 1.45;
  }

  :host([variant='compact']) .quote__text {
    font-size: 1em;
  }

  .quote__text p::before {
    content: '“';
  }

  .quote__text p::after {
    content: '”';
  }

  .quote__caption {
    display: flex;
    gap: 0.75em;
    align-items: center;
  }

  .quote__photo {
    width: 3.5em;
    height: 3.5em;
    border-radius: 50%;
    object-fit: cover;
    flex: none;
  }

  .quote__who {
    display: flex;
    flex-direction: column;
    gap: 0.1em;
  }

  .quote__name {
    font-weight: 700;
  }

  .quote__source {
    font-size: max(0.875em, 16px);
  }
`;
