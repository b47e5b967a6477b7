/**
 * Loads one or more folders of incident files and the data files beside them into core data. Native
 * `*.yaml|*.yml|*.json` files follow `incidentSchema`; `*.md` files are breaches.cloud write-ups. Every problem is
 * reported as `FILE:LINE: PATH: message`, all of them at once; warnings do not stop loading.
 *
 * There is one way to parse (parse.ts). When the files are exactly those a snapshot was made from — the build's
 * snapshot of the bundled `data/`, or a result cached in `cacheDir` — the snapshot is read instead (snapshot.ts).
 *
 * @example
 * const { data, problems, ok } = await loadKnowledgeBase({ dir: 'data/incidents:../corpus', cacheDir: 'var/kb-cache' });
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KbProblem, KnowledgeBaseData } from '../core/model.js';
import type { DataKey } from './data-files.js';
import { contentKey, readInputs } from './inputs.js';
import type { ParsedInputs } from './parse.js';
import { incidentDirs } from './path-list.js';
import { isLoadable } from './problems.js';
import { cacheFile, fromSnapshot, readSnapshot, toSnapshot, writeCache } from './snapshot.js';

export { incidentDirs };

export interface LoadOptions {
  /** folder(s) of incident files; a string may list several separated by the platform's path delimiter (`:`) */
  dir: string | string[];
  /** synonyms file; default: `synonyms.yaml` in the folder above the first folder, if it exists */
  synonymsFile?: string;
  /** other data files by key (data-files.ts); default: each in the folder above the first folder, if it exists */
  dataFiles?: Partial<Record<DataKey, string>>;
  defaultIncident?: string;
  /** a folder for results keyed by content (`DATA_DIR/kb-cache`); none: nothing is cached */
  cacheDir?: string;
  /** parse the files even when a snapshot or a cached result matches them (`breachbot validate`) */
  fresh?: boolean;
  /** the build's snapshot to try (default: the one `npm run build` writes next to the compiled code); false: none */
  snapshot?: string | false;
  /** names the loading code in cache keys (default: the build snapshot's); without one nothing is cached */
  fingerprint?: string;
}

export interface LoadResult {
  data: KnowledgeBaseData;
  problems: KbProblem[];
  /** true when no problem is an error */
  ok: boolean;
  /** where the result came from: the build's snapshot, the cache folder, or parsing the files */
  from: 'snapshot' | 'cache' | 'files';
  /** why the result could not be cached, when it could not */
  cacheError?: string;
}

/** The snapshot `npm run build` writes for the bundled data: `dist/kb-snapshot.json` beside `dist/src/`. */
export const BUILD_SNAPSHOT = fileURLToPath(new URL('../../kb-snapshot.json', import.meta.url));

/** The cache folder for loaded knowledge bases inside `DATA_DIR`. */
export function cacheDirIn(dataDir: string): string {
  return path.join(dataDir, 'kb-cache');
}

function checkDefaultIncident(id: string | undefined, data: ParsedInputs['data']): KbProblem[] {
  if (!id || data.incidents.some((i) => i.id === id)) return [];
  const loaded = data.incidents.map((i) => i.id).join(', ') || 'none';
  return [
    {
      file: 'DEFAULT_INCIDENT',
      line: 0,
      path: '',
      message: `no loaded incident has the id "${id}" (loaded: ${loaded})`,
      severity: 'error',
    },
  ];
}

/** Loads every incident file of the folder(s) and the data files, and checks the default incident. */
export async function loadKnowledgeBase(options: LoadOptions): Promise<LoadResult> {
  const dataFiles = { ...options.dataFiles };
  if (options.synonymsFile) dataFiles.synonyms = options.synonymsFile;
  const inputs = readInputs(incidentDirs(options.dir), { dataFiles });

  const build =
    options.fresh || options.snapshot === false ? undefined : readSnapshot(options.snapshot ?? BUILD_SNAPSHOT);
  const fingerprint = options.fresh ? undefined : (options.fingerprint ?? build?.loader);
  const key = fingerprint && inputs.problems.length === 0 ? contentKey(inputs, fingerprint) : undefined;
  let parsed: ParsedInputs | undefined;
  let from: LoadResult['from'] = 'files';
  let cacheError: string | undefined;
  if (key && build?.key === key) {
    parsed = fromSnapshot(build, inputs);
    from = 'snapshot';
  } else if (key && options.cacheDir) {
    const cached = readSnapshot(cacheFile(options.cacheDir, key));
    if (cached?.key === key) {
      parsed = fromSnapshot(cached, inputs);
      from = 'cache';
    }
  }
  if (!parsed) {
    const { parseInputs } = await import('./parse.js');
    parsed = await parseInputs(inputs);
    if (key && fingerprint && options.cacheDir && isLoadable(parsed.problems)) {
      const snapshot = toSnapshot(parsed, inputs, fingerprint, key);
      if (snapshot) cacheError = writeCache(options.cacheDir, snapshot)?.message;
    }
  }

  const problems = [
    ...inputs.problems,
    ...parsed.problems,
    ...checkDefaultIncident(options.defaultIncident, parsed.data),
  ];
  const data: KnowledgeBaseData = { ...parsed.data, defaultIncident: options.defaultIncident };
  return { data, problems, ok: isLoadable(problems), from, cacheError };
}
