import { css } from 'lit';

export const styles = css`
  :host {
    --_placeholder-height: 22em;
  }

  :host([variant='compact']) {
    --_placeholder-height: 9em;
  }

  .teaser {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }

  .teaser__header {
    display: flex;
    flex-direction: column;
    gap: 0.3em;
  }

  .teaser__kicker {
    font-size: max(0.8em, 16px);
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_accent);
  }

  .teaser__media {
    display: block;
    position: relative;
    aspect-ratio: 16 / 9;
    overflow: hidden;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_subtle);
  }

  .teaser__media img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  .teaser__play {
    position: absolute;
    inset-inline-start: 0.75em;
    inset-block-end: 0.75em;
    padding: 0.35em 0.75em;
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font-weight: 700;
  }

  .teaser__body {
    display: flex;
    flex-direction: column;
    gap: 0.6em;
  }

  .teaser__takeaways {
    display: flex;
    flex-direction: column;
    gap: 0.35em;
  }

  .teaser__list {
    padding-inline-start: 1.25em;
  }

  .teaser__list > li + li {
    margin-block-start: 0.25em;
  }

  .teaser__footer a {
    font-weight: 700;
  }
`;
