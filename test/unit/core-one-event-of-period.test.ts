// "what did the president tell the committee in june 2024": words that meet one event of the period, in a question
// that asks for no events, ask for that one fact told in full, not for a one-line timeline of the month. "what
// happened in june 2024" still gets the month's timeline. Made-up write-up; the project's own language and synonyms.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const src = ['h-src'];
const input = madeUpWriteup({
  id: 'zorblab-mail',
  title: 'Zorblab Mail',
  summary: 'In 2023 an intruder read mail at Zorblab customers; hearings followed in 2024.',
  dates: { start: '2023-05-01' },
  timeline: [
    { id: 'z-1', date: '2023-05-01', title: 'An intruder starts reading Zorblab customer mail', sources: src },
    {
      id: 'z-2',
      date: '2024-06-13',
      title: 'Lorna Vantorre testifies at the Senate hearing',
      detail: 'Zorblab president Lorna Vantorre told the Senate committee that Zorblab accepts responsibility.',
      sources: src,
    },
    { id: 'z-3', date: '2024-06-20', title: 'Zorblab publishes its yearly security report', sources: src },
  ],
});

const { ask } = projectKbWith(input);

describe('one event of a period', () => {
  it('a question that meets one event of the period gets that fact in full', () => {
    const a = ask('what did lorna vantorre tell the senate committee in june 2024');
    expect(a.kind).toBe('answer');
    expect(a.intent).not.toBe('timeline');
    expect(leadOf(a)).toMatch(/accepts responsibility/);
  });

  it('a question for the events of the period still gets its timeline', () => {
    const a = ask('what happened at zorblab in june 2024');
    expect(a.intent).toBe('timeline');
    expect(a.title).toContain('June 2024');
  });
});
