/**
 * Scoring for `breachbot eval` (CONTRACTS.md, "Answer quality"): each case is judged on the answer's lead (its
 * title or first fact) and, optionally, on the whole answer; then `confidence` is checked against the verdicts
 * (area under the ROC curve and a reliability table), because a confidence that does not tell right from wrong
 * cannot decide when to ask back instead of answering.
 *
 * @example
 * const result = scoreCase({ q: 'when did they spot it', expect: 'answer', lead: ['2023-06-16'] }, answer);
 */
import { parse } from 'yaml';
import type { Answer } from '../core/answer.js';
import { answerToPlainText } from '../core/plain-text.js';

export interface EvalCase {
  q: string;
  expect: 'answer' | 'none';
  /** at least one appears in the lead (title, or the first fact's text or date) */
  lead?: string[];
  /** at least one appears anywhere in the answer */
  any?: string[];
  /** every one appears anywhere in the answer */
  all?: string[];
  /** none appears in the lead */
  not?: string[];
  /** the answer is a list (a timeline, the sources) */
  list?: boolean;
}

export interface EvalResult {
  case: EvalCase;
  answer: Answer;
  /** what the confidence model reads about the answer (set by `evaluate`) */
  features?: Record<string, number>;
  ok: boolean;
  /** why it failed */
  reason?: string;
}

const STRING_KEYS = ['lead', 'any', 'all', 'not'] as const;

/** Reads and checks a question file's cases. @throws Error naming the first malformed case */
export function parseCases(text: string): EvalCase[] {
  const data: unknown = parse(text);
  if (!Array.isArray(data)) throw new Error('the file must be a YAML list of cases');
  return data.map((raw, i) => {
    const c = raw as Record<string, unknown> | null;
    if (!c || typeof c.q !== 'string') throw new Error(`case ${i + 1}: needs a "q" string`);
    if (c.expect !== 'answer' && c.expect !== 'none') throw new Error(`case ${i + 1}: "expect" must be answer or none`);
    const out: EvalCase = { q: c.q, expect: c.expect };
    for (const key of STRING_KEYS) {
      const v = c[key];
      if (v === undefined) continue;
      if (!Array.isArray(v) || !v.every((s) => typeof s === 'string' || typeof s === 'number')) {
        throw new Error(`case ${i + 1}: "${key}" must be a list of strings`);
      }
      out[key] = v.map(String);
    }
    if (c.list !== undefined) {
      if (typeof c.list !== 'boolean') throw new Error(`case ${i + 1}: "list" must be true or false`);
      out.list = c.list;
    }
    return out;
  });
}

/** The text an answer is matched against: title, plain text, fact texts and dates. */
export function answerHaystack(answer: Answer): string {
  return [answer.title, answerToPlainText(answer), ...answer.facts.flatMap((f) => [f.text, f.date ?? ''])]
    .join('\n')
    .toLowerCase();
}

/** Where a reader looks for the answer: the title and the first fact (text and date). */
export function answerLead(answer: Answer): string {
  const first = answer.facts[0];
  return [answer.title, first?.text ?? '', first?.date ?? ''].join('\n').toLowerCase();
}

const has = (hay: string, needle: string) => hay.includes(needle.toLowerCase());

/** Scores one case against an answer. */
export function scoreCase(c: EvalCase, answer: Answer): EvalResult {
  const fail = (reason: string): EvalResult => ({ case: c, answer, ok: false, reason });
  if (c.expect === 'none') {
    const ok = answer.kind === 'none' || answer.kind === 'clarify';
    return ok ? { case: c, answer, ok } : fail(`expected none or clarify, got ${answer.kind}`);
  }
  if (answer.kind !== 'answer') return fail(`expected an answer, got ${answer.kind}`);
  const lead = answerLead(answer);
  if (c.lead && c.lead.length > 0 && !c.lead.some((s) => has(lead, s))) {
    return fail(`lead has none of ${JSON.stringify(c.lead)}`);
  }
  const wrong = (c.not ?? []).filter((s) => has(lead, s));
  if (wrong.length > 0) return fail(`lead has ${JSON.stringify(wrong)}`);
  const hay = answerHaystack(answer);
  if (c.any && c.any.length > 0 && !c.any.some((s) => has(hay, s))) {
    return fail(`none of ${JSON.stringify(c.any)} appears`);
  }
  const missing = (c.all ?? []).filter((s) => !has(hay, s));
  if (missing.length > 0) return fail(`missing ${JSON.stringify(missing)}`);
  return { case: c, answer, ok: true };
}

/**
 * Area under the ROC curve of `score` against `right`: the chance that a right answer, picked at random, has a
 * higher score than a wrong one (ties count half). `undefined` when either class is empty.
 */
export function rocAuc(points: ReadonlyArray<{ score: number; right: boolean }>): number | undefined {
  const pos = points.filter((p) => p.right).map((p) => p.score);
  const neg = points.filter((p) => !p.right).map((p) => p.score);
  if (pos.length === 0 || neg.length === 0) return undefined;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  /** share of the bin's answers that were right */
  right: number;
  /** mean confidence in the bin */
  mean: number;
}

/** Confidence bins (0–0.1, …, 0.9–1) against the share that was right. Empty bins are left out. */
export function reliability(points: ReadonlyArray<{ score: number; right: boolean }>, bins = 10): ReliabilityBin[] {
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const from = b / bins;
    const to = (b + 1) / bins;
    const inBin = points.filter((p) => p.score >= from && (p.score < to || (b === bins - 1 && p.score <= to)));
    if (inBin.length === 0) continue;
    out.push({
      from,
      to,
      count: inBin.length,
      right: inBin.filter((p) => p.right).length / inBin.length,
      mean: inBin.reduce((n, p) => n + p.score, 0) / inBin.length,
    });
  }
  return out;
}

/**
 * The points confidence is judged on: every case that expected an answer (right when it passed; a `none` or
 * `clarify` there is wrong, with its low confidence), and every case the engine answered although it should not
 * have (wrong). A `none` or `clarify` to a question that expected none gives no answer to judge and is left out.
 */
export function confidencePoints(results: readonly EvalResult[]): Array<{ score: number; right: boolean }> {
  return results
    .filter((r) => r.case.expect === 'answer' || r.answer.kind === 'answer')
    .map((r) => ({ score: r.answer.kind === 'answer' ? r.answer.confidence : 0, right: r.ok }));
}
