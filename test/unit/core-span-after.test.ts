// "How long after he quit did he still have access?": the span runs from the dated fact the words after "after"
// name (the resignation) to the earliest later dated fact the rest names (the access), not the span of one fact.
// Made-up write-up; the project's own language and synonyms.
import { describe, expect, it } from 'vitest';
import { madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const src = ['h-src'];
const plover = madeUpWriteup({
  id: 'plover-air',
  title: 'Plover Air',
  aliases: ['Plover'],
  summary: 'A former Plover Air engineer used a cloud key he kept after leaving to delete the airline booking servers.',
  dates: { start: '2020-06-10' },
  timeline: [
    { id: 'p-1', date: '2020-01-10', title: 'Jo Tern resigns from Plover Air.', sources: src },
    {
      id: 'p-2',
      date: '2020-06-10',
      title: 'Jo Tern uses his old cloud key to access the Plover Air cloud account and delete the booking servers.',
      sources: src,
    },
    {
      id: 'p-3',
      date: '2021-03-01',
      title: 'Jo Tern pleads guilty to accessing the Plover Air cloud account.',
      sources: src,
    },
  ],
  attribution: { actor: 'Jo Tern', summary: 'A former engineer.', details: [] },
  technique: { summary: 'The engineer kept a cloud key after he left.', details: [] },
});

const { ask } = projectKbWith(plover);

describe('"how long after X did Y"', () => {
  it('runs from the fact X names to the first later fact Y names', () => {
    const a = ask('how long after he quit did jo tern still have cloud access at plover air?');
    expect(a.intent).toBe('duration');
    expect(a.title).toContain('2020-01-10 to 2020-06-10');
    expect(a.title).toContain('about 5 months');
  });
});
