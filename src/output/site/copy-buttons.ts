/**
 * `copy-buttons.js`, the catalogue's copy buttons: each `<button
 * data-copy="ID">` (hidden until this script runs) copies the text of the
 * code block `#ID` and says so in the live region `#copy-status`. Where the
 * clipboard is refused, the code is selected for the reader to copy. A
 * classic script (frame-protocol.ts says how the text is made).
 */
import { classicScript } from './frame-protocol.js';

export function copyButtons(config: { status: string }): void {
  const status = document.getElementById(config.status);
  const buttons = document.querySelectorAll<HTMLButtonElement>('button[data-copy]');
  for (let i = 0; i < buttons.length; i++) {
    const button = buttons[i]!;
    const code = document.getElementById(button.dataset.copy ?? '');
    if (!code) continue;
    button.hidden = false;
    button.addEventListener('click', function () {
      const label = (button.getAttribute('aria-label') ?? 'Copy code').replace(/^Copy /, '');
      navigator.clipboard.writeText(code.textContent ?? '').then(
        function () {
          if (status) status.textContent = `Copied: ${label}.`;
        },
        function () {
          getSelection()?.selectAllChildren(code);
          if (status) status.textContent = 'The code is selected: press Ctrl+C (or ⌘C) to copy it.';
        },
      );
    });
  }
}

/** The JavaScript text of `copy-buttons.js`. */
export function copyButtonsScript(): string {
  return classicScript(copyButtons, { status: 'copy-status' });
}
