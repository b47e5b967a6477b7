// "when did codespaces.com shut down for good?": the incident's name written as a web address is its name, not a
// thing in it to date, so the key date answers; before, a narrative that happened to spell the address won.
import { describe, expect, it } from 'vitest';
import { projectKbWith } from '../fixtures/core-across.js';
import { ternInput } from '../fixtures/core-tern.js';

const { ask } = projectKbWith({
  ...ternInput,
  technique: {
    ...(ternInput.technique ?? { summary: '' }),
    details: [
      ...(ternInput.technique?.details ?? []),
      {
        id: 'tq-web',
        date: '2023-08',
        text: 'In August 2023 the code hosting firm Ternbox.com was hit by a phishing text to one engineer.',
        sources: ['t-src'],
      },
    ],
  },
});

describe('the incident named by its web address', () => {
  it('a when-question for a key date answers the key date', () => {
    const a = ask('when did ternbox.com end for good?');
    expect(a.kind).toBe('answer');
    expect(`${a.title} ${a.facts[0]?.date ?? ''}`).toContain('2023-08-20');
  });
});
