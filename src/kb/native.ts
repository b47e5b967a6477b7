/**
 * Native incident files (`*.yaml`, `*.yml`, `*.json`): parsed with positions, validated with `incidentSchema`, every
 * schema problem reported at the line of the offending node, then the cross-reference checks.
 */
import type { z } from 'zod';
import { type Incident, incidentSchema, type KbProblem } from '../core/model.js';
import { checkIncidentReferences } from './cross-checks.js';
import { openIncidentDocument } from './document.js';
import type { DocPath, ProblemList } from './problems.js';
import type { LinePositions } from './yaml-lines.js';

/** One native file, parsed. `incident` is set only when the file has no error. */
export interface NativeResult {
  incident?: Incident;
  problems: KbProblem[];
  /** line of a path in the file (for problems found later, such as duplicate ids across files) */
  lineOf(path: DocPath): number;
}

/** Reads the value at `path` in plain data, or `undefined`. */
export function valueAt(data: unknown, path: DocPath): unknown {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment as string];
  }
  return node;
}

/** Reports every issue of a zod parse at its line. */
export function reportSchemaIssues(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  positioned: LinePositions,
  problems: ProblemList,
): void {
  for (const issue of issues) {
    const path = issue.path as DocPath;
    const missing = issue.code === 'invalid_type' && valueAt(data, path) === undefined;
    problems.error(positioned.lineOf(path), path, missing ? 'missing (required)' : issue.message);
  }
}

type SchemaDef = {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
};

function defOf(schema: unknown): SchemaDef | undefined {
  return (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
}

function unwrap(schema: unknown): SchemaDef | undefined {
  let def = defOf(schema);
  for (let i = 0; def && i < 8; i++) {
    if (def.innerType) def = defOf(def.innerType);
    else if (def.type === 'pipe' && def.in) def = defOf(def.in);
    else break;
  }
  return def;
}

/** Warns about keys the schema does not know (a misspelt key would otherwise be dropped without a word). */
export function warnUnknownKeys(
  schema: unknown,
  data: unknown,
  path: PropertyKey[],
  positioned: LinePositions,
  problems: ProblemList,
): void {
  if (data === null || typeof data !== 'object') return;
  const def = unwrap(schema);
  if (!def) return;
  // `path` is extended and restored in place; a copy is made only for a warning
  if (def.type === 'array' && Array.isArray(data)) {
    data.forEach((item, i) => {
      path.push(i);
      warnUnknownKeys(def.element, item, path, positioned, problems);
      path.pop();
    });
  } else if (def.type === 'object' && def.shape && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) {
      path.push(key);
      if (!(key in def.shape)) {
        const at = [...path];
        problems.warn(positioned.lineOf(at), at, 'unknown key, ignored');
      } else warnUnknownKeys(def.shape[key], value, path, positioned, problems);
      path.pop();
    }
  }
}

/** Parses and checks one native incident file. */
export function parseNativeIncident(file: string, text: string): NativeResult {
  const { problems, data, positioned, result, done } = openIncidentDocument(file, text);
  if (done) return done;
  const parsed = incidentSchema.safeParse(data);
  warnUnknownKeys(incidentSchema, data, [], positioned, problems);
  if (!parsed.success) reportSchemaIssues(parsed.error.issues, data, positioned, problems);
  checkIncidentReferences(data, positioned.lineOf, problems);
  const ok = parsed.success && problems.items.every((p) => p.severity !== 'error');
  return result(ok ? parsed.data : undefined);
}
