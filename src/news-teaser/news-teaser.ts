import { html, nothing } from 'lit';
import type { LoadedBundle } from '../content/load.js';
import type { Article } from '../content/schema.js';
import { selectArticle, type Selection } from '../content/select.js';
import { ContentElement } from '../internal/content-element.js';
import { styles as baseStyles } from '../internal/content-element.styles.js';
import { date, heading, list, reviewLines, reviewNotice } from '../internal/templates.js';
import { styles } from './news-teaser.styles.js';

/**
 * A news article from a content bundle: kicker, headline, date, summary,
 * takeaways, an optional image or video poster, and a read-more link.
 *
 * @tagname news-teaser
 * @summary A teaser for one news article; the newest when no `article` is given.
 *
 * @csspart card - The teaser's frame (every state).
 * @csspart header - Kicker, headline and date.
 * @csspart kicker - The short label above the headline.
 * @csspart heading - The headline.
 * @csspart media - The image, or the video poster and its link.
 * @csspart body - Summary and takeaways.
 * @csspart subheading - The takeaways heading.
 * @csspart footer - The read-more link.
 * @csspart link - Every link.
 * @csspart notice - The due-for-review notice at the top (only once the review is due).
 * @csspart status - The loading placeholder and the error message.
 */
export class NewsTeaser extends ContentElement<Article> {
  static override styles = [baseStyles, styles];

  static override properties = {
    ...ContentElement.properties,
    article: { type: String },
  };

  /** `id` of the article to show; absent: the newest by `publishedOn`. */
  declare article: string | undefined;

  protected override requestedItem(): string | undefined {
    return this.article || undefined;
  }

  protected override select({ bundle, hidden }: LoadedBundle): Selection<Article> {
    return selectArticle(bundle, hidden, this.article);
  }

  protected override renderItem(article: Article) {
    const s = this.strings;
    const compact = this.variant === 'compact';
    const href = this.href(article.url);
    const [lang, dir] = [this.textLang, this.textDir];
    const review = this.reviewOf(article);
    return html`<article class="frame teaser" part="card" lang=${this.resolvedLang} dir=${this.resolvedDir}>
      ${reviewNotice(review, s, this.resolvedLang, this.labelDir)}
      ${compact ? nothing : this.renderMedia(article)}
      <header class="teaser__header" part="header">
        ${article.kicker ? html`<p class="teaser__kicker" part="kicker" lang=${lang} dir=${dir}>${article.kicker}</p>` : nothing}
        ${heading(this.headingLevel, this.text(article.headline))}
        <p class="muted"><span class="visually-hidden">${s.published}: </span>${this.label(date(article.publishedOn, this.resolvedLang))}</p>
      </header>
      <div class="teaser__body" part="body">
        ${article.summary ? html`<p lang=${lang} dir=${dir}>${article.summary}</p>` : nothing}
        ${!compact && article.takeaways?.length
          ? html`<section class="teaser__takeaways">
              ${heading(this.headingLevel, this.label(s.takeaways), 1)}
              ${list(article.takeaways, 'teaser__list', lang, dir)}
            </section>`
          : nothing}
      </div>
      <footer class="teaser__footer" part="footer">
        ${href ? html`<p class="teaser__more"><a part="link" href=${href}>${this.label(s.readMore)}<span class="visually-hidden">: ${this.inline(article.headline)}</span></a></p>` : nothing}
        <div class="muted note">${reviewLines(review, s, this.resolvedLang, (who) => this.inline(who), this.labelDir)}</div>
      </footer>
    </article>`;
  }

  private renderMedia(article: Article) {
    const video = article.video;
    const videoHref = this.href(video?.url);
    if (video && videoHref) {
      const poster = this.mediaSrc(video.poster);
      return html`<a class="teaser__media teaser__video" part="media link" href=${videoHref}>
        ${poster ? html`<img src=${poster} alt="" loading="lazy" decoding="async" crossorigin="anonymous" />` : nothing}
        <span class="teaser__play">▶ ${this.label(this.strings.watchVideo)}<span class="visually-hidden">: ${this.inline(video.title)}</span></span>
      </a>`;
    }
    const image = article.image;
    const src = this.mediaSrc(image?.src);
    if (image && src) {
      return html`<div class="teaser__media" part="media">
        <img src=${src} alt=${image.alt} lang=${this.textLang} loading="lazy" decoding="async" crossorigin="anonymous" />
      </div>`;
    }
    return nothing;
  }
}
