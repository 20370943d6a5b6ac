/** What the preview tests share: fixtures, queries and the moves a user makes. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../demo/preview/define.js';
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
export const textarea = (el: TherapyPreview) => $<HTMLTextAreaElement>(el, 'textarea');
export const problemPaths = (el: TherapyPreview) => $$(el, 'button.problem').map((b) => b.dataset.path);
export const shown = (el: TherapyPreview) =>
  el.itemElements().map((item) => `${item.localName} ${item.getAttribute('therapy') ?? item.getAttribute('article') ?? item.getAttribute('quote')}`);
export const summary = (el: TherapyPreview) => $(el, '[data-summary]').textContent!.trim();

/** The preview, in a page of its own width (default: the test window's). */
export async function openPreview(width?: number): Promise<TherapyPreview> {
  const el = width
    ? (await fixture<HTMLElement>(html`<div style="width: ${width}px"><therapy-preview></therapy-preview></div>`)).querySelector('therapy-preview')!
    : await fixture<TherapyPreview>(html`<therapy-preview></therapy-preview>`);
  await waitUntil(() => textarea(el).value.length > 0, 'the default bundle did not load', { timeout: 5000 });
  await el.ready();
  return el;
}

/** Types (pastes) `text` into the editor the way a user does, then waits for the check. */
export async function paste(el: TherapyPreview, text: string): Promise<void> {
  const area = textarea(el);
  area.focus();
  area.value = text;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
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

