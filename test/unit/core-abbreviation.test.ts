// "what did the example review board conclude" where most facts write "ERB": a name spelled out in several words
// is searched by its initials at full weight and by its own words at a share, so the fact that spells the name out
// no longer outscores the verdict that abbreviates it. The initials must be the name's: a synonym group's
// other one-word members keep their usual weight.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { incidentSchema } from '../../src/core/model.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { analyzeQuery } from '../../src/core/reading/query.js';
import { respond } from '../../src/core/respond.js';
import { alphaWithTechnique, betaInput, fixtureData, fixtureSynonyms } from '../fixtures/core-kb.js';

const alpha = alphaWithTechnique(
  {
    id: 'te-erb-verdict',
    title: 'ERB verdict: the intrusion was preventable',
    text: 'The ERB concluded that the intrusion was preventable and that the vendor must change how it keeps keys, logs access and tells its customers.',
    sources: ['s-gov'],
  },
  {
    id: 'te-erb-status',
    title: 'Example Review Board dismissed',
    text: 'The Example Review Board was dismissed; the board has not met since.',
    sources: ['s-gov'],
  },
);
const kb = createKnowledgeBase(
  fixtureData({
    incidents: [incidentSchema.parse(alpha), incidentSchema.parse(betaInput)],
    synonyms: [...fixtureSynonyms, ['erb', 'example review board', 'review panel']],
  }),
);
const ask = (q: string) => respond(kb, parseCommand(q, kb), { now: new Date('2025-01-01T00:00:00Z') });

describe('a name spelled out whose initials the facts use', () => {
  it('leads with the fact the question asks about, not the one that spells the name out', () => {
    const a = ask('what did the example review board conclude?');
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('ERB verdict');
  });

  it('weighs the initials fully and the spelled-out words at a share', () => {
    const concept = analyzeQuery(kb, 'example review board').concepts[0];
    const weight = (term: string) => concept?.terms.find((t) => t.term === term)?.weight;
    expect(weight('erb')).toBe(1);
    expect(weight('review')).toBeCloseTo(1 / 3);
    // "review panel" is no set of initials: it keeps a synonym's weight
    expect(analyzeQuery(kb, 'review panel').concepts[0]?.terms.find((t) => t.term === 'review')?.weight).toBe(1);
  });
});
