// Loaded first by the hostile host pages: records what a host page would
// notice (uncaught errors, CSP violations, console warnings, the widgets'
// events) and what the widgets must never do (set cookies, write storage).
window.__report = { errors: [], violations: [], warnings: [], events: [], cookies: [], storage: [] };
const report = window.__report;
addEventListener('error', (event) => report.errors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => report.errors.push(String(event.reason)));
document.addEventListener('securitypolicyviolation', (event) =>
  report.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
);
for (const type of ['therapy-load', 'therapy-error']) {
  document.addEventListener(type, (event) => {
    const target = event.composedPath()[0];
    report.events.push({ type, id: target.id, tag: target.localName, detail: event.detail });
  });
}
const warn = console.warn;
console.warn = (...args) => {
  report.warnings.push(args.join(' '));
  warn.apply(console, args);
};
const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
Object.defineProperty(Document.prototype, 'cookie', {
  configurable: true,
  get() {
    return cookie.get.call(this);
  },
  set(value) {
    report.cookies.push(String(value));
    cookie.set.call(this, value);
  },
});
if (window.cookieStore) {
  const set = window.cookieStore.set.bind(window.cookieStore);
  window.cookieStore.set = (...args) => {
    report.cookies.push(JSON.stringify(args));
    return set(...args);
  };
}
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  report.storage.push(String(key));
  return setItem.call(this, key, value);
};
