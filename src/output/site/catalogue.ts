/**
 * The catalogue, `index.html`: the page an editor sends to a blogger. Every
 * item drawn (pre-rendered), its review status, a link to its page, and one
 * copy button per way to embed it, each with a line on where it works.
 */
import type { CardItem } from '../../content/item-text.js';
import type { LoadedBundle } from '../../content/load.js';
import { itemPath, SITE_FILES, type SiteAddresses } from './addresses.js';
import { bundleText, escapeHtml, htmlDocument, SITE_LANG, tag } from './document.js';
import type { EmbedWay } from './embed-code.js';
import type { ItemWords } from './item-page.js';
import { reviewStatus, siteCard } from './site-card.js';
import { SITE_SCRIPTS } from './site-scripts.js';
import type { BundleVersion } from './versions.js';

/** One item as the catalogue lists it. */
export interface CatalogueEntry {
  entry: CardItem;
  words: ItemWords;
  ways: readonly EmbedWay[];
}

const KIND_HEADINGS: Record<CardItem['kind'], string> = { therapies: 'Therapies', articles: 'Articles', quotes: 'Quotes' };

function wayHtml(anchor: string, way: EmbedWay, title: string): string {
  const id = `${anchor}-${way.id}`;
  return `<dt>${escapeHtml(way.label)}</dt>
<dd><p>${escapeHtml(way.where)}</p>
${tag('pre', { class: 'site-code', tabindex: '0', 'aria-label': `${way.label}: ${title}` })}<code id="${id}">${escapeHtml(way.code)}</code></pre>
${tag('button', { type: 'button', class: 'site-copy', 'data-copy': id, 'aria-label': `Copy ${way.label.toLowerCase()} of ${title}`, hidden: true })}Copy</button></dd>`;
}

async function itemHtml(listed: CatalogueEntry, loaded: LoadedBundle, src: string): Promise<string> {
  const { entry, words, ways } = listed;
  const anchor = `${entry.kind}-${entry.item.id}`;
  const status = reviewStatus(entry, loaded);
  return `${tag('article', { class: 'site-item', id: anchor, 'aria-label': words.title })}
${await siteCard(entry, loaded, { fromPath: SITE_FILES.catalogue, src, headingLevel: 3 })}
${status ? `<p class="site-review">${escapeHtml(status)}</p>\n` : ''}<p><a href="${itemPath(entry, 'page')}">The card's own page</a></p>
<h3>Embed: ${bundleText(words.title, loaded.bundle.locale)}</h3>
<dl class="site-ways">
${ways.map((way) => wayHtml(anchor, way, words.title)).join('\n')}
</dl>
</article>`;
}

/** The HTML of the catalogue. */
export async function cataloguePage(listed: readonly CatalogueEntry[], loaded: LoadedBundle, site: SiteAddresses, version: BundleVersion): Promise<string> {
  const src = site.url(version.latestPath);
  const sections: string[] = [];
  for (const kind of ['therapies', 'articles', 'quotes'] as const) {
    const items = listed.filter(({ entry }) => entry.kind === kind);
    if (!items.length) continue;
    const cards = [];
    for (const item of items) cards.push(await itemHtml(item, loaded, src));
    sections.push(`<section aria-labelledby="${kind}"><h2 id="${kind}">${KIND_HEADINGS[kind]}</h2>\n${cards.join('\n')}\n</section>`);
  }
  const { bundle } = loaded;
  const body = `<header class="site-header"><h1>${bundleText(bundle.title, bundle.locale)}</h1>
<p>Published by ${bundleText(bundle.publisher.name, bundle.locale)}. Each card below can go on any site: paste its link where a platform takes only links (WordPress, Ghost, Notion, Substack), its iframe code where a page takes HTML, or its script-tag snippet where scripts are allowed.</p>
<p>The bundle: ${tag('a', { href: version.latestPath })}latest</a> (changes with each publish) · ${tag('a', { href: version.pinnedPath })}this version</a> (never changes), <code>integrity="${escapeHtml(version.integrity)}"</code>.</p>
<p class="site-status" id="copy-status" role="status"></p>
</header>
<main class="site-main">
${sections.join('\n')}
</main>`;
  return htmlDocument({
    lang: SITE_LANG,
    title: bundle.title,
    description: `Cards about ${bundle.title} to embed on any site.`,
    head: [tag('link', { rel: 'canonical', href: site.base })],
    stylesheets: [SITE_FILES.styles],
    scripts: [SITE_SCRIPTS.copyButtons, SITE_SCRIPTS.reviewDue],
    body,
  });
}
