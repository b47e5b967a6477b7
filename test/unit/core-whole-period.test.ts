// "what happened to code spaces in 2014": when the period a question gives holds the whole of the incident it
// names, the period says nothing more than the name; the question is answered as if it were not there. A period
// inside the incident, or a timeline asked for, still gets the events of the period.
import { describe, expect, it } from 'vitest';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const { ask: askFixture } = fixtureKbWithAlpha(alphaInput);

describe('a period that holds the whole named incident', () => {
  it('is answered as the question without it', () => {
    const withYear = askFixture('what happened to alpha back in 2023?');
    const without = askFixture('what happened to alpha?');
    expect(withYear.intent).not.toBe('timeline');
    expect(withYear.title).toBe(without.title);
  });

  it('still gives the events of a period inside the incident', () => {
    expect(askFixture('what happened to alpha in april 2023?').intent).toBe('timeline');
  });

  it('still gives a timeline when one is asked for', () => {
    expect(askFixture('alpha timeline in 2023').intent).toBe('timeline');
  });
});
