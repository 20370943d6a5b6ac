// `npm test`: each layer as its own npm script runs it (`typecheck`, `build`,
// `test:browser`, `test:node`), then one line `N passed, M failed` that adds
// up their counts. The build comes before the tests: the CLI and built-file
// tests use dist/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'therapy-test-'));
let passed = 0;
let failed = 0;

/** Runs `npm run <script> -- <args>`; true when it exits 0. */
function run(script, args = [], env = {}) {
  console.log(`\n=== npm run ${script} ${args.join(' ')}`);
  const result = spawnSync('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

/** A layer with no test count of its own counts as one test. */
function single(script) {
  if (run(script)) passed++;
  else failed++;
}

/** Adds a layer's own counts; a layer that failed without a failing test counts one failure. */
function add(ok, counts) {
  passed += counts.passed;
  failed += counts.failed;
  if (!ok && counts.failed === 0) failed++;
}

single('typecheck');
single('build');

const browserCounts = join(dir, 'browser.json');
const browserOk = run('test:browser', [], { TEST_COUNTS_FILE: browserCounts });
add(browserOk, existsSync(browserCounts) ? JSON.parse(readFileSync(browserCounts, 'utf8')) : { passed: 0, failed: 0 });

// `npm run test:node` with a second, TAP reporter to count from (reporter options must precede the files).
const nodeTap = join(dir, 'node.tap');
console.log('\n=== npm run test:node (with a TAP count)');
const nodeFiles = readdirSync('test/node').filter((f) => f.endsWith('.test.ts')).map((f) => join('test/node', f));
const nodeOk = spawnSync('node', [
  '--import', 'tsx', '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${nodeTap}`,
  ...nodeFiles,
], { stdio: 'inherit' }).status === 0;
const tap = existsSync(nodeTap) ? readFileSync(nodeTap, 'utf8') : '';
const tapCount = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
add(nodeOk, { passed: tapCount('pass'), failed: tapCount('fail') + tapCount('cancelled') });
// A check that needs what a clone may lack (../shared) says so; it is no failure.
const skipped = [...tap.matchAll(/^\s*ok \d+ - (.*) # SKIP (.*)$/gm)].map((m) => `${m[2]}: ${m[1]}`);

if (skipped.length) console.log(`\n${skipped.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
