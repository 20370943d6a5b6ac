/**
 * The verdict's problems as places in the editor's text: what the code editor
 * underlines and marks in its gutter. Positions come from the syntax tree
 * (json-positions.ts), the same places a problem button selects.
 */
import type { Problem } from '../../src/content/schema.js';
import type { Analysis } from './analyze.js';
import { locate } from './json-positions.js';

/** A problem at a span of the text (the shape of CodeMirror's `Diagnostic`). */
export interface TextProblem {
  from: number;
  to: number;
  severity: 'error';
  message: string;
}

/** Every problem of an analysis at its place in `analysis.text`, in text order. */
export function textProblems(analysis: Analysis): TextProblem[] {
  const length = analysis.text.length;
  if (analysis.syntax) {
    const from = Math.min(analysis.syntax.offset, length);
    return [{ from, to: Math.min(from + 1, length), severity: 'error', message: analysis.syntax.message }];
  }
  const problems: Problem[] = [...analysis.verdict.blocking, ...analysis.verdict.hidden.flatMap((item) => item.problems)];
  return problems
    .flatMap((problem) => {
      const place = locate(analysis.tree, problem.keys);
      return place ? [{ from: place.start, to: place.end, severity: 'error' as const, message: `${problem.path}: ${problem.message}` }] : [];
    })
    .sort((a, b) => a.from - b.from);
}
