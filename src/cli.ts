#!/usr/bin/env node
/**
 * `therapy-widgets render FILE|URL ...`: writes pre-rendered cards (see
 * src/ssr/render-command.ts).
 *
 * `therapy-widgets validate FILE|URL ...`: checks content bundles exactly as
 * the elements do (same size limit, same decoder, same validator, same items
 * hidden). Exit 0: all valid; 1: a bundle has problems (one `path: message`
 * line each); 2: unreadable input or bad usage. Bundle text is printed
 * escaped, so a bundle cannot write control characters to the terminal.
 */
import { open } from 'node:fs/promises';
import { messageOf } from './content/content-error.js';
import { parseBundleBytes } from './content/decode.js';
import { DEFAULT_MAX_BYTES, fetchBytes } from './content/fetch-bytes.js';
import { integrityOf } from './content/integrity.js';
import { today } from './content/clock.js';
import { bundleWarnings } from './content/review.js';
import { salvageBundle, verdictLines } from './content/salvage.js';
import { formatProblems, validateBundle, type Bundle } from './content/schema.js';

const USAGE = `usage: therapy-widgets validate [--strict] [--reading-grade] FILE|URL [FILE|URL ...]
       therapy-widgets render FILE|URL [--item ID ...] [options]   (render --help for its options)

  --strict          warnings (review due, an article with no link) fail too (exit 1)
  --reading-grade   print each item's US reading grade (goal 8 or lower) and its longest sentence`;

interface Options {
  strict: boolean;
  readingGrade: boolean;
}

/** C0 and C1 controls, DEL, and the bidi controls that reorder what follows. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character shown as `\u001b`, so it cannot steer the terminal. */
function escapeText(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A file's bytes, refusing more than the elements would accept. */
async function readFileCapped(path: string): Promise<Uint8Array<ArrayBuffer>> {
  const file = await open(path, 'r');
  try {
    const buffer = new Uint8Array(DEFAULT_MAX_BYTES + 1);
    let size = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, size, buffer.length - size, null);
      if (bytesRead === 0) return buffer.slice(0, size);
      size += bytesRead;
      if (size > DEFAULT_MAX_BYTES) throw new Error(`larger than ${DEFAULT_MAX_BYTES / 1024} KB, the limit the elements apply`);
    }
  } finally {
    await file.close();
  }
}

async function read(target: string): Promise<Uint8Array<ArrayBuffer>> {
  if (/^https?:\/\//i.test(target)) return (await fetchBytes(target)).bytes;
  return readFileCapped(target);
}

/** Lines for a valid bundle: its warnings, and its reading grades when asked for. */
async function notes(bundle: Bundle, options: Options): Promise<string[]> {
  const lines = bundleWarnings(bundle, today()).map((warning) => `warning: ${warning.path}: ${warning.message}`);
  if (options.readingGrade) {
    // Loaded only when asked for: the syllable counter is a tool for editors, not part of validation.
    const { readingGrades, GOAL_GRADE } = await import('./tools/reading-grade.js');
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
    const extra = await notes(result.bundle, options);
    const warned = extra.some((line) => line.startsWith('warning: '));
    return { lines: [`valid (${result.bundle.id})`, `integrity ${await integrityOf(bytes)}`, ...extra], code: options.strict && warned ? 1 : 0 };
  }
  // Every problem first, then what live pages will do: the preview's words (one salvage module decides).
  return { lines: [...formatProblems(result.problems, result.omitted), verdictLines(salvageBundle(input))[0]!], code: 1 };
}

/** Validates each target; returns the exit code. Writes through `out` and `err`. */
async function validateTargets(targets: readonly string[], options: Options, out: (line: string) => void, err: (line: string) => void): Promise<number> {
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

/** A writer of escaped lines that goes quiet once the reader has gone (`| head`). */
function writer(stream: NodeJS.WriteStream): (line: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (line) => {
    if (!closed) stream.write(`${escapeText(line)}\n`);
  };
}

async function main(args: readonly string[]): Promise<number> {
  const out = writer(process.stdout);
  const err = writer(process.stderr);
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h') {
    out(USAGE);
    return 0;
  }
  if (command === 'render') {
    // Loaded only for this command: the server renderer is not part of validation.
    const { renderCommand } = await import('./ssr/render-command.js');
    return renderCommand(rest, read, (html) => process.stdout.write(html), err);
  }
  const flags = rest.filter((arg) => arg.startsWith('--'));
  const targets = rest.filter((arg) => !arg.startsWith('--'));
  const unknown = flags.filter((flag) => flag !== '--strict' && flag !== '--reading-grade');
  if (command !== 'validate' || targets.length === 0 || unknown.length > 0) {
    if (unknown.length > 0) err(`unknown option ${unknown.join(', ')}`);
    for (const line of USAGE.split('\n')) err(line);
    return 2;
  }
  return validateTargets(targets, { strict: flags.includes('--strict'), readingGrade: flags.includes('--reading-grade') }, out, err);
}

process.exitCode = await main(process.argv.slice(2));
