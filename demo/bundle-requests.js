// provider.html: counts the requests for JSON bundles this page made, from
// the Resource Timing entries, and how many elements have rendered.
const output = document.getElementById('bundle-requests');
const detail = document.getElementById('bundle-request-urls');
const elements = [...document.querySelectorAll('therapy-card, news-teaser, expert-quote')];

function bundleEntries() {
  return performance
    .getEntriesByType('resource')
    .filter((entry) => new URL(entry.name).pathname.endsWith('.json'));
}

function update() {
  const entries = bundleEntries();
  const ready = elements.filter((element) => element.getAttribute('state') === 'ready').length;
  output.textContent = `Bundle requests: ${entries.length} (elements rendered: ${ready} of ${elements.length})`;
  detail.replaceChildren(
    ...entries.map((entry) => {
      const item = document.createElement('li');
      item.textContent = `${new URL(entry.name).pathname} (${entry.initiatorType})`;
      return item;
    }),
  );
}

new PerformanceObserver(update).observe({ type: 'resource', buffered: true });
document.addEventListener('therapy-load', update);
document.addEventListener('therapy-error', update);
update();
