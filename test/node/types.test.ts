// What an app developer gets from the npm build's .d.ts files: the package's
// own entry points, tag names in HTMLElementTagNameMap and typed events.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

test('an app type-checks against the published types (run after npm run build)', () => {
  const dir = join('node_modules', '.cache', 'therapy-types-check');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'app.ts'),
    `import 'therapy-widgets/define';
import { TherapyCard, validateBundle, type Bundle, type TherapyLoadEvent } from 'therapy-widgets';

const card: TherapyCard = document.createElement('therapy-card');
card.therapy = 'car-t';
card.variant = 'compact';
card.addEventListener('therapy-load', (event) => {
  const id: string = event.detail.bundleId;
  const typed: TherapyLoadEvent = event;
  void id; void typed;
});
card.addEventListener('therapy-error', (event) => {
  const code: 'network' | 'parse' | 'schema' | 'not-found' | 'config' | 'integrity' = event.detail.code;
  void code;
});
const result = validateBundle({});
if (result.ok) { const bundle: Bundle = result.bundle; void bundle; } else { result.problems.map((p) => p.path); }
document.createElement('expert-quote').quote = 'q';
document.createElement('news-teaser').article = 'a';
document.createElement('therapy-content').src = '/b.json';
// @ts-expect-error: variant is 'full' | 'compact'
card.variant = 'huge';
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'ESNext', moduleResolution: 'Bundler', target: 'ES2022', lib: ['ES2022', 'DOM'], skipLibCheck: true, types: [] },
      files: ['app.ts'],
    }),
  );
  const run = spawnSync('npx', ['tsc', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
