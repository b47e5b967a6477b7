// "what did examplia say about being blamed for the stolen signing key intrusion": the words describing the
// incident (its title's words before an incident noun) say which incident, so they weigh as its name in a search
// and every fact of it counts as meeting them; what is left ("examplia", "blamed") picks the fact. Before, the
// description's words outweighed the rest and the fact that shares them ("revokes the stolen signing key") led.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const attribution = alphaInput.attribution;
if (!attribution) throw new Error('fixture');
const input: IncidentInput = {
  ...alphaInput,
  timeline: [
    ...(alphaInput.timeline ?? []),
    {
      id: 'e-flaw-2023',
      date: '2023-05-02',
      title: 'Alpha Cloud fixes the flaw behind the 2023 intrusion',
      sources: ['s-vendor'],
    },
  ],
  attribution: {
    ...attribution,
    details: [
      ...(attribution.details ?? []),
      {
        id: 'at-denial',
        title: 'Examplia rejects the accusations',
        text: 'The Examplia embassy called the accusations groundless speculation.',
        sources: ['s-vendor'],
      },
    ],
  },
};
const { ask } = fixtureKbWithAlpha(input);

describe('a description of the incident in a search', () => {
  it('weighs as its name: the rest of the question picks the fact', () => {
    const a = ask('what did examplia say about being blamed for the stolen signing key intrusion');
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('Examplia rejects the accusations');
  });

  it('is no subject of "who was behind" either: the actor answers', () => {
    const a = ask('who was behind the 2023 stolen signing key intrusion');
    expect(a.kind).toBe('answer');
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toContain('Gamma Group');
  });
});
