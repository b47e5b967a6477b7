// "how did microsoft respond to the wiz research": a fact whose title puts the party answered first ("Wiz says …")
// tells what was answered, not the reply; the reply leads. Asking what the answered party said is unchanged.
import { describe, expect, it } from 'vitest';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const { ask } = fixtureKbWithAlpha({
  ...alphaInput,
  timeline: [
    ...(alphaInput.timeline ?? []),
    {
      id: 'e-zenith-claims',
      date: '2023-05-10',
      title: 'Zenith Labs says the stolen signing key could reach many more apps than webmail',
      detail: 'Zenith Labs research argued the signing key could forge tokens for many more apps.',
      sources: ['s-blog'],
    },
    {
      id: 'e-ministry-reply',
      date: '2023-05-11',
      title: 'Example Ministry calls the claims speculative',
      detail: 'The ministry answered the Zenith Labs research about the signing key: the claims were speculative.',
      sources: ['s-gov'],
    },
  ],
});

describe('a reply to another party', () => {
  it('leads with the reply, not with what was replied to', () => {
    const a = ask('how did the ministry respond to the zenith labs research on the signing key');
    expect(a.kind).toBe('answer');
    expect(a.facts[0]?.id).toBe('e-ministry-reply');
  });

  it('what the other party said still leads with its own words', () => {
    const a = ask('what did zenith labs say about the signing key');
    expect(a.facts[0]?.id).toBe('e-zenith-claims');
  });
});
