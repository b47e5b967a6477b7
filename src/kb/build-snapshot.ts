/**
 * The build step that turns the bundled `data/` into `dist/kb-snapshot.json` (run by `npm run build` after `tsc`,
 * through `bin/build-snapshot.js`): the files are parsed and validated the one normal way, and only a knowledge base
 * without errors is written.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KbProblem } from '../core/model.js';
import { contentKey, readInputs } from './inputs.js';
import { BUILD_SNAPSHOT } from './load.js';
import { parseInputs } from './parse.js';
import { isLoadable } from './problems.js';
import { toSnapshot, writeSnapshot } from './snapshot.js';

/** The packages whose behaviour decides what the loader makes of a file. */
const LOADER_PACKAGES = ['yaml', 'zod', 'unified', 'remark-parse', 'remark-gfm', 'remark-frontmatter'];

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(js|ts)$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * A hash of the code that turns files into a knowledge base: the loader and the core it validates with, and the
 * versions of the parsing packages. A cached result made by other code is never used.
 */
export function loaderFingerprint(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const dir of [here, path.join(here, '..', 'core')]) {
    for (const file of codeFiles(dir)) hash.update(`${path.relative(here, file)}\0${readFileSync(file, 'utf8')}\0`);
  }
  for (const name of LOADER_PACKAGES) hash.update(`${name}@${packageVersion(name)}\0`);
  return hash.digest('hex');
}

/** The installed version of a package, from the nearest `package.json` of that name above its entry point. */
function packageVersion(name: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
      if (manifest.name === name) return String(manifest.version);
    } catch {
      // no package.json here: look further up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

/** What the build step did. */
export interface SnapshotBuild {
  /** the file written, when the data had no error */
  file?: string;
  problems: KbProblem[];
  incidents: number;
}

/**
 * Parses `dataDir/incidents` and the data files in `dataDir`, and writes the snapshot when nothing is an error.
 * @param dataDir the bundled `data/` folder
 */
export async function buildSnapshot(dataDir: string, out = BUILD_SNAPSHOT): Promise<SnapshotBuild> {
  const inputs = readInputs([path.join(dataDir, 'incidents')]);
  const parsed = await parseInputs(inputs);
  const problems = [...inputs.problems, ...parsed.problems];
  const incidents = parsed.data.incidents.length;
  if (!isLoadable(problems)) return { problems, incidents };
  const fingerprint = loaderFingerprint();
  const snapshot = toSnapshot(parsed, inputs, fingerprint, contentKey(inputs, fingerprint));
  if (!snapshot) return { problems, incidents };
  writeSnapshot(out, snapshot);
  return { file: out, problems, incidents };
}
