// "the AI team's repo with the leaked SAS token, 38TB, when was that found?": words the knowledge base has never
// seen name something else. When nothing matches them, the detection date of the incident the question reaches
// only through its victim's name ("microsoft" has had more incidents than the loaded one) is no answer; given
// the incident's own name, the key date still answers.
import { describe, expect, it } from 'vitest';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const { ask } = fixtureKbWithAlpha({ ...alphaInput, victim: 'Example Ministry' });

describe('a when-question with words the knowledge base has never seen', () => {
  it('gets no key date when it reaches the incident only through the victim', () => {
    const a = ask('the example ministry zorblax team that leaked its quuxfile vault, when was that found?');
    expect(a.kind).not.toBe('answer');
  });

  it('gets the key date when it gives the incident its own name', () => {
    const a = ask('the alpha cloud intrusion zorblax team that leaked its quuxfile vault, when was that found?');
    expect(a.kind).toBe('answer');
    expect(a.facts[0]?.date ?? a.title).toContain('2023-04-10');
  });

  it('gets the key date when every word is one the knowledge base knows', () => {
    const a = ask('the example ministry intrusion, when was that found?');
    expect(a.kind).toBe('answer');
    expect(`${a.title} ${a.facts[0]?.date ?? ''}`).toContain('2023-04-10');
  });
});
