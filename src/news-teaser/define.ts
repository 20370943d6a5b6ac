/** Defines <news-teaser>. */
import { attachContextRoot, defineElement } from '../internal/define.js';
import { NewsTeaser } from './news-teaser.js';

attachContextRoot();
defineElement('news-teaser', NewsTeaser);

export { NewsTeaser };

declare global {
  interface HTMLElementTagNameMap {
    'news-teaser': NewsTeaser;
  }
}
