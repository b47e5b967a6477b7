// "what kind of stuff was in the stolen files": a fact tells what something held when its contents word is followed
// by what was held ("including payroll sheets"), not by a name ("officials, including CIO Lorna Vantorre, said").
// Made-up write-up; the project's own language and synonyms.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const src = ['h-src'];
const input = madeUpWriteup({
  id: 'zorblab-files',
  title: 'Zorblab Files',
  summary: 'In 2023 an intruder took files from Zorblab file shares.',
  dates: { start: '2023-05-01' },
  timeline: [
    {
      id: 'z-1',
      date: '2023-09-27',
      title: 'Zorblab: about 5,000 files stolen from 10 shares',
      detail:
        'At a briefing, Zorblab officials, including CIO Lorna Vantorre, said about 5,000 files were stolen from 10 shares.',
      sources: src,
    },
  ],
  technique: {
    summary: 'The intruder used a stolen key to read the shares.',
    details: [
      {
        id: 'detail-1',
        title: '',
        text: 'The files stolen from the Zorblab shares held payroll sheets, including passport scans and bank details.',
        sources: src,
      },
    ],
  },
});

const { ask } = projectKbWith(input);

describe('what the stolen files held', () => {
  it('leads with the fact that tells the contents, not the one that names who spoke', () => {
    const a = ask('what kind of stuff was in the files stolen from zorblab');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toMatch(/passport scans/);
  });
});
