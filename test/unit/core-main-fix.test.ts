// "what's the main fix against X", "the #1 fix they recommended for X": the question asks for the incident's
// lessons, not a definition ("what's the …") or a search for the words "fix" and "recommended". So does "what
// should they have done differently": what ought to have been done, not a fact that names the same things.
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

describe('what they should have done', () => {
  it.each([
    'what should alpha cloud have done differently with its signing keys?',
    'what could the alpha cloud team have done better',
    'what should alpha cloud have done',
  ])('%s: the lessons', (q) => {
    expect(readQuestion(kb, q).kind).toBe('list:lessons');
    expect(ask(q).title).toMatch(/^Lessons from/);
  });

  it('"what should we do" asks for advice now, not for lessons', () => {
    expect(readQuestion(kb, 'what should we do about alpha cloud').kind).not.toBe('list:lessons');
  });
});
