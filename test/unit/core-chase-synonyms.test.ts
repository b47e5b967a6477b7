// "How many theories did they chase": chasing a theory is pursuing it, and the fact may say it "worked through"
// them; a word the facts never use must not sink the answer. Made-up write-up; the project's own synonym groups.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const slate = madeUpWriteup({
  id: 'slate-ridge',
  title: 'Slate Ridge (2020)',
  summary: 'An intruder used a stolen signing key to read the mail of Slate Ridge staff.',
  dates: { start: '2020-05-01' },
  technique: {
    summary: 'The intruder signed tokens with a stolen key.',
    details: [
      {
        id: 's-theories',
        title: 'Nobody knows how the key was taken',
        text: 'After working through 12 theories, the review board could not say how the key was taken.',
        sources: ['h-src'],
      },
    ],
  },
});

describe('"chase" is "pursue" and "work through"', () => {
  const { kb, ask } = projectKbWith(slate);

  it('reads "chase" as a word the facts use, not one that sinks the answer', () => {
    const concepts = readQuestion(kb, 'how many key theft theories did they chase').query.concepts;
    const chase = concepts.find((c) => c.text === 'chase');
    expect(chase?.unknown).toBe(false);
  });

  it('answers "how many theories did they chase" from the fact that worked through them', () => {
    const a = ask('how many slate ridge key theft theories did the review board chase');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('12 theories');
  });
});
