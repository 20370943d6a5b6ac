/**
 * `therapy-widgets validate FILE|URL ...`: checks content bundles exactly as
 * the elements do (same size limit, same decoder, same validator, same items
 * hidden). Exit 0: all valid; 1: a bundle has problems (one `path: message`
 * line each); 2: unreadable input or bad usage. Bundle text is printed
 * escaped, so a bundle cannot write control characters to the terminal.
 */
import { messageOf } from '../content/content-error.js';
import { parseBundleBytes } from '../content/decode.js';
import { integrityOf } from '../content/integrity.js';
import { today } from '../content/clock.js';
import { bundleWarnings } from '../content/review.js';
import { salvageBundle, verdictWords, warningLines } from '../content/salvage.js';
import { formatProblems, type Bundle } from '../content/schema.js';
import { validateBundle } from '../content/validate.js';

interface Options {
  strict: boolean;
  readingGrade: boolean;
}

/** Lines for a valid bundle: its warnings, and its reading grades when asked for. */
async function notes(bundle: Bundle, options: Options): Promise<string[]> {
  const lines = warningLines(bundleWarnings(bundle, today()));
  if (options.readingGrade) {
    // Loaded only when asked for: the syllable counter is a tool for editors, not part of validation.
    const { readingGrades, GOAL_GRADE } = await import('../tools/reading-grade.js');
    for (const { kind, id, grade, longest } of readingGrades(bundle)) {
      const flag = grade > GOAL_GRADE ? ` (above ${GOAL_GRADE})` : '';
      lines.push(`reading grade ${kind} '${id}': ${grade}${flag}${longest[0] ? `; longest sentence: ${longest[0]}` : ''}`);
    }
  }
  return lines;
}

/** The lines for one bundle and its verdict: 0 valid, 1 problems (or warnings under --strict). */
async function check(target: string, bytes: Uint8Array<ArrayBuffer>, options: Options): Promise<{ lines: string[]; code: 0 | 1 }> {
  let input: unknown;
  try {
    input = parseBundleBytes(bytes, `in ${target}`);
  } catch (error) {
    return { lines: [`(root): ${messageOf(error)}`], code: 1 };
  }
  const result = validateBundle(input);
  if (result.ok) {
    // Unknown fields: the elements ignore them, so a misspelt field would drop content silently.
    const extra = [...warningLines(result.warnings), ...(await notes(result.bundle, options))];
    const warned = extra.some((line) => line.startsWith('warning: '));
    return { lines: [`valid (${result.bundle.id})`, `integrity ${await integrityOf(bytes)}`, ...extra], code: options.strict && warned ? 1 : 0 };
  }
  // Every problem first, then what live pages will do and each unknown field: the verdict's words (one salvage module decides).
  const { headline, warnings } = verdictWords(salvageBundle(input));
  return { lines: [...formatProblems(result.problems, result.omitted), headline, ...warnings], code: 1 };
}

/** Validates each target; returns the exit code. Writes through `out` and `err`. */
async function validateTargets(
  targets: readonly string[],
  options: Options,
  read: (target: string) => Promise<Uint8Array<ArrayBuffer>>,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let code = 0;
  for (const target of targets) {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await read(target);
    } catch (error) {
      err(`${target}: cannot read: ${messageOf(error)}`);
      code = 2;
      continue;
    }
    const verdict = await check(target, bytes, options);
    for (const line of verdict.lines) out(`${target}: ${line}`);
    code = Math.max(code, verdict.code);
  }
  return code;
}

/** Runs `validate`; returns the exit code (bad usage: 2, after `usage` on `err`). */
export async function validateCommand(
  args: readonly string[],
  read: (target: string) => Promise<Uint8Array<ArrayBuffer>>,
  out: (line: string) => void,
  err: (line: string) => void,
  usage: string,
): Promise<number> {
  const flags = args.filter((arg) => arg.startsWith('--'));
  const targets = args.filter((arg) => !arg.startsWith('--'));
  const unknown = flags.filter((flag) => flag !== '--strict' && flag !== '--reading-grade');
  if (targets.length === 0 || unknown.length > 0) {
    if (unknown.length > 0) err(`unknown option ${unknown.join(', ')}`);
    for (const line of usage.split('\n')) err(line);
    return 2;
  }
  return validateTargets(targets, { strict: flags.includes('--strict'), readingGrade: flags.includes('--reading-grade') }, read, out, err);
}
