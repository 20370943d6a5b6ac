// The CLI as users run it: the package's bin (the launcher), in a child process.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const bin = pkg.bin['therapy-widgets'];
const dir = mkdtempSync(join(tmpdir(), 'therapy-cli-'));
const defaultBundle = 'src/content/all-immune-therapies.json';

function cli(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
}

const sha384 = (bytes: Uint8Array | string) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

test('exit 0, a "valid" line and the integrity value to pin it with for the default bundle', () => {
  const run = cli('validate', defaultBundle);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(run.stdout.trim().split('\n'), [
    `${defaultBundle}: valid (all-immune-therapies)`,
    `${defaultBundle}: integrity ${sha384(readFileSync(defaultBundle))}`,
    // The article has no URL we know: a warning, not a failure.
    `${defaultBundle}: warning: articles[0].url: is missing: the teaser leads nowhere`,
  ]);
});

test('warns of items due for review without failing; --strict makes warnings fail', () => {
  const bundle = JSON.parse(readFileSync(defaultBundle, 'utf8'));
  bundle.therapies[0].reviewedOn = '2020-01-02';
  delete bundle.therapies[0].nextReviewOn;
  delete bundle.nextReviewOn;
  bundle.articles[0].url = 'https://example.org/article';
  const due = file('due.json', JSON.stringify(bundle));
  const run = cli('validate', due);
  assert.equal(run.status, 0, run.stdout);
  assert.match(run.stdout, /due\.json: warning: therapies\[0\]\S*: .*review/);
  assert.equal(cli('validate', '--strict', due).status, 1);
  assert.equal(cli('validate', '--strict', defaultBundle).status, 1);
  delete bundle.therapies[0].reviewedOn;
  bundle.therapies[0].reviewedOn = '2026-11-30';
  const fresh = file('fresh.json', JSON.stringify(bundle));
  assert.equal(cli('validate', '--strict', fresh).status, 0, cli('validate', '--strict', fresh).stdout);
});

test("an unknown field is a warning naming the closest known field; --strict fails on it", () => {
  const bundle = JSON.parse(readFileSync(defaultBundle, 'utf8'));
  bundle.articles[0].url = 'https://example.org/article';
  bundle.therapies[0].whoItsFor = bundle.therapies[0].whoItIsFor;
  delete bundle.therapies[0].whoItIsFor;
  const misspelt = file('misspelt.json', JSON.stringify(bundle));
  const run = cli('validate', misspelt);
  assert.equal(run.status, 0, run.stderr);
  const id = bundle.therapies[0].id;
  assert.ok(
    run.stdout.split('\n').includes(`${misspelt}: warning: therapies[0] (${id}): unknown field 'whoItsFor' (did you mean 'whoItIsFor'?)`),
    run.stdout,
  );
  assert.equal(run.stdout.split('whoItsFor').length - 1, 1, run.stdout);
  assert.equal(cli('validate', '--strict', misspelt).status, 1);
  bundle.therapies[0].name = '';
  const broken = file('misspelt-broken.json', JSON.stringify(bundle));
  const failed = cli('validate', broken);
  assert.equal(failed.status, 1);
  // Each problem, then the verdict, whose first line counts the warning and whose last names it: once.
  const items = ['therapies', 'articles', 'experts', 'quotes'].reduce((sum, kind) => sum + bundle[kind].length, 0);
  assert.deepEqual(failed.stdout.trim().split('\n').slice(-3), [
    `${broken}: therapies[0].name: must not be empty or only spaces`,
    `${broken}: Live pages will show ${items - 1} items and hide 1; 1 warning: live pages ignore unknown fields`,
    `${broken}: warning: therapies[0] (${id}): unknown field 'whoItsFor' (did you mean 'whoItIsFor'?)`,
  ]);
  assert.equal(failed.stdout.split('whoItsFor').length - 1, 1, failed.stdout);
});

test("--reading-grade prints each item's US grade and its longest sentence", () => {
  const run = cli('validate', '--reading-grade', defaultBundle);
  assert.equal(run.status, 0);
  const grades = run.stdout.split('\n').filter((line) => line.includes(': reading grade '));
  assert.equal(grades.length, 9, run.stdout);
  assert.match(grades[0]!, /reading grade therapies 'car-t': \d+(\.\d)?(; longest sentence: .+)?$/);
});

test('accepts a UTF-8 byte-order mark, as the page does; the integrity is of the bytes as served', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(defaultBundle)]);
  const run = cli('validate', file('bom.json', bytes));
  assert.equal(run.status, 0, run.stdout);
  assert.match(run.stdout, /bom\.json: valid \(all-immune-therapies\)/);
  assert.ok(run.stdout.includes(`integrity ${sha384(bytes)}`));
});

test('exit 1 for bytes that are not UTF-8, as the page does', () => {
  const bytes = Buffer.from(readFileSync(defaultBundle, 'utf8').replace('CAR T-cell', 'CAR T-c\u00e9ll'), 'latin1');
  const run = cli('validate', file('latin1.json', bytes));
  assert.equal(run.status, 1);
  assert.match(run.stdout, /latin1\.json: \(root\): .*not valid UTF-8/);
});

test('exit 2 for a file over the 2 MB limit the elements apply', () => {
  const big = file('big.json', '');
  truncateSync(big, 50 * 1024 * 1024);
  const run = cli('validate', big);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /big\.json: cannot read: larger than 2048 KB/);
});

test('prints bundle text escaped: control and bidi characters cannot reach the terminal', () => {
  const bundle = JSON.parse(readFileSync(defaultBundle, 'utf8'));
  const id = '\u001b]0;x\u0007dup';
  bundle.therapies[0].id = id;
  bundle.therapies[1].id = id;
  bundle.quotes[0].expertId = 'x\rbundle.json: valid (fake)\u202e';
  const run = cli('validate', file('control.json', JSON.stringify(bundle)));
  assert.equal(run.status, 1);
  assert.doesNotMatch(run.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  assert.ok(run.stdout.includes("duplicate id '\\u001b]0;x\\u0007dup'"), run.stdout);
  assert.ok(run.stdout.includes('x\\u000dbundle.json'), run.stdout);
  assert.ok(!run.stdout.split('\n').some((line) => line.startsWith('bundle.json: valid')));
});

test('`validate ... | head -c 10` exits quietly with the verdict', async () => {
  const child = spawn(process.execPath, [bin, 'validate', ...Array.from({ length: 300 }, () => defaultBundle)]);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.once('data', () => child.stdout.destroy());
  const status = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(status, 0);
});

test('a bundle with one broken item is exit 1, listing every problem and what live pages hide', () => {
  const bundle = JSON.parse(readFileSync(defaultBundle, 'utf8'));
  bundle.therapies[1].reviewedOn = '2023-02-30';
  bundle.therapies[1].sources[0].url = 'javascript:alert(1)';
  const bad = file('one-item.json', JSON.stringify(bundle));
  const run = cli('validate', bad);
  assert.equal(run.status, 1);
  const lines = run.stdout.trim().split('\n');
  assert.ok(lines.includes(`${bad}: therapies[1].reviewedOn: 2023-02-30 is not a calendar date`), run.stdout);
  assert.ok(lines.includes(`${bad}: therapies[1].sources[0].url: must be an https:, http: or relative URL`), run.stdout);
  assert.ok(lines.includes(`${bad}: Live pages will show 9 items and hide 1`), run.stdout);
});

test('exit 1 with one "file: path: message" line per problem', () => {
  const bundle = JSON.parse(readFileSync(defaultBundle, 'utf8'));
  bundle.therapies[1].sources[0].url = 'javascript:alert(1)';
  bundle.therapies.push({ ...bundle.therapies[0] });
  bundle.quotes[0].expertId = 'nobody';
  const bad = file('bad.json', JSON.stringify(bundle));
  const run = cli('validate', defaultBundle, bad);
  assert.equal(run.status, 1);
  assert.deepEqual(run.stdout.trim().split('\n').filter((line) => !line.includes('integrity') && !/live pages|warning: /i.test(line)), [
    `${defaultBundle}: valid (all-immune-therapies)`,
    `${bad}: therapies[1].sources[0].url: must be an https:, http: or relative URL`,
    `${bad}: therapies[3].id: duplicate id 'car-t' (also at therapies[0])`,
    `${bad}: quotes[0].expertId: expertId 'nobody' does not match any expert`,
  ]);
});

test('exit 1 for a file that is not JSON', () => {
  const run = cli('validate', file('broken.json', '{"schemaVersion": 1,'));
  assert.equal(run.status, 1);
  assert.match(run.stdout, /broken\.json: \(root\): .*not valid JSON/);
});

test('exit 2 for an unreadable file, with the reason on stderr', () => {
  const run = cli('validate', join(dir, 'missing.json'));
  assert.equal(run.status, 2);
  assert.match(run.stderr, /missing\.json: cannot read: .*ENOENT/);
});

test('a file: URL names a file like its path', () => {
  const url = pathToFileURL(resolve(defaultBundle)).href;
  const run = cli('validate', url);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /valid \(all-immune-therapies\)/);
  const missing = cli('validate', pathToFileURL(join(dir, 'missing.json')).href);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /missing\.json: cannot read: .*ENOENT/);
  const render = cli('render', url, '--item', 'car-t');
  assert.equal(render.status, 0, render.stderr);
  assert.match(render.stdout, /<therapy-card therapy="car-t"/);
});

test('--help prints the usage on stdout with real line breaks, exit 0', () => {
  for (const flag of ['--help', '-h']) {
    const run = cli(flag);
    assert.equal(run.status, 0);
    assert.doesNotMatch(run.stdout, /\\u000a/);
    const lines = run.stdout.split('\n');
    assert.match(lines[0]!, /^usage: therapy-widgets validate /);
    assert.match(lines[1]!, /^ +therapy-widgets render /);
    assert.ok(lines.some((line) => line.trimStart().startsWith('--strict')));
  }
});

test('exit 2 and usage for bad usage', () => {
  for (const args of [[], ['validate'], ['frobnicate', defaultBundle]]) {
    const run = cli(...args);
    assert.equal(run.status, 2, `args ${args.join(' ')}`);
    assert.match(run.stderr, /usage: therapy-widgets validate \[--strict\] \[--reading-grade\] FILE\|URL/);
  }
});

test('validates a bundle fetched by URL; an HTTP error is unreadable input', async () => {
  const body = readFileSync(defaultBundle, 'utf8');
  const server = createServer((req, res) => {
    if (req.url === '/ok.json') res.end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  // Asynchronous, so this process's server can answer the child's requests.
  const child = spawn(process.execPath, [bin, 'validate', `${base}/ok.json`, `${base}/gone.json`]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const status = await new Promise((resolve) => child.on('close', resolve));
  server.close();
  assert.equal(status, 2);
  assert.match(stdout, /ok\.json: valid \(all-immune-therapies\)/);
  assert.match(stderr, /gone\.json: cannot read: .*HTTP 404/);
});

test('the bin runs straight after npm install: the TypeScript source without a build, the built CLI after one', () => {
  const root = mkdtempSync(join(tmpdir(), 'therapy-bin-'));
  mkdirSync(join(root, 'bin'));
  copyFileSync(bin, join(root, 'bin', 'therapy-widgets.js'));
  symlinkSync(resolve('src'), join(root, 'src'));
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  const launch = () => spawnSync(process.execPath, [join(root, 'bin', 'therapy-widgets.js'), 'validate', resolve(defaultBundle)], { encoding: 'utf8' });
  const source = launch();
  assert.equal(source.status, 0, source.stderr);
  assert.match(source.stdout, /valid \(all-immune-therapies\)/);
  mkdirSync(join(root, 'dist', 'npm', 'cli'), { recursive: true });
  writeFileSync(join(root, 'dist', 'npm', 'cli', 'main.js'), "console.log('the built CLI'); process.exitCode = 3;\n");
  const built = launch();
  assert.equal(built.status, 3);
  assert.equal(built.stdout, 'the built CLI\n');
});
