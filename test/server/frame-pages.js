// The site's two frame scripts as publish writes them (their text made from
// the TypeScript through tsx, as the CLI runs in a fresh clone), an item's
// iframe view that loads frame-view.js through a real <script src>, and a
// frame that echoes what its parent posts (a frame of our site sending bad values),
// and a plain host page that embeds two item views with the resize script.
// Item views get the site's strict CSP: the script must load and work under it,
// in a sandboxed frame too.
import { tsImport } from 'tsx/esm/api';

export const FRAMES = '/__test__/frames/';

/** The policy of every page of the site (SPEC section 9). */
const SITE_CSP = "default-src 'self'; img-src 'self' data:";

let scripts;

function frameScripts() {
  scripts ??= Promise.all([
    tsImport('../../src/output/site/frame-resize.ts', import.meta.url),
    tsImport('../../src/output/site/frame-view.ts', import.meta.url),
  ]).then(([resize, view]) => ({
    'frame-resize.js': resize.frameResizeScript(),
    'frame-view.js': view.frameViewScript([{ tag: 'therapy-card', idAttribute: 'therapy' }]),
  }));
  return scripts;
}

/** An item's iframe view: a card with links and a fold in its shadow root, canonical link to the item's page. */
function framePage(id) {
  const lines = Array.from({ length: 12 }, (_, i) => `<p>Line ${i + 1} of the fold.</p>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Card ${id}</title>
  <link rel="canonical" href="${FRAMES}page/${id}.html">
  <script src="${FRAMES}frame-view.js" defer></script>
</head>
<body>
  <therapy-card therapy="${id}"><template shadowrootmode="open">
    <p>Card ${id}: a short text that wraps when the frame gets narrow, and wraps again.</p>
    <p><a id="own" href="${FRAMES}page/other.html">Another card on this site</a></p>
    <p><a id="outside" href="https://example.org/source">A source elsewhere</a></p>
    <p><a id="jump" href="#more">Jump inside the frame</a></p>
    <details id="more"><summary>More</summary>${lines}</details>
  </template></therapy-card>
</body>
</html>`;
}

/** A plain host page under the site's strict CSP with two frames of ours, the same width; the test adds the resize script once they have loaded and posted. */
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<p>A blog post with two cards.</p>
<iframe id="first" title="First card" src="${FRAMES}frame/h.html" width="480" height="77"></iframe>
<iframe id="second" title="Second card" src="${FRAMES}frame/i.html#?secret=xyz" sandbox="allow-scripts" width="480" height="77"></iframe>
</body></html>`;

const ECHO = `<!doctype html><html lang="en"><head><title>Echo</title></head><body><script>
addEventListener('message', (event) => parent.postMessage(event.data, '*'));
</script></body></html>`;

export async function framePages(ctx) {
  const name = ctx.path.slice(FRAMES.length);
  const script = (await frameScripts())[name];
  ctx.set('Cache-Control', 'no-store');
  if (script) {
    ctx.type = 'text/javascript';
    ctx.body = script;
  } else if (name === 'host.html') {
    ctx.type = 'text/html';
    ctx.set('Content-Security-Policy', SITE_CSP);
    ctx.body = HOST;
  } else if (name === 'echo.html') {
    ctx.type = 'text/html';
    ctx.body = ECHO;
  } else if (/^(frame|page)\/[a-z]+\.html$/.test(name)) {
    ctx.type = 'text/html';
    ctx.set('Content-Security-Policy', SITE_CSP);
    ctx.body = framePage(name.slice(name.indexOf('/') + 1, -'.html'.length));
  } else {
    ctx.status = 404;
  }
}
