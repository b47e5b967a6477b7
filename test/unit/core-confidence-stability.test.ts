// Two signals the confidence model reads beside how well the lead matched: whether the lead hangs on one word of
// the question (each telling word is taken out in turn and the candidates ranked again), and whether a "what X" or
// "which X" question gets a lead that names X at all.
import { describe, expect, it } from 'vitest';
import { askedHead, features } from '../../src/core/compose/confidence.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { respond } from '../../src/core/respond.js';
import { acrossKb, answerWith } from '../fixtures/core-across.js';

describe('the thing a question asks for', () => {
  const kb = acrossKb();

  it('is the words right after "what" or "which", up to the first small word', () => {
    const head = askedHead(kb.language, readQuestion(kb, 'which customer vault backups did the intruder copy'));
    expect(head.map((c) => c.text)).toContain('backups');
    expect(head.map((c) => c.text)).not.toContain('intruder');
    expect(
      askedHead(kb.language, readQuestion(kb, 'what kind of backups did the intruder copy')).map((c) => c.text),
    ).toEqual(['backups']);
    expect(askedHead(kb.language, readQuestion(kb, 'when did the intruder copy the backups'))).toEqual([]);
    expect(askedHead(kb.language, readQuestion(kb, 'what did the intruder copy'))).toEqual([]);
  });

  it('is missed when the lead names none of it; a question without one misses nothing', () => {
    const reading = readQuestion(kb, 'which database backups did the intruder copy');
    const named = answerWith('Database backups copied', 'The intruder copied the database backups.');
    const other = answerWith('What the intruder did', 'The intruder stayed for a month.');
    expect(features(named, reading, kb.language).headMiss).toBe(0);
    expect(features(other, reading, kb.language).headMiss).toBe(1);
    const plain = readQuestion(kb, 'when did the intruder copy the backups');
    expect(features(other, plain, kb.language).headMiss).toBe(0);
  });
});

describe('stability', () => {
  const kb = acrossKb();
  const now = new Date('2025-01-01T00:00:00Z');
  const stabilityOf = (q: string) => {
    const a = respond(kb, parseCommand(q, kb), { now });
    return { kind: a.kind, title: a.title, stability: features(a, readQuestion(kb, q), kb.language).stability };
  };

  it('is below 1 when taking out one telling word puts another fact in front', () => {
    const fragile = stabilityOf('why did the webmail service accept the consumer key');
    expect(fragile.kind).toBe('answer');
    expect(fragile.stability).toBeGreaterThan(0);
    expect(fragile.stability).toBeLessThan(1);
  });

  it('is 1 when every word leads to the same fact, and for answers no search found', () => {
    expect(stabilityOf('engineer push prompt accepted').stability).toBe(1);
    expect(stabilityOf('timeline').stability).toBe(1);
  });
});
