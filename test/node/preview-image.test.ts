// The preview image: real PNGs, decoded again by resvg (an SVG <image> of the PNG), read pixel by pixel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Resvg } from '@resvg/resvg-js';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH, previewImage, type PreviewText } from '../../src/output/site/preview-image.js';

const therapy: PreviewText = {
  kind: 'Therapy',
  title: 'CAR T-cell therapy',
  lines: ['Your own immune cells are changed in a lab so they can find and attack leukemia cells.', 'It is used when leukemia came back.'],
  publisher: 'Leukemia Patient Information Service',
  reviewed: 'Reviewed 3 March 2025',
  lang: 'en',
};

const PAGE = [0xf7, 0xf9, 0xfc];
const ACCENT = [0x1f, 0x5f, 0xa8];

interface Decoded {
  width: number;
  height: number;
  pixels: Buffer;
}

/** The PNG decoded by resvg's own PNG reader: an SVG that shows it at its size. */
function decode(png: Uint8Array): Decoded {
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}"><image href="${href}" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}"/></svg>`;
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}

const rgb = (image: Decoded, x: number, y: number) => [...image.pixels.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];

/** Pixels in the rectangle that are not the page colour. */
function ink(image: Decoded, x0: number, y0: number, x1: number, y1: number): number {
  const { pixels, width } = image;
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * 4;
      if (Math.abs(pixels[i]! - PAGE[0]!) > 8 || Math.abs(pixels[i + 1]! - PAGE[1]!) > 8 || Math.abs(pixels[i + 2]! - PAGE[2]!) > 8) count++;
    }
  }
  return count;
}

/** The therapy's image, made once for the tests that only read it. */
let therapyImage: Promise<Uint8Array> | undefined;
const therapyPng = () => (therapyImage ??= previewImage(therapy));

test('a PNG of 1200×630: signature and IHDR', async () => {
  const png = await therapyPng();
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  assert.equal(Buffer.from(png.subarray(12, 16)).toString('latin1'), 'IHDR');
  assert.equal(view.getUint32(16), 1200);
  assert.equal(view.getUint32(20), 630);
});

test('it decodes: light page, accent bar at the start, dark text in the content box', async () => {
  const image = decode(await therapyPng());
  assert.equal(image.width, 1200);
  assert.equal(image.height, 630);
  assert.deepEqual(rgb(image, 600, 620), PAGE);
  assert.deepEqual(rgb(image, 8, 300), ACCENT);
  assert.ok(ink(image, 88, 100, 1132, 250) > 5000, 'the title is drawn');
});

test('different text gives different bytes; the same text the same bytes', async () => {
  const a = await therapyPng();
  const b = await previewImage({ ...therapy, title: 'Blinatumomab' });
  const again = await previewImage(therapy);
  assert.notDeepEqual(Buffer.from(a), Buffer.from(b));
  assert.deepEqual(Buffer.from(a), Buffer.from(again));
});

test('a very long title, text, kind and publisher stay inside the padding (wrapped, cut with an ellipsis); a malformed lang is no error', async () => {
  const image = decode(
    await previewImage({
      kind: 'A kind label far too long for the header line of the image, really',
      title: `${'A very long title about immune therapies '.repeat(8)}${'Unbreakable'.repeat(20)}`,
      lines: ['word '.repeat(300), 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(10)],
      publisher: 'An extremely long publisher name '.repeat(6),
      reviewed: 'Reviewed 3 March 2025',
      lang: 'not a tag!',
    }),
  );
  assert.equal(ink(image, 1140, 0, 1200, 630), 0, 'nothing in the right padding');
  assert.equal(ink(image, 20, 600, 1200, 630), 0, 'nothing in the bottom padding');
  assert.ok(ink(image, 88, 100, 1132, 330) > 20000, 'three lines of title');
});

test('markup is drawn as its characters; controls and bidi overrides do not act', async () => {
  const tagged = decode(await previewImage({ ...therapy, title: '<b>Dose</b><script>alert(1)</script>' }));
  const plain = decode(await previewImage({ ...therapy, title: 'Dose' }));
  assert.ok(ink(tagged, 88, 110, 1132, 180) > ink(plain, 88, 110, 1132, 180) * 3, 'the tags are drawn on the first line of the title');
  assert.deepEqual(
    Buffer.from(await previewImage({ ...therapy, title: 'CAR\u0000 T-cell\u202e\n\ttherapy\u2066' })),
    Buffer.from(await therapyPng()),
  );
});

test('right to left: the image is mirrored; letters no font has are reported, drawn as boxes, never fetched', async () => {
  const fetchBefore = globalThis.fetch;
  let fetched = 0;
  globalThis.fetch = async () => {
    fetched++;
    throw new Error('no network');
  };
  try {
    const missing: string[] = [];
    const png = await previewImage(
      { kind: 'טיפול', title: 'טיפול בתאי CAR T 😀', lines: ['مرحبا بالعالم'], publisher: 'שירות מידע', lang: 'he', dir: 'rtl' },
      { onMissingGlyphs: (text) => missing.push(text) },
    );
    const image = decode(png);
    assert.deepEqual(rgb(image, 1191, 300), ACCENT);
    assert.deepEqual(rgb(image, 8, 300), PAGE);
    assert.ok(ink(image, 68, 100, 1112, 250) > 1000, 'the title is drawn');
    assert.match(missing.join(''), /ט/);
    assert.match(missing.join(''), /م/);
    assert.doesNotMatch(missing.join(''), /[A-Z]/);
    assert.equal(fetched, 0);
  } finally {
    globalThis.fetch = fetchBefore;
  }
});
