// Lists Content-Security-Policy violations on strict-csp.html as they happen.
// A classic script loaded first in <head>, so it hears violations from the
// start; it writes with textContent only and sets no inline styles, so it
// passes the page's own policy.
(() => {
  const seen = [];
  let list = null;

  function describe(event) {
    const where = event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber}:${event.columnNumber})` : '';
    return `${event.effectiveDirective || event.violatedDirective} blocked ${event.blockedURI || 'an inline resource'}${where}`;
  }

  function render() {
    if (!list) return;
    const items = seen.length ? seen : ['No CSP violations'];
    list.replaceChildren(
      ...items.map((text) => {
        const item = document.createElement('li');
        item.textContent = text;
        return item;
      }),
    );
    list.classList.toggle('log--ok', seen.length === 0);
    list.classList.toggle('log--bad', seen.length > 0);
  }

  document.addEventListener('securitypolicyviolation', (event) => {
    seen.push(describe(event));
    render();
  });

  document.addEventListener('DOMContentLoaded', () => {
    list = document.getElementById('csp-violations');
    render();
    // A deliberate violation, on request, to show that the listener works.
    document.getElementById('csp-try')?.addEventListener('click', () => {
      const probe = document.createElement('span');
      probe.setAttribute('style', 'outline: 3px solid red');
      document.getElementById('csp-probe')?.append(probe);
    });
  });
})();
