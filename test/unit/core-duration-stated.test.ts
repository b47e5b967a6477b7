// "How long did they have access to the mailboxes?": a length the sources state of what is asked ("the actor had
// access to some mailboxes for at least eight weeks") comes before the span of one dated fact that meets less of
// the question (one adviser's personal email, accessed over three weeks). The span of a dated fact that meets all of
// it still answers. The project fixture, plus a dated event and a figure.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { alphaInput, fixtureKbWithAlpha, fixtureSynonyms } from '../fixtures/core-kb.js';

const input: IncidentInput = {
  ...alphaInput,
  timeline: [
    ...(alphaInput.timeline ?? []),
    {
      id: 'e-adviser-email',
      date: '2023-03-10',
      endDate: '2023-04-02',
      title: "Adviser Tom Example's personal email accessed",
      sources: ['s-gov'],
    },
  ],
  victims: [
    ...(alphaInput.victims ?? []),
    {
      id: 'fig-access-length',
      kind: 'figure',
      name: 'How long the actor had mailbox access (review)',
      count: 'eight weeks',
      impact: 'The review says the actor had access to some mailboxes for at least eight weeks.',
      sources: ['s-gov'],
    },
  ],
};

// email is a mailbox: the adviser's dated access meets the question, but less well than the stated length does
const { ask } = fixtureKbWithAlpha(input, {
  synonyms: [...fixtureSynonyms, ['mailbox', 'mailboxes', 'email', 'emails']],
});

describe('how long: a stated length before a dated fact that meets less', () => {
  it('the stated length of mailbox access leads, not one adviser’s dated access', () => {
    const a = ask('how long did they have access to the mailboxes');
    expect(a.intent).toBe('duration');
    expect(a.facts[0]?.id).toBe('fig-access-length');
  });

  it('a dated fact the question names in full still gives its span', () => {
    const a = ask("how long was the adviser's personal email accessed");
    expect(a.intent).toBe('duration');
    expect(a.title).toContain('23 days');
  });
});
