// "how many tenants got hit in the stolen signing key thing": words describing the incident (its title's words
// before an incident noun or "thing") say which incident, not which of its figures. The project fixture, plus one
// figure that shares the description's words.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { describingWords } from '../../src/core/reading/subject.js';
import { words } from '../../src/core/search/tokenize.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const input: IncidentInput = {
  ...alphaInput,
  victims: [
    ...(alphaInput.victims ?? []),
    {
      id: 'fig-key-days',
      kind: 'figure',
      name: 'Days the stolen signing key was used',
      count: '40',
      impact: 'The stolen signing key signed forged tokens on 40 days.',
      sources: ['s-vendor'],
    },
  ],
};
const { kb, ask } = fixtureKbWithAlpha(input);
const alpha = kb.incident('alpha-2023');

describe('a description of the incident', () => {
  it('is the run of its title words before an incident noun or "thing", years and months aside', () => {
    if (!alpha) throw new Error('fixture');
    const found = (q: string) => [...describingWords(kb.language, alpha, words(q))];
    expect(found('how many tenants got hit in the 2023 stolen signing key thing')).toEqual([
      'stolen',
      'signing',
      'key',
      'thing',
    ]);
    expect(found('how many tenants got hit in the signing key intrusion')).toEqual(['signing', 'key', 'intrusion']);
    // one title word is no description; nor is a question about the key itself
    expect(found('how many tenants got hit in the email thing')).toEqual([]);
    expect(found('how many days was the stolen signing key used')).toEqual([]);
    // the incident's short name counts toward the run ("the microsoft email hacks"), but is left to its own rule
    expect(found('did they admit to the alpha email thing')).toEqual(['email', 'thing']);
    expect(found('did they admit to the alpha thing')).toEqual([]);
  });

  it('does not pick which figure answers "how many"', () => {
    const a = ask('how many tenants got hit in the signing key thing');
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('Tenants affected');
    // asked about the key, the key's figure leads
    expect(ask('how many days was the signing key used').title).toContain('Days the stolen signing key');
  });
});
