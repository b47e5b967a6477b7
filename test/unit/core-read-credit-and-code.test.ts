// Two readings a user expects: "who took credit for the breach" and "who was charged" ask who did it; "did they get
// anything like source code" asks about code the attacker took, not for the knowledge base's sources.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { acrossKb } from '../fixtures/core-across.js';

describe('reading who claimed it and source code', () => {
  const kb = acrossKb();
  const kind = (q: string) => readQuestion(kb, q).kind;

  it('reads a claim of credit or responsibility, or a charge, as asking who did it', () => {
    expect(kind('who took credit for the gammasoft breach')).toBe('actor');
    expect(kind('who claimed responsibility for the gammasoft hack')).toBe('actor');
    expect(kind('who was charged over the gammasoft intrusion')).toBe('actor');
    expect(kind('who got arrested for it')).toBe('actor');
  });

  it('reads "source code" as a thing taken, and still reads a request for sources', () => {
    expect(kind('did the intruder get anything beyond email, like source code?')).not.toBe('list:sources');
    expect(kind('was any source-code taken')).not.toBe('list:sources');
    expect(kind('any sources for that?')).toBe('list:sources');
    expect(kind('sources for gammasoft')).toBe('list:sources');
  });
});
