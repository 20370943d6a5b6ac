/**
 * Where each file of a published site lives: one folder per item
 * (`therapies/car-t/`) holding its page, its iframe view, its oEmbed file
 * and its preview image; the shared files at the top. Paths are relative to
 * the site's base URL; `SiteAddresses` makes them absolute.
 */
import type { CardItem } from '../../content/item-text.js';
import { VERSION } from '../../internal/define.js';

/** The files in every item's folder besides its page (`index.html`), by job. */
const ITEM_FILES = { oembed: 'oembed.json', image: 'preview.png' } as const;
/** An item's files: its page, its iframe view, its oEmbed file, its preview image. */
export type ItemFile = 'page' | 'frame' | keyof typeof ITEM_FILES;

/** The shared files of a site. */
export const SITE_FILES = {
  catalogue: 'index.html',
  bundle: 'bundle.json',
  styles: 'site.css',
  manifest: 'site.json',
} as const;

/** Folder of the hash-named bundles, kept across publishes. */
export const BUNDLES_DIR = 'bundles/';

/** Folder of the widget scripts of one release, kept across publishes (a pinned script tag keeps working). */
export const WIDGETS_DIR = `widgets/${VERSION}/`;

/** The folder of an item, relative to the base: `therapies/car-t/` (ids are path-safe: letters, digits, `._-`). */
export function itemDir(entry: Pick<CardItem, 'kind'> & { item: { id: string } }): string {
  return `${entry.kind}/${entry.item.id}/`;
}

/**
 * The path of one of an item's files, relative to the base; the page is its
 * folder. The iframe view is `embed/therapies/car-t.html`: its file name is
 * the item's id, which frame-view.js sends in its messages.
 */
export function itemPath(entry: Pick<CardItem, 'kind'> & { item: { id: string } }, file: ItemFile): string {
  if (file === 'frame') return `embed/${entry.kind}/${entry.item.id}.html`;
  return file === 'page' ? itemDir(entry) : `${itemDir(entry)}${ITEM_FILES[file]}`;
}

/** Absolute URLs of a site published at `baseUrl`. */
export class SiteAddresses {
  readonly base: string;

  constructor(baseUrl: string) {
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`--base-url must be an http(s) URL (got ${baseUrl})`);
    url.search = '';
    url.hash = '';
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    this.base = url.href;
  }

  /** `path` (relative to the base) as an absolute URL. */
  url(path: string): string {
    return new URL(path, this.base).href;
  }

  /** The absolute URL of one of an item's files. */
  item(entry: Pick<CardItem, 'kind'> & { item: { id: string } }, file: ItemFile): string {
    return this.url(itemPath(entry, file));
  }
}

/** From a page at `fromPath` to `toPath` (both relative to the base): the relative URL a page links with. */
export function relativePath(fromPath: string, toPath: string): string {
  const depth = fromPath.split('/').length - 1;
  return `${'../'.repeat(depth)}${toPath}` || './';
}
