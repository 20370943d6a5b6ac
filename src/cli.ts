#!/usr/bin/env node
/**
 * `therapy-widgets validate FILE|URL ...`: checks content bundles exactly as
 * the elements do (same size limit, same decoder, same validator, same items
 * hidden). Exit 0: all valid; 1: a bundle has problems (one `path: message`
 * line each); 2: unreadable input or bad usage. Bundle text is printed
 * escaped, so a bundle cannot write control characters to the terminal.
 */
import { open } from 'node:fs/promises';
import { ContentError, messageOf } from './content/content-error.js';
import { parseBundleBytes } from './content/decode.js';
import { DEFAULT_MAX_BYTES, fetchBytes } from './content/fetch-bytes.js';
import { integrityOf } from './content/integrity.js';
import { checkBundle, describeHidden } from './content/load.js';
import { formatProblems, validateBundle } from './content/schema.js';

const USAGE = 'usage: therapy-widgets validate FILE|URL [FILE|URL ...]';

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

/** The lines for one bundle and its verdict: 0 valid, 1 problems. */
async function check(target: string, bytes: Uint8Array<ArrayBuffer>): Promise<{ lines: string[]; code: 0 | 1 }> {
  let input: unknown;
  try {
    input = parseBundleBytes(bytes, `in ${target}`);
  } catch (error) {
    return { lines: [`(root): ${messageOf(error)}`], code: 1 };
  }
  const result = validateBundle(input);
  if (result.ok) return { lines: [`valid (${result.bundle.id})`, `integrity ${await integrityOf(bytes)}`], code: 0 };
  const lines = formatProblems(result.problems, result.omitted);
  try {
    const { hidden } = checkBundle(input, `in ${target}`, target);
    lines.push(`live pages show every other item and hide ${hidden.length}:`, ...describeHidden(hidden).map((line) => `  ${line}`));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    lines.push('live pages show nothing of this bundle: it is unusable as a whole');
  }
  return { lines, code: 1 };
}

/** Validates each target; returns the exit code. Writes through `out` and `err`. */
async function validateTargets(targets: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
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
    const verdict = await check(target, bytes);
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
  const [command, ...targets] = args;
  if (command === '--help' || command === '-h') {
    out(USAGE);
    return 0;
  }
  if (command !== 'validate' || targets.length === 0) {
    err(USAGE);
    return 2;
  }
  return validateTargets(targets, out, err);
}

process.exitCode = await main(process.argv.slice(2));
