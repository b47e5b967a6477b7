/**
 * A parsed knowledge base saved as JSON with the content key of the files it was made from (inputs.ts), so that a
 * later start with the same files reads the JSON instead of parsing and validating again. `npm run build` writes one
 * for the bundled `data/` (`dist/kb-snapshot.json`); folders named in `INCIDENTS_DIR` get one in `DATA_DIR/kb-cache/`
 * the first time they are loaded. Problem locations are stored by input number, so a snapshot stays valid when the
 * folders move.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KbProblem } from '../core/model.js';
import type { Inputs } from './inputs.js';
import type { ParsedInputs } from './parse.js';

/** Bumped whenever the shape of a snapshot changes; older files are then ignored. */
const FORMAT = 1;
/** Cached results kept in `DATA_DIR/kb-cache/`: the newest few, older ones are removed when one is written. */
const CACHE_KEEP = 8;

type StoredProblem = Omit<KbProblem, 'file'> & { input: number };

/** A saved result: made by the loader whose code hashes to `loader`, from inputs whose content key is `key`. */
export interface Snapshot {
  format: typeof FORMAT;
  loader: string;
  key: string;
  data: ParsedInputs['data'];
  problems: StoredProblem[];
}

/** The file of each input, in the order input numbers count them. */
function inputFiles(inputs: Inputs): string[] {
  return [...inputs.incidents.map((i) => i.file), ...inputs.data.map((d) => d.file)];
}

/**
 * The snapshot of a parsed result, or `undefined` when it cannot be stored: a problem about something other than
 * one of the inputs (a folder, an unreadable file) depends on more than their content.
 */
export function toSnapshot(parsed: ParsedInputs, inputs: Inputs, loader: string, key: string): Snapshot | undefined {
  if (inputs.problems.length > 0) return undefined;
  const files = inputFiles(inputs);
  const problems: StoredProblem[] = [];
  for (const { file, ...rest } of parsed.problems) {
    const input = files.indexOf(file);
    if (input === -1) return undefined;
    problems.push({ ...rest, input });
  }
  return { format: FORMAT, loader, key, data: parsed.data, problems };
}

/** The result a snapshot holds, with problem locations in today's folders. */
export function fromSnapshot(snapshot: Snapshot, inputs: Inputs): ParsedInputs {
  const files = inputFiles(inputs);
  const problems = snapshot.problems.map(({ input, ...rest }) => ({ ...rest, file: files[input] ?? '?' }));
  return { data: snapshot.data, problems };
}

/** Reads a snapshot file; `undefined` when it is absent, unreadable or of another format. */
export function readSnapshot(file: string): Snapshot | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Snapshot>;
    const usable =
      value.format === FORMAT &&
      typeof value.loader === 'string' &&
      typeof value.key === 'string' &&
      Array.isArray(value.problems) &&
      typeof value.data === 'object';
    return usable ? (value as Snapshot) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a snapshot so that a reader never sees half a file (a temporary file, then a rename). */
export function writeSnapshot(file: string, snapshot: Snapshot): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot));
  renameSync(temporary, file);
}

/** The cache file of a content key in a cache folder. */
export function cacheFile(dir: string, key: string): string {
  return path.join(dir, `${key.slice(0, 32)}.json`);
}

/**
 * Stores a result in the cache folder and removes all but the newest few. A cache that cannot be written only costs
 * time at the next start, so failures are returned, not thrown.
 */
export function writeCache(dir: string, snapshot: Snapshot): Error | undefined {
  try {
    writeSnapshot(cacheFile(dir, snapshot.key), snapshot);
    const files = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .map((n) => ({ file: path.join(dir, n), mtime: statSync(path.join(dir, n)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const { file } of files.slice(CACHE_KEEP)) rmSync(file, { force: true });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
