/**
 * `breachbot eval FILE…`: scores question files (CONTRACTS.md, "Answer quality"; the scoring is in
 * `eval-score.ts`). Prints the failures, how well `confidence` tells right from wrong (ROC AUC and a reliability
 * table), then `N passed, N failed`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import { createKnowledgeBase, type KnowledgeBase } from '../core/knowledge-base.js';
import { parseCommand } from '../core/parse-command.js';
import { respond } from '../core/respond.js';
import { cacheDirIn, loadKnowledgeBase } from '../kb/load.js';
import { incidentDirs } from '../kb/path-list.js';
import {
  confidencePoints,
  type EvalCase,
  type EvalResult,
  parseCases,
  reliability,
  rocAuc,
  scoreCase,
} from './eval-score.js';
import { type CliIo, parseFlags, UsageError } from './io.js';

export { answerHaystack, answerLead, type EvalCase, type EvalResult, parseCases, scoreCase } from './eval-score.js';

const USAGE = `Usage: breachbot eval [--data DIR] [--verbose] [--json] FILE...

Scores question files (YAML lists of { q, expect: answer|none, lead, any, all, not, list }; see CONTRACTS.md).
Prints each failure, how well confidence tells right from wrong, then "N passed, N failed".
--json prints one JSON line per case instead ({ q, ok, reason, kind, intent, confidence, title }).
Exit 0 when all pass, 1 otherwise.
`;

/** Asks every case and scores it. */
export function evaluate(kb: KnowledgeBase, cases: EvalCase[], now = new Date()): EvalResult[] {
  return cases.map((c) => scoreCase(c, respond(kb, parseCommand(c.q, kb), { now })));
}

/** Runs `eval`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let files: string[];
  let data: string | undefined;
  let verbose = false;
  let json = false;
  try {
    const { flags, positional } = parseFlags(args, {
      data: 'string',
      verbose: 'boolean',
      json: 'boolean',
      help: 'boolean',
    });
    if (flags.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (positional.length === 0) throw new UsageError('which FILE?');
    files = positional.map((f) => path.resolve(io.cwd, f));
    data = typeof flags.data === 'string' ? flags.data : undefined;
    verbose = flags.verbose === true;
    json = flags.json === true;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`breachbot eval: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  const cases: EvalCase[] = [];
  for (const file of files) {
    try {
      cases.push(...parseCases(await readFile(file, 'utf8')));
    } catch (error) {
      io.stderr.write(`breachbot eval: ${file}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(io.env, io.cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  const dir = incidentDirs(data ?? config.incidentsDir, io.cwd);
  const loaded = await loadKnowledgeBase({
    dir,
    defaultIncident: config.defaultIncident,
    cacheDir: cacheDirIn(config.dataDir),
  });
  const kb = createKnowledgeBase(loaded.data);
  const results = evaluate(kb, cases);
  for (const r of results) {
    if (json) {
      const { answer } = r;
      const line = { q: r.case.q, expect: r.case.expect, ok: r.ok, reason: r.reason, kind: answer.kind };
      io.stdout.write(
        `${JSON.stringify({ ...line, intent: answer.intent, confidence: answer.confidence, title: answer.title })}\n`,
      );
      continue;
    }
    if (r.ok && !verbose) continue;
    io.stdout.write(
      `${r.ok ? 'PASS' : 'FAIL'}  ${JSON.stringify(r.case.q)} (expect ${r.case.expect}): ${r.reason ?? 'ok'} [${r.answer.kind}/${r.answer.intent} ${r.answer.confidence}: ${r.answer.title}]\n`,
    );
  }
  if (!json) io.stdout.write(confidenceReport(results));
  const passed = results.filter((r) => r.ok).length;
  io.stdout.write(`${passed} passed, ${results.length - passed} failed\n`);
  return passed === results.length ? 0 : 1;
}

/** How well confidence tells right from wrong: ROC AUC and a reliability table, as text. */
export function confidenceReport(results: readonly EvalResult[]): string {
  const points = confidencePoints(results);
  const auc = rocAuc(points);
  const rows = reliability(points).map(
    (b) =>
      `  ${b.from.toFixed(1)}–${b.to.toFixed(1)}  ${String(b.count).padStart(4)} answers  ${(b.right * 100).toFixed(0).padStart(3)}% right  (mean confidence ${b.mean.toFixed(2)})`,
  );
  return [
    `confidence: ROC AUC ${auc === undefined ? 'n/a (all right or all wrong)' : auc.toFixed(3)} over ${points.length} judged answers`,
    ...rows,
    '',
  ].join('\n');
}
