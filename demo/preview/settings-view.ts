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

export function renderToolbar(view: ViewSettings, items: { key: string; label: string }[], set: (change: Partial<ViewSettings>) => void): TemplateResult {
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
  </div>`;
}

export function renderEmbedSettings(
  fields: EmbedFields,
  on: { edit: (change: Partial<EmbedFields>) => void; scriptUrlDone: () => void; bundleUrlDone: () => void },
): TemplateResult {
  const value = (e: Event) => (e.target as HTMLInputElement).value.trim();
  return html`<details class="embed-settings-panel">
    <summary>Embed code settings</summary>
    <div class="embed-settings">
      <label for="script-url">Script URL</label>
      <input id="script-url" type="url" .value=${fields.scriptUrl} @input=${(e: Event) => on.edit({ scriptUrl: value(e) })} @change=${on.scriptUrlDone} />
      <label for="script-integrity">Script integrity</label>
      <input
        id="script-integrity"
        type="text"
        placeholder="sha384-… from dist/integrity.json"
        .value=${fields.scriptIntegrity}
        @input=${(e: Event) => on.edit({ scriptIntegrity: value(e) })}
      />
      <label for="bundle-url">Bundle URL (src)</label>
      <input
        id="bundle-url"
        type="url"
        placeholder="none: the built-in default bundle"
        .value=${fields.bundleUrl}
        @input=${(e: Event) => on.edit({ bundleUrl: value(e) })}
        @change=${on.bundleUrlDone}
      />
      <label class="embed-settings__check"
        ><input type="checkbox" .checked=${live(fields.withScript)} @change=${(e: Event) => on.edit({ withScript: (e.target as HTMLInputElement).checked })} />
        Each item’s code includes the script tag (turn off for the second item on a page)</label
      >
      <p class="hint">
        Embed code loads the bundle from this URL (pinned with its integrity when it was loaded here). Publish the bundle there first; leave it
        empty for the built-in default bundle. The script tag is pinned with its integrity when given: the page’s own server fills it in from
        dist/integrity.json.
      </p>
    </div>
  </details>`;
}
