/**
 * A published card whose review falls due after publishing shows its
 * due-for-review notice from that day on: the card as it reads once due waits
 * in `<template data-review-due-on="YYYY-MM-DD">` beside its shadow root, and
 * takes the shadow root's place when today (UTC, as the elements count days)
 * has reached that date. Nothing is fetched.
 */
{
  const today = new Date().toISOString().slice(0, 10);
  for (const later of document.querySelectorAll<HTMLTemplateElement>('template[data-review-due-on]')) {
    const root = later.parentElement?.shadowRoot;
    if (root && (later.dataset.reviewDueOn ?? '') <= today) root.replaceChildren(later.content.cloneNode(true));
  }
}
