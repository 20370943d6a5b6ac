import { html, nothing } from 'lit';
import type { LoadedBundle } from '../content/load.js';
import type { Bundle, Quote, Source } from '../content/schema.js';
import { expertOf, selectQuote, type Selection } from '../content/select.js';
import { ContentElement } from '../internal/content-element.js';
import { styles as baseStyles } from '../internal/content-element.styles.js';
import { styles } from './expert-quote.styles.js';

/**
 * An expert's words from a content bundle, verbatim and attributed:
 * what the expert was talking about (the quote's `context`), then
 * `blockquote + figcaption` with the expert's name, role and affiliation, and
 * the source article, all in one `figure`.
 *
 * @tagname expert-quote
 * @summary A verbatim, attributed quote by an expert.
 *
 * @csspart card - The quote's frame (every state).
 * @csspart context - What the expert was talking about, before the quote (when the bundle says).
 * @csspart quote - The blockquote.
 * @csspart body - The blockquote (the same element as `quote`, named as in the other elements).
 * @csspart caption - The figcaption: who said it, and where.
 * @csspart footer - The figcaption (the same element as `caption`, named as in the other elements).
 * @csspart media - The expert's photo.
 * @csspart link - Every link.
 * @csspart status - The loading placeholder and the error message.
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
  /** `id` of a therapy: shows the best quote about it (when `quote` is not set): a whole sentence about it alone, else one with its context. */
  declare therapy: string | undefined;

  protected override requestedItem(): string | undefined {
    return this.quote || undefined;
  }

  protected override select({ bundle, hidden }: LoadedBundle): Selection<Quote> {
    return selectQuote(bundle, hidden, { quote: this.quote, therapy: this.therapy });
  }

  /** Where the words were first published (the quote's `source`), never a headline the bundle wrote. */
  private renderSource(source: Source) {
    const { title, details } = this.sourceParts(source);
    return html`<span class="muted quote__source">${this.label(this.strings.quoteSource)}: ${title}${details}</span>`;
  }

  protected override renderItem(quote: Quote, bundle: Bundle) {
    const expert = expertOf(bundle, quote)!;
    const source = quote.source;
    const sourceHref = this.href(source?.url);
    const expertHref = this.href(expert.url);
    const photo = this.variant === 'compact' ? undefined : this.mediaSrc(expert.photo?.src);
    const role = [expert.role, expert.affiliation].filter((part): part is string => !!part);
    return html`<figure class="frame quote" part="card" lang=${this.resolvedLang} dir=${this.resolvedDir}>
      ${quote.context ? html`<p class="quote__context muted" part="context" lang=${this.textLang} dir=${this.textDir}>${quote.context}</p>` : nothing}
      <blockquote class="quote__text" part="quote body" cite=${sourceHref ?? nothing} lang=${this.textLang} dir=${this.textDir}>
        <p>${quote.text}</p>
      </blockquote>
      <figcaption class="quote__caption" part="caption footer">
        ${photo ? html`<img class="quote__photo" part="media" src=${photo} alt=${expert.photo!.alt} loading="lazy" crossorigin="anonymous" />` : nothing}
        <span class="quote__who">
          ${expertHref ? html`<a class="quote__name" part="link" href=${expertHref}>${this.inline(expert.name)}</a>` : html`<span class="quote__name">${this.inline(expert.name)}</span>`}
          ${role.length ? html`<span class="muted">${role.map((part, i) => html`${i ? ', ' : ''}${this.inline(part)}`)}</span>` : nothing}
          ${source ? this.renderSource(source) : nothing}
        </span>
      </figcaption>
    </figure>`;
  }
}
