// "what date did the vendor first find out about the X activity?": a key date (detected) is asked; "first" says
// nothing more than the key date does, and "activity" after the incident's name is the incident itself. Neither
// may send the question to an event that happens to say "first" or "activity". Made-up write-up; the project's own
// synonym groups and language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const input = madeUpWriteup({
  id: 'copper-kite',
  title: 'Copper Kite (2021)',
  summary: 'In 2021 an espionage group read mail of a ministry through the Globex cloud.',
  dates: { start: '2021-01-15', detected: '2021-06-10', disclosed: '2021-07-01' },
  timeline: [
    {
      id: 'ck-proxy',
      date: '2021-03-02',
      title: 'Copper Kite activity: first proxy of the group seen',
      sources: ['h-src'],
    },
    {
      id: 'ck-found',
      date: '2021-06-10',
      title: 'A customer reports odd mail access to Globex',
      sources: ['h-src'],
    },
  ],
});

const { ask } = projectKbWith(input);

describe('"first" and "<incident> activity" beside a key date', () => {
  it.each([
    'What date did Globex first find out about the Copper Kite activity?',
    'when did globex first hear about the copper kite activity? need the exact date',
  ])('"%s" gets the detection date', (q) => {
    const a = ask(q);
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toMatch(/2021-06-10|10 June 2021/);
  });
});
