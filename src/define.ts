/**
 * Defines all four elements: the entry of the script-tag builds and of
 * `therapy-widgets/define`. It exports nothing, so the script builds carry
 * only what the elements use; classes and types come from `therapy-widgets`.
 * The provider first, so elements inside it find it.
 */
import './therapy-content/define.js';
import './therapy-card/define.js';
import './news-teaser/define.js';
import './expert-quote/define.js';
