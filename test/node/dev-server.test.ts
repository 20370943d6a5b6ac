// `npm start` must open a working demo: the Vite dev server serves the demo
// home and every element there renders from the default bundle.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

let server: ViteDevServer;
let browser: Browser;

before(async () => {
  server = await createServer({ server: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'silent' });
  await server.listen();
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the demo home renders its cards from the default bundle in the dev server', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.resolvedUrls!.local[0]}demo/index.html`);
  const ready = await page.waitForFunction(
    () => {
      const cards = [...document.querySelectorAll('section[aria-labelledby="hospital"] therapy-card')];
      return cards.length > 0 && cards.every((c) => c.getAttribute('state') === 'ready') && cards.length;
    },
    undefined,
    { timeout: 20_000 },
  );
  assert.equal(await ready.jsonValue(), 3);
  const heading = await page.locator('section[aria-labelledby="hospital"] therapy-card[therapy="car-t"] h3').textContent();
  assert.equal(heading, 'CAR T-cell therapy');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the preview page, one click from the demo home, previews every item of the default bundle', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.resolvedUrls!.local[0]}demo/index.html`);
  await page.click('a[href="./preview.html"]');
  await page.waitForURL(/\/demo\/preview\.html$/);
  const count = await page.waitForFunction(
    () => {
      const preview = document.querySelector('therapy-preview');
      const items = [...(preview?.shadowRoot?.querySelectorAll('therapy-card, news-teaser, expert-quote') ?? [])];
      return items.length > 0 && items.every((el) => el.getAttribute('state') === 'ready') && items.length;
    },
    undefined,
    { timeout: 20_000 },
  );
  // 3 therapies, 1 article, 5 quotes.
  assert.equal(await count.jsonValue(), 9);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the demo home links the content site published from the default bundle at start, every item in its catalogue', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.resolvedUrls!.local[0]}demo/index.html`);
  const bundle = JSON.parse(readFileSync('src/content/all-immune-therapies.json', 'utf8'));
  const items = bundle.therapies.length + bundle.articles.length + bundle.quotes.length;
  // Published once the server listens; the link works as soon as the catalogue is written for this server's address.
  for (let tries = 0; ; tries++) {
    await page.goto(`${server.resolvedUrls!.local[0]}demo/index.html`);
    await page.click('a[href="/site/"]');
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href', { timeout: 1000 }).catch(() => null);
    if (canonical === `${server.resolvedUrls!.local[0]}site/`) break;
    assert.ok(tries < 40, 'the site was published within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.equal(await page.locator('therapy-card, news-teaser, expert-quote').count(), items);
  assert.deepEqual(errors, []);
  await page.close();
});
