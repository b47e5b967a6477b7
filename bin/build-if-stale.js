#!/usr/bin/env node
// Builds dist/ with tsc only when it is missing or a source file is newer than the last build, so `npm start`
// is quick when nothing changed and never runs stale code when something did.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const marker = path.join(root, 'dist', '.build-stamp');
const sourceDirs = ['src', 'adapters', 'bench', 'test/fakes'];

function newestSource() {
  let newest = statSync(path.join(root, 'tsconfig.build.json')).mtimeMs;
  for (const dir of sourceDirs) {
    const full = path.join(root, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full, { recursive: true })) {
      if (typeof name === 'string' && name.endsWith('.ts')) {
        newest = Math.max(newest, statSync(path.join(full, name)).mtimeMs);
      }
    }
  }
  return newest;
}

const stale =
  !existsSync(marker) ||
  !existsSync(path.join(root, 'dist', 'src', 'cli.js')) ||
  newestSource() > statSync(marker).mtimeMs;
if (stale) {
  process.stderr.write('breachbot: compiling TypeScript (dist/ is missing or older than the sources)…\n');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  const snapshot =
    result.status === 0
      ? spawnSync(process.execPath, [path.join(root, 'bin', 'build-snapshot.js')], { stdio: 'inherit' })
      : result;
  process.exitCode = snapshot.status ?? 1;
  if (snapshot.status === 0) writeFileSync(marker, `${new Date().toISOString()}\n`);
}
