// `breachbot eval` scoring: expect/any/all matched against title, text, fact texts and dates.
import { describe, expect, it } from 'vitest';
import { evaluate, parseCases, scoreCase } from '../../src/cli/eval.js';
import type { Answer } from '../../src/core/answer.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const answer = (over: Partial<Answer>): Answer => ({
  kind: 'answer',
  intent: 'question',
  incident: null,
  title: 'Detected on 2023-04-10',
  sections: [],
  facts: [{ id: 'f', text: 'The ministry saw MailboxRead events.', date: '2023-04-10', sources: [] }],
  sources: [],
  suggestions: [],
  confidence: 1,
  kbVersion: 'v',
  ...over,
});

describe('parseCases', () => {
  it('reads q, expect, any and all', () => {
    expect(parseCases('- q: "x"\n  expect: answer\n  any: ["a", 25]\n')).toEqual([
      { q: 'x', expect: 'answer', any: ['a', '25'], all: undefined },
    ]);
  });
  it('names a malformed case', () => {
    expect(() => parseCases('- q: x\n  expect: maybe\n')).toThrow(/case 1/);
    expect(() => parseCases('q: x')).toThrow(/list/);
  });
});

describe('scoreCase', () => {
  it('passes an answer holding one of "any", case-insensitively, in title, facts or dates', () => {
    expect(scoreCase({ q: 'q', expect: 'answer', any: ['mailboxread'] }, answer({})).ok).toBe(true);
    expect(scoreCase({ q: 'q', expect: 'answer', any: ['2023-04-10'] }, answer({ title: 'x' })).ok).toBe(true);
  });
  it('fails when a string of "all" is missing', () => {
    const r = scoreCase({ q: 'q', expect: 'answer', all: ['ministry', 'Raimondo'] }, answer({}));
    expect(r).toMatchObject({ ok: false, reason: 'missing ["Raimondo"]' });
  });
  it('needs kind answer for expect answer', () => {
    expect(scoreCase({ q: 'q', expect: 'answer' }, answer({ kind: 'clarify' })).ok).toBe(false);
  });
  it('accepts none or clarify for expect none', () => {
    expect(scoreCase({ q: 'q', expect: 'none' }, answer({ kind: 'none' })).ok).toBe(true);
    expect(scoreCase({ q: 'q', expect: 'none' }, answer({ kind: 'clarify' })).ok).toBe(true);
    expect(scoreCase({ q: 'q', expect: 'none' }, answer({})).ok).toBe(false);
  });
});

describe('evaluate', () => {
  it('asks every case of the knowledge base', () => {
    const results = evaluate(fixtureKb(), [
      { q: 'when was it detected', expect: 'answer', any: ['2023-04-10'] },
      { q: 'weather tomorrow', expect: 'none' },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
  });
});
