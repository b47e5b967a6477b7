/** Shared helpers for the breaches.cloud loader tests (not a test file itself). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Incident, incidentSchema, type KbProblem } from '../../src/core/model.js';
import { parseBreachesCloud } from '../../src/kb/breaches-cloud.js';

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures/breaches');

/** Parses a fixture write-up and validates it with the core schema, as the loader does. */
export function loadFixture(name: string): { incident: Incident; problems: KbProblem[]; file: string } {
  const file = path.join(fixturesDir, name);
  const result = parseBreachesCloud(file, readFileSync(file, 'utf8'));
  if (!result.incident) throw new Error(`${name} did not load: ${JSON.stringify(result.problems)}`);
  return { incident: incidentSchema.parse(result.incident), problems: result.problems, file };
}

/** The 1-based line of the only line of `file` containing `needle`. */
export function lineWith(file: string, needle: string): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const hits = lines.flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`"${needle}" is on ${hits.length} lines of ${file}`);
  return hits[0] as number;
}

/**
 * Parses a small invented write-up given as front-matter lines and body lines, and validates it as the loader does.
 * Line numbers in problems count from the `---` on line 1.
 */
export function parseWriteUp(
  frontMatter: readonly string[],
  body: readonly string[],
  name = 'write-up.md',
): { incident: Incident; problems: KbProblem[]; lineOf: (needle: string) => number } {
  const lines = ['---', ...frontMatter, '---', '', ...body];
  const result = parseBreachesCloud(`/kb/${name}`, lines.join('\n'));
  if (!result.incident) throw new Error(`did not load: ${JSON.stringify(result.problems)}`);
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  return { incident: incidentSchema.parse(result.incident), problems: result.problems, lineOf };
}
