/** What the preview tests share: fixtures, queries and the moves a user makes. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../demo/preview/define.js';
import type { EditorView } from '@codemirror/view';
import type { TherapyPreview } from '../../demo/preview/therapy-preview.js';
import { minimalBundle, type Draft } from '../fixtures.js';

export const DEFAULT_ITEMS = [
  'therapy-card car-t',
  'therapy-card blinatumomab',
  'therapy-card inotuzumab',
  'news-teaser 2021-03-12-immune-therapies',
  'expert-quote oluwole-blinatumomab-forces-t-cell',
  'expert-quote oluwole-inotuzumab-poisonous',
  'expert-quote oluwole-car-t-innate',
  'expert-quote oluwole-blinatumomab-body-knows',
  'expert-quote oluwole-game-changer',
];

/** A valid bundle with two items of each kind. */
export function twoOfEach(): Draft {
  const bundle = minimalBundle();
  bundle.therapies.push({ id: 'beta', name: 'Betamab', summary: 'Beta summary.' });
  bundle.articles.push({ id: 'news-2', headline: 'Beta news', publishedOn: '2024-04-01', therapyIds: ['beta'] });
  bundle.experts.push({ id: 'dr-y', name: 'Dr. Y' });
  bundle.quotes.push({ id: 'q2', expertId: 'dr-y', text: 'Beta helps.' });
  return bundle;
}

/** twoOfEach() with three problems, one in an item of each of three kinds. */
export function threeProblems(): Draft {
  const bundle = twoOfEach();
  bundle.therapies[0].sources[0].url = 'javascript:alert(1)';
  bundle.articles[1].publishedOn = '2024-02-30';
  bundle.quotes[1].expertId = 'dr-nobody';
  return bundle;
}

export const root = (el: TherapyPreview) => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: TherapyPreview, selector: string) => root(el).querySelector<T & Element>(selector)!;
export const $$ = <T extends Element = HTMLElement>(el: TherapyPreview, selector: string) => [...root(el).querySelectorAll<T & Element>(selector)];
/** The code editor's view (CodeMirror), once the editor has rendered. */
export const editorView = (el: TherapyPreview): EditorView | undefined => root(el).querySelector('bundle-editor')?.code?.view;
/** The editor's whole text. */
export const editorText = (el: TherapyPreview): string => editorView(el)?.state.doc.toString() ?? '';
/** The selected text, and where the selection starts. */
export function selection(el: TherapyPreview): { text: string; start: number } {
  const view = editorView(el)!;
  const { from, to } = view.state.selection.main;
  return { text: view.state.sliceDoc(from, to), start: from };
}
/** Replaces a span of the text as the user's own input (typing over a selection, a paste). */
export function typeInto(el: TherapyPreview, from: number, to: number, insert: string, userEvent = 'input.type'): void {
  editorView(el)!.dispatch({ changes: { from, to, insert }, selection: { anchor: from + insert.length }, userEvent });
}
export const problemPaths = (el: TherapyPreview) => $$(el, 'button.problem').map((b) => b.dataset.path);
export const shown = (el: TherapyPreview) =>
  el.itemElements().map((item) => `${item.localName} ${item.getAttribute('therapy') ?? item.getAttribute('article') ?? item.getAttribute('quote')}`);
export const summary = (el: TherapyPreview) => $(el, '[data-summary]').textContent!.trim();

/** The preview, in a page of its own width (default: the test window's). */
export async function openPreview(width?: number): Promise<TherapyPreview> {
  const el = width
    ? (await fixture<HTMLElement>(html`<div style="width: ${width}px"><therapy-preview></therapy-preview></div>`)).querySelector('therapy-preview')!
    : await fixture<TherapyPreview>(html`<therapy-preview></therapy-preview>`);
  await waitUntil(() => editorText(el).length > 0, 'the default bundle did not load', { timeout: 5000 });
  await el.ready();
  return el;
}

/** Types (pastes) `text` into the editor the way a user does, then waits for the check. */
export async function paste(el: TherapyPreview, text: string): Promise<void> {
  typeInto(el, 0, editorText(el).length, text, 'input.paste');
  await el.ready();
}

export function json(bundle: unknown): string {
  return JSON.stringify(bundle, null, 2);
}

/** The `sha384-` integrity of the bytes this server serves at `url`. */
export async function servedIntegrity(url: string): Promise<string> {
  const bytes = await (await fetch(url)).arrayBuffer();
  return `sha384-${btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-384', bytes))))}`;
}

/** Clicks a radio of the toolbar by its visible label. */
export async function choose(el: TherapyPreview, name: string, value: string): Promise<void> {
  $<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`).click();
  await el.ready();
}

