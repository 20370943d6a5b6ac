/**
 * Reading grade of each item's own text: the Flesch-Kincaid US school grade
 * (goal: 8 or lower, as health-literacy guides ask), with its longest
 * sentences, so an editor knows what to shorten. Used by the preview page and
 * the CLI only; never imported by the widget script (src/define.ts).
 * Syllables are counted with English rules (`syllable`).
 */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import type { Bundle, ItemKind } from '../content/schema.js';

/** The grade the newsletter team aims for: at or below it is fine. */
export const GOAL_GRADE = 8;
/** How many of an item's longest sentences are listed. */
export const LONGEST_LISTED = 3;

export interface ReadingGrade {
  kind: ItemKind;
  id: string;
  /** US school grade, one decimal. */
  grade: number;
  /** The item's longest sentences (most words first). */
  longest: string[];
}

/** The prose of an item, one entry per block (a summary, each list entry): names and labels are not prose. */
function proseOf(bundle: Bundle): { kind: ItemKind; id: string; blocks: string[] }[] {
  const present = (...values: (string | readonly string[] | undefined)[]) => values.flat().filter((v): v is string => !!v);
  return [
    ...bundle.therapies.map((t) => ({ kind: 'therapies' as const, id: t.id, blocks: present(t.summary, t.howItWorks, t.howItIsGiven, t.whoItIsFor, t.keyPoints, t.risks) })),
    ...bundle.articles.map((a) => ({ kind: 'articles' as const, id: a.id, blocks: present(a.headline, a.summary, a.takeaways) })),
    ...bundle.quotes.map((q) => ({ kind: 'quotes' as const, id: q.id, blocks: present(q.context, q.text) })),
  ];
}

function words(sentence: string, words: Intl.Segmenter): string[] {
  return [...words.segment(sentence)].filter((part) => part.isWordLike).map((part) => part.segment);
}

/** The grade and longest sentences of some blocks of text. */
export function readingGrade(blocks: readonly string[], locale = 'en'): { grade: number; longest: string[] } {
  const sentenceSegmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const wordSegmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const sentences = blocks.flatMap((block) =>
    [...sentenceSegmenter.segment(block)].map((part) => part.segment.trim()).filter((sentence) => /\p{L}/u.test(sentence)),
  );
  const counted = sentences.map((sentence) => ({ sentence, words: words(sentence, wordSegmenter) }));
  const wordCount = counted.reduce((sum, s) => sum + s.words.length, 0);
  if (wordCount === 0) return { grade: 0, longest: [] };
  const syllables = counted.reduce((sum, s) => sum + s.words.reduce((n, word) => n + syllable(word), 0), 0);
  const grade = fleschKincaid({ sentence: counted.length, word: wordCount, syllable: syllables });
  const longest = [...counted]
    .sort((a, b) => b.words.length - a.words.length)
    .slice(0, LONGEST_LISTED)
    .map((s) => s.sentence);
  return { grade: Math.round(grade * 10) / 10, longest };
}

/** The reading grade of every item with prose of its own (therapies, articles, quotes), in bundle order. */
export function readingGrades(bundle: Bundle): ReadingGrade[] {
  return proseOf(bundle).map(({ kind, id, blocks }) => ({ kind, id, ...readingGrade(blocks, bundle.locale ?? 'en') }));
}
