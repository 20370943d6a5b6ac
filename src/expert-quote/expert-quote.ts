import { html, nothing } from 'lit';
import type { Bundle, Quote } from '../content/schema.js';
import { ContentError } from '../content/load.js';
import { ContentElement, type Selection } from '../internal/content-element.js';
import { styles as baseStyles } from '../internal/content-element.styles.js';
import { byId, missingAttribute } from '../internal/select.js';
import { styles } from './expert-quote.styles.js';

/**
 * An expert's words from a content bundle, verbatim and attributed:
 * `figure > blockquote + figcaption` with the expert's name, role and
 * affiliation, and the source article.
 *
 * @tagname expert-quote
 * @summary A verbatim, attributed quote by an expert.
 *
 * @slot - Fallback content, shown before the element is defined and while it loads.
 *
 * @event therapy-load - The quote rendered; `detail: { bundleId, itemId }`.
 * @event therapy-error - It could not; `detail: { code, message, errors? }`.
 *
 * @csspart card - The quote's frame (every state).
 * @csspart quote - The blockquote.
 * @csspart body - The blockquote (the same element as `quote`, named as in the other elements).
 * @csspart caption - The figcaption: who said it, and where.
 * @csspart footer - The figcaption (the same element as `caption`, named as in the other elements).
 * @csspart media - The expert's photo.
 * @csspart link - Every link.
 * @csspart status - The loading placeholder and the error message.
 *
 * @cssproperty [--therapy-font-family=inherit] - Font of the quote.
 * @cssproperty [--therapy-font-size=max(1em, 16px)] - Base font size: the page's text size, at least 16 px.
 * @cssproperty [--therapy-accent=#1f5fa8] - Links and the quote mark (dark theme: #8cc4ff).
 * @cssproperty [--therapy-surface=#ffffff] - Background (dark theme: #161b22).
 * @cssproperty [--therapy-text=#1b1f24] - Main text colour (dark theme: #e6edf3).
 * @cssproperty [--therapy-muted=#4f5965] - Secondary text colour (dark theme: #a9b4c0).
 * @cssproperty [--therapy-border=#c9d1d9] - Border colour (dark theme: #3d4753).
 * @cssproperty [--therapy-subtle=#f3f5f8] - Quiet fills (dark theme: #1f2630).
 * @cssproperty [--therapy-focus=#1f5fa8] - Focus ring colour.
 * @cssproperty [--therapy-radius=12px] - Corner radius.
 * @cssproperty [--therapy-space=1em] - Base spacing unit.
 * @cssproperty [--therapy-card-padding=1.25em] - Padding inside the quote.
 */
export class ExpertQuote extends ContentElement<Quote> {
  static override styles = [baseStyles, styles];

  static override properties = {
    ...ContentElement.properties,
    quote: { type: String },
    therapy: { type: String },
  };

  /** `id` of the quote to show. */
  declare quote: string | undefined;
  /** `id` of a therapy: shows the first quote about it (when `quote` is not set). */
  declare therapy: string | undefined;

  protected override select(bundle: Bundle): Selection<Quote> {
    if (this.quote) return byId(bundle.quotes, this.quote, 'quote', 'quote');
    if (!this.therapy) throw missingAttribute('expert-quote', 'a quote="ID" or therapy="ID" attribute', bundle.quotes);
    const found = bundle.quotes.find((q) => q.therapyIds?.includes(this.therapy!));
    if (found) return { id: found.id, item: found };
    const about = [...new Set(bundle.quotes.flatMap((q) => q.therapyIds ?? []))].map((id) => `'${id}'`).join(', ') || 'none';
    throw new ContentError('not-found', `No quote about therapy="${this.therapy}" in this bundle. Therapies with quotes: ${about}.`);
  }

  protected override renderItem(quote: Quote, bundle: Bundle) {
    const expert = bundle.experts.find((e) => e.id === quote.expertId)!;
    const article = quote.articleId ? bundle.articles.find((a) => a.id === quote.articleId) : undefined;
    const articleHref = this.href(article?.url);
    const expertHref = this.href(expert.url);
    const photo = this.variant === 'compact' ? undefined : this.mediaSrc(expert.photo?.src);
    const role = [expert.role, expert.affiliation].filter(Boolean).join(', ');
    return html`<figure class="frame quote" part="card" lang=${this.resolvedLang}>
      <blockquote class="quote__text" part="quote body" cite=${articleHref ?? nothing}>
        <p>${quote.text}</p>
      </blockquote>
      <figcaption class="quote__caption" part="caption footer">
        ${photo ? html`<img class="quote__photo" part="media" src=${photo} alt=${expert.photo!.alt} loading="lazy" />` : nothing}
        <span class="quote__who">
          ${expertHref ? html`<a class="quote__name" part="link" href=${expertHref}>${expert.name}</a>` : html`<span class="quote__name">${expert.name}</span>`}
          ${role ? html`<span class="muted">${role}</span>` : nothing}
          ${article
            ? html`<span class="muted quote__source">${this.strings.quoteSource}:
                ${articleHref ? html`<a part="link" href=${articleHref}>${article.headline}</a>` : html`<cite>${article.headline}</cite>`},
                ${this.date(article.publishedOn)}</span>`
            : nothing}
        </span>
      </figcaption>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'expert-quote': ExpertQuote;
  }
}
