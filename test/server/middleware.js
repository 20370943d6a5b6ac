// Routes the browser tests need from a real server: status codes, bodies that
// are too large or never end, and pages served with a strict CSP header.
import { PassThrough, Readable } from 'node:stream';

export const STRICT_CSP = "default-src 'self'; style-src 'self'; script-src 'self'";

const routes = {
  '/__test__/status': (ctx) => {
    ctx.status = Number(ctx.query.code) || 500;
    ctx.body = 'error page';
  },
  /** `mb` megabytes of JSON text, streamed without a Content-Length. */
  '/__test__/big': (ctx) => {
    const size = Number(ctx.query.mb || 6) * 1024 * 1024;
    const chunk = `"${'x'.repeat(64 * 1024 - 3)}",`;
    let sent = 0;
    ctx.type = 'application/json';
    ctx.body = Readable.from((function* () {
      yield '[';
      for (; sent < size; sent += chunk.length) yield chunk;
      yield '""]';
    })());
  },
  /** Starts a JSON body and never finishes it. */
  '/__test__/hang': (ctx) => {
    const body = new PassThrough();
    body.write('{"schemaVersion": 1, ');
    ctx.type = 'application/json';
    ctx.body = body;
  },
};

/** @type {import('@web/test-runner').TestRunnerConfig['middleware']} */
export const testMiddleware = [
  async (ctx, next) => {
    const route = routes[ctx.path];
    if (route) return route(ctx);
    await next();
    if (ctx.path.startsWith('/test/pages/csp-')) ctx.set('Content-Security-Policy', STRICT_CSP);
  },
];
