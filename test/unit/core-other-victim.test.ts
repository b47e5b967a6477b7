// "Which other company said the group got into its email too?": a fact that tells of another victim like the
// incident's own ("disclosed a similar attack") leads, not the incident's own victim again, which meets the same
// words. Made-up write-up; the project's own language and synonyms.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const src = ['h-src'];
const osprey = madeUpWriteup({
  id: 'osprey-mail',
  title: 'Osprey Soft (Gamma Bear)',
  aliases: ['Osprey'],
  summary:
    'In 2024 the group Gamma Bear got into the cloud email of Osprey Soft executives through an old test account.',
  dates: { start: '2023-11-01' },
  timeline: [
    {
      id: 'o-1',
      date: '2024-01-12',
      title: 'Osprey Soft detects Gamma Bear in its corporate cloud email.',
      sources: src,
    },
  ],
  victims: [
    {
      id: 'o-v1',
      name: 'Osprey Soft',
      kind: 'organization',
      impact: 'Gamma Bear got into the corporate cloud email of Osprey Soft executives.',
      sources: src,
    },
  ],
  attribution: {
    actor: 'Gamma Bear',
    summary: 'A state group.',
    details: [
      {
        id: 'o-a1',
        text: 'Kite Corp disclosed a similar attack from Gamma Bear against its cloud-based email environment.',
        sources: src,
      },
    ],
  },
  technique: { summary: 'An old test account without MFA let the group in.', details: [] },
});

const { ask } = projectKbWith(osprey);

describe('another victim like the incident’s own', () => {
  it('leads with the fact that tells of it', () => {
    expect(leadOf(ask('which other company said gamma bear got into its cloud email too?'))).toContain('Kite Corp');
  });
});
