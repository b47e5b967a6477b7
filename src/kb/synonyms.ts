/** `data/synonyms.yaml`: groups of words that mean the same for search, checked like the incident files. */
import { type KbProblem, synonymsSchema } from '../core/model.js';
import { ONE_SHOT, readDocument, reportSchemaIssues } from './native.js';
import { ProblemList } from './problems.js';

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
  const seen = new Map<string, number>();
  parsed.data.groups.forEach((group, g) => {
    group.forEach((word, w) => {
      const key = word.trim().toLowerCase();
      const first = seen.get(key);
      if (first !== undefined && first !== g) {
        const at = ['groups', g, w];
        problems.warn(
          positioned.lineOf(at),
          at,
          `"${word}" is also in group ${first}; the groups are searched separately`,
        );
      } else seen.set(key, g);
    });
  });
  return { groups: parsed.data.groups, problems: problems.items };
}
