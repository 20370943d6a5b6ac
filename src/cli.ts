#!/usr/bin/env node
/**
 * `therapy-widgets validate FILE|URL ...`: checks content bundles with the
 * same validator the elements run. Exit 0: all valid; 1: a bundle has
 * problems (one `path: message` line each); 2: unreadable input or bad usage.
 */
import { readFile } from 'node:fs/promises';
import { formatProblems, validateBundle } from './content/schema.js';

const USAGE = 'usage: therapy-widgets validate FILE|URL [FILE|URL ...]';

async function read(target: string): Promise<string> {
  if (/^https?:\/\//i.test(target)) {
    const response = await fetch(target, { signal: AbortSignal.timeout(15_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    return response.text();
  }
  return readFile(target, 'utf8');
}

/** Validates each target; returns the exit code. Writes through `out` and `err`. */
async function validateTargets(
  targets: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let code = 0;
  for (const target of targets) {
    let text: string;
    try {
      text = await read(target);
    } catch (error) {
      err(`${target}: cannot read: ${(error as Error).message}`);
      code = 2;
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      out(`${target}: (root): not valid JSON: ${(error as Error).message}`);
      code = Math.max(code, 1);
      continue;
    }
    const result = validateBundle(json);
    if (result.ok) {
      out(`${target}: valid (${result.bundle.id})`);
      continue;
    }
    for (const line of formatProblems(result.problems, result.omitted)) out(`${target}: ${line}`);
    code = Math.max(code, 1);
  }
  return code;
}

async function main(args: readonly string[]): Promise<number> {
  const [command, ...targets] = args;
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'validate' || targets.length === 0) {
    console.error(USAGE);
    return 2;
  }
  return validateTargets(targets, (line) => console.log(line), (line) => console.error(line));
}

process.exitCode = await main(process.argv.slice(2));
