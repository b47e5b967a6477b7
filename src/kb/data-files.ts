/**
 * The data files that sit beside the incident folders (in the folder above the first one, `data/` for the bundled
 * knowledge base), in one list. Adding one — a vocabulary, a fitted model — is one entry here plus its field in
 * `KnowledgeBaseData`: the loader reads it, validates it, hashes it into the knowledge-base version and carries it
 * in the build snapshot and the cache without further changes.
 *
 * @example
 * // data/vocabulary.yaml, checked by a zod schema that the core exports:
 * { key: 'vocabulary', file: 'vocabulary.yaml', empty: () => ({ words: [] }),
 *   read: async () => schemaReader((await import('../core/model.js')).vocabularySchema) }
 */
import type { KbProblem, KnowledgeBaseData } from '../core/model.js';
import { EMPTY_LANGUAGE } from '../core/reading/language.js';

/** The fields of `KnowledgeBaseData` that come from a data file. */
export type DataKey = Exclude<keyof KnowledgeBaseData, 'incidents' | 'version' | 'defaultIncident'>;

/** Reads one data file's text into its value, reporting every problem at its line (`FILE:LINE: PATH: message`). */
export type DataReader<K extends DataKey> = (
  file: string,
  text: string,
) => { value: KnowledgeBaseData[K]; problems: KbProblem[] };

/** One data file beside the incident folders. */
export interface DataFileSpec<K extends DataKey = DataKey> {
  /** the field of `KnowledgeBaseData` it fills */
  key: K;
  /** its name in the data folder */
  file: string;
  /** the value when the file is absent (an absent file is not a problem unless it was named explicitly) */
  empty: () => KnowledgeBaseData[K];
  /** its reader, imported only when the file has to be parsed (not when a snapshot or the cache answers) */
  read: () => Promise<DataReader<K>>;
  /** read the project's own copy when the incident folders have none beside them (the engine needs it) */
  bundled?: boolean;
}

const spec = <K extends DataKey>(s: DataFileSpec<K>): DataFileSpec<K> => s;

/** Every data file, in the order they are read and hashed. */
export const DATA_FILES: readonly DataFileSpec[] = [
  spec({
    key: 'synonyms',
    file: 'synonyms.yaml',
    empty: () => [],
    read: async () => (await import('./synonyms.js')).readSynonymsFile,
  }),
  spec({
    key: 'language',
    file: 'language.yaml',
    bundled: true,
    empty: () => EMPTY_LANGUAGE,
    read: async () => (await import('./language.js')).readLanguageFile,
  }),
  spec({
    key: 'confidence',
    file: 'confidence.yaml',
    bundled: true,
    empty: () => undefined,
    read: async () => (await import('./language.js')).readConfidenceFile,
  }),
];
