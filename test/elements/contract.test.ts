// The shared content-element suite (contract.ts), once for each element.
import '../../src/define.js';
import { contentElementContract } from './contract.js';

contentElementContract({
  tag: 'therapy-card',
  select: 'therapy="alpha"',
  itemId: 'alpha',
  rename: (bundle, name) => (bundle.therapies[0].name = name),
});

contentElementContract({
  tag: 'news-teaser',
  select: 'article="news-1"',
  itemId: 'news-1',
  rename: (bundle, name) => (bundle.articles[0].headline = name),
});

contentElementContract({
  tag: 'expert-quote',
  select: 'quote="q1"',
  itemId: 'q1',
  rename: (bundle, name) => (bundle.quotes[0].text = name),
});
