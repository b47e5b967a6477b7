/**
 * `data/synonyms.yaml`: groups of words that mean the same for search, checked like the incident files.
 */
import { type KbProblem, synonymsSchema } from '../core/model.js';
import { readDocument } from './document.js';
import { reportSchemaIssues } from './native.js';
import { type DocPath, ProblemList } from './problems.js';

/** Warns about a word that is in two synonym groups. */
export function warnRepeatedSynonyms(
  groups: readonly string[][],
  lineOf: (path: DocPath) => number,
  problems: ProblemList,
): void {
  const seen = new Map<string, number>();
  groups.forEach((group, g) => {
    group.forEach((word, w) => {
      const key = word.trim().toLowerCase();
      const first = seen.get(key);
      if (first !== undefined && first !== g) {
        const at = ['groups', g, w];
        problems.warn(lineOf(at), at, `"${word}" is also in group ${first}; the groups are searched separately`);
      } else seen.set(key, g);
    });
  });
}

/** Parses a synonyms file; `groups` is empty when it has an error. */
export function parseSynonyms(file: string, text: string): { groups: string[][]; problems: KbProblem[] } {
  const problems = new ProblemList(file);
  const { data, positioned } = readDocument(text, problems);
  if (problems.items.length > 0) return { groups: [], problems: problems.items };
  const parsed = synonymsSchema.safeParse(data ?? {});
  if (!parsed.success) {
    reportSchemaIssues(parsed.error.issues, data, positioned, problems);
    return { groups: [], problems: problems.items };
  }
  warnRepeatedSynonyms(parsed.data.groups, positioned.lineOf, problems);
  return { groups: parsed.data.groups, problems: problems.items };
}

/** The synonyms file as a data file (data-files.ts): its groups are the `synonyms` of the knowledge base. */
export function readSynonymsFile(file: string, text: string): { value: string[][]; problems: KbProblem[] } {
  const { groups, problems } = parseSynonyms(file, text);
  return { value: groups, problems };
}
