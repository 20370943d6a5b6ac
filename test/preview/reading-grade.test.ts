import { expect } from '@open-wc/testing';
import { GOAL_GRADE, readingGrade, readingGrades } from '../../src/tools/reading-grade.js';
import { minimalBundle } from '../fixtures.js';

/** Every module URL src/define.ts pulls in, as the dev server serves them. */
async function moduleGraph(entry: string): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [new URL(entry, location.origin).href];
  while (queue.length > 0) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = await (await fetch(url)).text();
    for (const match of code.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]/g)) {
      queue.push(new URL(match[1] ?? match[2]!, url).href);
    }
  }
  return seen;
}

describe('reading grade', () => {
  it('rates short plain sentences low and long, many-syllable ones high', () => {
    const plain = readingGrade(['The drug helps your body. It finds the cancer. Then it kills it.']);
    const hard = readingGrade([
      'Inotuzumab ozogamicin is an antibody-drug conjugate administered intravenously to adults with relapsed or refractory B-cell precursor acute lymphoblastic leukemia, following evaluation of hepatic function.',
    ]);
    expect(plain.grade).to.be.below(GOAL_GRADE);
    expect(hard.grade).to.be.above(GOAL_GRADE);
  });

  it('lists the longest sentences first', () => {
    const { longest } = readingGrade(['Short one.', 'This sentence is the longest of the three by far.', 'A middle sentence here.'], 'en');
    expect(longest).to.deep.equal(['This sentence is the longest of the three by far.', 'A middle sentence here.', 'Short one.']);
  });

  it('grades every therapy, article and quote by its own text (how it is given; a quote with its context)', () => {
    const bundle = minimalBundle();
    const grades = readingGrades(bundle as never);
    expect(grades.map((g) => `${g.kind} ${g.id}`)).to.deep.equal(['therapies alpha', 'articles news-1', 'quotes q1']);
    expect(grades.find((g) => g.id === 'q1')!.longest).to.deep.equal(['Alpha is good.']);
    bundle.therapies[0].howItIsGiven = ['Alpha is given as an infusion into a vein over several hours every single week.'];
    bundle.quotes[0].context = 'On alpha';
    const more = readingGrades(bundle as never);
    expect(more[0]!.longest[0], 'howItIsGiven is graded').to.equal(bundle.therapies[0].howItIsGiven[0]);
    expect(more.find((g) => g.id === 'q1')!.longest, 'the context with the quote').to.deep.equal(['Alpha is good.', 'On alpha']);
    for (const grade of grades) expect(grade.grade).to.be.a('number');
  });

  it('is never part of the widget script', async () => {
    const graph = [...(await moduleGraph('/src/define.ts'))];
    expect(graph.some((url) => url.includes('/src/therapy-card/'))).to.equal(true);
    expect(graph.filter((url) => /reading-grade|syllable|flesch-kincaid/.test(url))).to.deep.equal([]);
  });
});
