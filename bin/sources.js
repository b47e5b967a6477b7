// Whether dist/ (the built server) is older than the sources it is built from. Shared by bin/build-if-stale.js
// (prepare, dev scripts) and bin/breachbot.js (a warning before `serve` runs an old build).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** Written by `npm run build` (bin/build-snapshot.js) once the build is complete. */
export const buildStamp = path.join(root, 'dist', '.build-stamp');
const SOURCES = ['src', 'adapters', 'data'];

/** True when there is a complete build. */
export function isBuilt() {
  return existsSync(path.join(root, 'dist', 'src', 'cli.js')) && existsSync(buildStamp);
}

/** Milliseconds time of the newest source file; 0 in a tree without sources. */
function newestSource() {
  let newest = 0;
  for (const dir of SOURCES) {
    const full = path.join(root, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full, { recursive: true, encoding: 'utf8' })) {
      if (/\.(ts|ya?ml|json|md)$/.test(name)) newest = Math.max(newest, statSync(path.join(full, name)).mtimeMs);
    }
  }
  const config = path.join(root, 'tsconfig.build.json');
  return existsSync(config) ? Math.max(newest, statSync(config).mtimeMs) : newest;
}

/** True when there is a build and a source file changed after it. */
export function isStale() {
  return isBuilt() && newestSource() > statSync(buildStamp).mtimeMs;
}
