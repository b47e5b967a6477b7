// "Not the old 2016 one - the September 2022 hack": a year the question sets aside is not the one it asks about,
// and an incident told by its month and year, when nothing of the loaded incident of that name is dated in that
// month, is another incident that is not loaded. Made-up write-up; the project's own language.
import { describe, expect, it } from 'vitest';
import { madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const { ask } = projectKbWith(
  madeUpWriteup({
    id: 'heron-pay',
    title: 'Heron Pay Breaches (2016)',
    summary: 'In 2016 intruders copied Heron Pay rider records from a storage bucket with a leaked key.',
    dates: { start: '2016-05-01' },
    timeline: [
      { id: 'h-copy', date: '2016-05-01', title: 'Intruders copy Heron Pay rider records', sources: ['h-src'] },
      { id: 'h-trial', date: '2022-10-05', title: 'The Heron Pay security chief is convicted', sources: ['h-src'] },
    ],
    technique: {
      summary: 'The intruders used a leaked key to read the storage bucket.',
      details: [],
    },
  }),
);

describe('a year set aside, and a month that holds nothing', () => {
  it('"not the 2016 one": the year asked is the other one', () => {
    expect(ask('not the 2016 one - the 2019 heron pay breach: how did they get in?').kind).toBe('none');
  });

  it('the incident told by a month of a year it holds nothing in is not loaded', () => {
    const a = ask('the september 2022 heron pay hack - how did they get admin access?');
    expect(a.kind).toBe('none');
    expect(a.sections.map((s) => s.text ?? '').join(' ')).toContain('September 2022');
  });

  it('a month it holds a fact in, or a year with no month, is still its own', () => {
    expect(ask('the october 2022 heron pay conviction - who was convicted?').kind).toBe('answer');
    expect(ask('the 2016 heron pay breach - how did they get in?').kind).toBe('answer');
  });
});
