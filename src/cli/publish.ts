/**
 * `therapy-widgets publish BUNDLE(FILE|URL) --base-url URL --out DIR`: writes
 * the content site of a bundle (SPEC section 9) into DIR, for a static host
 * to serve at URL. Needs the built widget files (`npm run build` in a clone;
 * the package ships them).
 */
import { messageOf } from '../content/content-error.js';
import { publishSite } from '../output/site/write-site.js';

export const PUBLISH_USAGE = `usage: therapy-widgets publish FILE|URL --base-url URL --out DIR

  --base-url URL   where the site will be served from (https://cards.example.org/therapy/)
  --out DIR        the folder to write; publishing again into it rewrites it and keeps
                   every earlier bundle at its hash-named address (pinned embeds keep working)`;

/** Runs `publish`; returns the exit code (0 written, 1 a problem with the bundle, 2 bad usage or unreadable input). */
export async function publishCommand(
  args: readonly string[],
  read: (target: string) => Promise<Uint8Array<ArrayBuffer>>,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  if (args.includes('--help')) {
    for (const line of PUBLISH_USAGE.split('\n')) out(line);
    return 0;
  }
  const values: Record<string, string> = {};
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--base-url' || arg === '--out') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return usage(`${arg} needs a value`, err);
      values[arg] = value;
    } else if (arg.startsWith('--')) return usage(`unknown option ${arg}`, err);
    else targets.push(arg);
  }
  if (targets.length !== 1) return usage(targets.length ? `one bundle at a time (got ${targets.join(', ')})` : 'no bundle given', err);
  const baseUrl = values['--base-url'];
  const outDir = values['--out'];
  if (!baseUrl || !outDir) return usage(`${baseUrl ? '--out' : '--base-url'} is required`, err);
  const target = targets[0]!;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await read(target);
  } catch (error) {
    err(`${target}: cannot read: ${messageOf(error)}`);
    return 2;
  }
  try {
    const result = await publishSite({ bytes, baseUrl, outDir });
    for (const hidden of result.hidden) err(`warning: left out of the site: ${hidden.reason}`);
    for (const path of result.removed) out(`removed ${path}`);
    out(`published ${result.written.length} files to ${outDir}, for ${result.base}`);
    out(`catalogue: ${result.base}`);
    return 0;
  } catch (error) {
    err(`${target}: ${messageOf(error)}`);
    return 1;
  }
}

function usage(problem: string, err: (line: string) => void): number {
  err(problem);
  for (const line of PUBLISH_USAGE.split('\n')) err(line);
  return 2;
}
