/**
 * The preview's settings: how items are shown (theme, width, language,
 * variant, heading level, one item in all combinations) and what embed code
 * carries (script URL and integrity, bundle URL, the script tag or not).
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { UI_LANGUAGES } from '../../src/internal/strings.js';
import { WIDTH_PX, ZOOMS, type PreviewTheme, type PreviewVariant, type PreviewWidth, type PreviewZoom } from './item-view.js';

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Español' };
const HEADING_LEVELS = ['2', '3', '4'] as const;

export interface ViewSettings {
  theme: PreviewTheme;
  width: PreviewWidth;
  uiLang: string;
  variant: PreviewVariant;
  headingLevel: number;
  zoom: PreviewZoom;
  /** Key of the item shown in all combinations; undefined: every item. */
  grid: string | undefined;
}

export interface EmbedFields {
  /** The content site's base URL; '' for none. */
  publishLocation: string;
  /** With a publish location: the addresses the code loads from the site (shown in place of the fields they replace). */
  fromSite?: { scriptUrl: string; scriptIntegrity: string; bundleUrl: string };
  scriptUrl: string;
  scriptIntegrity: string;
  bundleUrl: string;
  withScript: boolean;
}

function radios<T extends string>(name: string, legend: string, values: readonly T[], current: string, label: (v: T) => unknown, set: (v: T) => void): TemplateResult {
  return html`<fieldset>
    <legend>${legend}</legend>
    ${values.map(
      (value) => html`<label>
        <input type="radio" name=${name} .value=${value} .checked=${live(current === value)} @change=${() => set(value)} />
        ${label(value)}
      </label>`,
    )}
  </fieldset>`;
}

/** The language notice, once for the page: labels in one language, the content in another (not a problem). */
export function languageNotice(uiLang: string, contentLocale: string | undefined): string {
  const content = contentLocale ?? 'en';
  if (uiLang.split('-')[0]!.toLowerCase() === content.split('-')[0]!.toLowerCase()) return '';
  return `Labels are in ${LANGUAGE_NAMES[uiLang] ?? uiLang}, the content in ${LANGUAGE_NAMES[content.split('-')[0]!.toLowerCase()] ?? content}: each part is marked with its language, as on a live page.`;
}

export function renderToolbar(
  view: ViewSettings,
  items: { key: string; label: string }[],
  set: (change: Partial<ViewSettings>) => void,
  notice = '',
): TemplateResult {
  return html`<div class="toolbar" role="group" aria-label="Preview settings">
    ${radios('theme', 'Theme', ['light', 'dark'] as const, view.theme, (v) => (v === 'light' ? 'Light' : 'Dark'), (theme) => set({ theme }))}
    ${radios('width', 'Width', ['phone', 'desktop'] as const, view.width, (v) => `${v === 'phone' ? 'Phone' : 'Desktop'} (${WIDTH_PX[v]} px)`, (width) => set({ width }))}
    ${radios('lang', 'Language', UI_LANGUAGES, view.uiLang, (v) => html`<span lang=${v}>${LANGUAGE_NAMES[v] ?? v}</span>`, (uiLang) => set({ uiLang }))}
    ${radios('variant', 'Variant', ['full', 'compact'] as const, view.variant, (v) => (v === 'full' ? 'Full' : 'Compact'), (variant) => set({ variant }))}
    ${radios('zoom', 'Zoom', ZOOMS, view.zoom, (v) => (v === 'fit' ? 'Fit (text 12 px or larger)' : `${Number(v) * 100} %`), (zoom) => set({ zoom }))}
    ${radios('heading-level', 'Heading level', HEADING_LEVELS, String(view.headingLevel), (v) => `h${v}`, (v) => set({ headingLevel: Number(v) }))}
    <div class="toolbar__grid">
      <label for="grid-item">All combinations of</label>
      <select id="grid-item" @change=${(e: Event) => set({ grid: (e.target as HTMLSelectElement).value || undefined })}>
        <option value="" ?selected=${!view.grid}>(off: every item)</option>
        ${items.map((item) => html`<option value=${item.key} ?selected=${view.grid === item.key}>${item.label}</option>`)}
      </select>
    </div>
    ${notice ? html`<p class="notice" data-language-notice>${notice}</p>` : ''}
  </div>`;
}

export function renderEmbedSettings(
  fields: EmbedFields,
  on: {
    edit: (change: Partial<EmbedFields>) => void;
    scriptUrlDone: () => void;
    bundleUrlDone: () => void;
    publishLocationDone: (value: string) => void;
  },
): TemplateResult {
  const value = (e: Event) => (e.target as HTMLInputElement).value.trim();
  const site = fields.fromSite;
  return html`<details class="embed-settings-panel" ?open=${!!fields.publishLocation}>
    <summary>Embed code settings${fields.publishLocation ? html` (publish location: ${fields.publishLocation})` : ''}</summary>
    <div class="embed-settings">
      <label for="publish-location">Publish location</label>
      <input
        id="publish-location"
        type="text"
        inputmode="url"
        placeholder="none: https://cards.example.org/therapy/"
        aria-describedby="publish-location-hint"
        .value=${live(fields.publishLocation)}
        @change=${(e: Event) => on.publishLocationDone(value(e))}
      />
      <p class="hint" id="publish-location-hint">
        The address of your content site, made by <code>therapy-widgets publish --base-url</code>. Kept in this browser. Embed code then loads
        the bundle exactly as it is in the editor from the site, pinned, with the script and stylesheet from beside it.
      </p>
      <label for="script-url">Script URL</label>
      <input
        id="script-url"
        type="url"
        .value=${live(site?.scriptUrl ?? fields.scriptUrl)}
        ?readonly=${!!site}
        @input=${(e: Event) => on.edit({ scriptUrl: value(e) })}
        @change=${on.scriptUrlDone}
      />
      <label for="script-integrity">Script integrity</label>
      <input
        id="script-integrity"
        type="text"
        placeholder="sha384-… from dist/integrity.json"
        ?readonly=${!!site}
        .value=${live(site?.scriptIntegrity ?? fields.scriptIntegrity)}
        @input=${(e: Event) => on.edit({ scriptIntegrity: value(e) })}
      />
      <label for="bundle-url">Bundle URL (src)</label>
      <input
        id="bundle-url"
        type="url"
        placeholder="none: the built-in default bundle"
        ?readonly=${!!site}
        .value=${live(site?.bundleUrl ?? fields.bundleUrl)}
        @input=${(e: Event) => on.edit({ bundleUrl: value(e) })}
        @change=${on.bundleUrlDone}
      />
      <label class="embed-settings__check"
        ><input type="checkbox" .checked=${live(fields.withScript)} @change=${(e: Event) => on.edit({ withScript: (e.target as HTMLInputElement).checked })} />
        Each item’s code includes the script tag (turn off for the second item on a page)</label
      >
      <p class="hint">
        Without a publish location, embed code loads the bundle from this URL (pinned with its integrity when it was loaded here); empty: the
        built-in bundle. The script tag is pinned with its integrity, filled in for any script this page’s own server serves.
      </p>
    </div>
  </details>`;
}
