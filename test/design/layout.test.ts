/**
 * Screenshot comparison of every element, variant and theme at a phone and a
 * desktop width against committed baselines (test/design/screenshots/baseline),
 * exact to the pixel: a change of layout technique must not move anything.
 * After an intended change of look, UPDATE_SCREENSHOTS=1 rewrites the baselines.
 */
import { fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import type { TemplateResult } from 'lit';
import '../../src/define.js';
import { setClock } from '../../src/content/clock.js';
import type { Draft } from '../fixtures.js';

const WIDTHS = [390, 1280] as const;
const THEMES = ['light', 'dark'] as const;
const VARIANTS = ['full', 'compact'] as const;

/**
 * A frozen copy of the default bundle (test/design/bundle.json), so a content
 * edit does not count as a layout change, with a link on its article so that
 * read-more links show. The clock is fixed too: no review falls due.
 */
async function defaultBundle(): Promise<Draft> {
  const bundle: Draft = await (await fetch(new URL('./bundle.json', import.meta.url))).json();
  bundle.articles[0].url = 'https://example.org/articles/immune-therapies';
  return bundle;
}

const ELEMENTS: Record<string, (bundle: Draft, variant: string, theme: string) => TemplateResult> = {
  'therapy-card': (bundle, variant, theme) =>
    html`<therapy-card .bundle=${bundle} therapy="blinatumomab" variant=${variant} theme=${theme}></therapy-card>`,
  'news-teaser': (bundle, variant, theme) => html`<news-teaser .bundle=${bundle} variant=${variant} theme=${theme}></news-teaser>`,
  'expert-quote': (bundle, variant, theme) =>
    html`<expert-quote .bundle=${bundle} therapy="blinatumomab" variant=${variant} theme=${theme}></expert-quote>`,
};

describe('layout: screenshots match the baselines', () => {
  before(() => setClock(() => new Date('2027-06-01T12:00:00Z')));
  after(() => {
    setClock();
    return setViewport({ width: 800, height: 600 });
  });

  for (const width of WIDTHS) {
    for (const [tag, template] of Object.entries(ELEMENTS)) {
      for (const variant of VARIANTS) {
        for (const theme of THEMES) {
          const name = `${tag}-${variant}-${theme}-${width}`;
          it(name, async () => {
            await setViewport({ width, height: 900 });
            const wrapper = await fixture<HTMLDivElement>(html`<div style="padding: 16px; background: #808080">
              ${template(await defaultBundle(), variant, theme)}
            </div>`);
            const el = wrapper.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
            await el.updateComplete;
            await document.fonts.ready;
            await visualDiff(wrapper, name);
          });
        }
      }
    }
  }
});
