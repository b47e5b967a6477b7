// "what data got exposed in the breach": a lesson that uses the same words ("Public backup server … left exposed") is advice, not
// the fact asked for; the fact leads. Asked for advice, the lesson leads again.
import { describe, expect, it } from 'vitest';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const { ask } = fixtureKbWithAlpha({
  ...alphaInput,
  aftermath: [
    ...(alphaInput.aftermath ?? []),
    {
      id: 'af-exposed-data',
      text: 'The intruder exposed the ministry mail archive and its contact data through a public backup server.',
      sources: ['s-gov'],
    },
  ],
  lessons: [
    ...(alphaInput.lessons ?? []),
    {
      id: 'le-exposed-server',
      title: 'Public backup server',
      text: 'Public backup server: a backup server left exposed is found; never leave one open to anyone.',
      sources: ['s-gov'],
    },
  ],
});

describe('a lesson is advice', () => {
  it('a question for facts leads with the fact', () => {
    expect(ask('what data got exposed through the backup server').facts[0]?.id).toBe('af-exposed-data');
  });

  it('a question for advice leads with the lesson', () => {
    expect(ask('what should we learn from the exposed backup server').facts[0]?.id).toBe('le-exposed-server');
  });
});
