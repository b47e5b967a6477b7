import { describe, expect, it } from 'vitest';
import { createAnswerCache } from '../../adapters/teams/answer-cache.js';
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

describe('createAnswerCache', () => {
  it('reuses a rendered answer for the same text, whatever its case and spacing', () => {
    const cache = createAnswerCache<string>({ now: () => 0 });
    cache.set('Timeline  July', answer(), 'card');
    expect(cache.get(' timeline july ')).toBe('card');
  });

  it('forgets an entry after its time to live', () => {
    let clock = 0;
    const cache = createAnswerCache<string>({ ttlMs: 1000, now: () => clock });
    cache.set('victims', answer(), 'card');
    clock = 1001;
    expect(cache.get('victims')).toBeUndefined();
  });

  it('never keeps none, clarify or digest answers (question log, conversation state)', () => {
    const cache = createAnswerCache<string>({ now: () => 0 });
    cache.set('a', answer({ kind: 'none' }), 'x');
    cache.set('b', answer({ kind: 'clarify' }), 'x');
    cache.set('digest status', answer({ intent: 'digest' }), 'x');
    expect([cache.get('a'), cache.get('b'), cache.get('digest status')]).toEqual([undefined, undefined, undefined]);
  });

  it('is off with ttlMs 0 and bounded by max', () => {
    const off = createAnswerCache<string>({ ttlMs: 0, now: () => 0 });
    off.set('x', answer(), 'card');
    expect(off.get('x')).toBeUndefined();
    const small = createAnswerCache<string>({ max: 2, now: () => 0 });
    for (const t of ['a', 'b', 'c']) small.set(t, answer(), t);
    expect([small.get('a'), small.get('b'), small.get('c')]).toEqual([undefined, 'b', 'c']);
  });
});
