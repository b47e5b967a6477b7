// Golden questions (test/golden/questions.yaml), asked of the real knowledge base in data/incidents: one test per
// question, so a failure names it. Same scoring as `breachbot eval`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type EvalCase, parseCases, scoreCase } from '../../src/cli/eval.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '../..');
const text = readFileSync(path.join(import.meta.dirname, 'questions.yaml'), 'utf8');
const cases: EvalCase[] = parseCases(text);
/**
 * Questions marked `pending: "why"` are known to fail until the engine learns them: they run as expected failures,
 * so the suite stays green and tells whoever fixes one to remove its mark.
 */
const pending = new Set(
  (parse(text) as Array<{ q: string; pending?: unknown }>).filter((c) => typeof c.pending === 'string').map((c) => c.q),
);
const now = new Date('2026-01-15T12:00:00Z');
let kb: KnowledgeBase;

beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ dir: path.join(root, 'data', 'incidents'), defaultIncident: 'storm-0558' });
  kb = createKnowledgeBase(loaded.data);
});

describe('golden questions', () => {
  it('has at least 80 questions, with out-of-scope ones among them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(cases.filter((c) => c.expect === 'none').length).toBeGreaterThanOrEqual(8);
  });

  it('the victims list leads with the later count and shows the earlier one as corrected', () => {
    const answer = respond(kb, parseCommand('victims', kb), { now });
    const lead = answer.sections[0]?.text ?? '';
    expect(lead.indexOf('503')).toBeGreaterThanOrEqual(0);
    expect(lead.indexOf('503')).toBeLessThan(lead.indexOf('about 25'));
    expect(lead).toMatch(/corrects/i);
  });

  const ask = (c: EvalCase) => {
    const answer = respond(kb, parseCommand(c.q, kb), { now });
    const result = scoreCase(c, answer);
    expect(result.ok, `${result.reason ?? ''} [${answer.kind}/${answer.intent}: ${answer.title}]`).toBe(true);
  };
  it.each(cases.filter((c) => !pending.has(c.q)).map((c) => [c.q, c] as const))('%s', (_q, c) => ask(c));
  for (const c of cases.filter((c) => pending.has(c.q))) it.fails(`(pending) ${c.q}`, () => ask(c));
});
