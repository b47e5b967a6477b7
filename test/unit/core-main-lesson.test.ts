// "what's the main lesson for regular cloud customers from X": whom the lesson is for, the lesson words and the
// incident's own name say nothing about which lesson, so the curated order stands and its first lesson leads. A
// lesson asked about by its subject ("the lesson about providers") still comes first.
import { describe, expect, it } from 'vitest';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const { ask } = fixtureKbWithAlpha({
  ...alphaInput,
  lessons: [
    { id: 'le-logs', text: 'Logging caught this; keep it on.', sources: ['s-gov'] },
    {
      id: 'le-providers',
      text: 'One cloud provider concentrates risk for all its customers; regular reviews of provider security help.',
      sources: ['s-gov'],
    },
  ],
});

describe('the main lesson', () => {
  it.each([
    'whats the main lesson for regular cloud customers from the alpha cloud intrusion',
    'main takeaway for ordinary cloud customers from the alpha cloud write-up?',
  ])('"%s" leads with the first curated lesson', (q) => {
    expect(ask(q).facts[0]?.id).toBe('le-logs');
  });

  it('a lesson asked for by its subject leads', () => {
    expect(ask('what is the lesson about provider risk').facts[0]?.id).toBe('le-providers');
  });
});
