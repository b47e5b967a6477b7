/**
 * `data/language.yaml` (how questions are read) and `data/confidence.yaml` (the fitted confidence model) as data
 * files (data-files.ts): checked like the incident files (`FILE:LINE: PATH: message`), the language's patterns
 * compiled once to prove they compile.
 */
import { type ConfidenceModel, confidenceModelSchema, type KbProblem } from '../core/model.js';
import { compileLanguage, EMPTY_LANGUAGE, type LanguageData } from '../core/reading/language.js';
import { languageSchema, toLanguageData } from '../core/reading/language-schema.js';
import { readDocument } from './document.js';
import { reportSchemaIssues } from './native.js';
import { ProblemList } from './problems.js';

/** Parses and checks a language file; the empty language (and an error) when it has a problem. */
export function readLanguageFile(file: string, text: string): { value: LanguageData; problems: KbProblem[] } {
  const problems = new ProblemList(file);
  const { data, positioned } = readDocument(text, problems);
  if (problems.items.length > 0) return { value: EMPTY_LANGUAGE, problems: problems.items };
  const parsed = languageSchema.safeParse(data ?? {});
  if (!parsed.success) {
    reportSchemaIssues(parsed.error.issues, data, positioned, problems);
    return { value: EMPTY_LANGUAGE, problems: problems.items };
  }
  const language = toLanguageData(parsed.data);
  try {
    compileLanguage(language);
  } catch (error) {
    problems.error(1, '', (error as Error).message);
    return { value: EMPTY_LANGUAGE, problems: problems.items };
  }
  return { value: language, problems: problems.items };
}

/** Parses and checks a fitted confidence model; none (and an error) when it has a problem. */
export function readConfidenceFile(
  file: string,
  text: string,
): { value: ConfidenceModel | undefined; problems: KbProblem[] } {
  const problems = new ProblemList(file);
  const { data, positioned } = readDocument(text, problems);
  if (problems.items.length > 0) return { value: undefined, problems: problems.items };
  const parsed = confidenceModelSchema.safeParse(data ?? {});
  if (!parsed.success) {
    reportSchemaIssues(parsed.error.issues, data, positioned, problems);
    return { value: undefined, problems: problems.items };
  }
  return { value: parsed.data, problems: problems.items };
}
