// "what were tenants told to do after the breach", "did tenants have to patch anything": the question asks what
// those affected were told or needed to do, so the fact that says so leads, not the summary that names the same
// incident, parties and breach. The project fixture, plus the vendor's notice to its tenants.
import { describe, expect, it } from 'vitest';
import { alphaWithTechnique, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const input = alphaWithTechnique(
  {
    id: 'te-notice',
    title: 'Notice to tenants',
    text: 'Alpha Cloud emailed its tenants about the breach, asking them to rotate their API secrets.',
    sources: ['s-vendor'],
  },
  {
    id: 'te-no-action',
    title: 'The key revocation',
    text: 'The vendor said tenants needed to take no action for the forged email tokens; it revoked the key itself.',
    sources: ['s-vendor'],
  },
);
const { ask } = fixtureKbWithAlpha(input);
const lead = (q: string) => {
  const a = ask(q);
  return `${a.kind}: ${a.title} ${a.facts[0]?.text ?? ''}`;
};

describe('what those affected were told to do', () => {
  it('the fact that tells it leads', () => {
    expect(lead('we were an alpha cloud tenant in 2023, what were tenants told to do after the breach?')).toMatch(
      /^answer: .*rotate their API secrets/,
    );
    expect(lead('did tenants have to patch anything after the forged token breach?')).toMatch(
      /^answer: .*needed to take no action/,
    );
  });

  it('asked about fixing the flaw from our own tenant, it is still what to do about the flaw', () => {
    expect(lead('do we need to do anything in our tenant to fix the forged token flaw?')).toMatch(
      /^answer: .*needed to take no action/,
    );
    // without a fix to ask about, "were we hit, do we need to do anything" is what to check in our own tenant
    expect(lead('were we affected and do we need to do anything in our tenant?')).not.toMatch(/no action/);
  });

  it('a question of its own kind keeps its own answer', () => {
    expect(ask('when were tenants told to do something?').intent).toBe('when');
  });
});
