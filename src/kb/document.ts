/**
 * Reading a YAML/JSON document for the loader: `yaml` with positions, syntax errors reported at their line.
 */
import type { Incident } from '../core/model.js';
import type { NativeResult } from './native.js';
import { ProblemList } from './problems.js';
import { dataOf, type LinePositions, parsePositioned } from './yaml-lines.js';

/**
 * Parses a YAML/JSON document and reports its syntax errors; returns the plain data (`undefined` when the text is
 * not usable) and the lines of its nodes.
 */
export function readDocument(text: string, problems: ProblemList): { data?: unknown; positioned: LinePositions } {
  const positioned = parsePositioned(text);
  for (const error of positioned.doc.errors) {
    problems.error(positioned.lineAt(error.pos[0]), '', `syntax: ${error.message.split('\n')[0]}`);
  }
  if (positioned.doc.errors.length > 0) return { positioned };
  const converted = dataOf(positioned);
  if ('message' in converted) {
    problems.error(converted.line, '', converted.message);
    return { positioned };
  }
  return { data: converted.data, positioned };
}

/**
 * A native incident file read as far as its data: `done` is the result when there is nothing to check (a syntax
 * error, an empty file); `result` makes the result otherwise.
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
