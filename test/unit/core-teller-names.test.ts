// "zorblax told everyone to rotate their secrets. what was the root cause?", "when zorblax hit the vendor, what
// did they take": the one who told, or who struck, is the incident's name. When the knowledge base has never seen
// it, the question is about an incident that is not loaded; a known name there changes nothing. A span of years
// after a name ("in 2023-24") dates it and is no part of it.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const kb = fixtureKb();

describe('the one who told, or who struck, names the incident', () => {
  it.each([
    'Zorblax told everyone to rotate all their secrets in 2023. what was the root cause on their side?',
    'quuxcorp said it was phished - how did it happen',
    'when zorblax hit the ministry in 2022 which files did they leak',
  ])('"%s" names an incident that is not loaded', (q) => {
    expect(readQuestion(kb, q).unknown).toBeDefined();
  });

  it.each([
    'BetaPass told customers to change their master passwords. what was the root cause?',
    'when the intruder hit betapass, what did they take',
  ])('"%s" names a loaded one', (q) => {
    expect(readQuestion(kb, q).unknown).toBeUndefined();
  });
});

describe('a span of years after a name', () => {
  it('"in 2023-24" dates the name and is no unknown name of its own', () => {
    expect(
      readQuestion(kb, "how did the intruder get into betapass's cloud storage in 2022-23?").unknown,
    ).toBeUndefined();
    expect(
      readQuestion(kb, 'how did the intruder get into betapass cloud storage in 2021-2022').unknown,
    ).toBeUndefined();
  });
});
