// Bench only, not shipped: loads the widgets' script after the page's first
// contentful paint, to measure what a small entry script would change
// (BENCH_LIGHTHOUSE_EXPLAIN=1 in scripts/bench/lighthouse.ts).
let started = false;
const start = () => {
  if (started) return;
  started = true;
  const script = document.createElement('script');
  script.type = 'module';
  script.src = '/dist/therapy-widgets.js';
  document.head.append(script);
};
if (document.visibilityState !== 'visible') start();
else {
  new PerformanceObserver((list, observer) => {
    observer.disconnect();
    setTimeout(start);
  }).observe({ type: 'paint', buffered: true });
  setTimeout(start, 5000);
}
