// Copying embed code from the preview: what the editor checked is what goes live
// (a publish location pins the editor's exact bytes on the content site), code that
// would show something else is refused with why, and messages that warn stay.
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { SUCCESS_MS } from '../../demo/preview/copy-status.js';
import { DRAFT_KEY } from '../../demo/preview/draft.js';
import { PUBLISH_LOCATION_KEY } from '../../demo/preview/embed-plan.js';
import type { TherapyPreview } from '../../demo/preview/therapy-preview.js';
import { VERSION } from '../../src/internal/define.js';
import { minimalBundle } from '../fixtures.js';
import { parseHtml } from '../output/helpers.js';
import { $, $$, json, openPreview, paste, servedIntegrity, editorText } from './helpers.js';

const SITE = 'https://cards.example.org/therapy/';

/** Collects what is copied. */
function clipboard(): string[] {
  const copied: string[] = [];
  sinon.stub(navigator.clipboard, 'writeText').callsFake(async (text: string) => {
    copied.push(text);
  });
  return copied;
}

/** Edits the built-in bundle the way an editor does: one word of the car-t summary. */
async function editDefault(el: TherapyPreview): Promise<string> {
  const text = editorText(el);
  const summary = /("summary": ")([^"]+)"/.exec(text)!;
  const edited = text.replace(summary[0], `${summary[1]}Edited: ${summary[2]}"`);
  await paste(el, edited);
  return edited;
}

async function setPublishLocation(el: TherapyPreview, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#publish-location');
  input.value = value;
  input.dispatchEvent(new Event('change'));
  await el.ready();
}

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const base64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

describe('copying embed code (embed-plan.ts)', () => {
  beforeEach(() => {
    localStorage.removeItem(DRAFT_KEY);
    localStorage.removeItem(PUBLISH_LOCATION_KEY);
  });
  afterEach(() => {
    sinon.restore();
    localStorage.removeItem(DRAFT_KEY);
    localStorage.removeItem(PUBLISH_LOCATION_KEY);
  });

  it('after editing the built-in bundle with no publish location: copies nothing and says why, and the message stays', async () => {
    const copied = clipboard();
    const el = await openPreview();
    await editDefault(el);
    const clock = sinon.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });
    $<HTMLButtonElement>(el, 'button[data-copy="embed"]').click();
    await waitUntil(() => $(el, '.item__copy-status').textContent!.includes('Nothing copied'));
    const message = $(el, '.item__copy-status').textContent!;
    expect(message).to.contain('would show the built-in bundle instead');
    expect(message).to.contain('publish location');
    expect(copied).to.deep.equal([]);
    // Copy all items: the same refusal.
    $<HTMLButtonElement>(el, 'button[data-copy="all"]').click();
    await waitUntil(() => $(el, '.page-copy-status').textContent!.includes('Nothing copied'));
    expect(copied).to.deep.equal([]);
    // A warning stays past the time a success fades, until dismissed.
    await clock.tickAsync(SUCCESS_MS * 2);
    await el.updateComplete;
    expect($(el, '.item__copy-status').textContent).to.equal(message);
    $<HTMLButtonElement>(el, '.item__bar .copy-status__dismiss').click();
    await el.updateComplete;
    await waitUntil(() => $(el, '.item__copy-status').textContent === '');
    clock.restore();
  });

  it('with a publish location: loads the editor’s exact bytes from the site’s immutable address, pinned, the script and stylesheet from beside it', async () => {
    const copied = clipboard();
    const el = await openPreview();
    // Typed without https:// and without the final slash, as people do.
    await setPublishLocation(el, 'cards.example.org/therapy');
    expect(localStorage.getItem(PUBLISH_LOCATION_KEY)).to.equal(SITE);
    const edited = await editDefault(el);
    expect(editorText(el)).to.equal(edited);
    $$<HTMLButtonElement>(el, 'button[data-copy="embed"]')[0]!.click();
    await waitUntil(() => copied.length === 1, 'nothing copied');

    const bytes = new TextEncoder().encode(editorText(el));
    const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
    const integrity = `sha384-${base64(await crypto.subtle.digest('SHA-384', bytes))}`;
    const dist = (await (await fetch('/dist/integrity.json')).json()) as Record<string, string>;
    const doc = parseHtml(copied[0]!);
    const card = doc.querySelector('therapy-card')!;
    expect(card.getAttribute('src')).to.equal(`${SITE}bundles/all-immune-therapies.${sha256.slice(0, 16)}.json`);
    expect(card.getAttribute('integrity')).to.equal(integrity);
    const script = doc.querySelector('script[type="module"]')!;
    expect(script.getAttribute('src')).to.equal(`${SITE}widgets/${VERSION}/therapy-widgets.js`);
    expect(script.getAttribute('integrity')).to.equal(dist['therapy-widgets.js']);
    expect(script.getAttribute('crossorigin')).to.equal('anonymous');
    const link = copied[0]!.match(/<link rel="stylesheet" href="([^"]+)" integrity="([^"]+)" crossorigin="anonymous">/)!;
    expect(link[1]).to.equal(`${SITE}widgets/${VERSION}/therapy-widgets.css`);
    expect(link[2]).to.equal(dist['therapy-widgets.css']);
    expect(copied[0]).not.to.contain('unpkg');

    // The message says what to upload where, with the command that builds the site, and stays.
    const message = $(el, '.item__copy-status').textContent!;
    expect(message).to.contain('Embed code copied.');
    expect(message).to.contain(`npx therapy-widgets publish all-immune-therapies.json --base-url ${SITE} --out site/`);
    expect(message).to.contain(`Upload the site/ folder to ${SITE}`);
    expect($(el, '.item__bar .copy-status__dismiss')).to.exist;
    // The settings show the addresses the code loads.
    expect($<HTMLInputElement>(el, '#script-url').value).to.equal(`${SITE}widgets/${VERSION}/therapy-widgets.js`);
    expect($<HTMLInputElement>(el, '#bundle-url').value).to.equal(card.getAttribute('src'));

    // All items at once: the same pinned bundle.
    $<HTMLButtonElement>(el, 'button[data-copy="all"]').click();
    await waitUntil(() => copied.length === 2);
    const all = parseHtml(copied[1]!);
    expect(new Set([...all.querySelectorAll('[src$=".json"]')].map((item) => item.getAttribute('integrity')))).to.deep.equal(new Set([integrity]));
  });

  it('the default script URL is the page’s own dist/, pinned; the integrity fills for any same-origin script', async () => {
    const copied = clipboard();
    const el = await openPreview();
    const scriptUrl = $<HTMLInputElement>(el, '#script-url');
    expect(scriptUrl.value).to.equal(`${location.origin}/dist/therapy-widgets.js`);
    const dist = (await (await fetch('/dist/integrity.json')).json()) as Record<string, string>;
    await waitUntil(() => $<HTMLInputElement>(el, '#script-integrity').value === dist['therapy-widgets.js'], 'the dist integrity was not filled in');
    // The unedited built-in bundle needs no publish location: the script brings it.
    $<HTMLButtonElement>(el, 'button[data-copy="embed"]').click();
    await waitUntil(() => copied.length === 1);
    const script = parseHtml(copied[0]!).querySelector('script')!;
    expect(script.getAttribute('src')).to.equal(`${location.origin}/dist/therapy-widgets.js`);
    expect(script.getAttribute('integrity')).to.equal(dist['therapy-widgets.js']);
    expect($(el, '.item__copy-status').textContent).to.equal('Embed code copied.');
    expect($$(el, '.item__bar .copy-status__dismiss')).to.have.length(0);

    // A site path with no integrity.json beside it: the integrity of the bytes it serves.
    scriptUrl.value = '/demo/print-button.js';
    scriptUrl.dispatchEvent(new Event('input'));
    scriptUrl.dispatchEvent(new Event('change'));
    const expected = await servedIntegrity('/demo/print-button.js');
    await waitUntil(() => $<HTMLInputElement>(el, '#script-integrity').value === expected, 'the integrity of a same-origin path was not filled in');
  });

  it('with no item shown, “Copy embed code of all items” says there is nothing to copy', async () => {
    const copied = clipboard();
    const el = await openPreview();
    const empty = { ...minimalBundle(), therapies: [], articles: [], experts: [], quotes: [] };
    await paste(el, json(empty));
    await setPublishLocation(el, SITE);
    $<HTMLButtonElement>(el, 'button[data-copy="all"]').click();
    await waitUntil(() => $(el, '.page-copy-status').textContent !== '');
    expect($(el, '.page-copy-status').textContent).to.equal('Nothing to copy: no item is shown.');
    expect(copied).to.deep.equal([]);
  });

  it('is accessible (axe) with a publish location and a message that stays', async function () {
    this.timeout(40000);
    clipboard();
    const el = await openPreview();
    await setPublishLocation(el, SITE);
    await editDefault(el);
    $<HTMLButtonElement>(el, 'button[data-copy="embed"]').click();
    await waitUntil(() => $(el, '.item__copy-status').textContent!.includes('Upload'));
    await expect(el).to.be.accessible();
  });
});
