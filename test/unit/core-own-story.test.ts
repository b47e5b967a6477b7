// "who was behind the airline no fly list leak": a name one incident's own summary is about (what it exposed) names
// that incident, and the question is answered from it. A name an incident's facts only mention in passing is
// still no incident of its own: the answer says it is not loaded and where it is mentioned.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { incidentSchema } from '../../src/core/model.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { alphaInput, betaInput, fixtureData } from '../fixtures/core-kb.js';

const beta = {
  ...betaInput,
  summary:
    'In 2022 an intruder copied encrypted customer vault backups and the Zephyr Ledger from BetaPass cloud storage.',
  timeline: [
    ...(betaInput.timeline ?? []),
    {
      id: 'b-quill',
      date: '2022-09-01',
      title: 'The developer laptop synced files to Quill Drive',
      sources: ['b-src'],
    },
  ],
};
const kb = createKnowledgeBase(
  fixtureData({ incidents: [incidentSchema.parse(alphaInput), incidentSchema.parse(beta)] }),
);
const ask = (q: string) => respond(kb, parseCommand(q, kb), { now: new Date('2025-01-01T00:00:00Z') });

describe('a name an incident is about, not only mentions', () => {
  it('names the incident whose summary is about it', () => {
    const a = ask('when did the zephyr ledger leak happen');
    expect(a.kind).toBe('answer');
    expect(a.incident).toBe('beta-breach');
  });

  it('a name only mentioned in passing is still not loaded', () => {
    const a = ask('when did the quill drive breach happen');
    expect(a.kind).toBe('none');
    expect(JSON.stringify(a.sections)).toContain('beta-breach');
  });
});
