import { css } from 'lit';

/** Copy messages that stay, and notices that are not problems. */
export const messageStyles = css`
  .copy-status--stays,
  .copy-status--refused {
    flex: 1 1 100%;
    order: 1;
    padding: 0.35rem 0.6rem;
    border-inline-start: 4px solid var(--page-accent);
    background: var(--page-subtle);
    color: var(--page-text);
    overflow-wrap: anywhere;
  }

  .copy-status--refused {
    border-inline-start-color: var(--page-danger);
  }

  .copy-steps {
    margin: 0.35rem 0 0;
    padding-inline-start: 1.5rem;
  }

  .copy-steps code {
    display: block;
    margin-top: 0.2rem;
    overflow-wrap: anywhere;
  }

  .copy-status__dismiss {
    order: 2;
  }

  .notice {
    margin: 0;
    color: var(--page-muted);
    font-size: 0.9rem;
  }

  .attention {
    padding-inline-start: 0.5rem;
    border-inline-start: 4px solid var(--page-danger);
    font-weight: 600;
  }

  /* A warning's button: the problem's look (therapy-preview.styles.ts), edged in the accent colour. */
  .warning-place {
    border-inline-start-color: var(--page-accent);
  }

  .problem__path {
    font-weight: 400;
    color: var(--page-muted);
    font-size: 0.85em;
  }
`;
