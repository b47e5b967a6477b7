// A fact tagged `related` is an aside: about something outside the incident (a later flaw, another actor's
// intrusion), cited for context. It leads only when the question is about it. The project fixture, plus one aside.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const withAside: IncidentInput = {
  ...alphaInput,
  lessons: [
    ...(alphaInput.lessons ?? []),
    {
      id: 'le-later-flaw',
      title: 'A later token validation flaw teaches the same lesson (not part of this incident)',
      text: 'A different token validation flaw, found in 2024, let tokens work across tenants.',
      tags: ['related'],
      sources: ['s-vendor'],
    },
  ],
};

const ask = (input: IncidentInput, q: string) => fixtureKbWithAlpha(input).ask(q);

describe('an aside', () => {
  it('does not lead an answer about the incident itself', () => {
    const a = ask(withAside, 'what was the token validation flaw in the webmail');
    expect(a.kind).toBe('answer');
    expect(a.facts[0]?.id).toBe('te-validation');
  });

  it('leads when the question is about it', () => {
    const a = ask(
      withAside,
      'the later token validation flaw that let tokens work across tenants - part of this incident?',
    );
    expect(a.facts[0]?.id).toBe('le-later-flaw');
  });

  it("comes after the incident's own facts in a list, however well it matches", () => {
    const a = ask(withAside, 'lessons learned about token validation');
    expect(a.facts[0]?.id).toBe('le-logs');
  });

  it('is an aside only because of its tag', () => {
    const untagged = { ...withAside, lessons: withAside.lessons?.map((l) => ({ ...l, tags: [] })) };
    const a = ask(untagged, 'what was the token validation flaw in the webmail');
    expect(a.facts[0]?.id).toBe('le-later-flaw');
  });
});
