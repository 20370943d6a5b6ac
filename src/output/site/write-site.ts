/**
 * `publish` as a function: the whole content site of one bundle (SPEC
 * section 9), written into a folder any static host serves as it is. Writing
 * again rewrites the folder: files of the previous publish that this one does
 * not write go (an item that left the bundle leaves the site), except the
 * hash-named bundles and each release's widget scripts, which pinned embed
 * code keeps loading.
 */
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { integrityOf } from '../../content/integrity.js';
import { cardItems, itemDescription, itemTitle, type CardItem } from '../../content/item-text.js';
import { directionOf } from '../../content/language.js';
import { loadBundle, provideBundleBytes, type LoadedBundle } from '../../content/load.js';
import type { HiddenItem } from '../../content/salvage.js';
import { STYLESHEET_FILE } from '../stylesheet.js';
import { itemPath, SiteAddresses, SITE_FILES, WIDGETS_DIR } from './addresses.js';
import { readBuilt } from './built-files.js';
import { cataloguePage, type CatalogueEntry } from './catalogue.js';
import { embedWays } from './embed-code.js';
import { framePage } from './frame-page.js';
import { itemPage } from './item-page.js';
import { oembedJson } from './oembed.js';
import { previewImage } from './preview-image.js';
import { reviewStatus } from './site-card.js';
import { siteScriptFiles } from './site-scripts.js';
import { SITE_CSS } from './site.styles.js';
import { bundleVersion, isKeptAcrossPublishes } from './versions.js';

export interface PublishOptions {
  /** The bundle's bytes, published byte for byte. */
  bytes: Uint8Array<ArrayBuffer>;
  /** Where the site will be served from (absolute http(s) URL). */
  baseUrl: string;
  /** The folder to write. */
  outDir: string;
}

export interface PublishResult {
  /** Every file written, relative to the folder. */
  written: string[];
  /** Files of the previous publish that this one removed. */
  removed: string[];
  /** Items left out of the site because of problems in the bundle. */
  hidden: readonly HiddenItem[];
  /** The base URL as published (with its trailing slash). */
  base: string;
}

/** What a publish records about itself, so the next one knows which files are its own. */
interface Manifest {
  generator: 'therapy-widgets';
  base: string;
  bundle: { id: string; latest: string; pinned: string; integrity: string };
  files: string[];
}

/** The widget files each site carries (from dist/), under widgets/VERSION/. */
const WIDGET_FILES = ['therapy-widgets.js', 'therapy-widgets.classic.js', STYLESHEET_FILE];

const KIND_LABELS: Record<CardItem['kind'], string> = { therapies: 'Therapy', articles: 'Article', quotes: 'Expert quote' };

/** The preview image of an item: its kind, title, first lines and publisher, and its review date. */
function itemImage(entry: CardItem, words: { title: string; description: string }, loaded: LoadedBundle): Promise<Uint8Array> {
  const lang = loaded.bundle.locale ?? 'en';
  const status = reviewStatus(entry, loaded);
  return previewImage({
    kind: KIND_LABELS[entry.kind],
    title: words.title,
    lines: [words.description],
    publisher: loaded.bundle.publisher.name,
    lang,
    dir: directionOf(lang),
    ...(status ? { reviewed: status.split(';')[0]! } : {}),
  });
}

/** The previous publish's manifest; refuses a folder with other files in it (it would be emptied). */
async function previousManifest(outDir: string): Promise<Manifest | undefined> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!names.length) return undefined;
  try {
    const manifest = JSON.parse(await readFile(join(outDir, SITE_FILES.manifest), 'utf8')) as Manifest;
    if (manifest.generator === 'therapy-widgets' && Array.isArray(manifest.files)) return manifest;
  } catch {
    // no manifest: not a folder this command wrote
  }
  throw new Error(`${outDir} holds files that no earlier publish wrote: choose an empty or new folder`);
}

/** Removes `path` and then each parent folder left empty, up to `root`. */
async function removeFile(root: string, path: string): Promise<void> {
  await rm(join(root, path), { force: true });
  for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) {
    try {
      await rmdir(join(root, dir));
    } catch {
      return;
    }
  }
}

async function loadAt(url: string, bytes: Uint8Array<ArrayBuffer>, integrity?: string): Promise<LoadedBundle> {
  provideBundleBytes(url, bytes);
  return loadBundle(url, integrity ? { integrity } : {});
}

/** Publishes the bundle `options.bytes` as a site in `options.outDir`. */
export async function publishSite(options: PublishOptions): Promise<PublishResult> {
  const site = new SiteAddresses(options.baseUrl);
  const latestUrl = site.url(SITE_FILES.bundle);
  const loaded = await loadAt(latestUrl, options.bytes);
  const version = await bundleVersion(loaded.bundle.id, options.bytes);
  await loadAt(site.url(version.pinnedPath), options.bytes, version.integrity);
  const previous = await previousManifest(options.outDir);

  const files = new Map<string, string | Uint8Array>();
  const widgets = new Map<string, Uint8Array>();
  for (const name of WIDGET_FILES) widgets.set(`${WIDGETS_DIR}${name}`, await readBuilt(name));
  const integrity: Record<string, string> = {};
  for (const [path, bytes] of widgets) integrity[path] = await integrityOf(new Uint8Array(bytes));
  integrity[version.latestPath] = version.integrity;
  integrity[version.pinnedPath] = version.integrity;

  const listed: CatalogueEntry[] = [];
  for (const entry of cardItems(loaded.bundle)) {
    const words = { title: itemTitle(entry, loaded.bundle), description: itemDescription(entry, loaded.bundle) };
    files.set(`${itemPath(entry, 'page')}index.html`, await itemPage(entry, words, loaded, site, latestUrl));
    files.set(itemPath(entry, 'frame'), await framePage(entry, words, loaded, site, latestUrl));
    files.set(itemPath(entry, 'oembed'), oembedJson(entry, words.title, loaded.bundle, site));
    files.set(itemPath(entry, 'image'), await itemImage(entry, words, loaded));
    listed.push({ entry, words, ways: await embedWays(entry, words.title, loaded, site, version, integrity[`${WIDGETS_DIR}therapy-widgets.js`]) });
  }
  files.set(SITE_FILES.catalogue, await cataloguePage(listed, loaded, site, version));
  files.set(SITE_FILES.styles, SITE_CSS);
  files.set(version.latestPath, options.bytes);
  files.set(version.pinnedPath, options.bytes);
  for (const [path, bytes] of widgets) files.set(path, bytes);
  for (const [name, text] of siteScriptFiles()) files.set(name, text);
  files.set('integrity.json', `${JSON.stringify(integrity, null, 2)}\n`);
  const written = [...files.keys(), SITE_FILES.manifest].sort();
  const kept = (previous?.files ?? []).filter((path) => isKeptAcrossPublishes(path) && !files.has(path));
  const manifest: Manifest = {
    generator: 'therapy-widgets',
    base: site.base,
    bundle: { id: loaded.bundle.id, latest: version.latestPath, pinned: version.pinnedPath, integrity: version.integrity },
    files: [...written, ...kept].sort(),
  };
  files.set(SITE_FILES.manifest, `${JSON.stringify(manifest, null, 2)}\n`);

  const removed = (previous?.files ?? []).filter((path) => !files.has(path) && !isKeptAcrossPublishes(path));
  for (const path of removed) await removeFile(options.outDir, path);
  for (const [path, content] of files) {
    await mkdir(dirname(join(options.outDir, path)), { recursive: true });
    await replaceFile(join(options.outDir, path), content);
  }
  return { written, removed, hidden: loaded.hidden, base: site.base };
}

/**
 * Writes `target` whole or not at all (a temporary file beside it, then a
 * rename): a server reading the folder while it is republished never sends a
 * half-written page.
 */
async function replaceFile(target: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, target);
}
