// "What kind of key did they use?": the incident's own glossary term for that thing ("consumer signing key",
// whose definition ties it to the incident) answers, not a general definition of a key. The project fixture,
// plus two terms.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const input: IncidentInput = {
  ...alphaInput,
  glossary: [
    ...(alphaInput.glossary ?? []),
    {
      id: 'g-key',
      term: 'Signing key',
      aliases: ['private key'],
      definition: 'A private key an identity provider signs tokens with.',
      sources: ['s-vendor'],
    },
    {
      id: 'g-consumer-key',
      term: 'Consumer signing key',
      aliases: ['stolen key'],
      definition: 'The 2019 key the Gamma Group stole from Alpha Cloud and signed forged tokens with.',
      sources: ['s-vendor'],
    },
  ],
};
const { ask } = fixtureKbWithAlpha(input);

describe('"what kind of" a thing', () => {
  it("is the incident's own term for it", () => {
    for (const q of ['what kind of key did they use to forge the tokens', 'which type of key was stolen']) {
      const a = ask(q);
      expect(a.kind).toBe('answer');
      expect(a.title).toBe('Consumer signing key');
    }
  });

  it('is answered otherwise when no term of the incident names that thing', () => {
    expect(ask('what kind of mail did they read').title).not.toMatch(/signing key/i);
  });
});
