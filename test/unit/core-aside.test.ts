// A fact tagged `related` is an aside: about something outside the incident (a later flaw, another actor's
// intrusion), cited for context. It leads only when the question is about it. The project fixture, plus one aside.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { type IncidentInput, incidentSchema } from '../../src/core/model.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { alphaInput, betaInput, fixtureData } from '../fixtures/core-kb.js';

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

function kbWith(input: IncidentInput) {
  return createKnowledgeBase(
    fixtureData({ incidents: [incidentSchema.parse(input), incidentSchema.parse(betaInput)] }),
  );
}
const ask = (kb: ReturnType<typeof kbWith>, q: string) =>
  respond(kb, parseCommand(q, kb), { now: new Date('2025-01-01T00:00:00Z') });

describe('an aside', () => {
  const kb = kbWith(withAside);

  it('does not lead an answer about the incident itself', () => {
    const a = ask(kb, 'what was the token validation flaw in the webmail');
    expect(a.kind).toBe('answer');
    expect(a.facts[0]?.id).toBe('te-validation');
  });

  it('leads when the question is about it', () => {
    const a = ask(kb, 'the later token validation flaw that let tokens work across tenants - part of this incident?');
    expect(a.facts[0]?.id).toBe('le-later-flaw');
  });

  it("comes after the incident's own facts in a list, however well it matches", () => {
    const a = ask(kb, 'lessons learned about token validation');
    expect(a.facts[0]?.id).toBe('le-logs');
  });

  it('is an aside only because of its tag', () => {
    const untagged = kbWith({
      ...withAside,
      lessons: withAside.lessons?.map((l) => ({ ...l, tags: [] })),
    });
    const a = ask(untagged, 'what was the token validation flaw in the webmail');
    expect(a.facts[0]?.id).toBe('le-later-flaw');
  });
});
