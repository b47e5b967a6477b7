/**
 * `breachbot validate [--data DIR] [--strict] [--max-age MONTHS] [--today DATE]`: loads the knowledge base and prints
 * every problem as `FILE:LINE: PATH: message`, grouped per file, then a summary. Also warns when a curated incident's
 * `status.asOf` is more than MONTHS (default 12) months old. Exit 0 when it loads (warnings allowed; with `--strict`,
 * only when there is no warning either), 1 when it does not, 2 on a usage error.
 */
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import type { KbProblem } from '../core/model.js';
import { staleStatusProblem } from '../kb/cross-checks.js';
import { loadKnowledgeBase } from '../kb/load.js';
import { incidentDirs } from '../kb/path-list.js';
import { formatProblem, sortProblems } from '../kb/problems.js';
import { type CliIo, parseFlags, UsageError } from './io.js';

const DEFAULT_MAX_AGE = 12;

const USAGE = `Usage: breachbot validate [--data DIR] [--strict] [--max-age MONTHS] [--today YYYY-MM-DD]

Loads and checks the knowledge base (INCIDENTS_DIR, default data/incidents; several folders separated by "${path.delimiter}").
Prints every problem as FILE:LINE: PATH: message. Exit 0 when it loads (warnings allowed), 1 when it does not.
  --strict          treat warnings as failures too: exit 1 unless there is no problem at all (what CI runs)
  --max-age MONTHS  warn when a curated incident's status.asOf is older than this (default ${DEFAULT_MAX_AGE})
  --today DATE      the date to measure that age from (default: today)
`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The `--max-age` and `--today` values, checked. @throws UsageError with the accepted form */
function freshnessFlags(flags: Record<string, string | boolean>): { maxAge: number; today: string } {
  const rawAge = flags['max-age'];
  const maxAge = typeof rawAge === 'string' ? Number(rawAge) : DEFAULT_MAX_AGE;
  if (!Number.isInteger(maxAge) || maxAge < 0) {
    throw new UsageError(`--max-age takes a whole number of months, such as 12 (got "${String(rawAge)}")`);
  }
  const rawToday = flags.today;
  const today = typeof rawToday === 'string' ? rawToday : new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(today)) {
    throw new UsageError(`--today takes a date as YYYY-MM-DD (got "${today}")`);
  }
  return { maxAge, today };
}

/** Runs `validate`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let dataDir: string | undefined;
  let strict = false;
  let freshness: { maxAge: number; today: string };
  try {
    const { flags, positional } = parseFlags(args, {
      data: 'string',
      strict: 'boolean',
      'max-age': 'string',
      today: 'string',
      help: 'boolean',
    });
    if (flags.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);
    if (typeof flags.data === 'string') dataDir = flags.data;
    strict = flags.strict === true;
    freshness = freshnessFlags(flags);
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
  for (const incident of result.data.incidents) {
    const stale = staleStatusProblem(incident, freshness.today, freshness.maxAge);
    if (stale) result.problems.push(stale);
  }
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
  const failsStrict = strict && warnings > 0;
  const verdict = !result.ok
    ? 'NOT LOADABLE'
    : failsStrict
      ? `FAILED (--strict does not allow warnings), knowledge base version ${result.data.version}`
      : `ok, knowledge base version ${result.data.version}`;
  io.stdout.write(
    `${plural(incidents.length, 'incident')}, ${plural(events, 'event')}, ${plural(sources, 'source')}, ` +
      `${plural(warnings, 'warning')}, ${plural(errors, 'error')}: ${verdict}\n`,
  );
  return result.ok && !failsStrict ? 0 : 1;
}
