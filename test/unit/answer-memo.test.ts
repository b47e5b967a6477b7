// The answer memo both chat adapters share keeps only reusable answers: never `none`/`clarify` (they go to the
// question log) and never digest commands (they change state per conversation); it expires and stays bounded.
import { describe, expect, it } from 'vitest';
import { createAnswerMemo, questionKey } from '../../src/chat/answer-memo.js';
import type { Answer } from '../../src/core/answer.js';

const answer = (over: Partial<Answer> = {}): Answer => ({
  kind: 'answer',
  intent: 'timeline',
  incident: 'storm-0558',
  title: 't',
  sections: [],
  facts: [],
  sources: [],
  suggestions: [],
  confidence: 1,
  kbVersion: 'v',
  ...over,
});

describe('createAnswerMemo', () => {
  it('reuses an answer of kind answer', () => {
    const memo = createAnswerMemo<string>();
    memo.set('k', answer(), 'rendered');
    expect(memo.get('k')).toBe('rendered');
  });

  it('uses keys exactly as given unless told to normalize them', () => {
    const memo = createAnswerMemo<string>({ now: () => 0 });
    memo.set('Timeline  July', answer(), 'card');
    expect(memo.get(' timeline july ')).toBeUndefined();
    expect(memo.get('Timeline  July')).toBe('card');
  });

  it('reuses a rendered answer for the same text, whatever its case and spacing, with questionKey', () => {
    const memo = createAnswerMemo<string>({ now: () => 0, normalize: questionKey });
    memo.set('Timeline  July', answer(), 'card');
    expect(memo.get(' timeline july ')).toBe('card');
  });

  it('forgets an entry after its time to live', () => {
    let clock = 0;
    const memo = createAnswerMemo<string>({ ttlMs: 1000, now: () => clock });
    memo.set('victims', answer(), 'card');
    clock = 1001;
    expect(memo.get('victims')).toBeUndefined();
    expect(memo.size).toBe(0);
  });

  it.each([
    ['none', answer({ kind: 'none' })],
    ['clarify', answer({ kind: 'clarify' })],
    ['a digest command', answer({ intent: 'digest' })],
  ])('never keeps %s (question log, conversation state)', (_name, a) => {
    const memo = createAnswerMemo<string>();
    expect(memo.set('k', a, 'rendered')).toBe('rendered');
    expect(memo.get('k')).toBeUndefined();
  });

  it('is off with ttlMs 0', () => {
    const off = createAnswerMemo<string>({ max: 10, ttlMs: 0, now: () => 0 });
    expect(off.set('k', answer(), 'v')).toBe('v');
    expect(off.get('k')).toBeUndefined();
    expect(off.size).toBe(0);
  });

  it('is bounded by max, dropping the least recently used', () => {
    const small = createAnswerMemo<string>({ max: 2, now: () => 0 });
    for (const k of ['a', 'b', 'c']) small.set(k, answer(), k);
    expect(small.size).toBe(2);
    expect([small.get('a'), small.get('b'), small.get('c')]).toEqual([undefined, 'b', 'c']);
  });
});
