import { ContextProvider } from '@lit/context';
import { LitElement, html, type CSSResultGroup } from 'lit';
import { contentContext } from '../content/context.js';
import { loadBundle } from '../content/load.js';
import { styles } from './therapy-content.styles.js';

/**
 * Loads one bundle and provides it, with its `lang`, to every therapy-widgets
 * element inside it, so a page with many elements loads and validates once.
 * Its children render as they are.
 *
 * @tagname therapy-content
 * @summary Provides one content bundle to the elements inside it.
 *
 * @slot - Any content, including therapy-widgets elements.
 */
export class TherapyContent extends LitElement {
  static override styles: CSSResultGroup = styles;

  static override properties = {
    src: { type: String },
    integrity: { type: String },
    // useDefault: the initial '' is not reflected; a `lang=""` would mark every child's language unknown.
    lang: { type: String, reflect: true, useDefault: true },
  };

  /** URL of the bundle, or `#id` of an inline `<script type="application/json">`; absent: the default bundle. */
  declare src: string | undefined;
  /** Language for the elements inside, unless they set their own. */
  declare lang: string;
  /** Subresource Integrity hash the bundle's bytes must match, for every element inside that does not pin its own. */
  declare integrity: string | undefined;

  private readonly provider = new ContextProvider(this, { context: contentContext });

  constructor() {
    super();
    this.lang = '';
  }

  private providing: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Provide before the children connect and ask, not a microtask later.
    this.provide();
  }

  protected override willUpdate(): void {
    this.provide();
  }

  private provide(): void {
    const key = `${this.src ?? ''}\n${this.lang}\n${this.integrity ?? ''}`;
    if (key === this.providing) return;
    this.providing = key;
    // Start the request now, before the children ask; each of them reports a failure itself.
    loadBundle(this.src, this.integrity === undefined ? {} : { integrity: this.integrity }).catch(() => undefined);
    this.provider.setValue({
      src: this.src,
      ...(this.lang ? { lang: this.lang } : {}),
      ...(this.integrity !== undefined ? { integrity: this.integrity } : {}),
    });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
