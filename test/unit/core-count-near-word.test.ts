// "how many log categories moved to the standard tier": a fact whose number counts the rare word asked ("31 log
// categories") answers, not one that gives another number ("from 90 to 180 days") beside more of the question's
// words. Made-up incident; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const input = madeUpWriteup({
  id: 'globex-logs',
  title: 'Globex Logs (2023)',
  summary: 'In 2023 Globex customers without the premium tier could not see the logs that showed an intrusion.',
  dates: { start: '2023-05-01' },
  timeline: [
    {
      id: 'gl-promise',
      date: '2023-07-19',
      title: 'Globex promises wider logging at no extra cost',
      detail:
        'Reports citing a briefing put the change at 31 log categories for standard customers, starting in September, with the rest of the rollout left to a later phase.',
      sources: ['h-src'],
    },
  ],
  aftermath: [
    {
      id: 'gl-change',
      title: 'Premium audit log events and longer retention for the standard tier',
      text: 'Globex moved audit events that had been premium-only into the standard tier and raised standard retention from 90 to 180 days.',
      sources: ['h-src'],
    },
  ],
});

const { ask } = projectKbWith(input);

describe('a count of a rare word', () => {
  it('leads with the fact whose number counts it', () => {
    const a = ask('how many log categories did globex move from premium to standard?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('31 log categories');
  });
});
