// A question that names its incident ("what proxy infra did storm-0558 route through") has settled what it is
// about, so a looser match answers it; the same words without the name still get a clarify, as before.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_THRESHOLD, answerThreshold } from '../../src/core/compose/search-answer.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ dir: path.resolve(import.meta.dirname, '../../data/incidents') });
  kb = createKnowledgeBase(loaded.data);
});
const ask = (q: string) => respond(kb, parseCommand(q, kb), { now: new Date('2026-12-06T00:00:00Z') });

describe('the answer threshold of a question that names its incident', () => {
  it('is looser than the same question unnamed', () => {
    const query = readQuestion(kb, 'what kind of proxy infra did they route their traffic through?').query;
    expect(answerThreshold(query, true)).toBeLessThan(answerThreshold(query, false));
    expect(answerThreshold(query, false)).toBeLessThanOrEqual(ANSWER_THRESHOLD);
  });

  it('answers when the default incident is named in the question', () => {
    const a = ask('what kind of proxy infra did storm-0558 route its traffic through?');
    expect(a.kind).toBe('answer');
    expect(`${a.title}\n${a.facts[0]?.text}`.toLowerCase()).toContain('proxy');
  });

  it('still offers choices for the same words without the name', () => {
    expect(ask('what kind of proxy infra did they route their traffic through?').kind).toBe('clarify');
  });
});
