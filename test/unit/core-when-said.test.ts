// "When did the regulator say it would review the outage?" asks when it was said, not when the review came out:
// the row that reports the statement leads ("announces", "promises" are words of saying), and the row of the thing
// done gives way. Made-up incident; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const harborInput = madeUpWriteup({
  id: 'harbor-grid',
  title: 'Harbor Grid outage (2020)',
  summary: 'In 2020 an intruder shut down the Harbor Grid dispatch system for a day.',
  dates: { start: '2020-06-01', disclosed: '2020-06-03' },
  timeline: [
    { id: 'h-start', date: '2020-06-01', title: 'The Harbor Grid dispatch system goes down', sources: ['h-src'] },
    {
      id: 'h-announce',
      date: '2020-07-15',
      title: 'The energy regulator announces a review of the Harbor Grid outage',
      detail: 'The regulator said its board would examine how the intruder got in.',
      sources: ['h-src'],
    },
    {
      id: 'h-release',
      date: '2021-09-30',
      title: 'The energy regulator releases its review of the Harbor Grid outage',
      detail:
        'The review of the outage found the dispatch system exposed to the internet; the regulator review lists twelve fixes.',
      sources: ['h-src'],
    },
  ],
  aliases: ['Harbor Grid'],
  victim: 'Harbor Grid',
});

const { ask } = projectKbWith(harborInput);

describe('when someone said something would be done', () => {
  it.each([
    'when did the energy regulator say it would review the harbor grid dispatch outage',
    'when did the energy regulator say they were gonna review the harbor grid dispatch outage',
  ])('"%s" leads with the row that reports the statement', (q) => {
    const a = ask(q);
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^15 July 2020/);
  });

  it('when it was done leads with the row of the thing done', () => {
    const a = ask('when did the energy regulator release its review of the harbor grid dispatch outage');
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^30 September 2021/);
  });
});
