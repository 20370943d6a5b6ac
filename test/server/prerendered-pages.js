// Pages holding pre-rendered cards, made at request time by the CLI's render
// command (the real output, never a copy kept in step by hand): three cards
// between paragraphs, the built script and stylesheet from dist/, served as they are.
import { spawnSync } from 'node:child_process';

const BIN = new URL('../../bin/therapy-widgets.js', import.meta.url).pathname;
const BUNDLE = new URL('../../src/content/all-immune-therapies.json', import.meta.url).pathname;
const ITEMS = ['car-t', '2021-03-12-immune-therapies', 'oluwole-blinatumomab-forces-t-cell'];
const rendered = new Map();

/** The CLI's output for these options, once per server run. */
function render(args) {
  const key = args.join(' ');
  if (!rendered.has(key)) {
    const run = spawnSync(process.execPath, [BIN, 'render', BUNDLE, ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`render failed: ${run.stderr}`);
    rendered.set(key, run.stdout);
  }
  return rendered.get(key);
}

const PARAGRAPH = '<p>Immune therapies use the body’s own defences against leukemia. This paragraph stands for the text of the host page around the cards, so a shift of the cards would move it.</p>';

/**
 * `?script=none`: no script tag at all. `?live=CASE`: the cards load
 * /__test__/bundle?case=CASE when the script runs (else the default bundle).
 * `?page=dark|light`: the page's colours (test/pages/prerendered.css).
 * `?css=missing`: the cards link a stylesheet that is not there (a 404).
 */
export function prerenderedPage(ctx) {
  const live = ctx.query.live ? `/__test__/bundle?case=${encodeURIComponent(String(ctx.query.live))}` : undefined;
  const args = [...ITEMS.flatMap((id) => ['--item', id]), '--script', '/__test__/dist/therapy-widgets.js', ...(live ? ['--bundle-url', live] : [])];
  // One card per line, though a card's text may hold line breaks of its own.
  const [scriptTag, ...cards] = render(args).trimEnd().split(/\n(?=<script |<therapy-card |<news-teaser |<expert-quote )/);
  const script = ctx.query.script === 'none' ? '' : scriptTag;
  const shown = ctx.query.css === 'missing' ? cards.map((card) => card.replaceAll('/__test__/dist/therapy-widgets.css', '/__test__/missing/therapy-widgets.css')) : cards;
  const page = ['dark', 'light'].includes(String(ctx.query.page)) ? ` class="${ctx.query.page}"` : '';
  ctx.type = 'text/html';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Pre-rendered cards</title>
  <script src="/test/pages/record.js"></script>
  <script src="/test/pages/layout-shift.js"></script>
  <link rel="stylesheet" href="/test/pages/prerendered.css">
  ${script}
</head>
<body${page}>
  ${PARAGRAPH}
  ${shown.join(`\n  ${PARAGRAPH}\n  `)}
  ${PARAGRAPH}
</body>
</html>
`;
}
