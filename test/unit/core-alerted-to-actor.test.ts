// "what finally alerted the vendor to the threat actor?": a word for the actor ("threat actor") in a question that
// asks what raised the alarm is no question of who did it; the fact that tells what caught the intruder leads, not
// one that repeats "threat actor". A who-question keeps the actor. Made-up write-up; the project's own language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const src = ['h-src'];
const vault = madeUpWriteup({
  id: 'quillvault',
  title: 'Quillvault',
  summary: 'In 2022 a threat actor got into the Quillvault cloud storage environment twice.',
  dates: { start: '2022-08-01' },
  timeline: [
    {
      id: 'q-1',
      date: '2022-12-22',
      title: 'Quillvault discloses that an unknown threat actor accessed a cloud storage environment',
      sources: src,
    },
  ],
  technique: {
    summary: 'The threat actor used keys taken in the first intrusion to reach the cloud storage environment.',
    details: [
      {
        id: 'detail-1',
        title: '',
        text: 'Quillvault was alerted to the threat actor when its cloud provider raised alerts on unusual activity in the cloud storage environment.',
        sources: src,
      },
    ],
  },
  attribution: { actor: 'Harrow Crew', summary: 'A crew called Harrow Crew claimed it.', details: [] },
});

const { ask } = projectKbWith(vault);

describe('what alerted them to the threat actor', () => {
  it('leads with what raised the alarm', () => {
    const a = ask('what finally alerted quillvault to the threat actor in the cloud storage environment?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toMatch(/raised alerts/);
  });

  it('a who-question about the threat actor still gets the actor', () => {
    expect(leadOf(ask('who was the threat actor behind the quillvault intrusion?'))).toMatch(/Harrow Crew/);
  });
});
