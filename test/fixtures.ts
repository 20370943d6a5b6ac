/** Small bundles for tests, fresh objects on every call. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Draft = Record<string, any>;

/** A small valid bundle with one item of each kind. */
export function minimalBundle(): Draft {
  return {
    schemaVersion: 1,
    id: 'test-bundle',
    locale: 'en',
    title: 'Test bundle',
    publisher: { name: 'Test publisher', url: 'https://publisher.example/' },
    reviewedOn: '2024-05-06',
    disclaimer: 'Test disclaimer.',
    therapies: [
      {
        id: 'alpha',
        name: 'Alphamab',
        brandNames: ['Alphato'],
        drugClass: 'Test class',
        target: 'CD99',
        summary: 'Alpha summary.',
        howItWorks: ['Alpha works.'],
        whoItIsFor: 'Alpha patients.',
        keyPoints: ['Alpha point.'],
        risks: ['Alpha risk.'],
        sources: [{ title: 'Alpha label', url: 'https://label.example/alpha', publisher: 'Label site', date: '2024-01-02' }],
        reviewedOn: '2024-05-06',
      },
    ],
    articles: [
      {
        id: 'news-1',
        kicker: 'News',
        headline: 'Alpha news',
        publishedOn: '2024-03-04',
        summary: 'News summary.',
        takeaways: ['Takeaway one.'],
        url: 'https://news.example/1',
        therapyIds: ['alpha'],
      },
    ],
    experts: [{ id: 'dr-x', name: 'Dr. X', role: 'Doctor', affiliation: 'Test Hospital' }],
    quotes: [{ id: 'q1', expertId: 'dr-x', text: 'Alpha is good.', therapyIds: ['alpha'], articleId: 'news-1' }],
  };
}
