/**
 * The ways to embed one item of a published site, each as the code an editor
 * copies: the page's link (for platforms that take only a link and find the
 * card through oEmbed or Open Graph), the iframe code with the site's resize
 * script, and the script-tag snippet (the pre-rendered card of `render`),
 * pinned to this version or following the latest.
 */
import type { CardItem } from '../../content/item-text.js';
import type { LoadedBundle } from '../../content/load.js';
import { STYLESHEET_FILE } from '../stylesheet.js';
import { prerenderCard } from '../prerender.js';
import { scriptTag } from '../snippet.js';
import { WIDGETS_DIR, type SiteAddresses } from './addresses.js';
import { SITE_SCRIPTS } from './site-scripts.js';
import { tag } from './document.js';
import type { BundleVersion } from './versions.js';

/** The width an iframe is written with (a frame narrower than its column is sized by the resize script). */
export const FRAME_WIDTH = 600;

/** What each way to embed is, in one line. */
export interface EmbedWay {
  id: 'link' | 'iframe' | 'pinned' | 'latest';
  label: string;
  where: string;
  code: string;
}

/**
 * A height to write on the iframe before the frame reports its own: the
 * card's text at about 60 characters a line of 28 px, plus its frame. The
 * frame view corrects it as soon as its script runs.
 */
export function estimatedHeight(entry: CardItem): number {
  const text =
    entry.kind === 'therapies'
      ? [entry.item.name, entry.item.summary, entry.item.whoItIsFor, ...(entry.item.risks ?? [])]
      : entry.kind === 'articles'
        ? [entry.item.kicker, entry.item.headline, entry.item.summary, ...(entry.item.takeaways ?? [])]
        : [entry.item.text];
  const lines = text.reduce((sum, part) => sum + Math.ceil((part?.length ?? 0) / 60), 0);
  const frame = entry.kind === 'therapies' ? 420 : entry.kind === 'articles' ? 200 : 140;
  return Math.min(1000, Math.max(200, frame + lines * 28));
}

/** The `<iframe>` of an item's frame view. */
export function frameTag(entry: CardItem, title: string, site: SiteAddresses): string {
  return `${tag('iframe', {
    src: site.item(entry, 'frame'),
    title,
    width: String(FRAME_WIDTH),
    height: String(estimatedHeight(entry)),
    loading: 'lazy',
    'data-therapy-frame': true,
  })}</iframe>`;
}

export interface ScriptIntegrity {
  script?: string;
}

/** Every way to embed `entry`, in the order the catalogue offers them. */
export async function embedWays(
  entry: CardItem,
  title: string,
  loaded: LoadedBundle,
  site: SiteAddresses,
  version: BundleVersion,
  scriptIntegrity: string | undefined,
): Promise<EmbedWay[]> {
  const scriptUrl = site.url(`${WIDGETS_DIR}therapy-widgets.js`);
  const snippet = async (attributes: Record<string, string>) =>
    `${scriptTag({ scriptUrl, ...(scriptIntegrity ? { scriptIntegrity } : {}) })}\n${await prerenderCard(entry.kind, entry.item, loaded, {
      attributes,
      stylesheetUrl: site.url(`${WIDGETS_DIR}${STYLESHEET_FILE}`),
    })}`;
  return [
    {
      id: 'link',
      label: 'Link',
      where: 'WordPress (any role), Ghost, Notion, Substack, Medium, Slack: paste it on a line of its own; the platform shows the card or a preview of it.',
      code: site.item(entry, 'page'),
    },
    {
      id: 'iframe',
      label: 'Iframe code',
      where: 'Squarespace, Wix, Drupal and any page that takes an iframe; the script keeps the frame as tall as the card.',
      code: `${frameTag(entry, title, site)}\n${tag('script', { src: site.url(SITE_SCRIPTS.frameResize), defer: true })}</script>`,
    },
    {
      id: 'pinned',
      label: 'Script-tag snippet, this version (pinned)',
      where: 'Sites that allow scripts (WordPress with unfiltered_html, your own pages): shows exactly this version, even after the site publishes an edit.',
      code: await snippet({ src: site.url(version.pinnedPath), integrity: version.integrity }),
    },
    {
      id: 'latest',
      label: 'Script-tag snippet, always the latest (unpinned)',
      where: 'The same sites: follows every edit the site publishes; not pinned, so it shows whatever the latest bundle says.',
      code: await snippet({ src: site.url(version.latestPath) }),
    },
  ];
}
