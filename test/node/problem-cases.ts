// A representative set of broken bundles, one for each way a bundle can be
// wrong: the problems test pins what validation and salvage say of each.
type Doc = Record<string, any>;

export function minimal(): Doc {
  return {
    schemaVersion: 1,
    id: 'b',
    title: 'T',
    publisher: { name: 'P', url: 'https://p.example' },
    reviewedOn: '2024-01-10',
    disclaimer: 'D',
    therapies: [{ id: 'alpha', name: 'Alphamab', sources: [{ title: 'Label', url: 'https://l.example', date: '2020-01-01' }] }],
    articles: [{ id: 'a1', headline: 'H', publishedOn: '2024-01-01', therapyIds: ['alpha'], image: { src: '/i.jpg', alt: '' } }],
    experts: [{ id: 'dr-x', name: 'Dr. X' }],
    quotes: [{ id: 'q1', expertId: 'dr-x', text: 'Works.', therapyIds: ['alpha'], articleId: 'a1' }],
  };
}

function changed(change: (doc: Doc) => void): Doc {
  const doc = minimal();
  change(doc);
  return doc;
}

/** [name, input]: each a bundle with one kind of problem, or several. */
export const PROBLEM_CASES: [string, () => unknown][] = [
  ['a number', () => 5],
  ['a list', () => []],
  ['null', () => null],
  ['schemaVersion 2', () => changed((b) => (b.schemaVersion = 2))],
  ['schemaVersion "1"', () => changed((b) => (b.schemaVersion = '1'))],
  ['no schemaVersion', () => changed((b) => delete b.schemaVersion)],
  ['no id, title or publisher name', () => changed((b) => (delete b.id, delete b.title, delete b.publisher.name))],
  ['publisher a list', () => changed((b) => (b.publisher = []))],
  ['bundle reviewedOn 2021-02-30', () => changed((b) => (b.reviewedOn = '2021-02-30'))],
  ['locale en_US and 123', () => changed((b) => ((b.locale = 'en_US'), (b.id = '-x')))],
  ['disclaimer blank and invisible title', () => changed((b) => ((b.disclaimer = ' '), (b.title = '\u200b')))],
  ['therapies not a list', () => changed((b) => (b.therapies = 'x'))],
  ['bundle review order', () => changed((b) => (b.nextReviewOn = '2020-01-01'))],
  ['a therapy that is a list', () => changed((b) => (b.therapies[0] = []))],
  ['a therapy with many problems', () => changed((b) => Object.assign(b.therapies[0], { name: 5, brandNames: 'X', howItWorks: ['ok', 3], sources: [{ url: 'javascript:alert(1)', date: '2021-3-1' }, 'x'] }))],
  ['a therapy without name', () => changed((b) => delete b.therapies[0].name)],
  ['duplicate therapy id', () => changed((b) => b.therapies.push({ id: 'alpha', name: 'Again' }))],
  ['an id with a space', () => changed((b) => (b.experts[0].id = 'dr x'))],
  ['article image and video', () => changed((b) => Object.assign(b.articles[0], { image: { src: 'data:x', alt: 5 }, video: { url: 'https://v.example' } }))],
  ['article publishedOn bad', () => changed((b) => (b.articles[0].publishedOn = '2021-02-29'))],
  ['unknown references', () => changed((b) => Object.assign(b.quotes[0], { expertId: 'nobody', articleId: 'gone', therapyIds: ['alpha', 'beta'] }))],
  ['a hidden expert hides its quote', () => changed((b) => delete b.experts[0].name)],
  ['a hidden therapy and article leave the quote', () => changed((b) => ((b.therapies[0].name = ''), (b.articles[0].headline = 7)))],
  ['item review order', () => changed((b) => (b.therapies[0].nextReviewOn = '2000-01-01'))],
  ['150 nameless therapies', () => changed((b) => (b.therapies = Array.from({ length: 150 }, (_, i) => ({ id: `t${i}` }))))],
  ['150 nameless therapies and a bad disclaimer', () => changed((b) => ((b.therapies = Array.from({ length: 150 }, (_, i) => ({ id: `t${i}`, name: i % 2 ? 'N' : 5 }))), (b.disclaimer = '')))],
  ['a big item', () => changed((b) => (b.therapies[0].keyPoints = Array.from({ length: 2500 }, (_, i) => i)))],
  ['more values than the limit', () => changed((b) => (b.therapies = new Array(2_000_001).fill(0)))],
  ['a Proxy that throws', () => changed((b) => (b.publisher = new Proxy({}, { ownKeys: () => { throw new Error('no'); } })))],
];
