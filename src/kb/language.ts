/**
 * `data/language.yaml`, how questions are read: checked like the incident files (`FILE:LINE: PATH: message`),
 * including that every pattern compiles. The bundled file is used unless another is named.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ConfidenceModel, confidenceModelSchema, type KbProblem } from '../core/model.js';
import { compileLanguage, type LanguageData } from '../core/reading/language.js';
import { languageSchema, toLanguageData } from '../core/reading/language-schema.js';
import { ONE_SHOT, readDocument, reportSchemaIssues } from './native.js';
import { ProblemList } from './problems.js';

/** Parses and checks a language file; `language` is undefined when it has an error. */
export function parseLanguage(file: string, text: string): { language?: LanguageData; problems: KbProblem[] } {
  const problems = new ProblemList(file);
  const { data, positioned } = readDocument(text, problems);
  if (problems.items.length > 0) return { problems: problems.items };
  const parsed = languageSchema.safeParse(data ?? {}, ONE_SHOT);
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

/** The project's own `data/<name>`, found from this module's place in the source or the build. */
export function bundledDataFile(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = path.join(dir, 'data', name);
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve('data', name);
}

/** The fitted confidence model, or undefined when there is none (reported only when the file was asked for). */
export function readConfidenceModel(
  file: string,
  problems: KbProblem[],
  required: boolean,
): ConfidenceModel | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    if (required || code !== 'ENOENT')
      problems.push({ file, line: 0, path: '', message: `cannot read (${code})`, severity: 'error' });
    return undefined;
  }
  const list = new ProblemList(file);
  const { data, positioned } = readDocument(text, list);
  if (list.items.length === 0) {
    const parsed = confidenceModelSchema.safeParse(data ?? {}, ONE_SHOT);
    if (parsed.success) return parsed.data;
    reportSchemaIssues(parsed.error.issues, data, positioned, list);
  }
  problems.push(...list.items);
  return undefined;
}
