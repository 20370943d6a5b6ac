/**
 * WCAG contrast of what a reader sees: every text of a card's shadow root
 * against the colours really behind it (translucent tints composited over
 * the page), its links, its risk callout's edge and its focus ring colour.
 */

type Rgba = [number, number, number, number];

/** A computed colour (`rgb()`, `rgba()`, `color(srgb …)`) as 0-255 channels and alpha. */
function parse(color: string): Rgba {
  const rgb = /rgba?\(([^)]+)\)/.exec(color);
  if (rgb) {
    const [r, g, b, a] = rgb[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    return [r!, g!, b!, a ?? 1];
  }
  const srgb = /color\(srgb ([^)]+)\)/.exec(color);
  if (srgb) {
    const [r, g, b, a] = srgb[1]!.split(/[\s/]+/).filter(Boolean).map(Number);
    return [r! * 255, g! * 255, b! * 255, a ?? 1];
  }
  throw new Error(`unexpected colour syntax: ${color}`);
}

function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const f = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

function ratio(a: Rgba, b: Rgba): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

function parentOf(element: Element): Element | null {
  return element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);
}

/** The opaque colour behind `element`: its own and its ancestors' backgrounds (across shadow roots) over the white canvas. */
export function backdrop(element: Element | null): Rgba {
  const layers: Rgba[] = [];
  for (let current = element; current; current = parentOf(current)) {
    const color = parse(getComputedStyle(current).backgroundColor);
    if (color[3] === 0) continue;
    layers.push(color);
    if (color[3] === 1) break;
  }
  return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1] as Rgba);
}

/** Contrast of a colour drawn on `element`'s backdrop. */
function contrastOn(color: string, element: Element | null): number {
  const behind = backdrop(element);
  return ratio(over(parse(color), behind), behind);
}

export interface CardContrast {
  /** Lowest contrast of any visible text, and which text it is. */
  text: number;
  worst: string;
  links: number;
  callout: number | undefined;
  /** Of the focus ring round a link, when the card has one. */
  focus: number | undefined;
}

/** The contrasts of one element's shadow root as drawn now (text in closed folds is not drawn, so not counted). */
export function cardContrast(host: Element): CardContrast {
  const root = host.shadowRoot!;
  let text = Infinity;
  let links = Infinity;
  let worst = '';
  for (const element of root.querySelectorAll('*')) {
    const own = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
    const box = element.getBoundingClientRect();
    if (!own || box.width < 2 || box.height < 2 || element.closest('.visually-hidden')) continue;
    const contrast = contrastOn(getComputedStyle(element).color, element);
    if (contrast < text) [text, worst] = [contrast, `${element.localName}: ${element.textContent!.trim().slice(0, 40)}`];
    if (element.localName === 'a') links = Math.min(links, contrast);
  }
  const callout = root.querySelector('.callout');
  const link = root.querySelector('a[href]');
  let focus: number | undefined;
  if (link) {
    // The ring's colour, read from the token the ring is drawn with.
    const probe = document.createElement('i');
    probe.className = 'visually-hidden';
    link.after(probe);
    probe.style.color = 'var(--_focus)';
    focus = contrastOn(getComputedStyle(probe).color, link.parentElement);
    probe.remove();
  }
  return {
    text,
    worst,
    links,
    callout: callout ? contrastOn(getComputedStyle(callout).borderInlineStartColor, parentOf(callout)) : undefined,
    focus,
  };
}

/** Contrast between the card's frame and the page right behind the card: 1 when the card is drawn in the page's own colours. */
export function surfaceContrast(host: Element): number {
  return ratio(backdrop(host.shadowRoot!.querySelector('.frame')), backdrop(host.parentElement));
}
