// "how many buckets could the exposed FA key reach": a two-word incident name typed as its initials stands for that
// incident, when the two letters are no word the knowledge base uses otherwise and fit exactly one incident.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const kb = fixtureKb();

describe('initials of an incident name', () => {
  it('"bp" is the incident named "beta pass"', () => {
    expect(readQuestion(kb, 'when did the bp intruder copy the vault backups').incident?.id).toBe('beta-breach');
    expect(readQuestion(kb, 'what did bp lose').incident?.id).toBe('beta-breach');
  });

  it('two letters that fit no incident, or that are a word, stay as typed', () => {
    expect(readQuestion(kb, 'when did the zq intruder copy the vault backups').incident).toBeUndefined();
    expect(readQuestion(kb, 'when was it revoked').words).toContain('it');
  });
});
