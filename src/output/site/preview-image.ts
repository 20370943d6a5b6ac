/**
 * The preview image of one item (`og:image`, the oEmbed thumbnail): plain
 * text in, the bytes of a 1200×630 PNG out. No browser, no network: satori
 * lays the text out and turns every glyph into a path, resvg paints the SVG.
 *
 * API
 * - `previewImage(text: PreviewText, options?: PreviewOptions): Promise<Uint8Array>`
 *   the PNG bytes. `text` is plain data, not a bundle item:
 *   `{ kind, title, lines, publisher, lang?, dir?, reviewed? }` (see
 *   `PreviewText`); every string is drawn as it is (markup shows as its
 *   characters), whitespace and line breaks collapse to one space, control
 *   and bidi-override characters are dropped.
 * - `options.fonts`: more fonts, tried after Atkinson Hyperlegible for the
 *   characters it lacks (it covers Latin and Latin Extended only).
 * - `options.onMissingGlyphs(text)`: called with the characters no font has,
 *   grouped by script. They are drawn as an empty box (the font's .notdef);
 *   nothing is ever fetched to fill them in.
 * - `PREVIEW_WIDTH`, `PREVIEW_HEIGHT`: 1200 and 630.
 *
 * Right to left (`dir: 'rtl'`): the layout is mirrored (accent bar and text
 * start on the right) and satori orders words with its simplified Unicode
 * bidi algorithm and shapes Arabic with HarfBuzz, so Hebrew and Arabic read
 * correctly when a font with those letters is given in `options.fonts`;
 * without one the image is still made, with boxes for the letters.
 *
 * Fits without clipping: the title wraps onto at most three lines, the text
 * onto at most three, kind, date and publisher onto one; anything longer
 * ends with an ellipsis.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font, type FontWeight } from 'satori';

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** What the image shows; every field is plain text. */
export interface PreviewText {
  /** The kind of item, as the reader's language says it: "Therapy", "Article", "Expert quote". */
  kind: string;
  title: string;
  /** The first lines of the item's text (summary, first points), drawn as one paragraph. */
  lines: readonly string[];
  publisher: string;
  /** BCP 47 tag of the text; picks locale-specific glyphs. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** The review line, already worded and formatted: "Reviewed 3 March 2025". */
  reviewed?: string;
}

export interface PreviewFont {
  name: string;
  data: Uint8Array;
  weight?: 400 | 700;
}

export interface PreviewOptions {
  /** Fonts for characters Atkinson Hyperlegible lacks (TTF, OTF or WOFF). */
  fonts?: readonly PreviewFont[];
  /** Told the characters that no font could draw. */
  onMissingGlyphs?: (text: string) => void;
}

const COLORS = {
  page: '#f7f9fc',
  accent: '#1f5fa8',
  text: '#1b1f24',
  muted: '#4f5965',
  rule: '#c9d1d9',
};

const FAMILY = 'Atkinson Hyperlegible';

const FONT_FILES: readonly [string, FontWeight][] = [
  ['latin-400-normal', 400],
  ['latin-700-normal', 700],
  ['latin-ext-400-normal', 400],
  ['latin-ext-700-normal', 700],
];

let baseFonts: Promise<Font[]> | undefined;

/** The Atkinson Hyperlegible WOFF files (satori reads WOFF, not WOFF2), read once. */
function atkinson(): Promise<Font[]> {
  baseFonts ??= (async () => {
    const require = createRequire(import.meta.url);
    return Promise.all(
      FONT_FILES.map(async ([file, weight]) => ({
        name: FAMILY,
        weight,
        style: 'normal' as const,
        data: await readFile(require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-${file}.woff`)),
      })),
    );
  })();
  return baseFonts;
}

/**
 * C0 and C1 controls, bidi embeddings, overrides and isolates, and the
 * zero-width no-break space: none is text, and satori would draw a box.
 */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One line of text as it is drawn: controls gone, runs of whitespace one space. */
function drawnText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

interface Box {
  type: string;
  props: { style: Record<string, string | number>; children?: string | Box[]; lang?: string };
}

const box = (style: Box['props']['style'], children?: Box['props']['children']): Box => ({ type: 'div', props: { style, children } });

/** Text that wraps onto at most `lines` lines and ends with an ellipsis after them. */
const clamped = (text: string, lines: number, style: Box['props']['style']): Box =>
  box({ display: 'block', lineClamp: lines, overflow: 'hidden', textOverflow: 'ellipsis', overflowWrap: 'break-word', ...style }, text);

/** Text on one line, cut with an ellipsis. */
const oneLine = (text: string, style: Box['props']['style']): Box =>
  box({ display: 'block', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', ...style }, text);

function layout(text: PreviewText): Box {
  const body = drawnText(text.lines.join(' '));
  const reviewed = drawnText(text.reviewed ?? '');
  const header = box({ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 32 }, [
    oneLine(drawnText(text.kind).toUpperCase(), { color: COLORS.accent, fontSize: 28, fontWeight: 700, letterSpacing: 2, flexShrink: 1 }),
    ...(reviewed ? [oneLine(reviewed, { color: COLORS.muted, fontSize: 26, flexShrink: 0, maxWidth: 520 })] : []),
  ]);
  const main = box({ display: 'flex', flexDirection: 'column', gap: 20, flexGrow: 1, marginTop: 24 }, [
    clamped(drawnText(text.title), 3, { color: COLORS.text, fontSize: 64, fontWeight: 700, lineHeight: 1.15 }),
    ...(body ? [clamped(body, 3, { color: COLORS.muted, fontSize: 34, lineHeight: 1.4 })] : []),
  ]);
  const footer = box({ display: 'flex', borderTop: `2px solid ${COLORS.rule}`, paddingTop: 18 }, [
    oneLine(drawnText(text.publisher), { color: COLORS.text, fontSize: 30, fontWeight: 700, maxWidth: '100%' }),
  ]);
  const root = box(
    {
      display: 'flex',
      width: PREVIEW_WIDTH,
      height: PREVIEW_HEIGHT,
      backgroundColor: COLORS.page,
      fontFamily: FAMILY,
      direction: text.dir === 'rtl' ? 'rtl' : 'ltr',
    },
    [
      box({ width: 20, height: PREVIEW_HEIGHT, backgroundColor: COLORS.accent, flexShrink: 0 }),
      box({ display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, padding: '52px 68px 48px' }, [header, main, footer]),
    ],
  );
  if (text.lang) root.props.lang = text.lang;
  return root;
}

export async function previewImage(text: PreviewText, options: PreviewOptions = {}): Promise<Uint8Array> {
  const fonts = [
    ...(await atkinson()),
    ...(options.fonts ?? []).map((font) => ({ name: font.name, weight: font.weight ?? 400, style: 'normal' as const, data: Buffer.from(font.data) })),
  ];
  const missing: string[] = [];
  const svg = await satori(layout(text) as unknown as Parameters<typeof satori>[0], {
    width: PREVIEW_WIDTH,
    height: PREVIEW_HEIGHT,
    fonts,
    // Called only for characters no font has: noted, and nothing is loaded.
    loadAdditionalAsset: async (_script: string, segment: string) => {
      missing.push(segment);
      return [];
    },
  });
  if (missing.length) options.onMissingGlyphs?.(missing.join(''));
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}
