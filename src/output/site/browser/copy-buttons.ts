/**
 * The catalogue's copy buttons: each `<button data-copy="ID">` (hidden until
 * this script runs) copies the text of the code block `#ID` and says so in
 * the live region `#copy-status`. Where the clipboard is refused, the code is
 * selected for the reader to copy.
 */
{
  const status = document.getElementById('copy-status');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const code = document.getElementById(button.dataset.copy ?? '');
    if (!code) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const label = button.getAttribute('aria-label') ?? 'code';
      try {
        await navigator.clipboard.writeText(code.textContent ?? '');
        say(`Copied: ${label.replace(/^Copy /, '')}.`);
      } catch {
        getSelection()?.selectAllChildren(code);
        say('The code is selected: press Ctrl+C (or ⌘C) to copy it.');
      }
    });
  }
}
