/**
 * The project's own data files (`data/` at the package root), found from this module's place in the source tree or
 * the build: a knowledge base of write-ups alone still needs the bundled language to be asked anything.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's own `data/<name>`, found from this module's place in the source or the build. */
export function bundledDataFile(name: string): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = path.join(dir, 'data', name);
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}
