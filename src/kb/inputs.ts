/**
 * The files a knowledge base is made of, read once: the incident files of each folder and the data files beside
 * them (data-files.ts). Their content key says whether a snapshot or a cached result may stand in for parsing them.
 *
 * Nothing about the files is trusted: only regular files are read (a FIFO, a device or a link to one is reported,
 * never opened for long), each file and all of them together have a size limit, and every refusal is a problem
 * with the file's name, never a crash or a hang.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import type { KbProblem } from '../core/model.js';
import { bundledDataFile } from './bundled.js';
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

/** The largest file read (the bundled incident is about 150 KB; a write-up about 30 KB). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** The most read in total, across every folder and data file. */
export const MAX_TOTAL_BYTES = 32 * 1024 * 1024;

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

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What a file that is not a regular file is, for the problem that says so. */
function kindOf(file: string, stat: ReturnType<typeof fstatSync>): string {
  let kind = 'something else';
  if (stat.isDirectory()) kind = 'a folder';
  else if (stat.isFIFO()) kind = 'a named pipe (FIFO)';
  else if (stat.isCharacterDevice() || stat.isBlockDevice()) kind = 'a device';
  else if (stat.isSocket()) kind = 'a socket';
  try {
    return lstatSync(file).isSymbolicLink() ? `a link to ${kind}` : kind;
  } catch {
    return kind;
  }
}

/** Counts the bytes read so far against the total limit. */
interface Budget {
  used: number;
}

/**
 * A regular file's text, or `undefined` with a problem. The file is opened without blocking (a FIFO opens at
 * once), checked with `fstat` on the open descriptor (so a link is judged by what it points to, and cannot be
 * swapped between check and read), and read only up to the limit.
 */
function readText(
  file: string,
  problems: KbProblem[],
  budget: Budget,
  missing: 'error' | 'absent',
): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = codeOf(error);
    if (code !== 'ENOENT' || missing === 'error') problems.push(problem(file, `cannot read the file (${code})`));
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      problems.push(problem(file, `${kindOf(file, stat)}, not a regular file: not read; put the file itself here`));
      return undefined;
    }
    const limit = Math.min(MAX_FILE_BYTES, MAX_TOTAL_BYTES - budget.used);
    if (stat.size > limit) {
      problems.push(problem(file, tooBig(stat.size, budget)));
      return undefined;
    }
    // one byte more than fstat said: a file that grows while it is read is noticed, and never read past the limit
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > stat.size) {
      problems.push(problem(file, 'changed while it was read: not read; load again when it is written'));
      return undefined;
    }
    budget.used += length;
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    problems.push(problem(file, `cannot read the file (${codeOf(error)})`));
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function tooBig(size: number, budget: Budget): string {
  if (size > MAX_FILE_BYTES) {
    return `too large: ${mb(size)} (at most ${mb(MAX_FILE_BYTES)} a file); split it into several incident files`;
  }
  return `not read: the knowledge base would exceed ${mb(MAX_TOTAL_BYTES)} in total (${mb(budget.used)} read before this file of ${mb(size)}); load fewer folders`;
}

/**
 * Lists and reads every input. Files are read synchronously: it is one pass at start-up.
 * @param dirs the incident folders, in order
 */
export function readInputs(dirs: string[], options: DataFileOptions = {}): Inputs {
  const problems: KbProblem[] = [];
  const incidents: IncidentInput[] = [];
  const budget: Budget = { used: 0 };
  dirs.forEach((dir, index) => {
    for (const name of listFolder(dir, problems)) {
      const file = path.join(dir, name);
      const text = readText(file, problems, budget, 'error');
      if (text !== undefined) incidents.push({ dir: index, name, file, text });
    }
  });
  const first = dirs[0];
  const beside = first ? path.dirname(path.resolve(first)) : undefined;
  const data: DataInput[] = [];
  for (const spec of DATA_FILES) {
    const named = options.dataFiles?.[spec.key];
    const near = beside ? path.join(beside, spec.file) : undefined;
    const file =
      named ?? (near && existsSync(near) ? near : spec.bundled ? (bundledDataFile(spec.file) ?? near) : near);
    if (!file) continue;
    const text = readText(file, problems, budget, named ? 'error' : 'absent');
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
