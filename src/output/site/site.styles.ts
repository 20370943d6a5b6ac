/**
 * site.css: the published site's own look around the cards (the cards bring
 * their own stylesheet). Calm, readable, light or dark as the reader's system
 * says; the iframe view (`body.frame`) has no page margins, so the framing
 * page decides the space around the card, and scrolls when the framing page
 * stops short of its height (WordPress sets at most 1000 px).
 */
export const SITE_CSS = `:root{color-scheme:light dark;--site-text:#1d2733;--site-muted:#4a5868;--site-surface:#fff;--site-code:#f3f5f8;--site-border:#c9d2dc;--site-link:#1f5fa8}
@media (prefers-color-scheme:dark){:root{--site-text:#e6ebf1;--site-muted:#b4c0cc;--site-surface:#141b22;--site-code:#1d262f;--site-border:#3a4755;--site-link:#8cbcf2}}
html{background:var(--site-surface);color:var(--site-text);font:1.125rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{margin:0 auto;max-width:46rem;padding:1.5rem 1rem 3rem}
body.frame{max-width:none;padding:0}
a{color:var(--site-link)}
a:focus-visible,button:focus-visible,pre:focus-visible{outline:3px solid var(--site-link);outline-offset:2px}
.site-header{margin-bottom:2rem}
.site-header h1{font-size:1.75rem;line-height:1.25;margin:0 0 .75rem}
.site-review,.site-footer,.frame-more{color:var(--site-muted);font-size:1rem}
.frame-more{margin:.5rem 0 0;padding:0 .25rem}
.site-item{border-top:1px solid var(--site-border);padding:1.5rem 0;margin:0}
.site-item>h3{margin:1.5rem 0 .5rem;font-size:1.125rem}
.site-ways dt{font-weight:700;margin-top:1rem}
.site-ways dd{margin:0}
.site-ways dd p{margin:.25rem 0;color:var(--site-muted);font-size:1rem}
.site-code{background:var(--site-code);border:1px solid var(--site-border);border-radius:6px;padding:.5rem .75rem;margin:.25rem 0;max-height:7.5em;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere;font-size:.875rem;line-height:1.5}
.site-copy{font:inherit;font-size:1rem;padding:.35rem 1rem;border-radius:6px;border:1px solid var(--site-link);background:var(--site-surface);color:var(--site-link);cursor:pointer}
.site-status:empty{display:none}
.site-status{font-weight:700}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
`;
