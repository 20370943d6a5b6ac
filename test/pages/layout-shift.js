// Loaded first by the pre-rendered card pages: sums the layout shifts (CLS
// as the Layout Instability API reports it) and notes first contentful paint.
window.__cls = 0;
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__cls += entry.value;
    window.__shifts.push({ value: entry.value, at: entry.startTime });
  }
}).observe({ type: 'layout-shift', buffered: true });
