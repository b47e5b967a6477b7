/**
 * The files a knowledge base is made of, read once: the incident files of each folder and the data files beside
 * them (data-files.ts). Their content key says whether a snapshot or a cached result may stand in for parsing them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { KbProblem } from '../core/model.js';
import { DATA_FILES, type DataFileSpec, type DataKey } from './data-files.js';

/** One incident file: `dir` is the index of its folder in the list given. */
export interface IncidentInput {
  dir: number;
  name: string;
  file: string;
  text: string;
}

/** One data file; `text` is absent when the file is. */
export interface DataInput {
  spec: DataFileSpec;
  file: string;
  /** named by the caller: then an absent file is an error */
  explicit: boolean;
  text?: string;
}

/** What the knowledge base is made of, and what could not be read. */
export interface Inputs {
  dirs: string[];
  incidents: IncidentInput[];
  data: DataInput[];
  /** problems met while listing and reading; a result that has any is never cached */
  problems: KbProblem[];
}

export const NATIVE = /\.(ya?ml|json)$/i;
export const MARKDOWN = /\.(md|markdown)$/i;

/** Where the data files are: named explicitly, or in the folder above the first incident folder. */
export interface DataFileOptions {
  /** explicit paths by key, e.g. `{ synonyms: 'x/synonyms.yaml' }` */
  dataFiles?: Partial<Record<DataKey, string>>;
}

const codeOf = (error: unknown) => (error as { code?: string }).code ?? String(error);

function problem(file: string, message: string): KbProblem {
  return { file, line: 0, path: '', message, severity: 'error' };
}

/** The incident file names of a folder, sorted. */
function listFolder(dir: string, problems: KbProblem[]): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => !n.startsWith('.') && (NATIVE.test(n) || MARKDOWN.test(n)))
      .sort();
  } catch (error) {
    const code = codeOf(error);
    problems.push(problem(dir, code === 'ENOENT' ? 'folder not found' : `cannot read the folder (${code})`));
    return [];
  }
}

/** A file's text, or `undefined` with a problem (`missing` decides what an absent file gives). */
function readText(file: string, problems: KbProblem[], missing: 'error' | 'absent'): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = codeOf(error);
    if (code !== 'ENOENT' || missing === 'error') problems.push(problem(file, `cannot read the file (${code})`));
    return undefined;
  }
}

/**
 * Lists and reads every input. Files are read synchronously: it is one pass at start-up.
 * @param dirs the incident folders, in order
 */
export function readInputs(dirs: string[], options: DataFileOptions = {}): Inputs {
  const problems: KbProblem[] = [];
  const incidents: IncidentInput[] = [];
  dirs.forEach((dir, index) => {
    for (const name of listFolder(dir, problems)) {
      const file = path.join(dir, name);
      const text = readText(file, problems, 'error');
      if (text !== undefined) incidents.push({ dir: index, name, file, text });
    }
  });
  const first = dirs[0];
  const beside = first ? path.dirname(path.resolve(first)) : undefined;
  const data: DataInput[] = [];
  for (const spec of DATA_FILES) {
    const named = options.dataFiles?.[spec.key];
    const file = named ?? (beside ? path.join(beside, spec.file) : undefined);
    if (!file) continue;
    const text = readText(file, problems, named ? 'error' : 'absent');
    data.push({ spec, file, explicit: named !== undefined, text });
  }
  return { dirs, incidents, data, problems };
}

/**
 * A hash of everything that decides the loaded result: the code that loads (`fingerprint`), each incident file's
 * folder position, name and text, and each data file's text. Independent of where the folders are.
 */
export function contentKey(inputs: Inputs, fingerprint: string): string {
  const hash = createHash('sha256');
  hash.update(`breachbot-kb\0${fingerprint}\0${inputs.dirs.length}\0`);
  for (const input of inputs.incidents) hash.update(`${input.dir}\0${input.name}\0${input.text.length}\0${input.text}`);
  for (const input of inputs.data) {
    hash.update(`${input.spec.key}\0`);
    hash.update(input.text === undefined ? '-\0' : `+${input.text.length}\0${input.text}`);
  }
  return hash.digest('hex');
}

/** The folders named by `dir`, split at the path delimiter, empty parts dropped. */
export function incidentDirs(dir: string | string[]): string[] {
  const parts = (Array.isArray(dir) ? dir : [dir]).flatMap((d) => d.split(path.delimiter));
  return parts.map((d) => d.trim()).filter((d) => d !== '');
}
