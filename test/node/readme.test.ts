// The README's API tables are generated from the manifest; fail when they drift.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { withApiTables } from '../../scripts/api-tables.js';

test('README API tables match custom-elements.json (run `npm run docs`)', () => {
  const readme = readFileSync('README.md', 'utf8');
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  assert.ok(withApiTables(readme, manifest) === readme, 'README.md API tables are stale: run `npm run docs`');
});

test('README keeps the two commands of a newcomer', () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.match(readme, /npm install && npm start/);
  assert.match(readme, /^npm test\b/m);
});

test('README embed snippet is the one the benchmark measures for layout shift', () => {
  const readme = readFileSync('README.md', 'utf8');
  const measured = readFileSync('scripts/bench/cls-snippet.html', 'utf8').split('\n').slice(1).join('\n').trim();
  assert.ok(readme.includes(measured), 'README.md must carry scripts/bench/cls-snippet.html (without its comment line) verbatim');
});
