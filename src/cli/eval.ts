/**
 * `breachbot eval FILE…`: scores question files (CONTRACTS.md, "Answer quality"; the scoring is in
 * `eval-score.ts`). Prints the failures, how well `confidence` tells right from wrong (ROC AUC and a reliability
 * table), then `N passed, N failed`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { ConfigError, loadConfig } from '../config.js';
import { answerFeatures } from '../core/compose/confidence.js';
import { createKnowledgeBase, type KnowledgeBase } from '../core/knowledge-base.js';
import { parseCommand } from '../core/parse-command.js';
import { respond } from '../core/respond.js';
import { respondHunt } from '../hunt/respond-hunt.js';
import { cacheDirIn, loadKnowledgeBase } from '../kb/load.js';
import { incidentDirs } from '../kb/path-list.js';
import { fitConfidence, type LabelledPoint, predict } from './eval-fit.js';
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

const USAGE = `Usage: breachbot eval [--data DIR] [--verbose] [--json [--every-answer]] FILE...
       breachbot eval --fit OUT RESULTS.jsonl...

Scores question files (YAML lists of { q, expect: answer|none, lead, any, all, not, list }; see CONTRACTS.md).
Prints each failure, how well confidence tells right from wrong, then "N passed, N failed".
--json prints one JSON line per case instead ({ q, ok, reason, kind, intent, confidence, title, features }).
--every-answer answers every search question the model would have asked back about (for --fit).
--fit fits the confidence model on the lines --json printed and writes it to OUT (data/confidence.yaml).
Exit 0 when all pass, 1 otherwise.
`;

/** Asks every case and scores it. */
export function evaluate(kb: KnowledgeBase, cases: EvalCase[], now = new Date()): EvalResult[] {
  return cases.map((c) => {
    const command = parseCommand(c.q, kb);
    // what a chat user gets: hunting queries come from the hunt module, as the message handler routes them
    const answer = command.type === 'hunt' ? respondHunt(kb, command) : respond(kb, command, { now });
    return { ...scoreCase(c, answer), features: answerFeatures(kb, command, answer) };
  });
}

/** Runs `eval`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let files: string[];
  let data: string | undefined;
  let verbose = false;
  let json = false;
  let everyAnswer = false;
  try {
    const { flags, positional } = parseFlags(args, {
      data: 'string',
      verbose: 'boolean',
      json: 'boolean',
      'every-answer': 'boolean',
      fit: 'string',
      help: 'boolean',
    });
    if (flags.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (typeof flags.fit === 'string') {
      if (positional.length === 0) throw new UsageError('which RESULTS.jsonl?');
      return await fitModel(
        io,
        path.resolve(io.cwd, flags.fit),
        positional.map((f) => path.resolve(io.cwd, f)),
      );
    }
    if (positional.length === 0) throw new UsageError('which FILE?');
    files = positional.map((f) => path.resolve(io.cwd, f));
    data = typeof flags.data === 'string' ? flags.data : undefined;
    verbose = flags.verbose === true;
    json = flags.json === true;
    everyAnswer = flags['every-answer'] === true;
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
  // --every-answer: no search answer is turned into a question back, so a refit chooses its threshold over all of
  // them, not only over those the current threshold let through
  const { confidence } = loaded.data;
  const kb = createKnowledgeBase(
    everyAnswer && confidence ? { ...loaded.data, confidence: { ...confidence, threshold: 0 } } : loaded.data,
  );
  const results = evaluate(kb, cases);
  for (const r of results) {
    if (json) {
      const { answer } = r;
      const line = { q: r.case.q, expect: r.case.expect, ok: r.ok, reason: r.reason, kind: answer.kind };
      const more = { intent: answer.intent, confidence: answer.confidence, title: answer.title, features: r.features };
      io.stdout.write(`${JSON.stringify({ ...line, ...more })}\n`);
      continue;
    }
    if (r.ok && !verbose) continue;
    io.stdout.write(
      `${r.ok ? 'PASS' : 'FAIL'}  ${JSON.stringify(r.case.q)} (expect ${r.case.expect}): ${r.reason ?? 'ok'} [${r.answer.kind}/${r.answer.intent} ${r.answer.confidence}: ${r.answer.title}]\n`,
    );
  }
  if (!json) io.stdout.write(confidenceReport(results));
  const passed = results.filter((r) => r.ok).length;
  // with --json, standard output holds only the JSON lines
  (json ? io.stderr : io.stdout).write(`${passed} passed, ${results.length - passed} failed\n`);
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

/** `eval --fit OUT RESULTS.jsonl…`: fits the confidence model on judged answers and writes it as YAML. */
async function fitModel(io: CliIo, out: string, files: string[]): Promise<number> {
  const points: LabelledPoint[] = [];
  for (const file of files) {
    for (const line of (await readFile(file, 'utf8')).split('\n')) {
      if (!line.startsWith('{')) continue;
      const r = JSON.parse(line) as { expect: string; kind: string; ok: boolean; features?: Record<string, number> };
      // the answers confidence is judged on (eval-score.ts, confidencePoints)
      if (!r.features || (r.expect !== 'answer' && r.kind !== 'answer')) continue;
      const features = r.kind === 'answer' ? r.features : { ...r.features, base: 0 };
      points.push({ features, right: r.ok, search: r.features.rule === 0 });
    }
  }
  const model = fitConfidence(points);
  const auc = rocAuc(points.map((p) => ({ score: predict(model, p.features), right: p.right })));
  const header = [
    '# The confidence model: a logistic regression over answer features (src/core/compose/confidence.ts), fitted by',
    '# `breachbot eval --fit` on judged development questions. Regenerate it; do not edit it by hand.',
    `# Fitted on ${points.length} answers from: ${files.map((f) => path.basename(f)).join(', ')}.`,
    `# ROC AUC on those answers: ${auc?.toFixed(3) ?? 'n/a'}. Check it on sets it was not fitted on.`,
    '',
  ].join('\n');
  await writeFile(out, `${header}${stringify(model)}`);
  io.stdout.write(`fitted on ${points.length} answers, in-sample ROC AUC ${auc?.toFixed(3) ?? 'n/a'}; wrote ${out}\n`);
  return 0;
}
