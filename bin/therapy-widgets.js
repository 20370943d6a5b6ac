#!/usr/bin/env node
// The `therapy-widgets` command: the built CLI (dist/npm/cli/main.js) when it
// is there, as in the published package; otherwise, in a fresh clone straight
// after `npm install`, the TypeScript source through tsx (a dev dependency).
import { existsSync } from 'node:fs';

const built = new URL('../dist/npm/cli/main.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
