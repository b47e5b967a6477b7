/**
 * `breachbot validate [--data DIR]`: loads the knowledge base and prints every problem as `FILE:LINE: PATH: message`,
 * grouped per file, then a summary. Exit 0 when it loads (warnings allowed), 1 when it does not, 2 on a usage error.
 */
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import type { KbProblem } from '../core/model.js';
import { loadKnowledgeBase } from '../kb/load.js';
import { incidentDirs } from '../kb/path-list.js';
import { formatProblem, sortProblems } from '../kb/problems.js';
import { type CliIo, parseFlags, UsageError } from './io.js';

const USAGE = `Usage: breachbot validate [--data DIR]

Loads and checks the knowledge base (INCIDENTS_DIR, default data/incidents; several folders separated by "${path.delimiter}").
Prints every problem as FILE:LINE: PATH: message. Exit 0 when it loads (warnings allowed), 1 when it does not.
`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Runs `validate`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let dataDir: string | undefined;
  try {
    const { flags, positional } = parseFlags(args, { data: 'string', help: 'boolean' });
    if (flags.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
    if (typeof flags.data === 'string') dataDir = flags.data;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`breachbot validate: ${error.message}\n\n${USAGE}`);
    return 2;
  }

  let incidentsDir: string;
  let defaultIncident: string | undefined;
  try {
    const config = loadConfig(io.env, io.cwd);
    incidentsDir = config.incidentsDir;
    defaultIncident = config.defaultIncident;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  const dirs = incidentDirs(dataDir ?? incidentsDir, io.cwd);

  const result = await loadKnowledgeBase({ dir: dirs, defaultIncident, fresh: true });
  const byFile = new Map<string, KbProblem[]>();
  for (const problem of sortProblems(result.problems)) {
    const list = byFile.get(problem.file) ?? [];
    list.push(problem);
    byFile.set(problem.file, list);
  }
  for (const [file, problems] of byFile) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    const shown = path.isAbsolute(file) ? path.relative(io.cwd, file) || file : file;
    io.stdout.write(`${shown} (${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')})\n`);
    for (const problem of problems) io.stdout.write(`  ${formatProblem(problem, io.cwd)}\n`);
  }

  const { incidents } = result.data;
  const events = incidents.reduce((n, i) => n + i.timeline.length, 0);
  const sources = incidents.reduce((n, i) => n + i.sources.length, 0);
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const verdict = result.ok ? `ok, knowledge base version ${result.data.version}` : 'NOT LOADABLE';
  io.stdout.write(
    `${plural(incidents.length, 'incident')}, ${plural(events, 'event')}, ${plural(sources, 'source')}, ` +
      `${plural(warnings, 'warning')}, ${plural(errors, 'error')}: ${verdict}\n`,
  );
  return result.ok ? 0 : 1;
}
