// The slash-command answer memo keeps only reusable answers: never `none`/`clarify` (they go to the question log)
// and never digest commands (they change state per channel); it expires and stays bounded.
import { describe, expect, it } from 'vitest';
import { createAnswerCache } from '../../adapters/slack/answer-cache.js';
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

describe('answer memo', () => {
  it('reuses an answer of kind answer', () => {
    const cache = createAnswerCache<string>();
    cache.set('k', answer(), 'rendered');
    expect(cache.get('k')).toBe('rendered');
  });

  it.each([
    ['none', answer({ kind: 'none' })],
    ['clarify', answer({ kind: 'clarify' })],
    ['a digest command', answer({ intent: 'digest' })],
  ])('never keeps %s', (_name, a) => {
    const cache = createAnswerCache<string>();
    expect(cache.set('k', a, 'rendered')).toBe('rendered');
    expect(cache.get('k')).toBeUndefined();
  });

  it('is off with a ttl of 0 and bounded by its size', () => {
    const off = createAnswerCache<string>(10, 0);
    off.set('k', answer(), 'v');
    expect(off.get('k')).toBeUndefined();
    const small = createAnswerCache<string>(2);
    for (const k of ['a', 'b', 'c']) small.set(k, answer(), k);
    expect(small.size).toBe(2);
    expect(small.get('a')).toBeUndefined();
    expect(small.get('c')).toBe('c');
  });
});
