/**
 * An item's own page, its canonical address: the pre-rendered card with its
 * JSON-LD, the canonical link, Open Graph and Twitter card tags (a pasted
 * link shows a preview in Substack, Slack, Notion and social media), and
 * oEmbed discovery (WordPress and Ghost embed the card from a pasted link).
 */
import type { CardItem } from '../../content/item-text.js';
import type { LoadedBundle } from '../../content/load.js';
import { itemPath, relativePath, SITE_FILES, type SiteAddresses } from './addresses.js';
import { bundleText, htmlDocument, metaTags, SITE_LANG, tag } from './document.js';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from './preview-image.js';
import { pageHeading, siteCard } from './site-card.js';
import { SITE_SCRIPTS } from './site-scripts.js';

/** The words of a page about an item. */
export interface ItemWords {
  title: string;
  description: string;
}

/** The head tags that make a pasted link into a card or a preview. */
export function shareTags(entry: CardItem, words: ItemWords, loaded: LoadedBundle, site: SiteAddresses): string[] {
  const page = site.item(entry, 'page');
  const image = site.item(entry, 'image');
  return [
    tag('link', { rel: 'canonical', href: page }),
    tag('link', { rel: 'alternate', type: 'application/json+oembed', href: site.item(entry, 'oembed'), title: words.title }),
    ...metaTags('property', {
      'og:type': 'article',
      'og:site_name': loaded.bundle.title,
      'og:title': words.title,
      'og:description': words.description,
      'og:url': page,
      'og:image': image,
      'og:image:type': 'image/png',
      'og:image:width': String(PREVIEW_WIDTH),
      'og:image:height': String(PREVIEW_HEIGHT),
      'og:image:alt': words.title,
      'og:locale': (loaded.bundle.locale ?? 'en').replace('-', '_'),
    }),
    ...metaTags('name', {
      'twitter:card': 'summary_large_image',
      'twitter:title': words.title,
      'twitter:description': words.description,
      'twitter:image': image,
      'twitter:image:alt': words.title,
    }),
  ];
}

/** The HTML of the item's page. */
export async function itemPage(entry: CardItem, words: ItemWords, loaded: LoadedBundle, site: SiteAddresses, src: string): Promise<string> {
  const path = itemPath(entry, 'page');
  const up = (to: string) => relativePath(path, to);
  const anchor = `${entry.kind}-${entry.item.id}`;
  const body = `<header class="site-header"><a href="${up(SITE_FILES.catalogue)}">${bundleText(loaded.bundle.title, loaded.bundle.locale)}</a></header>
<main class="site-main">
${pageHeading(entry, words.title, loaded.bundle.locale)}${await siteCard(entry, loaded, { fromPath: path, src, headingLevel: 1 })}
<p><a href="${up(SITE_FILES.catalogue)}#${encodeURIComponent(anchor)}">Embed this card on your site</a></p>
</main>
<footer class="site-footer"><p>Published by ${bundleText(loaded.bundle.publisher.name, loaded.bundle.locale)}.</p></footer>`;
  return htmlDocument({
    lang: SITE_LANG,
    title: `${words.title} · ${loaded.bundle.title}`,
    description: words.description,
    head: shareTags(entry, words, loaded, site),
    stylesheets: [up(SITE_FILES.styles)],
    scripts: [up(SITE_SCRIPTS.reviewDue)],
    body,
  });
}
