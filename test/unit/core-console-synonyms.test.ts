// "what did the intruder wipe when the company was trying to take the console back?": the facts write "attempting to
// regain the Control panel"; "console" and "control panel", "trying" and "attempting" are one meaning each
// (data/synonyms.yaml). Made-up incident; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const input = madeUpWriteup({
  id: 'harbor-grid',
  title: 'Harbor Grid (2014)',
  summary: 'In 2014 an extortionist got into the Harbor Grid hosting account and demanded money.',
  dates: { start: '2014-06-17' },
  technique: {
    summary: 'The extortionist signed in with stolen credentials and demanded a ransom.',
    details: [
      {
        id: 'hg-threat',
        title: '',
        text: 'The extortionist demanded a ransom and threatened to wipe what Harbor Grid kept in its hosting account.',
        sources: ['h-src'],
      },
      {
        id: 'hg-wipe',
        title: '',
        text: 'When the extortionist saw Harbor Grid attempting to regain its hosting Control panel, it deleted the machines and every backup.',
        sources: ['h-src'],
      },
    ],
  },
});

const { ask } = projectKbWith(input);

describe('"console" is the control panel; "trying" is attempting', () => {
  it('leads with the fact written in the other words', () => {
    const a = ask('what did the extortionist wipe when harbor grid was trying to take the console back?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('deleted the machines');
  });
});
