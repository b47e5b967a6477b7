/**
 * The data files beside the incidents, in one list: the synonyms (next to the incident folders), how questions are
 * read and the fitted confidence model (the package's own `data/` unless named). Adding one — a vocabulary, another
 * model — is one entry here plus its field in `KnowledgeBaseData`: the loader reads it with the same checks as every
 * input (regular file, size limit), validates it, hashes it into the knowledge-base version and carries it in the
 * build snapshot and the cache.
 *
 * @example
 * // data/vocabulary.yaml, checked by a zod schema in the core:
 * { key: 'vocabulary', file: 'vocabulary.yaml', where: 'bundled', required: true, empty: () => ({ words: [] }),
 *   read: async () => (await import('./vocabulary.js')).readVocabularyFile }
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KbProblem, KnowledgeBaseData } from '../core/model.js';
import { EMPTY_LANGUAGE } from '../core/reading/language.js';

/** The fields of `KnowledgeBaseData` that come from a data file. */
export type DataKey = Exclude<keyof KnowledgeBaseData, 'incidents' | 'version' | 'defaultIncident'>;

/** Reads one data file's text into its value, reporting every problem at its line (`FILE:LINE: PATH: message`). */
export type DataReader<K extends DataKey> = (
  file: string,
  text: string,
) => { value?: KnowledgeBaseData[K]; problems: KbProblem[] };

/** One data file. */
export interface DataFileSpec<K extends DataKey = DataKey> {
  /** the field of `KnowledgeBaseData` it fills */
  key: K;
  /** its name in its folder */
  file: string;
  /**
   * `beside`: in the folder above the first incident folder (`data/` for the bundled incidents), so a knowledge base
   * of other folders brings its own or none; `bundled`: the package's own `data/`
   */
  where: 'beside' | 'bundled';
  /** an absent file is an error (a file named explicitly always must exist) */
  required: boolean;
  /** the value when the file is absent or unusable (`undefined`: the field is left out) */
  empty: () => KnowledgeBaseData[K];
  /** its reader, imported only when the file has to be parsed (not when a snapshot or the cache answers) */
  read: () => Promise<DataReader<K>>;
}

const spec = <K extends DataKey>(s: DataFileSpec<K>): DataFileSpec<K> => s;

/** Every data file, in the order they are read and hashed. */
export const DATA_FILES: readonly DataFileSpec[] = [
  spec({
    key: 'synonyms',
    file: 'synonyms.yaml',
    where: 'beside',
    required: false,
    empty: () => [],
    read: async () => (await import('./synonyms.js')).readSynonymsFile,
  }),
  spec({
    key: 'language',
    file: 'language.yaml',
    where: 'bundled',
    required: true,
    empty: () => EMPTY_LANGUAGE,
    read: async () => (await import('./language.js')).readLanguageFile,
  }),
  spec({
    key: 'confidence',
    file: 'confidence.yaml',
    where: 'bundled',
    required: false,
    empty: () => undefined,
    read: async () => (await import('./language.js')).readConfidenceFile,
  }),
];

/** The package's own `data/` folder, found from this module's place in the source (`src/kb`) or the build. */
export function bundledDataDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = path.join(dir, 'data');
    if (existsSync(path.join(candidate, 'incidents'))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve('data');
}
