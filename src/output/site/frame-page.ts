/**
 * An item's iframe view: the pre-rendered card alone, readable with no
 * script, kept out of search results except where embedded, with a canonical
 * link to the item's page. Drawn from the bundle at publish time: inside
 * WordPress's `sandbox="allow-scripts"` frame (an opaque origin) it fetches
 * nothing. Its script reports the height to the framing page, hands links
 * to it, and follows `#theme=` (frame-view.js).
 */
import type { CardItem } from '../../content/item-text.js';
import type { LoadedBundle } from '../../content/load.js';
import { itemPath, relativePath, SITE_FILES, type SiteAddresses } from './addresses.js';
import { htmlDocument, metaTags, SITE_LANG, tag } from './document.js';
import type { ItemWords } from './item-page.js';
import { pageHeading, siteCard } from './site-card.js';
import { SITE_SCRIPTS } from './site-scripts.js';

/** The HTML of the item's iframe view. */
export async function framePage(entry: CardItem, words: ItemWords, loaded: LoadedBundle, site: SiteAddresses, src: string): Promise<string> {
  const path = itemPath(entry, 'frame');
  const up = (to: string) => relativePath(path, to);
  const body = `<main class="frame-main">
${pageHeading(entry, words.title, loaded.bundle.locale)}${await siteCard(entry, loaded, { fromPath: path, src, headingLevel: 1 })}
<p class="frame-more">${tag('a', { href: site.item(entry, 'page'), target: '_top' })}Sources and the full page</a></p>
</main>`;
  return htmlDocument({
    lang: SITE_LANG,
    title: words.title,
    description: words.description,
    head: [...metaTags('name', { robots: 'noindex, indexifembedded' }), tag('link', { rel: 'canonical', href: site.item(entry, 'page') })],
    stylesheets: [up(SITE_FILES.styles)],
    scripts: [up(SITE_SCRIPTS.frameView), up(SITE_SCRIPTS.reviewDue)],
    bodyClass: 'frame',
    body,
  });
}
