// "what does the review board recommend for log retention" asks what someone does, not what a term means: "what
// does/do/did" opens a definition only with its closer ("what does X mean", "what do X stand for"). "What was the
// root cause of X" asks why, not for a definition of "root cause of X".
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const kb = fixtureKb();

describe('"what does X …"', () => {
  it.each([
    'what does the ministry recommend for log retention',
    'what do the vendors advise on key storage',
    'what did the example cert publish about the key',
  ])('"%s" is no definition', (q) => {
    expect(readQuestion(kb, q).kind).not.toBe('define');
  });

  it.each(['what does mailboxread mean', 'what do the letters mfa stand for'])('"%s" is a definition', (q) => {
    expect(readQuestion(kb, q).kind).toBe('define');
  });

  it('"what is X" needs no closer', () => {
    expect(readQuestion(kb, 'what is mailboxread').kind).toBe('define');
  });
});

describe('"what was the root cause of X"', () => {
  it.each([
    'what was the root cause of the issuer validation bug',
    'what is the cause of the token forgery',
    'the token forgery - what was the cause?',
  ])('"%s" asks why, not for a definition', (q) => {
    expect(readQuestion(kb, q).kind).toBe('why');
  });
});
