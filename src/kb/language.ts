/**
 * `data/language.yaml`, how questions are read, and `data/confidence.yaml`, the fitted confidence model: checked
 * like the incident files (`FILE:LINE: PATH: message`), the language file also for every pattern compiling. Both are
 * data files (data-files.ts): the bundled ones are used unless others are named.
 */
import { type ConfidenceModel, confidenceModelSchema, type KbProblem } from '../core/model.js';
import { compileLanguage, EMPTY_LANGUAGE, type LanguageData } from '../core/reading/language.js';
import { languageSchema, toLanguageData } from '../core/reading/language-schema.js';
import { readDocument } from './document.js';
import { reportSchemaIssues } from './native.js';
import { ProblemList } from './problems.js';

/** Parses and checks a language file; `language` is undefined when it has an error. */
export function parseLanguage(file: string, text: string): { language?: LanguageData; problems: KbProblem[] } {
  const problems = new ProblemList(file);
  const { data, positioned } = readDocument(text, problems);
  if (problems.items.length > 0) return { problems: problems.items };
  const parsed = languageSchema.safeParse(data ?? {});
  if (!parsed.success) {
    reportSchemaIssues(parsed.error.issues, data, positioned, problems);
    return { problems: problems.items };
  }
  const language = toLanguageData(parsed.data);
  try {
    compileLanguage(language);
  } catch (error) {
    problems.error(1, '', (error as Error).message);
    return { problems: problems.items };
  }
  return { language, problems: problems.items };
}

/** The language file as a data file: an unusable one leaves the empty language (and its errors). */
export function readLanguageFile(file: string, text: string): { value: LanguageData; problems: KbProblem[] } {
  const { language, problems } = parseLanguage(file, text);
  return { value: language ?? EMPTY_LANGUAGE, problems };
}

/** The fitted confidence model as a data file; `value` is undefined when the file has an error. */
export function readConfidenceFile(file: string, text: string): { value?: ConfidenceModel; problems: KbProblem[] } {
  const problems = new ProblemList(file);
  const { data, positioned } = readDocument(text, problems);
  if (problems.items.length > 0) return { problems: problems.items };
  const parsed = confidenceModelSchema.safeParse(data ?? {});
  if (parsed.success) return { value: parsed.data, problems: problems.items };
  reportSchemaIssues(parsed.error.issues, data, positioned, problems);
  return { problems: problems.items };
}
