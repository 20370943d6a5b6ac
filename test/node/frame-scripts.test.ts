// The text publish writes as frame-view.js and frame-resize.js: classic scripts that stand alone
// (their behaviour is tested in a browser: test/output/frame-scripts.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Script } from 'node:vm';
import { frameResizeScript } from '../../src/output/site/frame-resize.js';
import { frameViewScript } from '../../src/output/site/frame-view.js';
import { ELEMENTS } from '../../src/output/registry.js';

const scripts = { 'frame-resize.js': frameResizeScript(), 'frame-view.js': frameViewScript(ELEMENTS) };

test('each is a classic script that calls its function with its settings', () => {
  for (const [name, text] of Object.entries(scripts)) {
    assert.doesNotThrow(() => new Script(text, { filename: name }), name);
    assert.doesNotMatch(text, /^\s*(import|export)\b/m, name);
    assert.match(text, /"therapy-widgets:height"/, name);
  }
  assert.match(scripts['frame-view.js'], /"cards":\[\{"tag":"therapy-card","idAttribute":"therapy"\},/);
});

test('no helper the compiler added (this runs under tsx, whose keepNames adds __name calls for named inner functions)', () => {
  for (const [name, text] of Object.entries(scripts)) assert.doesNotMatch(text, /\b__\w+\s*\(/, name);
});
