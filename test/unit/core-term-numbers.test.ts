// "What is storm-0501?" when the glossary holds "Storm-0558": a name spelled alike but with other numbers is
// another thing (another actor, another licence tier, another version), never the term that is close in spelling.
// A misspelling of the term's letters, its numbers kept, still finds it. The project fixture, plus one term.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const input: IncidentInput = {
  ...alphaInput,
  glossary: [
    ...(alphaInput.glossary ?? []),
    {
      id: 'g-tempest',
      term: 'Tempest-4410',
      definition: 'The name the vendor gave the actor while it tracked it.',
      sources: ['s-gov'],
    },
  ],
};

const { ask } = fixtureKbWithAlpha(input);

describe('a term asked for by name', () => {
  it('is found by its name, or its letters misspelled and its numbers kept', () => {
    expect(ask('what is tempest-4410').title).toBe('Tempest-4410');
    expect(ask('what is tempst-4410').title).toBe('Tempest-4410');
  });

  it('is not found for a name with other numbers', () => {
    const a = ask('what is tempest-4401');
    expect(a.intent === 'glossary' && a.title === 'Tempest-4410').toBe(false);
    expect(a.kind).not.toBe('answer');
  });
});
