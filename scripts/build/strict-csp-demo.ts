import type { Plugin } from 'vite';

/**
 * Dev server only: serves demo/strict-csp.html with a strict
 * Content-Security-Policy header, as a hospital site would send it.
 * `connect-src` allows ws://127.0.0.1:* for Vite's HMR client only.
 */
export function strictCspDemo(): Plugin {
  const policy =
    "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self' ws://127.0.0.1:*";
  return {
    name: 'therapy-strict-csp-demo',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] === '/demo/strict-csp.html') res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
}
