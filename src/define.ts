/**
 * Defines all four elements: the entry of the script-tag builds and of
 * `therapy-widgets/define`. The provider first, so elements inside it find it.
 */
export * from './index.js';
import './therapy-content/define.js';
import './therapy-card/define.js';
import './news-teaser/define.js';
import './expert-quote/define.js';
