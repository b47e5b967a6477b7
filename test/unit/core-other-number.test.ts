// "storm-0501 ransomware: how did they pivot?": a name that differs from a loaded one only in its number is another
// name, not a typo of it. Before, the command reader and the name reader both took "gamma-0501" two edits away from
// "gamma-0558" for that incident, and answered with its facts.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { sameDigits } from '../../src/core/search/edit-distance.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const input: IncidentInput = { ...alphaInput, aliases: [...(alphaInput.aliases ?? []), 'Gamma-0558'] };
const { ask } = fixtureKbWithAlpha(input);

describe('a name with another number', () => {
  it('is not loaded', () => {
    const a = ask('gamma-0501 ransomware: how did they move into the webmail service?');
    expect(a.kind).toBe('none');
    expect(JSON.stringify(a)).toMatch(/gamma-0501/i);
  });

  it('the same name with a letter slip is still the incident', () => {
    expect(ask('gamma-0558 timeline').kind).toBe('answer');
    expect(ask('gamna-0558 timeline').kind).toBe('answer');
  });

  it('compares digits in order', () => {
    expect(sameDigits('storm-0501', 'storm-0558')).toBe(false);
    expect(sameDigits('strom-0558', 'storm-0558')).toBe(true);
    expect(sameDigits('browserstak', 'browserstack')).toBe(true);
  });
});
