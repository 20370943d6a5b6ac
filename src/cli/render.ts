/**
 * `therapy-widgets render FILE|URL [--item ID ...] [options]`: writes the
 * pre-rendered card of each item (SPEC section 3) to standard output, ready
 * to paste: the script tag once, then per item the element holding its
 * declarative shadow root, its readable fallback and its JSON-LD.
 */
import { readFile } from 'node:fs/promises';
import { messageOf } from '../content/content-error.js';
import { loadBundle, provideBundleBytes, type LoadedBundle } from '../content/load.js';
import type { ItemKind } from '../content/schema.js';
import { scriptTag } from '../output/snippet.js';
import { VERSION } from '../internal/define.js';
import { headingLevelOf } from '../internal/templates.js';
import { stylesheetUrlOf } from '../output/lean-markup.js';
import { prerenderCard } from '../output/prerender.js';

export const RENDER_USAGE = `usage: therapy-widgets render FILE|URL [--item ID ...] [options]

  --item ID             an item to render (therapy, article or quote id); repeat for more; absent: every item
  --variant V           full (default) or compact
  --lang L              language of the labels and dates (BCP 47)
  --theme T             light, dark or auto (default)
  --heading-level N     1-6, the level of each card's main heading (default 3)
  --integrity SRI       pin the bundle: the element shows exactly these bytes (checked now too)
  --bundle-url URL      where pages load the bundle from (the element's src); default: URL given, else the default bundle
  --script URL          URL of therapy-widgets.js; therapy-widgets.css is linked from beside it
                        (default https://unpkg.com/therapy-widgets@${VERSION}/dist/therapy-widgets.js)
  --no-script           cards only, without the script tag: for a second paste into a page that has it`;

/** Options that take a value, and the attribute each becomes. */
const ATTRIBUTE_OPTIONS: Record<string, string> = {
  '--variant': 'variant',
  '--lang': 'lang',
  '--theme': 'theme',
  '--heading-level': 'heading-level',
  '--integrity': 'integrity',
};
const ALLOWED: Record<string, readonly string[]> = { variant: ['full', 'compact'], theme: ['light', 'dark', 'auto'] };
const CARD_KINDS = ['therapies', 'articles', 'quotes'] as const;

interface Parsed {
  target: string;
  items: string[];
  attributes: Record<string, string>;
  scriptUrl: string;
  bundleUrl: string | undefined;
  withScript: boolean;
}

/** Where the cards load the script (and its stylesheet) from when `--script` is not given: a published release on a CDN. */
const CDN_SCRIPT = `https://unpkg.com/therapy-widgets@${VERSION}/dist/therapy-widgets.js`;

/** The command line, or a message saying what is wrong with it. */
function parse(args: readonly string[]): Parsed | string {
  const parsed: Parsed = { target: '', items: [], attributes: {}, scriptUrl: CDN_SCRIPT, bundleUrl: undefined, withScript: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      if (parsed.target) return `one bundle at a time (got ${parsed.target} and ${arg})`;
      parsed.target = arg;
      continue;
    }
    if (arg === '--no-script') {
      parsed.withScript = false;
      continue;
    }
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
    const attribute = ATTRIBUTE_OPTIONS[arg];
    if (arg === '--item') parsed.items.push(value);
    else if (arg === '--script') parsed.scriptUrl = value;
    else if (arg === '--bundle-url') parsed.bundleUrl = value;
    else if (attribute) {
      if (ALLOWED[attribute] && !ALLOWED[attribute].includes(value)) return `${arg} takes ${ALLOWED[attribute].join(', ')}`;
      if (attribute === 'heading-level' && String(headingLevelOf(Number(value))) !== value) return `${arg} takes 1-6`;
      parsed.attributes[attribute] = value;
    } else return `unknown option ${arg}`;
  }
  return parsed.target ? parsed : 'no bundle given';
}

/** The script's Subresource Integrity from the build's integrity.json, when this package has one. */
async function scriptIntegrity(): Promise<string | undefined> {
  // dist/npm/cli/ in the package, src/cli/ in a clone: integrity.json sits in dist/.
  for (const path of ['../../integrity.json', '../../dist/integrity.json']) {
    try {
      return (JSON.parse(await readFile(new URL(path, import.meta.url), 'utf8')) as Record<string, string>)['therapy-widgets.js'];
    } catch {
      // not in this layout
    }
  }
  return undefined;
}

/** Each item asked for, by its list; an unknown id is an error naming it. */
function itemsOf(loaded: LoadedBundle, ids: readonly string[]): { kind: (typeof CARD_KINDS)[number]; item: { id: string } }[] | string {
  const all = CARD_KINDS.flatMap((kind) => (loaded.bundle[kind] as { id: string }[]).map((item) => ({ kind, item })));
  if (!ids.length) return all;
  const missing = ids.filter((id) => !all.some(({ item }) => item.id === id));
  if (missing.length) return `no therapy, article or quote with id ${missing.map((id) => `'${id}'`).join(', ')} (hidden items are not rendered)`;
  return ids.map((id) => all.find(({ item }) => item.id === id)!);
}

/** Runs `render`; returns the exit code (0 written, 1 a problem with the bundle or an item, 2 bad usage or unreadable input). */
export async function renderCommand(
  args: readonly string[],
  read: (target: string) => Promise<Uint8Array<ArrayBuffer>>,
  write: (html: string) => void,
  err: (line: string) => void,
): Promise<number> {
  if (args.includes('--help')) {
    write(`${RENDER_USAGE}\n`);
    return 0;
  }
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    err(parsed);
    for (const line of RENDER_USAGE.split('\n')) err(line);
    return 2;
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await read(parsed.target);
  } catch (error) {
    err(`${parsed.target}: cannot read: ${messageOf(error)}`);
    return 2;
  }
  const src = parsed.bundleUrl ?? (/^https?:\/\//i.test(parsed.target) ? parsed.target : undefined);
  let loaded: LoadedBundle;
  try {
    provideBundleBytes(src, bytes);
    loaded = await loadBundle(src, { integrity: parsed.attributes.integrity });
  } catch (error) {
    err(`${parsed.target}: ${messageOf(error)}`);
    return 1;
  }
  const items = itemsOf(loaded, parsed.items);
  if (typeof items === 'string') {
    err(`${parsed.target}: ${items}`);
    return 1;
  }
  const attributes = { ...parsed.attributes, ...(src === undefined ? {} : { src }) };
  const stylesheetUrl = stylesheetUrlOf(parsed.scriptUrl);
  const cards = [];
  for (const { kind, item } of items) cards.push(await prerenderCard(kind as Exclude<ItemKind, 'experts'>, item, loaded, { attributes, stylesheetUrl }));
  const script = parsed.withScript ? [scriptTag({ scriptUrl: parsed.scriptUrl, scriptIntegrity: await scriptIntegrity() })] : [];
  write([...script, ...cards].join('\n') + '\n');
  if (parsed.scriptUrl === CDN_SCRIPT) err(`note: the cards load the script and its stylesheet from ${stylesheetUrl.replace(/[^/]*$/, '')} (a published release only); give --script for where you serve dist/therapy-widgets.js, with therapy-widgets.css beside it.`);
  if (src === undefined) err(`note: the cards refresh from the default bundle beside the script; give --bundle-url for where ${parsed.target} is published.`);
  return 0;
}
