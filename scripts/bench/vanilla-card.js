// The benchmark's hand-written baseline: a custom element with no library
// that does the job of <therapy-card> (fetch the bundle once per page, render
// the same fields into a shadow root, reflect `state`), the way one would
// write it by hand. `renderTherapy` also makes the static baseline's HTML (in
// Node, at bench time), so both baselines carry exactly the same markup.
// Importing this file defines nothing and touches no DOM.

const LABELS = {
  brandNames: 'Brand names',
  drugClass: 'Type of medicine',
  target: 'Target',
  howItWorks: 'How it works',
  whoItIsFor: 'Who it is for',
  keyPoints: 'Key points',
  risks: 'Risks and warnings',
  sources: 'Sources',
  lastReviewed: 'Last reviewed',
  publishedBy: 'Published by',
};

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
const date = (iso) => `<time datetime="${escape(iso)}">${escape(dateFormat.format(new Date(`${iso}T00:00:00Z`)))}</time>`;

const safeHref = (url, base) => {
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
};

const list = (items, className) =>
  items?.length ? `<ul class="${className}">${items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>` : '';

const section = (title, content) =>
  `<section class="card__section"><h4 class="subheading" part="subheading">${escape(title)}</h4>${content}</section>`;

/** The markup of one therapy card, the same elements and classes as <therapy-card variant="full">. */
export function renderTherapy(therapy, bundle, baseUrl) {
  const facts = [
    [LABELS.drugClass, therapy.drugClass],
    [LABELS.target, therapy.target],
  ].filter((fact) => fact[1]);
  const sources = (therapy.sources ?? []).map((source) => {
    const href = source.url && safeHref(source.url, baseUrl);
    const details = [source.publisher && escape(source.publisher), source.date && date(source.date)].filter(Boolean);
    return `<li>${href ? `<a part="link" href="${escape(href)}">${escape(source.title)}</a>` : `<cite>${escape(source.title)}</cite>`}${details
      .map((detail) => `<span class="muted">, ${detail}</span>`)
      .join('')}</li>`;
  });
  const publisherHref = bundle.publisher.url && safeHref(bundle.publisher.url, baseUrl);
  const publisher = publisherHref
    ? `<a part="link" href="${escape(publisherHref)}">${escape(bundle.publisher.name)}</a>`
    : escape(bundle.publisher.name);
  return `<article class="frame card" part="card" lang="${escape(bundle.locale ?? 'en')}">
<header class="card__header" part="header">
<h3 class="heading" part="heading">${escape(therapy.name)}</h3>
${therapy.brandNames?.length ? `<p class="card__brands muted"><span class="visually-hidden">${LABELS.brandNames}: </span>${escape(therapy.brandNames.join(' · '))}</p>` : ''}
${therapy.summary ? `<p class="card__summary">${escape(therapy.summary)}</p>` : ''}
</header>
<div class="card__body" part="body">
${facts.length ? `<dl class="card__facts" part="facts">${facts.map(([term, value]) => `<div class="card__fact"><dt>${term}</dt><dd>${escape(value)}</dd></div>`).join('')}</dl>` : ''}
${therapy.howItWorks?.length ? section(LABELS.howItWorks, list(therapy.howItWorks, 'card__list')) : ''}
${therapy.whoItIsFor ? section(LABELS.whoItIsFor, `<p>${escape(therapy.whoItIsFor)}</p>`) : ''}
${therapy.keyPoints?.length ? section(LABELS.keyPoints, list(therapy.keyPoints, 'card__list')) : ''}
${therapy.risks?.length ? section(LABELS.risks, list(therapy.risks, 'card__list card__list--risks')) : ''}
${sources.length ? section(LABELS.sources, `<ul class="card__list card__sources">${sources.join('')}</ul>`) : ''}
</div>
<footer class="card__footer" part="footer">
<p class="muted"><span>${LABELS.lastReviewed}: ${date(therapy.reviewedOn ?? bundle.reviewedOn)}</span><span aria-hidden="true"> · </span><span>${LABELS.publishedBy} ${publisher}</span></p>
<p class="card__disclaimer" part="disclaimer">${escape(bundle.disclaimer)}</p>
</footer>
</article>`;
}

/**
 * Defines <vanilla-card therapy="ID">: one fetch of `bundleUrl` per page,
 * one constructed stylesheet shared by every shadow root (`cssText`: the same
 * CSS as <therapy-card>), `state` reflected as `loading`, then `ready` or `error`.
 */
export function defineVanillaCard(cssText, bundleUrl) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  let bundle;
  const load = () =>
    (bundle ??= fetch(bundleUrl, { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    }));

  class VanillaCard extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet];
      this.setAttribute('state', 'loading');
      load()
        .then((data) => {
          const therapy = data.therapies.find((t) => t.id === this.getAttribute('therapy'));
          if (!therapy) throw new Error(`no therapy ${this.getAttribute('therapy')}`);
          root.innerHTML = renderTherapy(therapy, data, new URL(bundleUrl, document.baseURI).href);
          this.setAttribute('state', 'ready');
        })
        .catch(() => this.setAttribute('state', 'error'));
    }
  }
  customElements.define('vanilla-card', VanillaCard);
}
