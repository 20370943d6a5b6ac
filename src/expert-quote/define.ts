/** Defines <expert-quote>. */
import { attachContextRoot, defineElement } from '../internal/define.js';
import { ExpertQuote } from './expert-quote.js';

attachContextRoot();
defineElement('expert-quote', ExpertQuote);

export { ExpertQuote };

declare global {
  interface HTMLElementTagNameMap {
    'expert-quote': ExpertQuote;
  }
}
