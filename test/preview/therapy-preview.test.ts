import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { DRAFT_KEY } from '../../demo/preview/draft.js';
import { PUBLISH_LOCATION_KEY } from '../../demo/preview/embed-plan.js';
import type { TherapyPreview } from '../../demo/preview/therapy-preview.js';
import type { Draft } from '../fixtures.js';
import { blankPage, expectEmailSafe, parseHtml, settledIn } from '../output/helpers.js';
import { $, $$, choose, DEFAULT_ITEMS, json, openPreview, editorText, editorView, paste, problemPaths, root, selection, servedIntegrity, shown, summary, threeProblems, twoOfEach, typeInto } from './helpers.js';

describe('<therapy-preview>', () => {
  beforeEach(() => localStorage.removeItem(DRAFT_KEY));
  afterEach(() => {
    sinon.restore();
    localStorage.removeItem(DRAFT_KEY);
    localStorage.removeItem(PUBLISH_LOCATION_KEY);
    document.querySelectorAll('iframe').forEach((f) => f.remove());
  });

  it('loads the default bundle when there is no draft, and renders every item of it', async () => {
    const el = await openPreview();
    expect(shown(el)).to.deep.equal(DEFAULT_ITEMS);
    expect(el.itemElements().map((item) => item.state)).to.deep.equal(DEFAULT_ITEMS.map(() => 'ready'));
    expect(summary(el)).to.equal('The bundle is valid. Live pages will show 10 items and hide 0. 1 warning.');
    expect($<HTMLButtonElement>(el, 'button.discard').disabled).to.equal(true);
    expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
  });

  it('loads a bundle by URL through the bounded loader, and reports an HTTP error calmly', async () => {
    const el = await openPreview();
    const form = $<HTMLFormElement>(el, 'form');
    const input = form.elements.namedItem('url') as HTMLInputElement;
    input.value = `${location.origin}/__test__/status?code=404`;
    form.requestSubmit();
    await waitUntil(() => $(el, 'p.status').textContent!.includes('HTTP 404'), 'no HTTP 404 status', { timeout: 5000 });
    expect($(el, 'p.status').classList.contains('status--error')).to.equal(true);
    expect(shown(el)).to.deep.equal(DEFAULT_ITEMS);

    input.value = `${location.origin}/__test__/big?mb=3`;
    form.requestSubmit();
    await waitUntil(() => $(el, 'p.status').textContent!.includes('larger than'), 'no size error', { timeout: 5000 });

    input.value = `${location.origin}/src/content/all-immune-therapies.json`;
    form.requestSubmit();
    await waitUntil(() => $(el, 'p.status').textContent!.startsWith('Loaded '), 'the bundle did not load', { timeout: 5000 });
    await el.ready();
    expect(editorText(el)).to.contain('"all-immune-therapies"');
    expect(shown(el)).to.deep.equal(DEFAULT_ITEMS);
  });

  it('paste a valid bundle: every item renders', async () => {
    const el = await openPreview();
    await paste(el, json(twoOfEach()));
    expect(summary(el)).to.contain('The bundle is valid.');
    expect(shown(el)).to.deep.equal([
      'therapy-card alpha',
      'therapy-card beta',
      'news-teaser news-1',
      'news-teaser news-2',
      'expert-quote q1',
      'expert-quote q2',
    ]);
    const headings = el.itemElements().map((item) => item.shadowRoot!.querySelector('.heading, blockquote')!.textContent!.trim());
    expect(headings).to.deep.equal(['Alphamab', 'Betamab', 'Alpha news', 'Beta news', 'Alpha is good.', 'Beta helps.']);
    expect(summary(el)).to.contain('Live pages will show 8 items and hide 0.');
  });

  it('a misspelt field: the verdict warns of it with the closest known field, and the card still renders without it', async function () {
    this.timeout(30000);
    const el = await openPreview();
    const bundle = twoOfEach();
    bundle.therapies[0].whoItsFor = 'Adults whose ALL came back.';
    await paste(el, json(bundle));
    expect(summary(el)).to.equal('The bundle is valid. Live pages will show 8 items and hide 0. 3 warnings.');
    const warnings = $$(el, '[data-warnings] button');
    expect(warnings[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      "Alphamab: has a field 'whoItsFor' these widgets do not know, so live pages ignore it: did you mean 'whoItIsFor'? therapies[0]",
    );
    // Once in the verdict: the validator and the salvage verdict find it in one walk, and the preview lists it once.
    expect($(el, '.verdict').textContent!.split('whoItsFor')).to.have.length(2);
    expect(problemPaths(el)).to.deep.equal([]);
    expect(shown(el)).to.include('therapy-card alpha');
    warnings[0]!.click();
    await el.ready();
    expect(selection(el).text).to.contain('"id": "alpha"');
    await expect(el).to.be.accessible();
  });

  it('paste a bundle with three problems: one verdict of what live pages do, each problem once under its item', async () => {
    const el = await openPreview();
    const bundle = threeProblems();
    await paste(el, json(bundle));
    expect(summary(el)).to.equal('Live pages will show 5 items and hide 3. 1 warning.');
    expect(problemPaths(el)).to.deep.equal(['therapies[0].sources[0].url', 'articles[1].publishedOn', 'quotes[1].expertId']);
    // Each problem once, in words relative to its item, its JSON path beside it.
    const problems = $$(el, 'button.problem').map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(problems).to.deep.equal([
      'Sources › 1st source › link: must start with https:// or http:// therapies[0].sources[0].url',
      'publication date: 2024-02-30 is not a day of the calendar articles[1].publishedOn',
      "expert: no expert has the id 'dr-nobody' quotes[1].expertId",
    ]);
    // The valid items are still previewed; the others are named as hidden, with their problems under them.
    expect(shown(el)).to.deep.equal(['therapy-card beta', 'news-teaser news-1', 'expert-quote q1']);
    expect($$(el, '[data-hidden]').map((b) => b.dataset.hidden)).to.deep.equal(['therapies[0]', 'articles[1]', 'quotes[1]']);
    expect($$(el, '[data-hidden]').map((b) => b.textContent!.trim())).to.deep.equal([
      'Hidden: Therapy “Alphamab” (id alpha)',
      'Hidden: Article “Beta news” (id news-2)',
      'Hidden: Quote “Beta helps.” (id q2)',
    ]);

    bundle.articles[1].publishedOn = '2024-02-29';
    await paste(el, json(bundle));
    expect(summary(el)).to.match(/^Live pages will show 6 items and hide 2\. \d warnings?\.$/);
    expect(problemPaths(el)).to.deep.equal(['therapies[0].sources[0].url', 'quotes[1].expertId']);
    expect(shown(el)).to.deep.equal(['therapy-card beta', 'news-teaser news-1', 'news-teaser news-2', 'expert-quote q1']);
  });

  it('clicking a problem selects its place in the text and moves focus there', async () => {
    const el = await openPreview();
    await paste(el, json(threeProblems()));
    const view = editorView(el)!;
    view.contentDOM.blur();
    $<HTMLButtonElement>(el, 'button.problem[data-path="quotes[1].expertId"]').click();
    expect(view.hasFocus).to.equal(true);
    expect(selection(el).text).to.equal('"expertId": "dr-nobody"');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(view.scrollDOM.scrollTop).to.be.greaterThan(0);
    // A missing field: the object that lacks it.
    const bundle = twoOfEach();
    delete bundle.therapies[1].name;
    await paste(el, json(bundle));
    $<HTMLButtonElement>(el, 'button.problem[data-path="therapies[1].name"]').click();
    expect(selection(el).text).to.equal('{');
    expect(editorText(el).slice(selection(el).start, selection(el).start + 30)).to.contain('"id": "beta"');
    // The not-shown list points at its items too.
    $<HTMLButtonElement>(el, 'button[data-hidden="therapies[1]"]').click();
    expect(selection(el).text).to.match(/^\{\s+"id": "beta"[\s\S]*\}$/);
  });

  it('text that is not JSON: one plain problem with its line and column, pointing where the JSON breaks', async () => {
    const el = await openPreview();
    const text = '{\n  "id": "x",\n  "title": oops\n}';
    await paste(el, text);
    expect(problemPaths(el)).to.deep.equal(['(root)']);
    expect($(el, 'button.problem').textContent!.trim()).to.equal('Not valid JSON at line 3, column 12: this character cannot start a value (text needs double quotes).');
    expect(summary(el)).to.equal('Live pages will show nothing of this bundle.');
    // The last valid preview stays, marked as such, never a blank.
    expect(shown(el)).to.deep.equal(DEFAULT_ITEMS);
    expect($(el, '[data-stale]').textContent).to.equal('Showing the last valid version: fix line 3, column 12.');
    expect(root(el).querySelector('[data-blocked]')).to.equal(null);
    $<HTMLButtonElement>(el, 'button.problem').click();
    expect(selection(el).start).to.equal(text.indexOf('oops'));
  });

  it('a broken bundle-level field: problems listed, nothing previewed, and the page says why', async () => {
    const el = await openPreview();
    const bundle = twoOfEach();
    bundle.reviewedOn = 'yesterday';
    bundle.therapies[1].name = '';
    await paste(el, json(bundle));
    expect(problemPaths(el)).to.deep.equal(['reviewedOn', 'therapies[1].name']);
    expect(shown(el)).to.deep.equal([]);
    expect($(el, '[data-blocked]').textContent).to.contain('the bundle’s own fields');
  });

  it('markup in bundle text is shown as text on the page, never run', async () => {
    const el = await openPreview();
    const bundle = twoOfEach();
    const evil = '<img src=x onerror="window.__previewPwned=1"><script>window.__previewPwned=2</script>';
    bundle.therapies[0].name = evil;
    bundle.therapies[1].name = '';
    bundle.therapies[1].id = evil;
    await paste(el, json(bundle));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { __previewPwned?: number }).__previewPwned).to.equal(undefined);
    expect(root(el).querySelectorAll('img, script')).to.have.length(0);
    expect(el.itemElements()[0]!.shadowRoot!.querySelector('h3')!.textContent).to.equal(evil);
    expect($(el, '.hidden-items').textContent).to.contain(evil);
    expect(root(el).querySelector('.verdict')!.querySelectorAll('img, script')).to.have.length(0);
  });

  it('switches theme, width and language without re-creating the items or reloading', async () => {
    const el = await openPreview(1200);
    const before = el.itemElements();
    await choose(el, 'theme', 'dark');
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(before.map((item) => item.getAttribute('theme'))).to.deep.equal(before.map(() => 'dark'));
    expect(getComputedStyle(before[0]!.shadowRoot!.querySelector('.frame')!).backgroundColor).to.equal('rgb(22, 27, 34)');
    expect(document.documentElement.dataset.theme).to.equal('dark');

    await choose(el, 'width', 'phone');
    expect(before.map((item) => item.offsetWidth)).to.deep.equal(before.map(() => 360));
    await choose(el, 'width', 'desktop');
    // A desktop width (the cards' wide layout starts at 576 px), zoomed out to fit the column, never below 75 %.
    await waitUntil(() => before[0]!.getBoundingClientRect().width < 1200, 'the desktop stage was not scaled to fit');
    for (const item of before) {
      expect(item.offsetWidth).to.be.within(576, 1280);
      expect(item.currentCSSZoom).to.be.within(0.75, 1);
    }

    await choose(el, 'lang', 'es');
    expect(before[0]!.shadowRoot!.textContent).to.contain('Cómo funciona');
    expect(before[4]!.shadowRoot!.textContent).to.contain('Fuente');
    expect(el.itemElements()).to.deep.equal(before);
    await choose(el, 'theme', 'light');
    expect(document.documentElement.dataset.theme).to.equal('light');
  });

  it('keeps the code shown in open panels in step with theme and language', async () => {
    const el = await openPreview();
    const email = $<HTMLDetailsElement>(el, 'details[data-export="email"]');
    const embed = $<HTMLDetailsElement>(el, 'details[data-export="embed"]');
    email.open = true;
    embed.open = true;
    await waitUntil(() => email.querySelector('pre')?.textContent?.includes('bgcolor="#ffffff"'), 'light e-mail HTML');
    await choose(el, 'theme', 'dark');
    await waitUntil(() => email.querySelector('pre')?.textContent?.includes('bgcolor="#161b22"'), 'dark e-mail HTML');
    await waitUntil(() => embed.querySelector('pre')?.textContent?.includes('theme="dark"'), 'dark embed code');
    await choose(el, 'lang', 'es');
    await waitUntil(() => email.querySelector('pre')?.textContent?.includes('Cómo funciona'), 'Spanish e-mail HTML');
    // The frame runs nothing, and shows the whole e-mail: as tall as its content, no inner scroll.
    const frame = email.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).to.equal('allow-same-origin');
    await waitUntil(() => frame.contentDocument?.body?.textContent?.includes('Cómo funciona'), 'the e-mail frame did not load');
    await waitUntil(() => frame.clientHeight >= frame.contentDocument!.documentElement.scrollHeight, 'the e-mail frame scrolls');
    expect(frame.clientHeight).to.be.greaterThan(800);
    expect(frame.contentDocument!.querySelector('meta[name="color-scheme"]')!.getAttribute('content')).to.equal('only dark');
  });

  it('copies e-mail HTML that parses, holds no script, custom element or javascript: URL, and only absolute links', async () => {
    const copied: string[] = [];
    sinon.stub(navigator.clipboard, 'writeText').callsFake(async (text: string) => {
      copied.push(text);
    });
    const el = await openPreview();
    await choose(el, 'theme', 'dark');
    for (const button of $$<HTMLButtonElement>(el, 'button[data-copy="email"]')) button.click();
    await waitUntil(() => copied.length === DEFAULT_ITEMS.length, 'not everything was copied');
    copied.forEach((text, index) => {
      const doc = expectEmailSafe(text);
      expect(doc.querySelector('td')!.getAttribute('bgcolor'), DEFAULT_ITEMS[index]).to.equal('#161b22');
    });
    expect(parseHtml(copied[0]!).querySelector('h3')!.textContent).to.equal('CAR T-cell therapy');
    await waitUntil(() => $$(el, '.item__copy-status').every((s) => s.textContent === 'E-mail HTML copied'));
    // The code shown in the page is the code copied.
    const details = $<HTMLDetailsElement>(el, 'details[data-export="email"]');
    details.open = true;
    await waitUntil(() => details.querySelector('pre'));
    expect(details.querySelector('pre')!.textContent).to.equal(copied[0]);
  });

  it('copies embed code that, in a blank page with the built script, renders the same item', async () => {
    const copied: string[] = [];
    sinon.stub(navigator.clipboard, 'writeText').callsFake(async (text: string) => {
      copied.push(text);
    });
    const el = await openPreview();
    await choose(el, 'lang', 'es');
    const scriptUrl = $<HTMLInputElement>(el, '#script-url');
    scriptUrl.value = `${location.origin}/dist/therapy-widgets.js`;
    scriptUrl.dispatchEvent(new Event('input'));
    scriptUrl.dispatchEvent(new Event('change'));
    await waitUntil(() => $<HTMLInputElement>(el, '#script-integrity').value.startsWith('sha384-'), 'the served integrity was not filled in');
    const items = el.itemElements();
    for (const index of [1, 3, 8]) {
      copied.length = 0;
      $$<HTMLButtonElement>(el, 'button[data-copy="embed"]')[index]!.click();
      await waitUntil(() => copied.length === 1);
      // Pinned with the integrity the build wrote beside the script (dist/integrity.json, served here).
      const integrity = (await (await fetch('/dist/integrity.json')).json())['therapy-widgets.js'];
      const script = parseHtml(copied[0]!).querySelector('script')!;
      expect(script.getAttribute('src')).to.match(/^http:\/\/127\.0\.0\.1:\d+\/dist\/therapy-widgets\.js$/);
      expect(script.getAttribute('integrity')).to.equal(integrity);
      expect(script.getAttribute('crossorigin')).to.equal('anonymous');
      // The test server rewrites the scripts it serves (esbuild), so pin what it serves here.
      const frame = await blankPage(copied[0]!.replace(integrity, await servedIntegrity(script.getAttribute('src')!)));
      const [copy] = await settledIn(frame.contentDocument!);
      const heading = (item: Element) => item.shadowRoot!.querySelector('.heading, blockquote')!.textContent!.trim();
      expect(copy!.getAttribute('state')).to.equal('ready');
      expect(heading(copy!)).to.equal(heading(items[index]!));
      expect(copy!.shadowRoot!.textContent).to.contain(index === 8 ? 'Fuente' : index === 3 ? 'Ideas principales' : 'Cómo funciona');
      frame.remove();
    }
  });

  it('when the clipboard API is refused, copies the old way or shows the code to copy by hand', async () => {
    sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('denied', 'NotAllowedError'));
    const execCommand = sinon.stub(document, 'execCommand').returns(false);
    const el = await openPreview();
    $<HTMLButtonElement>(el, 'button[data-copy="embed"]').click();
    await waitUntil(() => $(el, '.item__copy-status').textContent!.includes('Could not copy'));
    expect(execCommand.calledWith('copy')).to.equal(true);
    const details = $<HTMLDetailsElement>(el, 'details[data-export="embed"]');
    expect(details.open).to.equal(true);
    await waitUntil(() => details.querySelector('pre')?.textContent?.includes('<therapy-card therapy="car-t"'));
    execCommand.returns(true);
    $<HTMLButtonElement>(el, 'button[data-copy="email"]').click();
    await waitUntil(() => $(el, '.item__copy-status').textContent === 'E-mail HTML copied');
  });

  it('keeps the draft in localStorage only, and sends nothing anywhere', async () => {
    const el = await openPreview();
    const fetchSpy = sinon.spy(window, 'fetch');
    const beacon = sinon.spy(navigator, 'sendBeacon');
    sinon.stub(navigator.clipboard, 'writeText').resolves();
    await paste(el, json(threeProblems()));
    $<HTMLButtonElement>(el, 'button[data-copy="email"]').click();
    $<HTMLButtonElement>(el, 'button[data-copy="embed"]').click();
    await waitUntil(() => $(el, '.item__copy-status').textContent!.includes('copied'));
    expect(fetchSpy.callCount).to.equal(0);
    expect(beacon.callCount).to.equal(0);
    expect(JSON.parse(localStorage.getItem(DRAFT_KEY)!).text).to.equal(json(threeProblems()));
    expect($<HTMLButtonElement>(el, 'button.discard').disabled).to.equal(false);
  });

  it('the draft survives a page reload; discarding it restores the default', async function () {
    this.timeout(30000); // three page loads, each compiling the code editor's modules
    const frame = document.createElement('iframe');
    frame.style.width = '1200px';
    frame.style.height = '800px';
    frame.src = '/demo/preview.html';
    const load = () => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    let loaded = load();
    document.body.append(frame);
    await loaded;
    const page = async () => {
      const doc = frame.contentDocument!;
      await waitUntil(() => frame.contentWindow!.customElements.get('therapy-preview'), 'preview not defined', { timeout: 8000 });
      const el = doc.querySelector('therapy-preview') as TherapyPreview;
      await waitUntil(() => el.shadowRoot && editorText(el), 'no text', { timeout: 8000 });
      await el.ready();
      return el;
    };
    let el = await page();
    const defaultText = editorText(el);
    expect(shown(el)).to.deep.equal(DEFAULT_ITEMS);
    const draft = json(threeProblems());
    await paste(el, draft);
    expect(problemPaths(el)).to.have.length(3);

    loaded = load();
    frame.contentWindow!.location.reload();
    await loaded;
    el = await page();
    expect(editorText(el)).to.equal(draft);
    expect(problemPaths(el)).to.deep.equal(['therapies[0].sources[0].url', 'articles[1].publishedOn', 'quotes[1].expertId']);
    expect($(el, '.status').textContent).to.contain('draft was restored');
    expect($(el, '.source').textContent).to.contain('Saved as a draft');

    // An edit still inside its debounce when the page goes away is kept too.
    const quick = draft.replace('Beta helps.', 'Beta helps a lot.');
    typeInto(el, 0, editorText(el).length, quick);
    loaded = load();
    frame.contentWindow!.location.reload();
    await loaded;
    el = await page();
    expect(editorText(el)).to.equal(quick);

    $<HTMLButtonElement>(el, 'button.discard').click();
    $<HTMLButtonElement>(el, 'dialog.confirm button[value="replace"]').click();
    await waitUntil(() => editorText(el) === defaultText, 'the default did not come back');
    await el.ready();
    expect(shown(el)).to.deep.equal(DEFAULT_ITEMS);
    expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
    expect($(el, '.status').textContent).to.contain('Draft discarded');

    loaded = load();
    frame.contentWindow!.location.reload();
    await loaded;
    el = await page();
    expect(editorText(el)).to.equal(defaultText);
  });

  it('loads a bundle from a URL, and uses that URL as the src of embed code', async () => {
    const el = await openPreview();
    const bundle = twoOfEach();
    sinon.stub(window, 'fetch').callsFake(async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url === 'https://content.example/bundle.json') return new Response(json(bundle), { headers: { 'content-type': 'application/json' } });
      return new Response('missing', { status: 404, statusText: 'Not Found' });
    });
    const url = $<HTMLInputElement>(el, '#url');
    url.value = 'https://content.example/bundle.json';
    $<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await waitUntil(() => shown(el).length === 6, 'the bundle did not load');
    expect($(el, '.source').textContent).to.contain('From https://content.example/bundle.json');
    const copied: string[] = [];
    sinon.stub(navigator.clipboard, 'writeText').callsFake(async (text: string) => {
      copied.push(text);
    });
    $<HTMLButtonElement>(el, 'button[data-copy="embed"]').click();
    await waitUntil(() => copied.length === 1);
    expect(parseHtml(copied[0]!).querySelector('therapy-card')!.getAttribute('src')).to.equal('https://content.example/bundle.json');

    url.value = 'https://content.example/missing.json';
    $<HTMLButtonElement>(el, 'form button[type="submit"]').click();
    await waitUntil(() => $(el, '.status').classList.contains('status--error'));
    expect($(el, '.status').textContent).to.contain('HTTP 404');
    expect(shown(el)).to.have.length(6);
  });

  it('opens a bundle from the file picker and from a dropped file', async () => {
    const el = await openPreview();
    const file = (bundle: Draft, name: string) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([json(bundle)], name, { type: 'application/json' }));
      return transfer;
    };
    const picker = $<HTMLInputElement>(el, 'input[type="file"]');
    picker.files = file(twoOfEach(), 'picked.json').files;
    picker.dispatchEvent(new Event('change'));
    await waitUntil(() => shown(el).length === 6, 'the picked file did not load');
    expect($(el, '.source').textContent).to.contain('From the file picked.json');

    const dropZone = $(el, '.drop');
    const transfer = file(threeProblems(), 'dropped.json');
    dropZone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(dropZone.classList.contains('drop--active')).to.equal(true);
    dropZone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await waitUntil(() => problemPaths(el).length === 3, 'the dropped file did not load');
    expect($(el, '.source').textContent).to.contain('From the file dropped.json');
    expect(dropZone.classList.contains('drop--active')).to.equal(false);
  });

  it('takes an editor from a broken bundle to a clean one and a copied newsletter block, on one page', async () => {
    const copied: string[] = [];
    sinon.stub(navigator.clipboard, 'writeText').callsFake(async (text: string) => {
      copied.push(text);
    });
    const el = await openPreview();
    await paste(el, json(threeProblems()));
    // Fix each problem where the list points, as an editor would: select it, type over it.
    const fixes: Record<string, string> = {
      'therapies[0].sources[0].url': '"url": "https://label.example/alpha"',
      'articles[1].publishedOn': '"publishedOn": "2024-02-29"',
      'quotes[1].expertId': '"expertId": "dr-y"',
    };
    for (const [path, replacement] of Object.entries(fixes)) {
      $<HTMLButtonElement>(el, `button.problem[data-path="${path}"]`).click();
      const { start, text } = selection(el);
      typeInto(el, start, start + text.length, replacement);
      await el.ready();
      expect(problemPaths(el), `after fixing ${path}`).not.to.include(path);
    }
    expect(summary(el)).to.equal('The bundle is valid. Live pages will show 8 items and hide 0. 2 warnings.');
    expect(root(el).querySelector('.hidden-items')).to.equal(null);
    expect(shown(el)).to.have.length(6);
    $$<HTMLButtonElement>(el, 'button[data-copy="email"]')[3]!.click();
    await waitUntil(() => copied.length === 1);
    const doc = expectEmailSafe(copied[0]!);
    expect(doc.querySelector('h3')!.textContent).to.equal('Beta news');
    expect(doc.body.textContent).to.contain('February 29, 2024');
  });

  it('is accessible (axe) in light and dark, with problems, hidden items and code shown', async function () {
    this.timeout(40000);
    // With a publish location, so an edited bundle's embed code is shown too.
    localStorage.setItem(PUBLISH_LOCATION_KEY, 'https://cards.example.org/therapy/');
    const el = await openPreview();
    await paste(el, json(threeProblems()));
    for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
    await waitUntil(() => $$(el, 'details[data-export] pre').length === 3 * el.itemElements().length, 'code not shown');
    await expect(el).to.be.accessible();
    await choose(el, 'theme', 'dark');
    await waitUntil(() => $$(el, 'details[data-export] pre').length === 3 * el.itemElements().length, 'code not shown');
    await expect(el).to.be.accessible();
  });

  it('is keyboard usable: every control is a native, focusable control with a name', async () => {
    const el = await openPreview();
    const controls = $$(el, 'button, input, select, summary, a[href]').filter((control) => !control.closest('dialog'));
    expect(editorView(el)!.contentDOM.tabIndex).to.equal(0);
    for (const control of controls) {
      const named = control.getAttribute('aria-label') || control.textContent!.trim() || (control as HTMLInputElement).labels?.length;
      expect(named, control.outerHTML).to.be.ok;
      expect(control.tabIndex, control.outerHTML).to.be.at.least(0);
    }
    // Radios move with the arrow keys within their group: one tab stop each.
    expect([...new Set($$<HTMLInputElement>(el, 'input[type="radio"]').map((r) => r.name))]).to.deep.equal(['theme', 'width', 'lang', 'variant', 'zoom', 'heading-level']);
  });
});
