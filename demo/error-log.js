// errors.html: writes each element's therapy-error (and therapy-load) event
// detail into the log next to it. Text only, through textContent.
function logFor(element) {
  return element.closest('.case')?.querySelector('.log') ?? null;
}

function write(element, code, message, extra) {
  const log = logFor(element);
  if (!log) return;
  if (log.dataset.waiting !== undefined) {
    delete log.dataset.waiting;
    log.replaceChildren();
  }
  const entry = document.createElement('p');
  const label = document.createElement('span');
  label.className = 'code';
  label.textContent = code;
  entry.append(label, document.createTextNode(`: ${message}`));
  if (extra) entry.append(document.createTextNode(`\n${extra}`));
  log.append(entry);
}

document.addEventListener('therapy-error', (event) => {
  const { code, message, errors } = event.detail;
  write(event.target, `therapy-error ${code}`, message, errors ? `detail.errors: ${errors.length} problem(s) with paths` : '');
});

document.addEventListener('therapy-load', (event) => {
  const { bundleId, itemId } = event.detail;
  write(event.target, 'therapy-load', `${bundleId} / ${itemId}`);
});
