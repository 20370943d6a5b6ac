// custom-elements.json is generated, never hand-edited: fail when the committed
// file is not what the analyzer produces from the sources now.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

test('custom-elements.json matches the analyzer output (run `npm run analyze`)', () => {
  // The analyzer takes --outdir relative to the working directory.
  const out = join('node_modules', '.cache', 'therapy-manifest-check');
  const run = spawnSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.js', '--outdir', out], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  // The analyzer lists modules in the order it happens to read the files.
  const canonical = (text: string) => {
    const manifest = JSON.parse(text);
    manifest.modules.sort((a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path));
    return JSON.stringify(manifest);
  };
  const fresh = canonical(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
  const committed = canonical(readFileSync('custom-elements.json', 'utf8'));
  assert.ok(fresh === committed, 'custom-elements.json is stale: run `npm run analyze` and commit the result');
});

test('every element documents its parts, tokens and events, and every attribute', () => {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const elements = manifest.modules.flatMap((m: { declarations?: Record<string, unknown>[] }) => m.declarations ?? [])
    .filter((d: { tagName?: string }) => d.tagName);
  assert.deepEqual(elements.map((e: { tagName: string }) => e.tagName).sort(), ['expert-quote', 'news-teaser', 'therapy-card', 'therapy-content']);
  for (const element of elements) {
    for (const attribute of element.attributes ?? []) assert.ok(attribute.description, `${element.tagName}[${attribute.name}] has no description`);
    if (element.tagName === 'therapy-content') continue;
    const parts = element.cssParts.map((p: { name: string }) => p.name);
    for (const part of ['card', 'body', 'footer', 'link', 'status']) assert.ok(parts.includes(part), `${element.tagName} lacks ::part(${part})`);
    const tokens = element.cssProperties.map((p: { name: string }) => p.name);
    for (const token of ['--therapy-font-family', '--therapy-accent', '--therapy-surface', '--therapy-text', '--therapy-muted', '--therapy-border', '--therapy-radius', '--therapy-space']) {
      assert.ok(tokens.includes(token), `${element.tagName} does not document ${token}`);
    }
    assert.deepEqual(element.events.map((e: { name: string }) => e.name).sort(), ['therapy-error', 'therapy-load']);
  }
});

test('VERSION in src/internal/define.ts equals package.json version', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const source = readFileSync('src/internal/define.ts', 'utf8');
  assert.match(source, new RegExp(`export const VERSION = '${pkg.version.replace(/\./g, '\\.')}';`));
});
