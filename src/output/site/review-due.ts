/**
 * `review-due.js`: a published card whose review falls due after publishing
 * shows its due-for-review notice from that day on. The card as it reads
 * once due waits in `<template data-review-due-on="YYYY-MM-DD">` beside its
 * shadow root (site-card.ts) and takes the shadow root's place when today
 * (UTC, as the elements count days) has reached that date. Nothing is
 * fetched. A classic script (frame-protocol.ts says how the text is made).
 */
import { classicScript } from './frame-protocol.js';

export function reviewDue(config: { selector: string }): void {
  const today = new Date().toISOString().slice(0, 10);
  const waiting = document.querySelectorAll<HTMLTemplateElement>(config.selector);
  for (let i = 0; i < waiting.length; i++) {
    const later = waiting[i]!;
    const root = later.parentElement?.shadowRoot;
    if (root && (later.dataset.reviewDueOn ?? '9999') <= today) root.replaceChildren(later.content.cloneNode(true));
  }
}

/** The JavaScript text of `review-due.js`. */
export function reviewDueScript(): string {
  return classicScript(reviewDue, { selector: 'template[data-review-due-on]' });
}
