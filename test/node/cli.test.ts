// The CLI as users run it: the built bin, in a child process.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const bin = pkg.bin['therapy-widgets'];
const dir = mkdtempSync(join(tmpdir(), 'therapy-cli-'));
const defaultBundle = 'src/content/all-immune-therapies.json';

function cli(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

test('exit 0 and a "valid" line for the default bundle', () => {
  const run = cli('validate', defaultBundle);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), `${defaultBundle}: valid (all-immune-therapies)`);
});

test('exit 1 with one "file: path: message" line per problem', () => {
  const bundle = JSON.parse(readFileSync(defaultBundle, 'utf8'));
  bundle.therapies[1].sources[0].url = 'javascript:alert(1)';
  bundle.therapies.push({ ...bundle.therapies[0] });
  bundle.quotes[0].expertId = 'nobody';
  const bad = file('bad.json', JSON.stringify(bundle));
  const run = cli('validate', defaultBundle, bad);
  assert.equal(run.status, 1);
  assert.deepEqual(run.stdout.trim().split('\n'), [
    `${defaultBundle}: valid (all-immune-therapies)`,
    `${bad}: therapies[1].sources[0].url: must be an https:, http: or relative URL`,
    `${bad}: therapies[3].id: duplicate id 'car-t' (also at therapies[0])`,
    `${bad}: quotes[0].expertId: expertId 'nobody' does not match any expert`,
  ]);
});

test('exit 1 for a file that is not JSON', () => {
  const run = cli('validate', file('broken.json', '{"schemaVersion": 1,'));
  assert.equal(run.status, 1);
  assert.match(run.stdout, /broken\.json: \(root\): not valid JSON/);
});

test('exit 2 for an unreadable file, with the reason on stderr', () => {
  const run = cli('validate', join(dir, 'missing.json'));
  assert.equal(run.status, 2);
  assert.match(run.stderr, /missing\.json: cannot read: .*ENOENT/);
});

test('exit 2 and usage for bad usage', () => {
  for (const args of [[], ['validate'], ['frobnicate', defaultBundle]]) {
    const run = cli(...args);
    assert.equal(run.status, 2, `args ${args.join(' ')}`);
    assert.match(run.stderr, /usage: therapy-widgets validate FILE\|URL/);
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
  assert.match(stderr, /gone\.json: cannot read: HTTP 404/);
});
