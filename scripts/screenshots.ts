/**
 * Screenshots of every element, variant and theme at a phone and a desktop
 * width, to look at a change as a reader would:
 *
 *   npx tsx scripts/screenshots.ts OUT_DIR
 *
 * Each card sits on a page of its theme's colour (light: white, dark:
 * #0d1117) with theme="auto", so the page decides, as on a real site; one
 * more shot per element shows the print rendering. PNGs go to OUT_DIR.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, widgetsScript } from './widgets-script.js';

const OUT = process.argv[2];
if (!OUT) throw new Error('usage: npx tsx scripts/screenshots.ts OUT_DIR');
const ORIGIN = 'http://shots.invalid';
const PAGES = { light: '#ffffff', dark: '#0d1117' };
const TAGS = {
  'therapy-card': 'therapy="blinatumomab"',
  'news-teaser': '',
  'expert-quote': 'therapy="blinatumomab"',
};

function page(tag: string, attributes: string, variant: string, background: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shot</title>
<style>body{margin:0;padding:16px;background:${background};font-family:Georgia,serif}</style></head>
<body><${tag} src="/bundle.json" ${attributes} variant="${variant}"></${tag}><script type="module" src="/widgets.js"></script></body></html>`;
}

const bundle = JSON.parse(readFileSync(join(ROOT, 'src/content/all-immune-therapies.json'), 'utf8'));
bundle.articles[0].url = 'https://example.org/articles/immune-therapies';
const widgets = await widgetsScript();
mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const tab = await context.newPage();
    let html = '';
    await tab.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/widgets.js') return route.fulfill({ contentType: 'text/javascript', body: widgets });
      if (path === '/bundle.json') return route.fulfill({ contentType: 'application/json', body: JSON.stringify(bundle) });
      return route.fulfill({ contentType: 'text/html', body: html });
    });
    for (const [tag, attributes] of Object.entries(TAGS)) {
      for (const variant of ['full', 'compact']) {
        for (const [theme, background] of Object.entries(PAGES)) {
          html = page(tag, attributes, variant, background);
          await tab.goto(`${ORIGIN}/`);
          await tab.waitForSelector(`${tag}[state="ready"]`);
          await tab.screenshot({ path: join(OUT, `${tag}-${variant}-${theme}-${width}.png`), fullPage: true });
        }
      }
      html = page(tag, attributes, 'full', PAGES.light);
      await tab.emulateMedia({ media: 'print' });
      await tab.goto(`${ORIGIN}/`);
      await tab.waitForSelector(`${tag}[state="ready"]`);
      await tab.screenshot({ path: join(OUT, `${tag}-print-${width}.png`), fullPage: true });
      await tab.emulateMedia({ media: 'screen' });
    }
    await context.close();
  }
} finally {
  await browser.close();
}
