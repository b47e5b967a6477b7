/**
 * Reading a YAML/JSON document for the loader, without zod: the fast reader for plain YAML, `yaml` with positions for
 * anything else, syntax errors reported at their line.
 */
import type { DocPath, ProblemList } from './problems.js';
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
