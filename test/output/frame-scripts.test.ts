// The site's frame scripts in a real browser: this test page is the host
// (frame-resize.js loaded by a real <script src>), the frames are item views
// served by the test server (test/server/frame-pages.js) loading frame-view.js.
import { expect, waitUntil } from '@open-wc/testing';
import { HEIGHT_MESSAGE, LINK_MESSAGE, MAX_FRAME_HEIGHT, MEASURE_MESSAGE, MIN_FRAME_HEIGHT } from '../../src/output/site/frame-protocol.js';

const FRAMES = '/__test__/frames/';
const SITE = location.origin;
/** The same server under another name: another origin. */
const OTHER = SITE.replace('127.0.0.1', 'localhost');
const INITIAL = '77';

interface Received {
  source: MessageEventSource | null;
  origin: string;
  data: Record<string, unknown>;
}

const received: Received[] = [];
const record = (event: MessageEvent) => received.push({ source: event.source, origin: event.origin, data: event.data });

function from(frame: HTMLIFrameElement, match: (data: Record<string, unknown>) => boolean): Received[] {
  return received.filter((m) => m.source === frame.contentWindow && m.data && typeof m.data === 'object' && match(m.data));
}

const ours = (frame: HTMLIFrameElement) => from(frame, (d) => d.type === HEIGHT_MESSAGE);
const wordpress = (frame: HTMLIFrameElement, message: string) => from(frame, (d) => d.message === message);
const last = <T>(list: T[]): T => list[list.length - 1]!;

async function addFrame(src: string, attributes: Record<string, string> = {}): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.setAttribute('height', INITIAL);
  frame.setAttribute('width', '480');
  frame.title = 'A card';
  for (const [name, value] of Object.entries(attributes)) frame.setAttribute(name, value);
  if (src) frame.src = src;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

const contentHeight = (frame: HTMLIFrameElement) => Math.ceil(frame.contentDocument!.documentElement.getBoundingClientRect().height);
const cardIn = (frame: HTMLIFrameElement) => frame.contentDocument!.querySelector('therapy-card')!;
const inCard = <E extends Element>(frame: HTMLIFrameElement, selector: string) => cardIn(frame).shadowRoot!.querySelector<E>(selector)!;

/** Waits until the host page has seen `count` messages from `frame` (so the resize script has too: it listens first). */
async function seen(frame: HTMLIFrameElement, count: number): Promise<void> {
  await waitUntil(() => received.filter((m) => m.source === frame.contentWindow).length >= count, `${count} messages from ${frame.src}`);
}

before(async () => {
  // A page whose markup names itself after what the script reads: it must still find its own src and the frames.
  const clobber = document.createElement('div');
  clobber.innerHTML = '<img name="currentScript" src="data:,"><form name="getElementsByTagName"></form>';
  document.body.append(clobber);
  const script = document.createElement('script');
  script.src = `${FRAMES}frame-resize.js`;
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
  });
  document.head.append(script);
  await loaded;
  clobber.remove();
  window.addEventListener('message', record);
});

afterEach(() => {
  document.querySelectorAll('iframe').forEach((frame) => frame.remove());
  received.length = 0;
});

describe('frame-view.js and frame-resize.js', () => {
  it('sizes a WordPress-style sandboxed frame (opaque origin) from its messages, both protocols, with the secret', async () => {
    const frame = await addFrame(`${SITE}${FRAMES}frame/a.html#?secret=abc`, { sandbox: 'allow-scripts' });
    await waitUntil(() => wordpress(frame, 'height').length > 0 && ours(frame).length > 0, 'height messages');
    const wp = last(wordpress(frame, 'height'));
    const own = last(ours(frame));
    expect(wp.origin).to.equal('null');
    expect(wp.data).to.deep.equal({ message: 'height', value: own.data.height, secret: 'abc' });
    expect(own.data).to.include({ type: HEIGHT_MESSAGE, id: 'a' });
    expect(own.data.height).to.be.greaterThan(150);
    await waitUntil(() => frame.getAttribute('height') === String(own.data.height), `height ${frame.getAttribute('height')}`);
    expect(frame.style.height).to.equal(`${own.data.height}px`);
  });

  it('sizes a frame of its own site to the height of its document; frames come after the script', async () => {
    const frame = await addFrame(`${FRAMES}frame/d.html`);
    await waitUntil(() => frame.getAttribute('height') === String(contentHeight(frame)), `height ${frame.getAttribute('height')} for ${contentHeight(frame)}`);
    expect(wordpress(frame, 'height')).to.have.length(0, 'no secret, no WordPress message');
  });

  it('opening a fold and narrowing the frame post new heights, and the frame follows', async () => {
    const frame = await addFrame(`${FRAMES}frame/d.html#?secret=def`);
    await waitUntil(() => ours(frame).length > 0);
    const closed = last(ours(frame)).data.height as number;
    inCard<HTMLDetailsElement>(frame, 'details').open = true;
    await waitUntil(() => (last(ours(frame)).data.height as number) > closed + 100, 'a taller height after opening the fold');
    const open = last(ours(frame)).data.height as number;
    expect(last(wordpress(frame, 'height')).data).to.deep.equal({ message: 'height', value: open, secret: 'def' });
    await waitUntil(() => frame.getAttribute('height') === String(open));
    frame.setAttribute('width', '200');
    await waitUntil(() => (last(ours(frame)).data.height as number) > open, 'taller again when narrower');
    await waitUntil(() => frame.getAttribute('height') === String(contentHeight(frame)));
  });

  it('reports its height again when its parent asks: WordPress’s ready message with its secret, or ours', async () => {
    const frame = await addFrame(`${FRAMES}frame/d.html#?secret=def`, { sandbox: 'allow-scripts' });
    await waitUntil(() => wordpress(frame, 'height').length > 0);
    const ask = async (data: object, answered: boolean) => {
      received.length = 0;
      frame.contentWindow!.postMessage(data, '*');
      const count = () => ({ wordpress: wordpress(frame, 'height').length, ours: ours(frame).length });
      if (answered) await waitUntil(() => count().wordpress === 1 && count().ours === 1, `answer to ${JSON.stringify(data)}`);
      else await new Promise((resolve) => setTimeout(resolve, 150));
      expect(count(), JSON.stringify(data)).to.deep.equal(answered ? { wordpress: 1, ours: 1 } : { wordpress: 0, ours: 0 });
    };
    await ask({ message: 'ready', secret: 'def' }, true);
    await ask({ message: 'ready', secret: 'other' }, false);
    await ask({ message: 'ready' }, false);
    await ask({ type: MEASURE_MESSAGE }, true);
  });

  it('ignores the same message from a frame of another origin, a srcdoc frame and the page itself', async () => {
    const own = await addFrame(`${FRAMES}frame/a.html`);
    await waitUntil(() => own.getAttribute('height') !== INITIAL);
    const sized = own.getAttribute('height');
    const other = await addFrame(`${OTHER}${FRAMES}frame/b.html`);
    await waitUntil(() => ours(other).length > 0, 'the other origin posted its height');
    const fake = { type: HEIGHT_MESSAGE, id: 'a', height: 600 };
    // srcdoc wins over src: the page's own markup runs in a frame that names our site.
    const srcdoc = await addFrame('', { src: `${FRAMES}frame/c.html`, srcdoc: `<script>parent.postMessage(${JSON.stringify(fake)}, '*')</script>` });
    await seen(srcdoc, 1);
    window.postMessage(fake, '*');
    await waitUntil(() => received.some((m) => m.source === window));
    expect(other.getAttribute('height')).to.equal(INITIAL);
    expect(srcdoc.getAttribute('height')).to.equal(INITIAL);
    expect(own.getAttribute('height')).to.equal(sized);
  });

  it('from its own frames, ignores heights that are not finite numbers and clamps the rest', async () => {
    const echo = await addFrame(`${FRAMES}echo.html`);
    const send = async (height: unknown, expected: string) => {
      const count = received.filter((m) => m.source === echo.contentWindow).length;
      echo.contentWindow!.postMessage({ type: HEIGHT_MESSAGE, id: 'e', height }, '*');
      await seen(echo, count + 1);
      expect(echo.getAttribute('height'), `after ${String(height)}`).to.equal(expected);
    };
    await send('500', INITIAL);
    await send(Number.NaN, INITIAL);
    await send(Number.POSITIVE_INFINITY, INITIAL);
    await send(null, INITIAL);
    await send(123.6, '124');
    await send(-5, String(MIN_FRAME_HEIGHT));
    await send(1e9, String(MAX_FRAME_HEIGHT));
    echo.contentWindow!.postMessage({ type: 'other', height: 300 }, '*');
    await send(Number.NaN, String(MAX_FRAME_HEIGHT));
  });

  it('in WordPress, a link to the site posts the link message with the secret instead of navigating; an outside link leads to the item page', async () => {
    const frame = await addFrame(`${FRAMES}frame/d.html#?secret=def`);
    const address = frame.contentWindow!.location.href;
    inCard<HTMLAnchorElement>(frame, '#own').click();
    const target = `${SITE}${FRAMES}page/other.html`;
    await waitUntil(() => wordpress(frame, 'link').length === 1);
    expect(wordpress(frame, 'link')[0]!.data).to.deep.equal({ message: 'link', value: target, secret: 'def' });
    expect(from(frame, (d) => d.type === LINK_MESSAGE)[0]!.data).to.deep.equal({ type: LINK_MESSAGE, id: 'd', url: target });
    inCard<HTMLAnchorElement>(frame, '#outside').click();
    await waitUntil(() => wordpress(frame, 'link').length === 2);
    expect(wordpress(frame, 'link')[1]!.data).to.deep.equal({ message: 'link', value: `${SITE}${FRAMES}page/d.html`, secret: 'def' });
    inCard<HTMLAnchorElement>(frame, '#jump').click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(wordpress(frame, 'link')).to.have.length(2, 'a jump inside the frame is no link message');
    expect(frame.contentWindow!.location.href.split('#')[0]).to.equal(address.split('#')[0]);
  });

  it('in its own unsandboxed frame, links navigate: this site in the top page, outside in a new tab', async () => {
    const frame = await addFrame(`${FRAMES}frame/f.html`);
    // Stop the navigation itself after the script has seen the click.
    frame.contentWindow!.addEventListener('click', (event) => event.preventDefault());
    const own = inCard<HTMLAnchorElement>(frame, '#own');
    const outside = inCard<HTMLAnchorElement>(frame, '#outside');
    own.click();
    outside.click();
    expect(own.target).to.equal('_top');
    expect(outside.target).to.equal('_blank');
    expect([...outside.relList]).to.include.members(['noopener', 'noreferrer']);
    expect(from(frame, (d) => d.type === LINK_MESSAGE || d.message === 'link')).to.have.length(0);
  });

  it('on a plain host page under a strict CSP, sizes both of its frames (sandboxed or not), though they loaded and posted before the script ran', async () => {
    const host = await addFrame(`${FRAMES}host.html`, { width: '800', height: '600' });
    const doc = host.contentDocument!;
    const first = doc.querySelector<HTMLIFrameElement>('#first')!;
    const second = doc.querySelector<HTMLIFrameElement>('#second')!;
    // The frames have loaded (the host's load waits for them) and posted their heights to nobody.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(first.getAttribute('height')).to.equal(INITIAL);
    const script = doc.createElement('script');
    script.src = `${FRAMES}frame-resize.js`;
    doc.body.append(script);
    await waitUntil(() => first.getAttribute('height') === String(contentHeight(first)), `first: ${first.getAttribute('height')}`);
    // The sandboxed frame's document is out of reach; it holds the same card as the first.
    await waitUntil(() => second.getAttribute('height') === String(contentHeight(first)), `second: ${second.getAttribute('height')}`);
    expect(getComputedStyle(second).height).to.equal(`${second.getAttribute('height')}px`);
  });

  it('takes the theme from #theme= in its address (before WordPress’s secret too), else sets none', async () => {
    const dark = await addFrame(`${FRAMES}frame/d.html#theme=dark#?secret=def`);
    const plain = await addFrame(`${FRAMES}frame/f.html`);
    await waitUntil(() => cardIn(dark).getAttribute('theme') === 'dark');
    expect(cardIn(plain).hasAttribute('theme')).to.equal(false);
    plain.contentWindow!.location.hash = '#theme=light';
    await waitUntil(() => cardIn(plain).getAttribute('theme') === 'light');
  });
});
