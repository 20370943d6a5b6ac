import { html, nothing } from 'lit';
import type { LoadedBundle } from '../content/load.js';
import type { Bundle, Source, Therapy } from '../content/schema.js';
import { moreLinkOf, selectTherapy, type Selection } from '../content/select.js';
import { firstSentence } from '../content/sentence.js';
import { ContentElement } from '../internal/content-element.js';
import { styles as baseStyles } from '../internal/content-element.styles.js';
import { date, heading, list, reviewLines, reviewNotice } from '../internal/templates.js';
import type { ReviewRecord } from '../content/review.js';
import { styles } from './therapy-card.styles.js';

/**
 * One immune therapy from a content bundle: name, brand names, class, target,
 * how it works, how it is given, who it is for, key points, risks, sources,
 * publisher, review record and disclaimer. The compact variant keeps the
 * first risk, the disclaimer's first sentence, a link to the full information
 * and a one-line review record.
 *
 * @tagname therapy-card
 * @summary A patient-facing card about one ALL immune therapy.
 *
 * @csspart card - The card's frame (every state).
 * @csspart header - Name, brand names and summary.
 * @csspart heading - The main heading (the therapy's name).
 * @csspart body - The content between header and footer.
 * @csspart facts - The list of facts (type of medicine, target).
 * @csspart subheading - Each section's heading.
 * @csspart link - Every link.
 * @csspart footer - Review date, publisher and disclaimer.
 * @csspart warning - The risks and warnings callout (compact: the main risk).
 * @csspart notice - The due-for-review notice at the top (only once the review is due).
 * @csspart disclaimer - The disclaimer paragraph.
 * @csspart status - The loading placeholder and the error message.
 */
export class TherapyCard extends ContentElement<Therapy> {
  static override styles = [baseStyles, styles];

  static override properties = {
    ...ContentElement.properties,
    therapy: { type: String },
  };

  /** `id` of the therapy to show. */
  declare therapy: string | undefined;

  protected override requestedItem(): string | undefined {
    return this.therapy || undefined;
  }

  protected override select({ bundle, hidden }: LoadedBundle): Selection<Therapy> {
    return selectTherapy(bundle, hidden, this.therapy);
  }

  protected override renderItem(therapy: Therapy, bundle: Bundle) {
    const s = this.strings;
    const compact = this.variant === 'compact';
    const facts = [
      [s.drugClass, therapy.drugClass],
      [s.target, therapy.target],
    ].filter((fact): fact is [string, string] => !!fact[1]);
    const review = this.reviewOf(therapy);
    return html`<article class="frame card" part="card" lang=${this.resolvedLang} dir=${this.resolvedDir}>
      ${reviewNotice(review, s, this.resolvedLang, this.labelDir)}
      <header class="card__header" part="header">
        ${heading(this.headingLevel, this.text(therapy.name))}
        ${therapy.brandNames?.length
          ? html`<p class="card__brands muted"><span class="visually-hidden">${s.brandNames}: </span>${therapy.brandNames.map((brand, i) => html`${i ? ' · ' : ''}${this.inline(brand)}`)}</p>`
          : nothing}
        ${therapy.summary ? html`<p class="card__summary" lang=${this.textLang} dir=${this.textDir}>${therapy.summary}</p>` : nothing}
      </header>
      <div class="card__body" part="body">
        ${facts.length
          ? html`<dl class="card__facts" part="facts">
              ${facts.map(([term, value]) => html`<div class="card__fact"><dt>${this.label(term)}</dt><dd lang=${this.textLang} dir=${this.textDir}>${value}</dd></div>`)}
            </dl>`
          : nothing}
        ${compact ? this.renderCompactBody(therapy, bundle) : this.renderSections(therapy)}
      </div>
      ${this.renderFooter(review, bundle)}
    </article>`;
  }

  /**
   * Who it is for and the risks stay open, first; how it works, how it is
   * given, key points and sources follow as folds (native details: keyboard, screen readers
   * and find-in-page work as everywhere else).
   */
  private renderSections(therapy: Therapy, depth = 1) {
    const s = this.strings;
    const [lang, dir] = [this.textLang, this.textDir];
    const fold = (title: string, content: unknown) => this.fold(title, content, depth);
    const folds = [
      therapy.howItWorks?.length ? fold(s.howItWorks, list(therapy.howItWorks, 'card__list', lang, dir)) : undefined,
      therapy.howItIsGiven?.length ? fold(s.howItIsGiven, list(therapy.howItIsGiven, 'card__list', lang, dir)) : undefined,
      therapy.keyPoints?.length ? fold(s.keyPoints, list(therapy.keyPoints, 'card__list', lang, dir)) : undefined,
      therapy.sources?.length
        ? fold(s.sources, html`<ul class="card__list card__sources">${therapy.sources.map((source) => this.renderSource(source))}</ul>`)
        : undefined,
    ].filter((template) => template !== undefined);
    return html`
      ${therapy.whoItIsFor
        ? html`<section class="card__section">
            ${heading(this.headingLevel, this.label(s.whoItIsFor), depth)}
            <p lang=${lang} dir=${dir}>${therapy.whoItIsFor}</p>
          </section>`
        : nothing}
      ${therapy.risks?.length
        ? html`<section class="card__section card__risks callout" part="warning">
            ${heading(this.headingLevel, html`${WARNING_ICON}${this.label(s.risks)}`, depth)}
            ${list(therapy.risks, 'card__list', lang, dir)}
          </section>`
        : nothing}
      ${folds.length ? html`<div class="card__folds">${folds}</div>` : nothing}
    `;
  }

  /** A native fold (keyboard, screen readers and find-in-page work as everywhere else) under a subheading `depth` levels below the card's heading. */
  private fold(title: string, content: unknown, depth = 1) {
    return html`<details class="card__section fold">
      <summary>${heading(this.headingLevel, this.label(title), depth)}</summary>
      ${content}
    </details>`;
  }

  // One template per source where it can be: a page of cards renders thousands of them.
  private renderSource(source: Source) {
    const { title, details } = this.sourceParts(source);
    if (!source.publisher && !source.date) return html`<li>${title}</li>`;
    return html`<li>${title}<span class="muted">${details}</span></li>`;
  }

  /**
   * A compact card still names the main risk (the first of `risks`) and links
   * to the full information: the first article about the therapy with a URL,
   * else its first source with one; with neither, the full card's sections in
   * one fold, so the rest of the risks is always one click away.
   */
  private renderCompactBody(therapy: Therapy, bundle: Bundle) {
    const risk = therapy.risks?.[0];
    const target = moreLinkOf(bundle, therapy);
    const href = this.href(target?.url);
    return html`${risk
        ? html`<p class="card__risk callout" part="warning">${WARNING_ICON} <strong>${this.label(this.strings.mainRisk)}:</strong> <span lang=${this.textLang} dir=${this.textDir}>${risk}</span></p>`
        : nothing}
      ${href
        ? html`<p class="card__more"><a part="link" href=${href}>${this.label(this.strings.learnMore)}<span class="visually-hidden">: ${this.inline(target!.title)}</span></a></p>`
        : this.fold(this.strings.fullInformation, this.renderSections(therapy, 2))}`;
  }

  private renderFooter(review: ReviewRecord, bundle: Bundle) {
    const s = this.strings;
    const publisherHref = this.href(bundle.publisher.url);
    const name = this.inline(bundle.publisher.name);
    const publisher = publisherHref ? html`<a part="link" href=${publisherHref}>${name}</a>` : name;
    const compact = this.variant === 'compact';
    const disclaimer = compact ? firstSentence(bundle.disclaimer, bundle.locale ?? 'en') : bundle.disclaimer;
    return html`<footer class="card__footer note" part="footer">
      ${compact
        ? html`<p class="review muted">${this.label(s.lastReviewed)}: ${date(review.reviewedOn, this.resolvedLang)}<span aria-hidden="true"> · </span>${this.label(s.publishedBy)} ${publisher}</p>`
        : html`${reviewLines(review, s, this.resolvedLang, (who) => this.inline(who), this.labelDir)}
            <p class="muted">${this.label(s.publishedBy)} ${publisher}</p>`}
      <p class="card__disclaimer" part="disclaimer" lang=${this.textLang} dir=${this.textDir}>${disclaimer}</p>
    </footer>`;
  }

}

/** A warning triangle; the heading beside it says what it means. */
const WARNING_ICON = html`<svg class="icon" width="1.1em" height="1.1em" fill="currentColor" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2 1 21h22L12 2Zm1 15h-2v-2h2v2Zm0-4h-2V9h2v4Z"/></svg>`;
