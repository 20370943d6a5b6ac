// Loaded first by the built-file test pages: records what a host page would
// notice (uncaught errors, CSP violations, console warnings) for the test.
window.__report = { errors: [], violations: [], warnings: [] };
addEventListener('error', (event) => window.__report.errors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => window.__report.errors.push(String(event.reason)));
document.addEventListener('securitypolicyviolation', (event) =>
  window.__report.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
);
const warn = console.warn;
console.warn = (...args) => {
  window.__report.warnings.push(args.join(' '));
  warn.apply(console, args);
};
