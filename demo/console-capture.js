// double-script.html: loaded first, as a classic script, so it sees what the
// three copies of therapy-widgets write to console.warn, and whether a script
// file is missing (dist/ not built yet). Shows both with textContent.
(() => {
  const warnings = [];
  const missing = [];
  const original = console.warn;
  console.warn = (...args) => {
    warnings.push(args.map(String).join(' '));
    original.apply(console, args);
    render();
  };

  addEventListener(
    'error',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLScriptElement && target.src.includes('/dist/therapy-widgets')) {
        missing.push(target.src);
        render();
      }
    },
    true,
  );

  function item(text) {
    const li = document.createElement('li');
    li.textContent = text;
    return li;
  }

  function render() {
    const list = document.getElementById('captured-warnings');
    if (!list) return;
    const lines = warnings.length ? [...warnings] : ['No console.warn calls yet.'];
    for (const src of missing) lines.push(`Could not load ${src}: run \`npm run build\` first, then reload.`);
    list.replaceChildren(...lines.map(item));
    const status = document.getElementById('element-status');
    if (!status) return;
    const tags = ['therapy-content', 'therapy-card', 'news-teaser', 'expert-quote'];
    const defined = tags.filter((tag) => customElements.get(tag));
    const elements = [...document.querySelectorAll('therapy-card, news-teaser, expert-quote')];
    const ready = elements.filter((element) => element.getAttribute('state') === 'ready').length;
    status.textContent = `Defined: ${defined.length ? defined.join(', ') : 'none'}. Rendered: ${ready} of ${elements.length} elements.`;
  }

  document.addEventListener('DOMContentLoaded', render);
  addEventListener('load', render);
  document.addEventListener('therapy-load', render);
  document.addEventListener('therapy-error', render);
})();
