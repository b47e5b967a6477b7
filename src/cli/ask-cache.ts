/**
 * A validated snapshot of the knowledge base for `breachbot ask`, so a second run skips parsing and validating
 * the YAML (most of a cold start). The snapshot is keyed by every input file's path, size and modification time,
 * the synonyms file, and the loader's own build, so any change reloads from the files. It lives in the system's
 * temporary folder and is written only when the knowledge base loaded without errors.
 *
 * @example
 * const data = await readCachedKb(dirs) ?? (await loadAndCache(dirs, load));
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { KnowledgeBaseData } from '../core/model.js';

const INPUT = /\.(ya?ml|json|md|markdown)$/i;

async function fingerprint(file: string): Promise<string> {
  try {
    const s = await stat(file);
    return `${file}\0${s.size}\0${s.mtimeMs}`;
  } catch {
    return `${file}\0missing`;
  }
}

/** A key over every file the loader would read, and the loader's own code. */
export async function cacheKey(dirs: string[], defaultIncident: string | undefined): Promise<string> {
  const parts: string[] = [defaultIncident ?? '', process.version];
  for (const dir of dirs) {
    const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && INPUT.test(n)).sort();
    for (const name of names) parts.push(await fingerprint(path.join(dir, name)));
  }
  const first = dirs[0];
  if (first) parts.push(await fingerprint(path.join(path.dirname(path.resolve(first)), 'synonyms.yaml')));
  for (const module of ['../kb/load.js', '../kb/native.js', '../kb/breaches-cloud.js', '../core/model.js']) {
    parts.push(await fingerprint(new URL(module, import.meta.url).pathname));
  }
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

function cacheFile(dirs: string[]): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const name = createHash('sha256').update(dirs.join('\n')).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `breachbot-${uid}`, `kb-${name}.json`);
}

interface Snapshot {
  key: string;
  data: KnowledgeBaseData;
}

/** The cached knowledge base when every input is unchanged, else undefined. Never throws. */
export async function readCachedKb(dirs: string[], defaultIncident?: string): Promise<KnowledgeBaseData | undefined> {
  try {
    const [key, text] = await Promise.all([cacheKey(dirs, defaultIncident), readFile(cacheFile(dirs), 'utf8')]);
    const snapshot = JSON.parse(text) as Snapshot;
    return snapshot.key === key && Array.isArray(snapshot.data?.incidents) ? snapshot.data : undefined;
  } catch {
    return undefined;
  }
}

/** Saves a cleanly loaded knowledge base for the next run (best effort, atomic). Never throws. */
export async function writeCachedKb(dirs: string[], defaultIncident: string | undefined, data: KnowledgeBaseData) {
  try {
    const file = cacheFile(dirs);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const snapshot: Snapshot = { key: await cacheKey(dirs, defaultIncident), data };
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(snapshot), { mode: 0o600 });
    await rename(temp, file);
  } catch {
    // a cache that cannot be written only costs the next run some time
  }
}
