/**
 * Sentences of bundle text, as pure functions: whether a text is one whole
 * sentence (a quote chosen for a therapy should be), and the first sentence of
 * a text (what a compact card shows of the disclaimer).
 */

/** Ends a sentence, in the scripts a bundle is likely to use (Latin, CJK, Arabic). */
const SENTENCE_END = /[.!?…。！？؟]["'”’»)\]]*$/u;

/**
 * True when `text` reads as a whole sentence: its first letter is not a
 * lowercase one (scripts without case pass) and it ends with a full stop,
 * question or exclamation mark. "something that is innate…" is not one.
 */
export function isWholeSentence(text: string): boolean {
  const trimmed = text.trim();
  const first = /\p{L}/u.exec(trimmed)?.[0];
  return first !== undefined && !/\p{Ll}/u.test(first) && SENTENCE_END.test(trimmed);
}

/**
 * A piece that ends in a short title-case word or dotted initials and a full
 * stop (Dr., Mrs., e.g., U.S.): Unicode segmentation ends a sentence there,
 * but the sentence goes on. Taking one piece too many only shows more.
 */
const ABBREVIATION = /(?:^|[\s(])(?:\p{Lu}\p{Ll}{0,3}|\p{L}(?:\.\p{L})+)\.\s*$/u;

/** The first sentence of `text`, by the sentence rules of `locale` (Unicode segmentation), not cut after an abbreviation. */
export function firstSentence(text: string, locale: string): string {
  let sentence = '';
  for (const { segment } of new Intl.Segmenter(locale, { granularity: 'sentence' }).segment(text.trim())) {
    sentence += segment;
    if (!ABBREVIATION.test(sentence)) break;
  }
  return sentence.trim();
}
