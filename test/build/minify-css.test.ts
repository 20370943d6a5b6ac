import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { minifyCss } from '../../scripts/build/minify-css.js';
import { styles as base } from '../../src/internal/content-element.styles.js';
import { styles as card } from '../../src/therapy-card/therapy-card.styles.js';
import { styles as teaser } from '../../src/news-teaser/news-teaser.styles.js';
import { styles as quote } from '../../src/expert-quote/expert-quote.styles.js';
import { styles as provider } from '../../src/therapy-content/therapy-content.styles.js';

/**
 * The rules as the browser reads them: equal lists mean equal style sheets. A
 * value that holds var() is kept as written until it is used, so there the
 * space after a comma (which CSS ignores) still shows: it is left out.
 */
function parsed(css: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/, /g, ','));
}

describe('minifyCss', () => {
  const sheets: Record<string, CSSResult> = { base, card, teaser, quote, provider };

  for (const [name, sheet] of Object.entries(sheets)) {
    it(`leaves the ${name} styles meaning the same to the browser, and smaller`, () => {
      const minified = minifyCss(sheet.cssText);
      expect(parsed(minified)).to.deep.equal(parsed(sheet.cssText));
      expect(minified.length).to.be.below(sheet.cssText.length);
    });
  }

  it('drops comments, even one with an apostrophe, and keeps strings as written', () => {
    expect(minifyCss(`/* the page's reset */ a::before { content: ' /* kept */  x ' ; }`)).to.equal(
      `a::before{content:' /* kept */  x '}`,
    );
    expect(minifyCss(`[theme="dark"] > p , b { color : red !important ; }`)).to.equal(`[theme="dark"]>p,b{color :red!important}`);
  });

  it('keeps the spaces calc() and descendant pseudo-classes need', () => {
    expect(minifyCss('.a :hover { width: calc(100% - 2 * var(--x) + 1px); }')).to.equal('.a :hover{width:calc(100% - 2 * var(--x) + 1px)}');
  });
});
