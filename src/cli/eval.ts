/**
 * `breachbot eval FILE`: scores a question file (CONTRACTS.md, "Answer quality"). Each case has `q`,
 * `expect: answer | none`, and optionally `any:` (one string must appear) and `all:` (every string must appear),
 * matched case-insensitively against the answer's title, text, fact texts and fact dates. `expect: answer` needs
 * kind `answer`; `expect: none` accepts `none` or `clarify`. Prints the failures, then `N passed, N failed`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigError, loadConfig } from '../config.js';
import type { Answer } from '../core/answer.js';
import { createKnowledgeBase, type KnowledgeBase } from '../core/knowledge-base.js';
import { parseCommand } from '../core/parse-command.js';
import { answerToPlainText } from '../core/plain-text.js';
import { respond } from '../core/respond.js';
import { cacheDirIn, loadKnowledgeBase } from '../kb/load.js';
import { type CliIo, parseFlags, UsageError } from './io.js';

const USAGE = `Usage: breachbot eval [--data DIR] [--verbose] FILE

Scores a question file (YAML list of { q, expect: answer|none, any: [...], all: [...] }).
Prints each failure, then "N passed, N failed". Exit 0 when all pass, 1 otherwise.
`;

export interface EvalCase {
  q: string;
  expect: 'answer' | 'none';
  any?: string[];
  all?: string[];
}

export interface EvalResult {
  case: EvalCase;
  answer: Answer;
  ok: boolean;
  /** why it failed */
  reason?: string;
}

/** Reads and checks a question file's cases. @throws Error naming the first malformed case */
export function parseCases(text: string): EvalCase[] {
  const data: unknown = parse(text);
  if (!Array.isArray(data)) throw new Error('the file must be a YAML list of cases');
  return data.map((raw, i) => {
    const c = raw as Partial<EvalCase> | null;
    if (!c || typeof c.q !== 'string') throw new Error(`case ${i + 1}: needs a "q" string`);
    if (c.expect !== 'answer' && c.expect !== 'none') throw new Error(`case ${i + 1}: "expect" must be answer or none`);
    const strings = (v: unknown, name: string) => {
      if (v === undefined) return undefined;
      if (!Array.isArray(v) || !v.every((s) => typeof s === 'string' || typeof s === 'number')) {
        throw new Error(`case ${i + 1}: "${name}" must be a list of strings`);
      }
      return v.map(String);
    };
    return { q: c.q, expect: c.expect, any: strings(c.any, 'any'), all: strings(c.all, 'all') };
  });
}

/** The text an answer is matched against: title, plain text, fact texts and dates. */
export function answerHaystack(answer: Answer): string {
  return [answer.title, answerToPlainText(answer), ...answer.facts.flatMap((f) => [f.text, f.date ?? ''])]
    .join('\n')
    .toLowerCase();
}

/** Scores one case against an answer. */
export function scoreCase(c: EvalCase, answer: Answer): EvalResult {
  if (c.expect === 'none') {
    const ok = answer.kind === 'none' || answer.kind === 'clarify';
    return { case: c, answer, ok, reason: ok ? undefined : `expected none or clarify, got ${answer.kind}` };
  }
  if (answer.kind !== 'answer') return { case: c, answer, ok: false, reason: `expected an answer, got ${answer.kind}` };
  const hay = answerHaystack(answer);
  if (c.any && c.any.length > 0 && !c.any.some((s) => hay.includes(s.toLowerCase()))) {
    return { case: c, answer, ok: false, reason: `none of ${JSON.stringify(c.any)} appears` };
  }
  const missing = (c.all ?? []).filter((s) => !hay.includes(s.toLowerCase()));
  if (missing.length > 0) return { case: c, answer, ok: false, reason: `missing ${JSON.stringify(missing)}` };
  return { case: c, answer, ok: true };
}

/** Asks every case and scores it. */
export function evaluate(kb: KnowledgeBase, cases: EvalCase[], now = new Date()): EvalResult[] {
  return cases.map((c) => scoreCase(c, respond(kb, parseCommand(c.q, kb), { now })));
}

/** Runs `eval`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let file: string;
  let data: string | undefined;
  let verbose = false;
  try {
    const { flags, positional } = parseFlags(args, { data: 'string', verbose: 'boolean', help: 'boolean' });
    if (flags.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'which FILE?' : 'one FILE only');
    file = path.resolve(io.cwd, positional[0] as string);
    data = typeof flags.data === 'string' ? flags.data : undefined;
    verbose = flags.verbose === true;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`breachbot eval: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  let cases: EvalCase[];
  try {
    cases = parseCases(await readFile(file, 'utf8'));
  } catch (error) {
    io.stderr.write(`breachbot eval: ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(io.env, io.cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  const dir = data ? data.split(path.delimiter).map((d) => path.resolve(io.cwd, d)) : config.incidentsDir;
  const loaded = await loadKnowledgeBase({
    dir,
    defaultIncident: config.defaultIncident,
    cacheDir: cacheDirIn(config.dataDir),
  });
  const kb = createKnowledgeBase(loaded.data);
  const results = evaluate(kb, cases);
  for (const r of results) {
    if (r.ok && !verbose) continue;
    io.stdout.write(
      `${r.ok ? 'PASS' : 'FAIL'}  ${JSON.stringify(r.case.q)} (expect ${r.case.expect}): ${r.reason ?? 'ok'} [${r.answer.kind}/${r.answer.intent}: ${r.answer.title}]\n`,
    );
  }
  const passed = results.filter((r) => r.ok).length;
  io.stdout.write(`${passed} passed, ${results.length - passed} failed\n`);
  return passed === results.length ? 0 : 1;
}
