/**
 * `data/synonyms.yaml`: groups of words that mean the same for search, checked like the incident files. The loader
 * tries `readSynonymsQuick` (native-quick.ts) first and needs this module, and zod, only for a file with a problem.
 */
import { type KbProblem, synonymsSchema } from '../core/model.js';
import { ONE_SHOT, readDocument, reportSchemaIssues } from './native.js';
import { ProblemList } from './problems.js';
import { warnRepeatedSynonyms } from './quick-check.js';

/** Parses a synonyms file; `groups` is empty when it has an error. */
export function parseSynonyms(file: string, text: string): { groups: string[][]; problems: KbProblem[] } {
  const problems = new ProblemList(file);
  const { data, positioned } = readDocument(text, problems);
  if (problems.items.length > 0) return { groups: [], problems: problems.items };
  const parsed = synonymsSchema.safeParse(data ?? {}, ONE_SHOT);
  if (!parsed.success) {
    reportSchemaIssues(parsed.error.issues, data, positioned, problems);
    return { groups: [], problems: problems.items };
  }
  warnRepeatedSynonyms(parsed.data.groups, positioned.lineOf, problems);
  return { groups: parsed.data.groups, problems: problems.items };
}
