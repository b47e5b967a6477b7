#!/usr/bin/env node
// Builds dist/ (`npm run build`: tsc, then the knowledge-base snapshot) when it is missing or older than the
// sources, so `npm install` followed by `npm start` works and the dev scripts never run stale code.
//
// With --prepare (the `prepare` script, run by every `npm install` and `npm ci`) it never fails the install: where
// TypeScript is not installed (`npm ci --omit=dev`) a build in dist/ is used as it is, and a missing one is
// explained instead of attempted.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isBuilt, isStale, root } from './sources.js';

const prepare = process.argv.includes('--prepare');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const say = (text) => process.stderr.write(`breachbot: ${text}\n`);

if (isBuilt() && !isStale()) process.exit(0);
if (!existsSync(tsc)) {
  if (isBuilt()) {
    say('dist/ is older than the sources and TypeScript is not installed here: the existing build is used.');
    process.exit(0);
  }
  say('the server must be built first, and TypeScript is not installed here (an install without dev dependencies).');
  say('Build it where the dev dependencies are: npm ci && npm run build && npm prune --omit=dev');
  process.exit(prepare ? 0 : 1);
}
say(isBuilt() ? 'dist/ is older than the sources: building…' : 'building the server into dist/…');
for (const step of [
  [tsc, '-p', path.join(root, 'tsconfig.build.json')],
  [path.join(root, 'bin', 'build-snapshot.js')],
]) {
  const result = spawnSync(process.execPath, step, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
