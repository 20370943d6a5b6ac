/**
 * The language a page gives an element: the closest `lang` above it, crossing
 * shadow roots. One MutationObserver per document tells the elements that
 * rely on it when an ancestor's `lang` changes after they rendered.
 */

/** The closest `lang` above `node`, crossing shadow roots; '' when none. */
export function inheritedLang(node: Element): string {
  let current: Node | null = node.parentNode;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang') ?? '';
    current = current instanceof ShadowRoot ? current.host : current.parentNode;
  }
  return '';
}

interface Watcher {
  langChanged(): void;
}

const watchers = new Map<Document, { observer: MutationObserver; hosts: Set<Watcher> }>();

/** Calls `host.langChanged()` whenever any `lang` attribute in its document changes; until `unwatchLang`. */
export function watchLang(host: Watcher, doc: Document): void {
  let entry = watchers.get(doc);
  if (!entry) {
    const hosts = new Set<Watcher>();
    const observer = new MutationObserver(() => hosts.forEach((watcher) => watcher.langChanged()));
    observer.observe(doc, { subtree: true, attributes: true, attributeFilter: ['lang'] });
    entry = { observer, hosts };
    watchers.set(doc, entry);
  }
  entry.hosts.add(host);
}

export function unwatchLang(host: Watcher, doc: Document): void {
  const entry = watchers.get(doc);
  if (!entry) return;
  entry.hosts.delete(host);
  if (entry.hosts.size === 0) {
    entry.observer.disconnect();
    watchers.delete(doc);
  }
}
