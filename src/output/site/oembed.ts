/**
 * The static oEmbed 1.0 file of an item (`type: "rich"`): the iframe of its
 * frame view, with a link to its page before it (WordPress shows that link
 * until the frame reports its height), and the preview image as thumbnail.
 * Static: the `url`, `maxwidth` and `dnt` a consumer adds change nothing.
 */
import type { Bundle } from '../../content/schema.js';
import type { CardItem } from '../../content/item-text.js';
import { linkHref } from '../../content/urls.js';
import type { SiteAddresses } from './addresses.js';
import { escapeHtml, tag } from './document.js';
import { estimatedHeight, FRAME_WIDTH, frameTag } from './embed-code.js';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from './preview-image.js';

export interface OEmbedRich {
  type: 'rich';
  version: '1.0';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
  cache_age: number;
}

/** The oEmbed object of `entry`. */
export function oembedOf(entry: CardItem, title: string, bundle: Bundle, site: SiteAddresses): OEmbedRich {
  const publisherUrl = linkHref(bundle.publisher.url, site.base);
  return {
    type: 'rich',
    version: '1.0',
    title,
    provider_name: bundle.publisher.name,
    provider_url: publisherUrl ?? site.base,
    html: `<blockquote>${tag('a', { href: site.item(entry, 'page') })}${escapeHtml(title)}</a></blockquote>${frameTag(entry, title, site)}`,
    width: FRAME_WIDTH,
    height: estimatedHeight(entry),
    thumbnail_url: site.item(entry, 'image'),
    thumbnail_width: PREVIEW_WIDTH,
    thumbnail_height: PREVIEW_HEIGHT,
    // A day: consumers that cache the embed pick up a republished card by the next day.
    cache_age: 86400,
  };
}

/** The file's text. */
export function oembedJson(entry: CardItem, title: string, bundle: Bundle, site: SiteAddresses): string {
  return `${JSON.stringify(oembedOf(entry, title, bundle, site), null, 2)}\n`;
}
