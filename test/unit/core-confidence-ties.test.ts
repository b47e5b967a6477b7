// The confidence model reads how many other candidates met the question as well as the lead: a lead picked from a
// tie is a guess, and confidence must be able to say so.
import { describe, expect, it } from 'vitest';
import { features, ties } from '../../src/core/compose/confidence.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { respond } from '../../src/core/respond.js';
import { acrossKb } from '../fixtures/core-across.js';

describe('ties', () => {
  it('counts the candidates whose coverage is within a hair of the lead, up to six', () => {
    expect(ties({ cov: 0.9 }, [])).toBe(0);
    expect(ties({ cov: 0.9 }, [{ cov: 0.5 }, { cov: 0.7 }])).toBe(0);
    expect(ties({ cov: 0.9 }, [{ cov: 0.89 }, { cov: 0.9 }, { cov: 0.5 }])).toBeCloseTo(2 / 6);
    expect(
      ties(
        { cov: 1 },
        Array.from({ length: 10 }, () => ({ cov: 1 })),
      ),
    ).toBe(1);
  });

  it('a searched answer picked among facts that met the question alike reports them; a rule reports none', () => {
    const kb = acrossKb();
    const now = new Date('2025-01-01T00:00:00Z');
    // several facts of the fixture say what was stolen, each as well as the others
    const question = 'what was stolen';
    const searched = respond(kb, parseCommand(question, kb), { now });
    expect(searched.kind).toBe('answer');
    const x = features(searched, readQuestion(kb, question));
    expect(x.ties).toBeGreaterThan(0);
    expect(x.ties).toBeLessThanOrEqual(1);
    const timeline = respond(kb, parseCommand('timeline', kb), { now });
    expect(features(timeline, readQuestion(kb, 'timeline')).ties).toBe(0);
  });
});
