import { css } from 'lit';

export const styles = css`
  :host {
    /* Light page: every text colour meets WCAG AA (4.5:1) on its background. */
    --page-bg: #f6f8fa;
    --page-surface: #ffffff;
    --page-text: #1b1f24;
    --page-muted: #4f5965;
    --page-border: #8c959f;
    --page-subtle: #eaeef2;
    --page-accent: #1f5fa8;
    --page-accent-text: #ffffff;
    --page-danger: #b3261e;
    --page-ok: #1a7f37;
    --page-drop: #dbeafe;
    --stage-bg: #ffffff;
    color-scheme: light;
    display: block;
    min-height: 100vh;
    background: var(--page-bg);
    color: var(--page-text);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
    line-height: 1.5;
  }

  :host([theme='dark']) {
    --page-bg: #0d1117;
    --page-surface: #161b22;
    --page-text: #e6edf3;
    --page-muted: #a9b4c0;
    --page-border: #6e7681;
    --page-subtle: #21262d;
    --page-accent: #8cc4ff;
    --page-accent-text: #0d1117;
    --page-danger: #ff9b93;
    --page-ok: #7ee2a8;
    --page-drop: #1c3a5e;
    --stage-bg: #0d1117;
    color-scheme: dark;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  a {
    color: var(--page-accent);
  }

  :focus-visible {
    outline: 3px solid var(--page-accent);
    outline-offset: 2px;
  }

  h1, h2, h3, p {
    margin: 0;
  }

  h1 {
    font-size: 1.5rem;
  }

  h2 {
    font-size: 1.2rem;
  }

  h3 {
    font-size: 1rem;
  }

  code, pre, textarea {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.8125rem;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  button,
  input::file-selector-button {
    padding: 0.35rem 0.8rem;
    border: 1px solid var(--page-border);
    border-radius: 6px;
    background: var(--page-subtle);
    color: var(--page-text);
    cursor: pointer;
  }

  button:hover:not(:disabled) {
    border-color: var(--page-accent);
  }

  button:disabled {
    cursor: not-allowed;
    color: var(--page-muted);
  }

  button.primary {
    background: var(--page-accent);
    border-color: var(--page-accent);
    color: var(--page-accent-text);
  }

  input[type='url'] {
    min-width: 0;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--page-border);
    border-radius: 6px;
    background: var(--page-surface);
  }

  .top {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 2rem;
    align-items: baseline;
    justify-content: space-between;
    padding: 1rem 1.5rem;
    border-bottom: 1px solid var(--page-border);
    background: var(--page-surface);
  }

  .top p {
    color: var(--page-muted);
  }

  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1.5rem;
    padding: 1.5rem;
    align-items: start;
  }

  @media (min-width: 80rem) {
    .layout {
      grid-template-columns: minmax(24rem, 1fr) minmax(0, 2fr);
    }

    .editor {
      position: sticky;
      top: 1rem;
      max-height: calc(100vh - 2rem);
      overflow: auto;
    }
  }

  .panel {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
    min-width: 0;
    padding: 1rem;
    border: 1px solid var(--page-border);
    border-radius: 10px;
    background: var(--page-surface);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }

  .row > input[type='url'] {
    flex: 1 1 12rem;
  }

  .hint,
  .source {
    color: var(--page-muted);
    font-size: 0.9rem;
  }

  .status {
    min-height: 1.5em;
    font-size: 0.9rem;
  }

  .status--error {
    color: var(--page-danger);
  }

  .drop {
    display: grid;
    gap: 0.35rem;
    border-radius: 8px;
  }

  .drop--active {
    outline: 3px dashed var(--page-accent);
    outline-offset: 4px;
    background: var(--page-drop);
  }

  textarea {
    width: 100%;
    min-height: 24rem;
    height: 50vh;
    padding: 0.5rem;
    border: 1px solid var(--page-border);
    border-radius: 6px;
    background: var(--page-bg);
    line-height: 1.5;
    tab-size: 2;
    resize: vertical;
  }

  label {
    font-weight: 600;
  }

  .verdict ol,
  .verdict ul {
    display: grid;
    gap: 0.35rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .verdict {
    display: grid;
    gap: 0.5rem;
  }

  .hidden-items > li {
    display: grid;
    gap: 0.35rem;
  }

  .hidden-item {
    justify-self: start;
    text-align: start;
    font-weight: 700;
  }

  .problems {
    padding-inline-start: 1rem !important;
  }

  .problem,
  .field-warning {
    display: block;
    width: 100%;
    text-align: start;
    background: var(--page-surface);
    border-color: var(--page-border);
    border-inline-start: 4px solid var(--page-danger);
  }

  .field-warning {
    border-inline-start-style: dashed;
  }

  .problem code {
    font-weight: 700;
  }

  .toolbar__grid {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: center;
  }

  select {
    font: inherit;
    color: inherit;
    background: var(--page-surface);
    border: 1px solid var(--page-border);
    border-radius: 6px;
    padding: 0.25rem 0.4rem;
  }

  .ok {
    color: var(--page-ok);
    font-weight: 600;
  }

  .danger {
    color: var(--page-danger);
    font-weight: 600;
  }

  /* Sticky where it is one or two rows high; the page keeps focus clear of it (scroll-padding-top). */
  .toolbar {
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--page-border);
    border-radius: 10px;
    background: var(--page-surface);
  }

  @media (min-width: 50rem) {
    .toolbar {
      position: sticky;
      top: 0;
    }
  }

  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  legend {
    float: left;
    margin-inline-end: 0.5rem;
    padding: 0;
    font-weight: 700;
  }

  fieldset label {
    font-weight: 400;
    display: inline-flex;
    gap: 0.3rem;
    align-items: center;
    cursor: pointer;
  }

  .embed-settings {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.5rem 0.75rem;
    align-items: center;
  }

  .embed-settings .hint,
  .embed-settings__check {
    grid-column: 1 / -1;
    font-weight: 400;
  }

  .items {
    display: flex;
    flex-wrap: wrap;
    gap: 1.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
    align-items: start;
  }

  /* Sized to the item: 360 px and the stage's padding and its own; desktop items take the whole row. */
  .item {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75rem;
    width: 410px;
    max-width: 100%;
    padding: 0.75rem;
    border: 1px solid var(--page-border);
    border-radius: 10px;
    background: var(--page-surface);
  }

  .item__bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
  }

  .item__label {
    font-size: 0.9rem;
    color: var(--page-muted);
  }

  preview-item {
    display: contents;
  }

  /* The page around the item; the item itself is exactly 360 or 1280 px wide, zoomed out to fit when wider. */
  .item__fit {
    padding: 12px;
    border-radius: 6px;
    background: var(--stage-bg);
    overflow: hidden;
  }

  .stage--phone {
    width: 360px;
  }

  .stage--desktop {
    width: 1280px;
  }

  .item__stage > * {
    width: 100%;
  }

  .items--desktop .item {
    width: 100%;
  }

  .item__warnings {
    margin: 0;
  }

  .grade summary {
    font-weight: 400;
  }

  .grade--high summary {
    color: var(--page-danger);
    font-weight: 600;
  }

  .grid {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
    align-items: start;
  }

  .grid__cell {
    display: grid;
    gap: 0.35rem;
    min-width: 0;
  }

  .grid__cell--phone {
    flex: 0 1 384px;
  }

  .grid__cell--desktop {
    flex: 1 1 30rem;
  }

  .plain-heading {
    margin: 0.75rem 0 0;
    font-size: 1rem;
  }

  .item__copy-status,
  .page-copy-status {
    font-size: 0.9rem;
    color: var(--page-ok);
    min-width: 4rem;
  }

  details {
    border-top: 1px solid var(--page-border);
    padding-top: 0.5rem;
  }

  summary {
    cursor: pointer;
    font-weight: 600;
  }

  pre {
    max-height: 20rem;
    overflow: auto;
    margin: 0.5rem 0 0;
    padding: 0.5rem;
    border: 1px solid var(--page-border);
    border-radius: 6px;
    background: var(--page-bg);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .warnings {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
    color: var(--page-danger);
    font-size: 0.9rem;
  }

  iframe {
    display: block;
    width: 100%;
    height: 6rem;
    margin-top: 0.5rem;
    border: 1px solid var(--page-border);
    border-radius: 6px;
    background: #ffffff;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
