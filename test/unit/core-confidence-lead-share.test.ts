// The confidence model reads how much of the question the lead itself meets, however the answer was found: an
// overview or a whole list given for a narrow question meets few of its words, and its confidence must be able to
// say so. Words naming the incident the question names do not count: every fact of it is about them.
import { describe, expect, it } from 'vitest';
import { leadShare } from '../../src/core/compose/confidence.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { acrossKb, answerWith } from '../fixtures/core-across.js';

describe('leadShare', () => {
  const kb = acrossKb();
  const reading = readQuestion(kb, 'which database backups did the intruder copy');

  it('is 1 when the lead meets every telling word of the question, less when it meets fewer', () => {
    const full = leadShare(answerWith('Database backups copied', 'The intruder copied the database backups.'), reading);
    const part = leadShare(answerWith('What the intruder did', 'The intruder stayed for a month.'), reading);
    const none = leadShare(answerWith('Timeline', 'A quiet year.'), reading);
    expect(full).toBe(1);
    expect(part).toBeGreaterThan(0);
    expect(part).toBeLessThan(full);
    expect(none).toBe(0);
  });

  it('leaves out the words naming the incident the question names', () => {
    const named = readQuestion(kb, `${kb.incidents[0]?.aliases[0] ?? kb.incidents[0]?.id}: which backups were copied`);
    expect(named.incident).toBeDefined();
    const lead = leadShare(answerWith('Backups copied', 'The backups were copied.'), named);
    expect(lead).toBe(1);
  });
});
