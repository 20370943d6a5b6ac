import { expect, waitUntil } from '@open-wc/testing';
import { forEachDiagnostic } from '@codemirror/lint';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import { DRAFT_KEY } from '../../demo/preview/draft.js';
import type { TherapyPreview } from '../../demo/preview/therapy-preview.js';
import { integrityOf } from '../../src/content/integrity.js';
import { $, $$, choose, DEFAULT_ITEMS, editorText, editorView, json, openPreview, paste, root, shown, threeProblems, twoOfEach, typeInto } from './helpers.js';

/** The code editor's problems: the text each one marks. */
function marked(el: TherapyPreview): string[] {
  const view = editorView(el)!;
  const spans: string[] = [];
  forEachDiagnostic(view.state, (_diagnostic, from, to) => spans.push(view.state.sliceDoc(from, to)));
  return spans;
}

/** Ctrl+Z, as a user presses it. */
async function undoKey(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'KeyZ' });
  await sendKeys({ up: 'Control' });
}

const dialog = (el: TherapyPreview) => $<HTMLDialogElement>(el, 'dialog.confirm');

/** Loads a URL through the form. */
function submitUrl(el: TherapyPreview, url: string): void {
  const form = $<HTMLFormElement>(el, 'form.row');
  (form.elements.namedItem('url') as HTMLInputElement).value = url;
  form.requestSubmit();
}

/** Answers the open question of the dialog. */
function answer(el: TherapyPreview, value: 'keep' | 'replace'): void {
  $<HTMLButtonElement>(el, `dialog.confirm button[value="${value}"]`).click();
}

describe('<therapy-preview> editor', () => {
  beforeEach(() => localStorage.removeItem(DRAFT_KEY));
  afterEach(async () => {
    sinon.restore();
    localStorage.removeItem(DRAFT_KEY);
    await setViewport({ width: 800, height: 600 });
  });

  it('is a code editor with line numbers and wrapped lines, named for screen readers, that Tab leaves', async () => {
    const el = await openPreview();
    const view = editorView(el)!;
    const numbers = $$(el, '.cm-lineNumbers .cm-gutterElement')
      .filter((n) => n.style.visibility !== 'hidden')
      .map((n) => n.textContent);
    expect(numbers.slice(0, 4)).to.deep.equal(['1', '2', '3', '4']);
    expect(view.contentDOM.classList.contains('cm-lineWrapping')).to.equal(true);
    // A long summary wraps: its line is several rows high, and nothing scrolls sideways.
    const bundle = twoOfEach();
    bundle.therapies[0].summary = 'A summary long enough to need several rows in any editor column, as real summaries do. '.repeat(3);
    await paste(el, json(bundle));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const line = $$(el, '.cm-line').find((row) => row.textContent!.includes('"summary": "A summary long'))!;
    expect(line.getBoundingClientRect().height).to.be.greaterThan(view.defaultLineHeight * 1.5);
    expect(view.scrollDOM.scrollWidth).to.be.at.most(view.scrollDOM.clientWidth);
    expect(view.contentDOM.getAttribute('aria-labelledby')).to.equal('json-label');
    expect($(el, '#json-label').textContent).to.equal('Bundle JSON');
    // Tab is not taken by the editor (no indentWithTab): it moves focus on.
    view.focus();
    await sendKeys({ press: 'Tab' });
    expect(editorText(el)).not.to.match(/^\t|^ {2}\{/);
    expect(view.hasFocus).to.equal(false);
  });

  it('marks each problem in place: an underline at the exact span and a gutter marker', async () => {
    const el = await openPreview();
    await paste(el, json(threeProblems()));
    await waitUntil(() => marked(el).length === 3, 'problems not marked');
    expect(marked(el)).to.deep.equal(['"url": "javascript:alert(1)"', '"publishedOn": "2024-02-30"', '"expertId": "dr-nobody"']);
    await waitUntil(() => root(el).querySelectorAll('.cm-lintRange-error').length === 3, 'no underline');
    expect(root(el).querySelectorAll('.cm-lint-marker-error').length).to.equal(3);
    // A syntax error: marked where the JSON breaks.
    const text = '{\n  "id": "x",\n  "title": oops\n}';
    await paste(el, text);
    await waitUntil(() => marked(el).length === 1, 'syntax error not marked');
    expect(marked(el)).to.deep.equal(['o']);
    expect(editorView(el)!.state.doc.lineAt(text.indexOf('oops')).number).to.equal(3);
  });

  it('a syntax error keeps the last valid preview, marked as such; fixing it updates it again', async () => {
    const el = await openPreview();
    await paste(el, json(twoOfEach()));
    const valid = editorText(el);
    typeInto(el, valid.indexOf('"Betamab"'), valid.indexOf('"Betamab"') + 1, '');
    await el.ready();
    expect(shown(el)).to.include('therapy-card beta');
    expect($(el, '[data-stale]').textContent).to.match(/^Showing the last valid version: fix line \d+, column \d+\.$/);
    typeInto(el, 0, editorText(el).length, valid.replace('Betamab', 'Betamab 2'));
    await el.ready();
    expect(root(el).querySelector('[data-stale]')).to.equal(null);
    expect(el.itemElements()[1]!.shadowRoot!.textContent).to.contain('Betamab 2');
  });

  it('"Download bundle" saves the exact bytes of the editor, and the integrity shown is theirs', async () => {
    const el = await openPreview();
    const text = `${json(twoOfEach())}\n\n  `.replace('Beta helps.', 'Beta helps — ü ✓.');
    await paste(el, text);
    const clicked: HTMLAnchorElement[] = [];
    sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    $<HTMLButtonElement>(el, 'button[data-download]').click();
    expect(clicked).to.have.length(1);
    expect(clicked[0]!.download).to.equal('test-bundle.json');
    const bytes = new Uint8Array(await (await fetch(clicked[0]!.href)).arrayBuffer());
    expect([...bytes]).to.deep.equal([...new TextEncoder().encode(text)]);
    await waitUntil(() => $(el, '[data-integrity]').textContent!.startsWith('sha384-'), 'no integrity shown');
    expect($(el, '[data-integrity]').textContent).to.equal(await integrityOf(bytes));
    expect(el.textIntegrity).to.equal(await integrityOf(bytes));
  });

  it('asks before a load replaces an edited draft: keep leaves it, replace loads, Ctrl+Z brings it back', async () => {
    const el = await openPreview();
    const draft = json(twoOfEach());
    await paste(el, draft);
    const url = `${location.origin}/src/content/all-immune-therapies.json`;
    submitUrl(el, url);
    expect(dialog(el).open).to.equal(true);
    expect(dialog(el).textContent).to.contain(`Load ${url} instead of your edited draft?`);
    answer(el, 'keep');
    expect(dialog(el).open).to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(editorText(el)).to.equal(draft);

    const origin = () => $(el, '#json-hint').textContent!;
    expect(origin()).to.match(/^The default bundle, edited\./);
    submitUrl(el, url);
    answer(el, 'replace');
    await waitUntil(() => editorText(el).includes('"all-immune-therapies"'), 'not loaded', { timeout: 5000 });
    await el.ready();
    expect(shown(el)).to.deep.equal(DEFAULT_ITEMS);
    expect(origin()).to.match(new RegExp(`^From ${url.replace(/[.?]/g, '\\$&')}\\. `));

    editorView(el)!.focus();
    await undoKey();
    expect(editorText(el)).to.equal(draft);
    await el.ready();
    expect(shown(el)).to.have.length(6);
    expect(origin(), 'the undone load takes its origin with it').to.match(/^The default bundle, edited\./);
    expect(JSON.parse(localStorage.getItem(DRAFT_KEY)!).text).to.equal(draft);
  });

  it('asks before discarding an edited draft; Ctrl+Z brings the draft back', async () => {
    const el = await openPreview();
    const defaultText = editorText(el);
    const draft = json(twoOfEach());
    await paste(el, draft);
    $<HTMLButtonElement>(el, 'button.discard').click();
    expect(dialog(el).open).to.equal(true);
    answer(el, 'keep');
    expect(editorText(el)).to.equal(draft);
    expect(localStorage.getItem(DRAFT_KEY)).not.to.equal(null);
    $<HTMLButtonElement>(el, 'button.discard').click();
    answer(el, 'replace');
    await waitUntil(() => editorText(el) === defaultText, 'the default did not come back', { timeout: 5000 });
    editorView(el)!.focus();
    await undoKey();
    expect(editorText(el)).to.equal(draft);
  });

  for (const width of [1280, 1440]) {
    it(`at ${width}×900 the first render fits each desktop preview to its column`, async () => {
      await setViewport({ width, height: 900 });
      const el = await openPreview();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const column = $(el, '.preview').getBoundingClientRect();
      for (const fit of $$(el, '.item__fit')) {
        expect(fit.scrollWidth, 'scroll width').to.be.at.most(fit.clientWidth);
        const card = (fit.firstElementChild!.firstElementChild as HTMLElement).getBoundingClientRect();
        expect(card.right, 'right edge').to.be.at.most(column.right);
      }
    });
  }

  it('scaled previews never show text below 12 px, at every zoom and width', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await openPreview();
    const smallest = () =>
      Math.min(
        ...el.itemElements().flatMap((item) =>
          [...item.shadowRoot!.querySelectorAll('*')]
            .filter((node) => [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim()))
            .map((node) => Number.parseFloat(getComputedStyle(node).fontSize) * (node as HTMLElement).currentCSSZoom),
        ),
      );
    for (const zoom of ['fit', '0.75', '1']) {
      await choose(el, 'zoom', zoom);
      for (const width of ['desktop', 'phone']) {
        await choose(el, 'width', width);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expect(smallest(), `${zoom} ${width}`).to.be.at.least(12);
        for (const fit of $$(el, '.item__fit')) expect(fit.scrollWidth, `${zoom} ${width}`).to.be.at.most(fit.clientWidth);
      }
    }
  });

  it('at Phone width items sit side by side: no half-empty column', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await openPreview();
    await choose(el, 'width', 'phone');
    const tops = $$(el, '.items > .item').map((item) => Math.round(item.getBoundingClientRect().top));
    expect(new Set(tops).size).to.be.at.most(Math.ceil(tops.length / 2));
  });

  it('"All combinations" is a grid: light and dark side by side', async () => {
    await setViewport({ width: 1440, height: 900 });
    const el = await openPreview();
    const select = $<HTMLSelectElement>(el, '#grid-item');
    select.value = 'quotes:oluwole-game-changer';
    select.dispatchEvent(new Event('change'));
    await el.ready();
    const cells = $$(el, '.grid__cell');
    expect(cells).to.have.length(8);
    const rect = (cell: HTMLElement) => cell.getBoundingClientRect();
    const phoneLight = cells.find((c) => c.dataset.combo === 'light phone en')!;
    const phoneDark = cells.find((c) => c.dataset.combo === 'dark phone en')!;
    expect(Math.round(rect(phoneDark).top)).to.equal(Math.round(rect(phoneLight).top));
    expect(rect(phoneDark).left).to.be.greaterThan(rect(phoneLight).right);
    for (const [light, dark] of [['light desktop en', 'dark desktop en'], ['light phone es', 'dark phone es']]) {
      const cell = (combo: string) => cells.find((c) => c.dataset.combo === combo)!;
      expect(rect(cell(dark)).top, `${dark} beside or under ${light}`).to.be.at.least(rect(cell(light)).top - 1);
    }
    expect(new Set(cells.map((c) => Math.round(rect(c).top))).size).to.be.at.most(6);
  });

  it('the settings bar never covers an item while scrolling', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await openPreview();
    const item = $$(el, '.items > .item')[2]!;
    item.scrollIntoView({ block: 'start' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const bar = $(el, '.toolbar').getBoundingClientRect();
    const top = item.getBoundingClientRect();
    expect(bar.bottom <= top.top || bar.top >= top.bottom, 'the bar overlaps the item').to.equal(true);
  });

  it('is accessible (axe) with the code editor, its marks and the question dialog', async function () {
    this.timeout(30000);
    const el = await openPreview();
    await paste(el, json(threeProblems()));
    await waitUntil(() => root(el).querySelectorAll('.cm-lintRange-error').length > 0, 'no marks');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'button.discard').click();
    expect(dialog(el).open).to.equal(true);
    await expect(el).to.be.accessible();
    answer(el, 'keep');
  });
});
