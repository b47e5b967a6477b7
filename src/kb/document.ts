/**
 * Reading a YAML/JSON document for the loader, without zod: the fast reader for plain YAML, `yaml` with positions for
 * anything else, syntax errors reported at their line.
 */
import type { Incident } from '../core/model.js';
import type { NativeResult } from './native.js';
import { type DocPath, ProblemList } from './problems.js';
import { readFastYaml } from './yaml-fast.js';
import { type LinePositions, lazyPositions, parsePositioned } from './yaml-lines.js';

/**
 * Parses a YAML/JSON document and reports its syntax errors; returns the plain data, or `undefined` when the text is
 * not usable. Plain YAML is read by the fast reader, its lines computed only if a problem is reported; anything else
 * by `yaml` with positions.
 */
export function readDocument(text: string, problems: ProblemList): { data?: unknown; positioned: LinePositions } {
  const fast = readFastYaml(text);
  if (fast) {
    const full = lazyPositions(text);
    const lineOf = (path: DocPath) => fast.lineOf(path) ?? full.lineOf(path);
    return { data: fast.value, positioned: { lineOf, lineAt: full.lineAt } };
  }
  const positioned = parsePositioned(text);
  for (const error of positioned.doc.errors) {
    problems.error(positioned.lineAt(error.pos[0]), '', `syntax: ${error.message.split('\n')[0]}`);
  }
  if (positioned.doc.errors.length > 0) return { positioned };
  return { data: positioned.doc.toJS(), positioned };
}

/**
 * A native incident file read as far as its data, for both ways through it (native-quick.ts, native.ts): `done` is
 * the result when there is nothing to check (a syntax error, an empty file); `result` makes the result otherwise.
 */
export function openIncidentDocument(file: string, text: string) {
  const problems = new ProblemList(file);
  const { data, positioned } = readDocument(text, problems);
  const result = (incident?: Incident): NativeResult => ({
    incident,
    problems: problems.items,
    lineOf: positioned.lineOf,
  });
  let done: NativeResult | undefined;
  if (problems.items.length > 0) done = result();
  else if (data === null || data === undefined) {
    problems.error(1, '', 'the file is empty');
    done = result();
  }
  return { problems, data, positioned, result, done };
}
