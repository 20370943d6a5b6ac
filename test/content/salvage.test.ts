import { expect } from '@open-wc/testing';
import { salvageBundle, type HiddenItem } from '../../src/content/salvage.js';
import { MAX_PROBLEMS } from '../../src/content/schema.js';
import { validateBundle } from '../../src/content/validate.js';
import { minimalBundle, type Draft } from '../fixtures.js';

/** minimalBundle() with a second therapy, article and quote. */
function biggerBundle(): Draft {
  const bundle = minimalBundle();
  bundle.therapies.push({ id: 'beta', name: 'Betamab' });
  bundle.articles.push({ id: 'news-2', headline: 'Beta news', publishedOn: '2024-04-01', therapyIds: ['beta', 'alpha'] });
  bundle.quotes.push({ id: 'q2', expertId: 'dr-x', text: 'Beta helps.', therapyIds: ['beta'], articleId: 'news-2' });
  return bundle;
}

/** A hidden item without its problem list, to compare in one line. */
function brief({ kind, index, id, reason }: HiddenItem) {
  return { kind, index, ...(id === undefined ? {} : { id }), reason };
}

describe('salvageBundle', () => {
  it('returns a valid bundle unchanged, hiding nothing', () => {
    const result = salvageBundle(minimalBundle());
    expect(result.hidden).to.deep.equal([]);
    expect(result.blocking).to.deep.equal([]);
    expect(result.bundle!.therapies.map((t) => t.id)).to.deep.equal(['alpha']);
  });

  it('leaves out each item with a problem, says why, and keeps the rest', () => {
    const bundle = biggerBundle();
    bundle.therapies[0].sources[0].url = 'javascript:alert(1)';
    bundle.quotes[0].text = '   ';
    const result = salvageBundle(bundle);
    expect(result.bundle!.therapies.map((t) => t.id)).to.deep.equal(['beta']);
    expect(result.bundle!.quotes.map((q) => q.id)).to.deep.equal(['q2']);
    expect(result.hidden.map(brief)).to.deep.equal([
      { kind: 'therapies', index: 0, id: 'alpha', reason: 'therapies[0].sources[0].url: must be an https:, http: or relative URL' },
      { kind: 'quotes', index: 0, id: 'q1', reason: 'quotes[0].text: must not be empty or only spaces' },
    ]);
    expect(validateBundle(result.bundle).ok).to.equal(true);
  });

  it('drops references to hidden items, and the quotes of a hidden expert', () => {
    const bundle = biggerBundle();
    bundle.therapies[1].name = '';
    bundle.articles[1].publishedOn = '2024-02-30';
    bundle.experts[0].url = 'data:text/html,hi';
    const result = salvageBundle(bundle);
    const shown = result.bundle!;
    expect(shown.therapies.map((t) => t.id)).to.deep.equal(['alpha']);
    expect(shown.articles.map((a) => a.id)).to.deep.equal(['news-1']);
    expect(shown.quotes).to.deep.equal([]);
    expect(result.hidden.map((h) => `${h.kind}[${h.index}]`)).to.deep.equal(['therapies[1]', 'articles[1]', 'experts[0]', 'quotes[0]', 'quotes[1]']);
    const dependent = result.hidden.find((h) => h.id === 'q1')!;
    expect(dependent.dependsOn).to.deep.equal({ kind: 'experts', index: 0, id: 'dr-x' });
    expect(dependent.reason).to.equal("quotes[0].expertId: hidden because its expert 'dr-x' (experts[0]) is hidden");
    expect(validateBundle(shown).ok).to.equal(true);
  });

  it('keeps an item whose only link to a hidden item is a reference', () => {
    const bundle = biggerBundle();
    bundle.therapies[1].reviewedOn = 'soon';
    bundle.quotes[1].articleId = 'news-2';
    bundle.articles[1].headline = '';
    const result = salvageBundle(bundle);
    const quote = result.bundle!.quotes.find((q) => q.id === 'q2')!;
    expect(quote.therapyIds).to.deep.equal([]);
    expect(quote).not.to.have.property('articleId');
    expect(result.bundle!.articles.map((a) => a.id)).to.deep.equal(['news-1']);
  });

  it('hides the later of two items with one id, keeping references to the first', () => {
    const bundle = biggerBundle();
    bundle.therapies.push({ id: 'alpha', name: 'Second alpha' });
    const result = salvageBundle(bundle);
    expect(result.bundle!.therapies.map((t) => t.name)).to.deep.equal(['Alphamab', 'Betamab']);
    expect(result.bundle!.articles[1]!.therapyIds).to.deep.equal(['beta', 'alpha']);
    expect(result.hidden.map(brief)).to.deep.equal([
      { kind: 'therapies', index: 2, id: 'alpha', reason: "therapies[2].id: duplicate id 'alpha' (also at therapies[0])" },
    ]);
  });

  it('counts further problems of one item in its reason', () => {
    const bundle = minimalBundle();
    Object.assign(bundle.therapies[0], { name: 7, reviewedOn: '2024-13-01', risks: 'many' });
    const [hidden] = salvageBundle(bundle).hidden;
    expect(hidden!.reason).to.match(/^therapies\[0\]\.name: .* \(and 2 more problems\)$/);
  });

  it('previews nothing when a bundle-level field is broken, and says which', () => {
    const bundle = minimalBundle();
    bundle.disclaimer = '';
    bundle.therapies[0].name = '';
    const result = salvageBundle(bundle);
    expect(result.bundle).to.equal(undefined);
    expect(result.hidden).to.deep.equal([]);
    expect(result.blocking.map((p) => p.path)).to.deep.equal(['disclaimer']);
  });

  it('previews nothing for a list that is not a list, or input that is not an object', () => {
    const bundle = minimalBundle();
    bundle.quotes = { q1: bundle.quotes[0] };
    expect(salvageBundle(bundle).blocking.map((p) => p.path)).to.deep.equal(['quotes']);
    expect(salvageBundle([1, 2]).blocking.map((p) => p.path)).to.deep.equal(['(root)']);
    expect(salvageBundle(null).bundle).to.equal(undefined);
  });

  it('hides every broken item past the problem cap, each with its first problem', () => {
    const bundle = minimalBundle();
    for (let i = 0; i < MAX_PROBLEMS + 20; i++) bundle.therapies.push({ id: `t${i}`, name: '' });
    bundle.therapies.push(null);
    bundle.therapies.push({ id: 'last', name: 'Last' });
    const result = salvageBundle(bundle);
    expect(result.bundle!.therapies.map((t) => t.id)).to.deep.equal(['alpha', 'last']);
    expect(result.hidden).to.have.length(MAX_PROBLEMS + 21);
    expect(result.hidden.at(-1)).to.include({ kind: 'therapies', index: MAX_PROBLEMS + 21 });
    expect(result.hidden.at(-1)!.problems.map((p) => p.path)).to.deep.equal([`therapies[${MAX_PROBLEMS + 21}]`]);
    expect(result.omitted).to.equal(21);
    expect(validateBundle(result.bundle).ok).to.equal(true);
  });
});
