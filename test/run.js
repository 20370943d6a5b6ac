// `npm test`: the type check, the build (the CLI and built-file tests use it),
// every browser test (web-test-runner, Chromium) and every Node test, then one
// line `N passed, M failed` that counts them all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'therapy-test-'));
let passed = 0;
let failed = 0;

function step(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A step with no test count of its own counts as one test. */
function check(name, command, args) {
  if (step(name, command, args)) passed++;
  else failed++;
}

check('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('build', 'npm', ['run', '--silent', 'build']);

const browserCounts = join(dir, 'browser.json');
const browserOk = step('browser tests', 'npx', ['web-test-runner'], { TEST_COUNTS_FILE: browserCounts });
if (existsSync(browserCounts)) {
  const counts = JSON.parse(readFileSync(browserCounts, 'utf8'));
  passed += counts.passed;
  failed += counts.failed;
  if (!browserOk && counts.failed === 0) failed++;
} else failed++;

const nodeTap = join(dir, 'node.tap');
const nodeOk = step('node tests', 'node', [
  '--import', 'tsx', '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${nodeTap}`,
  ...readdirSync('test/node').filter((f) => f.endsWith('.test.ts')).map((f) => join('test/node', f)),
]);
const tap = existsSync(nodeTap) ? readFileSync(nodeTap, 'utf8') : '';
const tapCount = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
passed += tapCount('pass');
failed += tapCount('fail') + tapCount('cancelled');
if (!nodeOk && tapCount('fail') === 0) failed++;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
