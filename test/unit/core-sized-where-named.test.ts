// "what sentence did jane placeholder end up with over the cover-up": the fact must name the punishment asked
// about with its size in one sentence ("sentenced to three years probation"). A long fact that gives another
// amount (a fine) and says "sentence" only in passing ("to lessen their sentence") no longer leads.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const input: IncidentInput = {
  ...alphaInput,
  timeline: [
    ...(alphaInput.timeline ?? []),
    {
      id: 'e-sentenced',
      date: '2024-05-05',
      title: 'Jane Placeholder is sentenced to three years probation',
      sources: ['s-vendor'],
    },
  ],
  aftermath: [
    ...(alphaInput.aftermath ?? []),
    {
      id: 'af-fine',
      text:
        'Alpha Cloud was fined 148 million dollars over the cover-up. Jane Placeholder was charged and found guilty ' +
        'for her role in the cover-up. The intruders were indicted and agreed to testify against Jane Placeholder ' +
        'to lessen their sentence.',
      sources: ['s-gov'],
    },
  ],
};
const { ask } = fixtureKbWithAlpha(input);

describe('the punishment asked about, with its size', () => {
  it('leads over a fact that names it only in passing beside another amount', () => {
    const a = ask('what sentence did jane placeholder end up with over the alpha cover-up');
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('three years probation');
  });

  it('a fine is still answered by the fact that gives it', () => {
    expect(ask('how much was alpha cloud fined over the cover-up').facts[0]?.text).toContain('148 million');
  });

  it("a year in the question does not make it a request for that year's timeline", () => {
    const a = ask('what was alpha cloud fined for the 2024 cover-up?');
    expect(a.intent).not.toBe('timeline');
    expect(a.facts[0]?.text).toContain('148 million');
  });
});
