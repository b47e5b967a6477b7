/**
 * The zod-free way through a native incident file, taken first: it settles a file that is valid (or unreadable)
 * without importing zod, and leaves every file with a schema problem to `parseNativeIncident` (native.ts), which
 * reports the problems with zod's messages. Same result, problems and order as `parseNativeIncident` for the files it
 * settles.
 */
import type { Incident } from '../core/model.js';
import { checkIncidentReferences } from './cross-checks.js';
import { openIncidentDocument, readDocument } from './document.js';
import type { NativeResult } from './native.js';
import { ProblemList } from './problems.js';
import { INCIDENT, quickParse, SYNONYMS, warnRepeatedSynonyms, warnUnknownKeysBySpec } from './quick-check.js';

/** The result `parseNativeIncident(file, text)` gives, or `undefined` when only the zod schema can decide. */
export function readNativeQuick(file: string, text: string): NativeResult | undefined {
  const { problems, data, positioned, result, done } = openIncidentDocument(file, text);
  if (done) return done;
  const parsed = quickParse<Incident>(INCIDENT, data);
  if (!parsed) return undefined;
  if (parsed.unknownKeys) warnUnknownKeysBySpec(INCIDENT, data, [], positioned.lineOf, problems);
  checkIncidentReferences(data, positioned.lineOf, problems);
  const ok = problems.items.every((p) => p.severity !== 'error');
  return result(ok ? parsed.value : undefined);
}

/** The result `parseSynonyms(file, text)` gives, or `undefined` when only the zod schema can decide. */
export function readSynonymsQuick(
  file: string,
  text: string,
): { groups: string[][]; problems: ProblemList['items'] } | undefined {
  const problems = new ProblemList(file);
  const { data, positioned } = readDocument(text, problems);
  if (problems.items.length > 0) return { groups: [], problems: problems.items };
  const parsed = quickParse<{ groups: string[][] }>(SYNONYMS, data ?? {});
  if (!parsed) return undefined;
  const { groups } = parsed.value;
  warnRepeatedSynonyms(groups, positioned.lineOf, problems);
  return { groups, problems: problems.items };
}
