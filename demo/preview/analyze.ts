/**
 * What the preview knows about the editor's text: its syntax tree (for
 * positions), the verdict of what live pages will do, and the bundle that can
 * still be previewed. The validator is the one the elements and the CLI run.
 */
import type { Node } from 'jsonc-parser';
import { validateBundle, type Bundle } from '../../src/content/schema.js';
import { salvageBundle } from '../../src/content/salvage.js';
import { parseJson, type SyntaxProblem } from './json-positions.js';
import { notJson, verdictOf, type Verdict } from './verdict.js';

export interface Analysis {
  text: string;
  /** Where the text stops being JSON, when it does. */
  syntax?: SyntaxProblem;
  tree?: Node;
  verdict: Verdict;
  /** What live pages will show; absent when they show nothing. */
  bundle?: Bundle;
  /** Every problem counted once: blocking, or of a hidden item. */
  problemCount: number;
}

/** Analyses the editor's text. Never throws. */
export function analyze(text: string): Analysis {
  const { tree, syntax } = parseJson(text);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const problem = syntax ?? { offset: 0, line: 1, column: 1, message: `Not valid JSON: ${(error as Error).message}` };
    return { text, syntax: problem, verdict: notJson(problem.message), problemCount: 1 };
  }
  const result = validateBundle(input);
  const salvage = salvageBundle(input);
  const verdict = verdictOf(salvage, result);
  const problemCount = verdict.blocking.length + verdict.hidden.reduce((sum, item) => sum + item.problems.length, 0) + verdict.omitted;
  return { text, ...(tree ? { tree } : {}), verdict, ...(salvage.bundle ? { bundle: salvage.bundle } : {}), problemCount };
}
