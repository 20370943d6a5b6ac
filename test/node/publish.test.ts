// `therapy-widgets publish` as users run it (the package's bin), its site
// served as a static host serves it (strict CSP header), and read by a real
// browser: a WordPress-style consumer, a blog with the iframe code, the
// script-tag snippets pinned and unpinned, and every page checked for CSP,
// axe and foreign requests. A small bundle keeps the preview images quick.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveSite, servePages, SITE_CSP, type Running } from './site-server.js';

type Element = DefaultTreeAdapterMap['element'];

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const bin = pkg.bin['therapy-widgets'];
const full = JSON.parse(readFileSync('src/content/all-immune-therapies.json', 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'therapy-publish-'));
const out = join(dir, 'site');
const PREFIX = 'cards';

/** Three items: a therapy, the article, a quote about that therapy. */
const v1 = {
  ...full,
  therapies: full.therapies.filter((t: { id: string }) => t.id === 'car-t'),
  articles: [{ ...full.articles[0], therapyIds: ['car-t'] }],
  quotes: full.quotes.filter((q: { id: string }) => q.id === 'oluwole-car-t-innate'),
};
/** The next edit: a new summary, and the article taken out. */
const v2 = { ...v1, therapies: [{ ...v1.therapies[0], summary: 'Edited: CAR T-cell therapy retrains a patient’s own immune cells.' }], articles: [] };
const ITEMS = [
  ['therapies', 'car-t'],
  ['articles', v1.articles[0].id],
  ['quotes', 'oluwole-car-t-innate'],
] as const;

let site: Running;
let blog: Running;
const blogPages = new Map<string, string>();
let browser: Browser;
let base: string;

function publish(bundle: object, name: string) {
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify(bundle, null, 2)}\n`);
  const run = spawnSync(process.execPath, [bin, 'publish', file, '--base-url', base, '--out', out], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return { file, bytes: readFileSync(file), run };
}

const sha384 = (bytes: Uint8Array) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

function* walk(node: DefaultTreeAdapterMap['parentNode']): Generator<Element> {
  for (const child of node.childNodes) {
    if ('tagName' in child) {
      yield child;
      yield* walk('content' in child ? child.content : child);
    }
  }
}
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const elements = (html: string) => [...walk(parse(html))];
function metaOf(html: string): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const el of elements(html).filter((e) => e.tagName === 'meta')) {
    const key = attr(el, 'property') ?? attr(el, 'name');
    if (key) meta[key] = attr(el, 'content') ?? '';
  }
  return meta;
}
const textOf = (el: Element): string => el.childNodes.map((n) => ('value' in n ? n.value : 'tagName' in n ? textOf(n) : '')).join('');

async function get(path: string): Promise<Response> {
  return fetch(new URL(path, base));
}

before(async () => {
  site = await serveSite(out, PREFIX);
  base = `${site.origin}/${PREFIX}/`;
  blog = await servePages(blogPages);
  publish(v1, 'bundle-v1.json');
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await blog?.close();
});

/** Opens `url`; collects CSP violations, page errors and every request's URL. */
async function open(url: string, options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const context = await browser.newContext({ bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, problems };
}

/** Every HTML page of the site. */
function sitePages(): string[] {
  return ['', ...ITEMS.flatMap(([kind, id]) => [`${kind}/${id}/`, `embed/${kind}/${id}.html`])];
}

test('the folder: catalogue, per item a page, an iframe view, an oEmbed file and a PNG; the bundle byte for byte at its latest and its hash-named address; integrity of each file', async () => {
  assert.ok(existsSync(join(out, 'index.html')));
  for (const [kind, id] of ITEMS) {
    for (const file of ['index.html', 'oembed.json', 'preview.png']) assert.ok(existsSync(join(out, kind, id, file)), `${kind}/${id}/${file}`);
    assert.ok(existsSync(join(out, 'embed', kind, `${id}.html`)), `embed/${kind}/${id}.html`);
  }
  const bytes = readFileSync(join(dir, 'bundle-v1.json'));
  assert.deepEqual(readFileSync(join(out, 'bundle.json')), bytes);
  const pinned = readdirSync(join(out, 'bundles'));
  assert.equal(pinned.length, 1);
  assert.deepEqual(readFileSync(join(out, 'bundles', pinned[0]!)), bytes);
  const integrity = JSON.parse(readFileSync(join(out, 'integrity.json'), 'utf8')) as Record<string, string>;
  for (const name of ['therapy-widgets.js', 'therapy-widgets.classic.js', 'therapy-widgets.css']) {
    const path = `widgets/${pkg.version}/${name}`;
    assert.deepEqual(readFileSync(join(out, path)), readFileSync(join('dist', name)), path);
    assert.equal(integrity[path], sha384(readFileSync(join(out, path))), path);
  }
  assert.equal(integrity['bundle.json'], sha384(bytes));
  assert.equal(integrity[`bundles/${pinned[0]}`], sha384(bytes));
});

test('each item page: canonical link, Open Graph and Twitter tags, oEmbed discovery, JSON-LD and the pre-rendered card; its PNG is a 1200x630 image that decodes', async () => {
  for (const [kind, id] of ITEMS) {
    const pageUrl = `${base}${kind}/${id}/`;
    const html = await (await get(`${kind}/${id}/`)).text();
    const all = elements(html);
    const link = (rel: string) => all.find((e) => e.tagName === 'link' && attr(e, 'rel') === rel);
    assert.equal(attr(link('canonical')!, 'href'), pageUrl);
    const meta = metaOf(html);
    assert.equal(meta['og:url'], pageUrl);
    assert.ok(meta['og:title'] && meta['og:description'], `${id}: og:title and og:description`);
    assert.equal(meta['og:image'], `${pageUrl}preview.png`);
    assert.equal(meta['twitter:card'], 'summary_large_image');
    const discovery = link('alternate')!;
    assert.equal(attr(discovery, 'type'), 'application/json+oembed');
    assert.equal(attr(discovery, 'href'), `${pageUrl}oembed.json`);
    assert.ok(attr(discovery, 'title'));
    const jsonLd = all.find((e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json')!;
    assert.equal(JSON.parse(textOf(jsonLd))['@type'], 'MedicalWebPage');
    assert.ok(all.some((e) => attr(e, 'shadowrootmode') === 'open'), `${id}: a declarative shadow root`);
    const png = await get(`${kind}/${id}/preview.png`);
    assert.equal(png.headers.get('content-type'), 'image/png');
    const bytes = new Uint8Array(await png.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(bytes.buffer);
    assert.deepEqual([view.getUint32(16), view.getUint32(20)], [1200, 630]);
  }
  const { page } = await open(`${base}therapies/car-t/`);
  const decoded = await page.evaluate(async () => {
    const image = new Image();
    image.src = 'preview.png';
    await image.decode();
    return [image.naturalWidth, image.naturalHeight];
  });
  assert.deepEqual(decoded, [1200, 630]);
  await page.context().close();
});

test('each oEmbed file: oEmbed 1.0 rich JSON with one titled, sized, lazy iframe of the item view and the thumbnail; the query a consumer adds changes nothing', async () => {
  for (const [kind, id] of ITEMS) {
    const plain = await (await get(`${kind}/${id}/oembed.json`)).text();
    const asked = await (await get(`${kind}/${id}/oembed.json?url=${encodeURIComponent(`${base}${kind}/${id}/`)}&maxwidth=300&dnt=1`)).text();
    assert.equal(asked, plain);
    const oembed = JSON.parse(plain);
    assert.equal(oembed.type, 'rich');
    assert.equal(oembed.version, '1.0');
    for (const key of ['title', 'provider_name', 'provider_url', 'html', 'thumbnail_url']) assert.equal(typeof oembed[key], 'string', key);
    for (const key of ['width', 'height']) assert.ok(Number.isInteger(oembed[key]) && oembed[key] > 0, key);
    assert.equal(oembed.thumbnail_url, `${base}${kind}/${id}/preview.png`);
    assert.deepEqual([oembed.thumbnail_width, oembed.thumbnail_height], [1200, 630]);
    const frames = elements(oembed.html).filter((e) => e.tagName === 'iframe');
    assert.equal(frames.length, 1);
    const frame = frames[0]!;
    assert.equal(attr(frame, 'src'), `${base}embed/${kind}/${id}.html`);
    assert.equal(attr(frame, 'loading'), 'lazy');
    assert.ok(attr(frame, 'title'));
    assert.equal(attr(frame, 'width'), String(oembed.width));
    assert.equal(attr(frame, 'height'), String(oembed.height));
  }
});

test('the iframe view: the card alone, readable with no script, noindex but indexifembedded, canonical to the item page', async () => {
  const html = await (await get('embed/therapies/car-t.html')).text();
  const meta = metaOf(html);
  assert.equal(meta.robots, 'noindex, indexifembedded');
  const canonical = elements(html).find((e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical')!;
  assert.equal(attr(canonical, 'href'), `${base}therapies/car-t/`);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${base}embed/therapies/car-t.html`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'CAR T-cell therapy');
  assert.equal(await page.locator('therapy-card').count(), 1);
  await context.close();
});

test('every page: no CSP violation under the strict header, no request to another host, no script error, axe finds nothing', async () => {
  const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
  for (const path of sitePages()) {
    const { page, requests, problems } = await open(`${base}${path}`);
    assert.deepEqual(problems, [], `/${path}`);
    const foreign = requests.filter((url) => !url.startsWith(site.origin) && !url.startsWith('data:'));
    assert.deepEqual(foreign, [], `/${path}`);
    await page.context().close();
    // axe needs its own script in the page: a second visit that lets it in.
    const checked = await open(`${base}${path}`, { bypassCSP: true });
    await checked.page.addScriptTag({ content: axe });
    const violations = await checked.page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run(document);
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    assert.deepEqual(violations, [], `/${path}`);
    await checked.page.context().close();
  }
});

test('every response of the site carries the strict CSP header', async () => {
  for (const path of sitePages()) assert.equal((await get(path)).headers.get('content-security-policy'), SITE_CSP);
});

test('the catalogue: every item drawn with its review status, a link to its page and a copy button per way to embed, each saying where it works', async () => {
  const { page } = await open(base);
  for (const [kind, id] of ITEMS) {
    const item = page.locator(`article#${kind}-${id}`);
    assert.equal(await item.locator(`a[href="${kind}/${id}/"]`).count(), 1);
    const buttons = item.locator('button[data-copy]');
    assert.equal(await buttons.count(), 4, id);
    for (const button of await buttons.all()) assert.equal(await button.isVisible(), true);
    assert.equal(await item.locator('dd > p').count(), 4);
    if (kind !== 'quotes') assert.match((await item.locator('.site-review').textContent()) ?? '', /Reviewed .*next review due/);
  }
  assert.equal(await page.locator('therapy-card, news-teaser, expert-quote').count(), ITEMS.length);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('button[data-copy="therapies-car-t-link"]').click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${base}therapies/car-t/`);
  assert.match((await page.locator('#copy-status').textContent()) ?? '', /Copied/);
  await page.context().close();
});

test('a review that falls due after publishing shows its notice on the item page and in the iframe view, without a fetch', async () => {
  const record = v1.therapies[0].nextReviewOn ?? v1.nextReviewOn;
  assert.ok(record, 'the test bundle names its next review');
  for (const path of ['therapies/car-t/', 'embed/therapies/car-t.html']) {
    for (const [when, expected] of [[`${record}T00:00:01Z`, 1], ['2026-01-01T12:00:00Z', 0]] as const) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date(when));
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${base}${path}`);
      await page.waitForFunction(() => document.readyState === 'complete');
      assert.equal(await page.locator('therapy-card [part="notice"]').count(), expected, `${path} at ${when}`);
      assert.ok(!requests.some((url) => url.endsWith('.json')), 'no bundle fetched');
      await context.close();
    }
  }
});

/**
 * What WordPress does with a pasted link, in short: on the server, discovery
 * from the page and the oEmbed JSON fetched with `url`, `maxwidth` and `dnt`;
 * in the post, the iframe framed with `sandbox="allow-scripts"`, its `src`
 * given `#?secret=…`, and wp-embed.js's listener: a height message with the
 * frame's secret from that frame's window sets its height (clamped to
 * 200-1000 px), a link message to the frame's host would navigate the page.
 */
async function wordpressPost(pageUrl: string, secret: string): Promise<string> {
  const html = await (await fetch(pageUrl)).text();
  const discovery = elements(html).find((e) => e.tagName === 'link' && attr(e, 'type') === 'application/json+oembed')!;
  const endpoint = new URL(attr(discovery, 'href')!);
  endpoint.searchParams.set('url', pageUrl);
  endpoint.searchParams.set('maxwidth', '600');
  endpoint.searchParams.set('dnt', '1');
  const oembed = await (await fetch(endpoint)).json();
  const embed = (oembed.html as string).replace(/<iframe /, `<iframe sandbox="allow-scripts" security="restricted" data-secret="${secret}" `).replace(/(<iframe [^>]*src=")([^"]*)"/, `$1$2#?secret=${secret}"`);
  return `<!doctype html><html lang="en"><title>A blog post</title><body><main><p>The post's first paragraph.</p>${embed}<p>The next paragraph.</p></main>
<script>
window.__messages = [];
window.__navigations = [];
addEventListener('message', (event) => {
  const data = event.data;
  if (!data || !data.secret || !data.message) return;
  window.__messages.push(data);
  for (const frame of document.querySelectorAll('iframe[data-secret="' + data.secret + '"]')) {
    if (frame.contentWindow !== event.source) continue;
    if (data.message === 'height') frame.height = String(Math.min(1000, Math.max(200, parseInt(data.value, 10))));
    if (data.message === 'link' && new URL(data.value).host === new URL(frame.src).host) window.__navigations.push(data.value);
  }
});
</script></body></html>`;
}

type Posted = { message: string; value: number | string; secret: string };

test('a link pasted into a WordPress-style post: the sandboxed frame shows the card and posts its height with the secret; opening a fold posts the new height', async () => {
  blogPages.set('/wordpress.html', await wordpressPost(`${base}therapies/car-t/`, 'Zx81secret'));
  const { page } = await open(`${blog.origin}/wordpress.html`);
  const frame = page.frameLocator('iframe[data-secret]');
  assert.equal(await frame.getByRole('heading', { level: 1 }).textContent(), 'CAR T-cell therapy');
  const heights = () => page.evaluate(() => (window as unknown as { __messages: Posted[] }).__messages.filter((m) => m.message === 'height'));
  await page.waitForFunction(() => (window as unknown as { __messages: Posted[] }).__messages.some((m) => m.message === 'height'));
  const content = page.frames().find((f) => f.url().includes('/embed/'))!;
  assert.equal(await content.evaluate(() => self.origin), 'null', 'an opaque origin: the sandbox holds');
  const first = await heights();
  assert.ok(first.every((m) => m.secret === 'Zx81secret'));
  const documentHeight = () => content.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.equal(first.at(-1)!.value, await documentHeight());
  const before = first.at(-1)!.value as number;
  await frame.getByRole('heading', { name: 'Key points' }).click();
  await page.waitForFunction((n) => (window as unknown as { __messages: Posted[] }).__messages.filter((m) => m.message === 'height').length > n, first.length);
  const opened = (await heights()).at(-1)!;
  assert.equal(opened.secret, 'Zx81secret');
  assert.ok((opened.value as number) > before, `${opened.value} > ${before}`);
  assert.equal(opened.value, await documentHeight());
  assert.equal(await page.locator('iframe[data-secret]').getAttribute('height'), String(Math.min(1000, opened.value as number)));
  await page.context().close();
});

test('the iframe code on a plain page: the resize script sizes its own frame to the card and ignores other frames, other origins and the page itself', async () => {
  const catalogue = await (await get('')).text();
  const code = elements(catalogue).find((e) => attr(e, 'id') === 'therapies-car-t-iframe')!;
  const iframeCode = textOf(code);
  assert.match(iframeCode, /<script src="[^"]*frame-resize\.js" defer><\/script>/);
  blogPages.set('/other.html', `<!doctype html><title>x</title><p>Another site's frame.</p><script>parent.postMessage({ type: 'therapy-widgets:height', id: 'car-t', height: 1234 }, '*');</script>`);
  blogPages.set(
    '/plain.html',
    `<!doctype html><html lang="en"><title>A plain page</title><body><main>${iframeCode}
<iframe id="other" title="another site" src="/other.html" width="300" height="150"></iframe></main>
<script>setTimeout(() => postMessage({ type: 'therapy-widgets:height', id: 'car-t', height: 4321 }, '*'), 300);</script></body></html>`,
  );
  const { page } = await open(`${blog.origin}/plain.html`);
  const ours = page.locator('iframe[data-therapy-frame]');
  const content = page.frames().find((f) => f.url().includes('/embed/'))!;
  await content.waitForLoadState('load');
  const cardHeight = await content.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => document.querySelector('iframe[data-therapy-frame]')!.getAttribute('height') === String(h), cardHeight);
  await page.waitForTimeout(500);
  assert.equal(await ours.getAttribute('height'), String(cardHeight), 'the page\'s own forged message changed nothing');
  assert.equal(await page.locator('#other').getAttribute('height'), '150');
  await page.context().close();
});

test('republishing an edit: the dropped item leaves the site, the earlier bundle stays at its hash-named address and its pinned embed still renders it; the unpinned one follows the edit', async () => {
  const catalogue = await (await get('')).text();
  const codeOf = (html: string, id: string) => textOf(elements(html).find((e) => attr(e, 'id') === id)!);
  const pinned = codeOf(catalogue, 'therapies-car-t-pinned');
  const latest = codeOf(catalogue, 'therapies-car-t-latest');
  assert.match(pinned, / integrity="sha384-/);
  const republished = publish(v2, 'bundle-v2.json');
  assert.match(republished.run.stdout, /removed articles\//);
  assert.equal((await get(`articles/${v1.articles[0].id}/`)).status, 404);
  assert.equal((await get(`embed/articles/${v1.articles[0].id}.html`)).status, 404);
  assert.doesNotMatch(await (await get('')).text(), new RegExp(v1.articles[0].id));
  assert.equal(readdirSync(join(out, 'bundles')).length, 2);
  assert.deepEqual(readFileSync(join(out, 'bundle.json')), republished.bytes);
  for (const [name, code] of [['pinned', pinned], ['latest', latest]]) blogPages.set(`/${name}.html`, `<!doctype html><html lang="en"><title>${name}</title><body><main>${code}</main></body></html>`);
  const summaryOf = async (name: string) => {
    const { page, problems } = await open(`${blog.origin}/${name}.html`);
    await page.waitForFunction(() => document.querySelector('therapy-card')?.getAttribute('state') === 'ready', undefined, { timeout: 15_000 });
    // Wait for the take-over to have loaded the live bundle.
    await page.waitForTimeout(300);
    const summary = await page.locator('therapy-card .card__summary').textContent();
    await page.context().close();
    return { summary, problems };
  };
  const old = await summaryOf('pinned');
  assert.deepEqual(old.problems, []);
  assert.equal(old.summary, v1.therapies[0].summary);
  const edited = await summaryOf('latest');
  assert.equal(edited.summary, v2.therapies[0].summary);
});
