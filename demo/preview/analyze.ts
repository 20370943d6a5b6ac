/**
 * What the preview knows about the editor's text: parsed or not, the
 * validator's problems (the same `validateBundle` the elements and the CLI
 * run), where each one is in the text, and what can still be previewed.
 */
import { problemAt, validateBundle, type Problem } from '../../src/content/schema.js';
import { salvageBundle, type Salvage } from '../../src/content/salvage.js';
import { lineOf, locate, mapJson, type JsonMap, type Location } from './json-map.js';

/** A problem and where it is in the text. */
export interface PlacedProblem extends Problem {
  location?: Location;
  /** 1-based line of `location.start`. */
  line?: number;
}

export interface Analysis {
  text: string;
  /** False when the text is not JSON. */
  parsed: boolean;
  problems: PlacedProblem[];
  /** Problems found beyond the validator's limit. */
  omitted: number;
  salvage: Salvage;
  map: JsonMap;
}

function place(text: string, problem: Problem, location: Location | undefined): PlacedProblem {
  if (!location) return { ...problem };
  return { ...problem, location, line: lineOf(text, location.start) + 1 };
}

/** Analyses the editor's text. Never throws. */
export function analyze(text: string): Analysis {
  const map = mapJson(text);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    // The CLI's wording, so the page and the CLI agree.
    const problem = problemAt([], `not valid JSON: ${(error as Error).message}`);
    const at = Math.min(map.errorAt ?? 0, text.length);
    const location = { start: at, end: Math.min(at + 1, text.length), exact: true };
    return { text, parsed: false, problems: [place(text, problem, location)], omitted: 0, salvage: { hidden: [], blocking: [problem], omitted: 0 }, map };
  }
  const result = validateBundle(input);
  const salvage = salvageBundle(input);
  const problems = result.ok ? [] : result.problems.map((problem) => place(text, problem, locate(map, problem.path)));
  return { text, parsed: true, problems, omitted: result.ok ? 0 : result.omitted, salvage, map };
}
