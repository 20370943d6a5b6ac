// Routes the browser tests need from a real server: status codes, bodies that
// are too large or never end, broken and hostile bundles, and pages served
// with a strict CSP header.
import { existsSync, readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { FRAMES, framePages } from './frame-pages.js';
import { prerenderedPage } from './prerendered-pages.js';

export const STRICT_CSP = "default-src 'self'; style-src 'self'; script-src 'self'";

/** Trusted Types pages: one allows Lit's policy (`lit-html`), one does not. */
export const TRUSTED_TYPES = {
  '/test/pages/tt-lit.html': "require-trusted-types-for 'script'; trusted-types lit-html",
  '/test/pages/tt-other.html': "require-trusted-types-for 'script'; trusted-types other-policy",
};

/** Pages that get the strict CSP header. */
const CSP_PAGES = ['/test/pages/csp-', '/test/pages/hostile-csp-'];

const DEFAULT_BUNDLE = new URL('../../src/content/all-immune-therapies.json', import.meta.url);

/** Requests per route and case, for tests that must see that something was (not) requested. */
const hits = {};
const hit = (key) => {
  hits[key] = (hits[key] ?? 0) + 1;
};

/** Counts `key`, and `aborted:KEY` when the connection closes before the whole response was sent. */
const hitToTheEnd = (ctx, key) => {
  hit(key);
  ctx.res.once('close', () => {
    if (!ctx.res.writableFinished) hit(`aborted:${key}`);
  });
};

/** A 1x1 transparent PNG. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Text that would run, or style the page, if a widget ever rendered bundle text as HTML. */
const PAYLOADS = {
  img: `<img src=x onerror="window.__xss='img'">`,
  script: `<script>window.__xss='script'</script>`,
  svg: `<svg onload="window.__xss='svg'"></svg>`,
  iframe: `<iframe src="javascript:parent.__xss='iframe'"></iframe>`,
  style: `<style>*{display:none!important}</style>`,
  template: "${window.__xss='template'}{{constructor.constructor('window.__xss=1')()}}",
  attribute: `"><img src=x onerror="window.__xss='attribute'">`,
  entity: '&lt;b&gt;&amp;amp;',
};

/**
 * Bundles built from the default one at request time, each broken (or
 * hostile) in one way. `host` is the origin that served the request, for
 * links to "another host" (localhost vs 127.0.0.1: another origin, same server).
 */
const bundleCases = {
  'invalid-json': (text) => ({ body: text.slice(0, -40) }),
  'trailing-comma': (text) => ({ body: text.replace(/\}\s*$/, ',}') }),
  html: () => ({ body: '<!doctype html><title>Not found</title><p>This page moved.</p>', type: 'text/html' }),
  array: (text) => ({ body: `[${text}]` }),
  newer: (_text, doc) => ({ body: { ...doc, schemaVersion: 2, futureField: { anything: true } } }),
  'duplicate-ids': (_text, doc) => ({ body: { ...doc, therapies: [...doc.therapies, doc.therapies[0]] } }),
  dangling: (_text, doc) => ({
    body: { ...doc, quotes: doc.quotes.map((q, i) => (i === 0 ? { ...q, expertId: 'nobody', therapyIds: ['no-such-therapy'] } : q)) },
  }),
  'impossible-date': (_text, doc) => ({
    body: { ...doc, reviewedOn: '2021-02-30', therapies: doc.therapies.map((t, i) => (i === 0 ? { ...t, reviewedOn: '2023-13-01' } : t)) },
  }),
  'javascript-url': (_text, doc) => ({
    body: {
      ...doc,
      publisher: { ...doc.publisher, url: "javascript:window.__xss='publisher'" },
      therapies: doc.therapies.map((t, i) =>
        i === 0 ? { ...t, sources: [{ title: 'Label', url: " JavaScript:window.__xss='source'" }] } : t,
      ),
    },
  }),
  payload: (_text, doc) => ({
    body: {
      ...doc,
      title: PAYLOADS.script,
      publisher: { name: PAYLOADS.img },
      disclaimer: PAYLOADS.style,
      therapies: doc.therapies.map((t, i) =>
        i === 0
          ? {
              ...t,
              name: `${PAYLOADS.img}${t.name}`,
              brandNames: [PAYLOADS.svg, PAYLOADS.attribute],
              drugClass: PAYLOADS.iframe,
              summary: PAYLOADS.script,
              keyPoints: [PAYLOADS.template, PAYLOADS.entity, '</li><li>injected'],
              risks: [PAYLOADS.style],
              sources: [{ title: PAYLOADS.attribute, url: 'https://example.org/?q="><script>window.__xss=1</script>' }],
            }
          : t,
      ),
      articles: doc.articles.map((a) => ({ ...a, kicker: PAYLOADS.svg, headline: PAYLOADS.iframe, summary: PAYLOADS.script, takeaways: [PAYLOADS.img] })),
      experts: doc.experts.map((e) => ({ ...e, name: PAYLOADS.img, role: PAYLOADS.attribute })),
      quotes: doc.quotes.map((q) => ({ ...q, text: `${PAYLOADS.script}${PAYLOADS.template}` })),
    },
  }),
  proto: (text) => ({
    body: text
      .replace(/^\{/, '{"__proto__": {"polluted": true, "isAdmin": true}, "constructor": {"prototype": {"polluted": true}}, ')
      .replace('"therapies": [\n    {', '"therapies": [\n    {"__proto__": {"polluted": true, "name": "hijacked"}, '),
  }),
  /** Media on another host (must not be requested) and on the bundle's own host. */
  media: (_text, doc, host) => ({
    body: {
      ...doc,
      articles: [
        ...doc.articles,
        {
          id: 'media-image',
          headline: 'An article with an image on another host',
          publishedOn: '2024-01-02',
          image: { src: `${host.other}/__test__/pixel.png?from=media-image`, alt: 'A tracking pixel' },
        },
        {
          id: 'media-video',
          headline: 'An article with a video poster on another host',
          publishedOn: '2024-01-03',
          video: { url: 'https://video.example/watch?v=1', poster: `${host.other}/__test__/pixel.png?from=media-poster`, title: 'A video' },
        },
        {
          id: 'media-own-host',
          headline: 'An article with an image on the bundle host',
          publishedOn: '2024-01-04',
          image: { src: '/__test__/pixel.png?from=media-own-host', alt: 'A pixel' },
        },
      ],
      experts: doc.experts.map((e) => ({ ...e, photo: { src: `${host.other}/__test__/pixel.png?from=media-photo`, alt: e.name } })),
    },
  }),
  /** The default bundle, served without any Access-Control-Allow-Origin header. */
  'no-cors': (text) => ({ body: text }),
  /** The default bundle with CAR T's name and summary edited since the cards were pre-rendered. */
  edited: (_text, doc) => ({
    body: { ...doc, therapies: doc.therapies.map((t) => (t.id === 'car-t' ? { ...t, name: `${t.name} (edited)`, summary: 'An edited summary.' } : t)) },
  }),
};

const routes = {
  /** Pre-rendered cards (see prerendered-pages.js), on a plain page and under the strict CSP header. */
  '/test/pages/prerendered.html': prerenderedPage,
  '/test/pages/csp-prerendered.html': (ctx) => {
    prerenderedPage(ctx);
    ctx.set('Content-Security-Policy', STRICT_CSP);
  },
  /** `case`: one of `bundleCases`, built from the default bundle. */
  '/__test__/bundle': (ctx) => {
    const name = String(ctx.query.case);
    const make = bundleCases[name];
    if (!make) {
      ctx.status = 404;
      return;
    }
    hitToTheEnd(ctx, `bundle:${name}`);
    const text = readFileSync(DEFAULT_BUNDLE, 'utf8');
    const [hostname, port] = ctx.host.split(':');
    const other = `http://${hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${port}`;
    const { body, type = 'application/json' } = make(text, JSON.parse(text), { other });
    ctx.type = type;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = typeof body === 'string' ? body : JSON.stringify(body, null, 2);
  },
  '/__test__/pixel.png': (ctx) => {
    hit(`pixel:${ctx.query.from ?? ''}`);
    ctx.type = 'image/png';
    ctx.body = PIXEL;
  },
  /** Counts of the requests above, by key (`bundle:CASE`, `pixel:FROM`, `dist:PATH` for the raw dist/ files; `aborted:KEY` for those cut off). */
  '/__test__/hits': (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = hits;
  },
  /** The default bundle, readable from any origin. */
  '/__test__/cors-bundle': (ctx) => {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.type = 'application/json';
    ctx.body = readFileSync(DEFAULT_BUNDLE, 'utf8');
  },
  /** A 302 to `to` (same or another origin). */
  '/__test__/redirect': (ctx) => {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.redirect(String(ctx.query.to));
  },
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

/**
 * dist/ as a static host serves it, byte for byte (the test server rewrites
 * the modules it serves under /dist/), so `<script integrity>` is checked for real.
 */
const RAW_DIST = '/__test__/dist/';
const RAW_TYPES = { js: 'text/javascript', css: 'text/css', json: 'application/json' };

function rawDist(ctx) {
  const file = new URL(`../../dist/${ctx.path.slice(RAW_DIST.length)}`, import.meta.url);
  const type = RAW_TYPES[file.pathname.split('.').pop()];
  if (!type || !file.pathname.includes('/dist/') || !existsSync(file)) {
    ctx.status = 404;
    return;
  }
  hitToTheEnd(ctx, `dist:${ctx.path}`);
  // Fetched again by every page load, so tests count each load's requests.
  ctx.set('Cache-Control', 'no-store');
  ctx.type = type;
  ctx.body = readFileSync(file);
}

/** @type {import('@web/test-runner').TestRunnerConfig['middleware']} */
export const testMiddleware = [
  async (ctx, next) => {
    const route = routes[ctx.path];
    if (route) return route(ctx);
    if (ctx.path.startsWith(RAW_DIST)) return rawDist(ctx);
    if (ctx.path.startsWith(FRAMES)) return framePages(ctx);
    await next();
    if (CSP_PAGES.some((prefix) => ctx.path.startsWith(prefix))) ctx.set('Content-Security-Policy', STRICT_CSP);
    if (Object.hasOwn(TRUSTED_TYPES, ctx.path)) ctx.set('Content-Security-Policy', TRUSTED_TYPES[ctx.path]);
  },
];
