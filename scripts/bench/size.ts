/**
 * Where the bytes of dist/therapy-widgets.js come from: builds it in memory
 * with the project's Vite config plus a source map, and credits every byte of
 * the minified output to the module its source-map segment points at. The
 * gzip column shares the whole file's gzip size (level 9) out in proportion
 * to each module's minified bytes: an estimate, since gzip does not compress
 * every module equally well.
 *
 * `tsx scripts/bench/size.ts` prints the table; `npm run bench` prints it
 * beside the verdict on the ceiling.
 */
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface ModuleSize {
  /** The module, relative to the repo (`node_modules/` shortened to the package path). */
  module: string;
  /** Bytes of the minified script credited to it. */
  bytes: number;
  /** Its share of the script's gzip size, in bytes. */
  gzipShare: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The fields of one source-map segment (base64 VLQ), as deltas. */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return fields;
}

/** UTF-8 bytes of `code` per source of `map`: each segment owns the columns up to the next one. */
function bytesPerSource(code: string, map: { sources: string[]; mappings: string }): Map<string, number> {
  const totals = new Map<string, number>();
  const credit = (source: string, bytes: number) => totals.set(source, (totals.get(source) ?? 0) + bytes);
  const lines = code.split('\n');
  const mappings = map.mappings.split(';');
  let source = 0;
  for (const [index, line] of lines.entries()) {
    let column = 0;
    let owner = '(no source)';
    for (const segment of (mappings[index] ?? '').split(',').filter(Boolean)) {
      const [columnDelta = 0, sourceDelta] = decodeSegment(segment);
      const next = column + columnDelta;
      credit(owner, Buffer.byteLength(line.slice(column, next)));
      column = next;
      if (sourceDelta === undefined) owner = '(no source)';
      else {
        source += sourceDelta;
        owner = map.sources[source] ?? '(no source)';
      }
    }
    credit(owner, Buffer.byteLength(line.slice(column)) + (index < lines.length - 1 ? 1 : 0));
  }
  return totals;
}

function shortName(source: string): string {
  const path = relative(ROOT, new URL(source, `file://${ROOT}dist/`).pathname);
  return path.replace(/^node_modules\//, '');
}

/** The module table of dist/therapy-widgets.js as `vite build` makes it, largest first. */
export async function moduleSizes(): Promise<{ bytes: number; gzip: number; modules: ModuleSize[] }> {
  const result = await build({ root: ROOT, configFile: `${ROOT}vite.config.ts`, logLevel: 'silent', build: { write: false, sourcemap: true, emptyOutDir: false } });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.fileName === 'therapy-widgets.js');
  if (!chunk?.map) throw new Error('the build made no therapy-widgets.js with a source map');
  // Without the sourceMappingURL comment that only this build adds.
  const code = chunk.code.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '');
  const size = Buffer.byteLength(code);
  const gzip = gzipSync(code, { level: 9 }).length;
  const modules = [...bytesPerSource(code, chunk.map)]
    .map(([source, bytes]) => ({ module: source.startsWith('(') ? source : shortName(source), bytes, gzipShare: Math.round((bytes / size) * gzip) }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { bytes: size, gzip, modules };
}

/** The table as text lines. */
export function moduleTable(sizes: Awaited<ReturnType<typeof moduleSizes>>): string[] {
  const rows = [['module', 'minified', '≈ gzip'], ...sizes.modules.map((m) => [m.module, `${m.bytes} B`, `${m.gzipShare} B`])];
  rows.push(['total', `${sizes.bytes} B`, `${sizes.gzip} B`]);
  const width = Math.max(...rows.map((r) => r[0]!.length));
  return rows.map(([name, bytes, gzip]) => `${name!.padEnd(width)}  ${bytes!.padStart(9)}  ${gzip!.padStart(7)}`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  console.log(moduleTable(await moduleSizes()).join('\n'));
}
