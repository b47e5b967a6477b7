/**
 * Loading problems: building them, formatting paths the way people read them (`timeline[3].date`), and printing
 * them as `FILE:LINE: PATH: message`.
 */
import path from 'node:path';
import type { KbProblem } from '../core/model.js';

/** A path into a document, as zod and the YAML walker give it. */
export type DocPath = ReadonlyArray<PropertyKey>;

/** `['timeline', 3, 'date']` → `timeline[3].date`. */
export function formatPath(segments: DocPath): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Collects problems for one file. */
export class ProblemList {
  readonly items: KbProblem[] = [];
  constructor(readonly file: string) {}

  error(line: number, at: DocPath | string, message: string): void {
    this.add('error', line, at, message);
  }

  warn(line: number, at: DocPath | string, message: string): void {
    this.add('warning', line, at, message);
  }

  private add(severity: KbProblem['severity'], line: number, at: DocPath | string, message: string): void {
    this.items.push({
      file: this.file,
      line,
      path: typeof at === 'string' ? at : formatPath(at),
      message,
      severity,
    });
  }
}

/** True when no problem is an error. */
export function isLoadable(problems: readonly KbProblem[]): boolean {
  return problems.every((p) => p.severity !== 'error');
}

/**
 * One problem as `FILE:LINE: PATH: message`, the file relative to `cwd` when given; warnings say so before the
 * message.
 */
export function formatProblem(problem: KbProblem, cwd?: string): string {
  const file = cwd && path.isAbsolute(problem.file) ? path.relative(cwd, problem.file) || problem.file : problem.file;
  const where = problem.path ? `${problem.path}: ` : '';
  const mark = problem.severity === 'warning' ? 'warning: ' : '';
  return `${file}:${problem.line}: ${where}${mark}${problem.message}`;
}

/** Problems sorted by file, then line, the order people fix them in. */
export function sortProblems(problems: readonly KbProblem[]): KbProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.path.localeCompare(b.path));
}
