/**
 * What the preview knows about the editor's text: its syntax tree (for
 * positions), the verdict of what live pages will do, and the bundle that can
 * still be previewed. The validator is the one the elements and the CLI run.
 */
import type { Node } from 'jsonc-parser';
import { today } from '../../src/content/clock.js';
import { formatPath, type PathKey } from '../../src/content/problem.js';
import { bundleWarnings } from '../../src/content/review.js';
import { ITEM_KINDS, type Bundle, type ItemKind } from '../../src/content/schema.js';
import { validateBundle } from '../../src/content/validate.js';
import { salvageBundle, type Salvage } from '../../src/content/salvage.js';
import { GOAL_GRADE, readingGrades, type ReadingGrade } from '../../src/tools/reading-grade.js';
import { parseJson, type SyntaxProblem } from './json-positions.js';
import { notJson, verdictOf, type Verdict } from './verdict.js';

/** Something to look at that does not hide anything: review due, an article with no link, a reading grade above the goal. */
export interface AnalysisWarning {
  /** Where, as the editor's text writes it (input indexes). */
  keys: readonly PathKey[];
  path: string;
  message: string;
  code: string;
  /** Facts of its code (problem.ts): an unknown field's name and the closest known one. */
  value?: string;
  expected?: string;
  /** The item it is about, `kind:id`; '' for the bundle's own fields. */
  itemKey: string;
}

export interface Analysis {
  text: string;
  /** The parsed text, when it is JSON. */
  input?: unknown;
  /** Reading grades of the items live pages show (quotes marked verbatim). */
  grades: ReadingGrade[];
  /** Every warning on the items live pages show, in document order. */
  warnings: AnalysisWarning[];
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
    return { text, syntax: problem, verdict: notJson(problem.message), problemCount: 1, grades: [], warnings: [] };
  }
  const result = validateBundle(input);
  const salvage = salvageBundle(input);
  const grades = salvage.bundle ? readingGrades(salvage.bundle) : [];
  const warnings = salvage.bundle ? warningsOf(salvage, salvage.bundle, grades) : [];
  const verdict = verdictOf(salvage, result, warnings.length);
  const problemCount = verdict.blocking.length + verdict.hidden.reduce((sum, item) => sum + item.problems.length, 0) + verdict.omitted;
  return { text, input, ...(tree ? { tree } : {}), verdict, ...(salvage.bundle ? { bundle: salvage.bundle } : {}), problemCount, grades, warnings };
}

/** For each list, the input index of each item live pages show (salvage keeps their order). */
function shownIndexes(salvage: Salvage, bundle: Bundle): Record<ItemKind, number[]> {
  const indexes = {} as Record<ItemKind, number[]>;
  for (const kind of ITEM_KINDS) {
    const hidden = new Set(salvage.hidden.filter((item) => item.kind === kind).map((item) => item.index));
    const out: number[] = [];
    for (let index = 0; out.length < bundle[kind].length; index++) if (!hidden.has(index)) out.push(index);
    indexes[kind] = out;
  }
  return indexes;
}

/** The warnings of the shown items (and unknown fields anywhere: the verdict's), their places as the input writes them. */
function warningsOf(salvage: Salvage, bundle: Bundle, grades: readonly ReadingGrade[]): AnalysisWarning[] {
  const indexes = shownIndexes(salvage, bundle);
  const at = (kind: ItemKind, index: number, rest: readonly PathKey[], message: string, code: string): AnalysisWarning => {
    const keys = [kind, indexes[kind][index]!, ...rest];
    return { keys, path: formatPath(keys), message, code, itemKey: `${kind}:${bundle[kind][index]!.id}` };
  };
  const warnings: AnalysisWarning[] = salvage.warnings.map(({ keys, path, message, code, value, expected, item }) => ({
    keys,
    path,
    message,
    code,
    ...(value === undefined ? {} : { value }),
    ...(expected === undefined ? {} : { expected }),
    itemKey: item === undefined ? '' : `${String(keys[0])}:${item}`,
  }));
  warnings.push(...bundleWarnings(bundle, today()).map(({ keys, message, code }) => at(keys[0] as ItemKind, keys[1] as number, keys.slice(2), message, code)));
  for (const grade of grades) {
    if (grade.verbatim || grade.grade <= GOAL_GRADE) continue;
    const index = bundle[grade.kind].findIndex((item) => item.id === grade.id);
    warnings.push(at(grade.kind, index, [], `reads at grade ${grade.grade}, above the goal of ${GOAL_GRADE}: shorten the longest sentences`, 'reading-grade'));
  }
  return warnings.sort((a, b) => ITEM_KINDS.indexOf(a.keys[0] as ItemKind) - ITEM_KINDS.indexOf(b.keys[0] as ItemKind) || (a.keys[1] as number) - (b.keys[1] as number));
}
