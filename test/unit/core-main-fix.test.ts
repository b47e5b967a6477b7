// "what's the main fix against X", "the #1 fix they recommended for X": the question asks for the incident's
// lessons, not a definition ("what's the …") or a search for the words "fix" and "recommended".
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const { kb, ask } = fixtureKbWithAlpha(alphaInput);

describe('the main fix', () => {
  it.each([
    "what's the main fix against the alpha cloud signing key theft?",
    "what's the #1 fix the vendor recommended for the alpha intrusion?",
    'top mitigation for a stolen signing key like alpha?',
  ])('%s: the lessons', (q) => {
    expect(readQuestion(kb, q).kind).toBe('list:lessons');
    expect(ask(q).title).toMatch(/^Lessons from/);
  });
});
