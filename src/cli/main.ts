#!/usr/bin/env node
/**
 * The `therapy-widgets` command: picks the command (`validate`, `render`,
 * `publish`) and hands it the arguments, the reader of bundles and the
 * terminal's writers.
 * Each command lives in its own file beside this one.
 */
import { readTarget } from './read-target.js';
import { writer } from './terminal.js';
import { validateCommand } from './validate.js';

const USAGE = `usage: therapy-widgets validate [--strict] [--reading-grade] FILE|URL [FILE|URL ...]
       therapy-widgets render FILE|URL [--item ID ...] [options]   (render --help for its options)
       therapy-widgets publish FILE|URL --base-url URL --out DIR    (publish --help for more)

  --strict          warnings (review due, an article with no link, an unknown field) fail too (exit 1)
  --reading-grade   print each item's US reading grade (goal 8 or lower) and its longest sentence`;

async function main(args: readonly string[]): Promise<number> {
  const out = writer(process.stdout);
  const err = writer(process.stderr);
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h') {
    // Line by line: the writer escapes control characters, line breaks included.
    for (const line of USAGE.split('\n')) out(line);
    return 0;
  }
  if (command === 'render') {
    // Loaded only for this command: the server renderer is not part of validation.
    const { renderCommand } = await import('./render.js');
    return renderCommand(rest, readTarget, (html) => process.stdout.write(html), err);
  }
  if (command === 'publish') {
    // Loaded only for this command, like render.
    const { publishCommand } = await import('./publish.js');
    return publishCommand(rest, readTarget, out, err);
  }
  if (command === 'validate') return validateCommand(rest, readTarget, out, err, USAGE);
  for (const line of USAGE.split('\n')) err(line);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
