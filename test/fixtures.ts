/** Small bundles and helpers for the element tests; bundles are fresh objects on every call. */
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { TherapyErrorEvent, TherapyLoadEvent } from '../src/internal/events.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Draft = Record<string, any>;

/** A small valid bundle with one item of each kind. */
export function minimalBundle(): Draft {
  return {
    schemaVersion: 1,
    id: 'test-bundle',
    locale: 'en',
    title: 'Test bundle',
    publisher: { name: 'Test publisher', url: 'https://publisher.example/' },
    reviewedOn: '2024-05-06',
    disclaimer: 'Test disclaimer.',
    therapies: [
      {
        id: 'alpha',
        name: 'Alphamab',
        brandNames: ['Alphato'],
        drugClass: 'Test class',
        target: 'CD99',
        summary: 'Alpha summary.',
        howItWorks: ['Alpha works.'],
        whoItIsFor: 'Alpha patients.',
        keyPoints: ['Alpha point.'],
        risks: ['Alpha risk.'],
        sources: [{ title: 'Alpha label', url: 'https://label.example/alpha', publisher: 'Label site', date: '2024-01-02' }],
        reviewedOn: '2024-05-06',
      },
    ],
    articles: [
      {
        id: 'news-1',
        kicker: 'News',
        headline: 'Alpha news',
        publishedOn: '2024-03-04',
        summary: 'News summary.',
        takeaways: ['Takeaway one.'],
        url: 'https://news.example/1',
        therapyIds: ['alpha'],
      },
    ],
    experts: [{ id: 'dr-x', name: 'Dr. X', role: 'Doctor', affiliation: 'Test Hospital' }],
    quotes: [
      {
        id: 'q1',
        expertId: 'dr-x',
        text: 'Alpha is good.',
        therapyIds: ['alpha'],
        articleId: 'news-1',
        source: { title: 'Alpha interview', publisher: 'Interview site', url: 'https://news.example/interview', date: '2024-03-04' },
      },
    ],
  };
}

/** A JSON response, as the stubbed fetch gives it. */
export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
    ...init,
  });
}

/** A promise with its resolve function, to settle a stubbed fetch when a test says so. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The first therapy-load or therapy-error that reaches the document. */
export function nextOutcome(): Promise<TherapyLoadEvent | TherapyErrorEvent> {
  return new Promise((resolve) => {
    const on = (event: Event) => {
      document.removeEventListener('therapy-load', on);
      document.removeEventListener('therapy-error', on);
      resolve(event as TherapyLoadEvent | TherapyErrorEvent);
    };
    document.addEventListener('therapy-load', on);
    document.addEventListener('therapy-error', on);
  });
}

/** Renders `template` and waits for its load or error event (listened for before it connects). */
export async function mount<T extends HTMLElement & { updateComplete: Promise<unknown> }>(template: TemplateResult) {
  const outcome = nextOutcome();
  const el = await fixture<T>(template);
  const event = await outcome;
  await el.updateComplete;
  return { el, event, root: el.shadowRoot! };
}

/** A shadow root's text, white space folded. */
export function text(root: ShadowRoot): string {
  return (root.textContent ?? '').replace(/\s+/g, ' ');
}
