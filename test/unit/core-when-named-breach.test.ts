// "when did imperva announce the incapsula breach": the words right before "breach" are a name the asker gives the
// incident, not a thing in it to date. In a when-question that asks for a key date (announced, detected, began)
// they are set aside, and the key date answers. Words elsewhere in the question are still what it asks about.
import { describe, expect, it } from 'vitest';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const { ask } = fixtureKbWithAlpha(alphaInput);
const lead = (q: string) => {
  const a = ask(q);
  return `${a.title} ${a.facts[0]?.date ?? ''}`;
};

describe('"the X breach" in a when-question', () => {
  it('with a key date word, answers the key date', () => {
    expect(lead('when did alpha cloud announce the webmail breach')).toContain('2023-05-02');
    expect(lead('when was the webmail intrusion detected')).toContain('2023-04-10');
  });

  it('a word that is not part of the name is still asked about', () => {
    expect(lead('when did the ministry detect the forged tokens')).not.toContain('2023-05-02');
  });
});
