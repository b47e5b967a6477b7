// "codespaces hack - what year/month was that?": a topic, then the question about it. The whole message starts
// with the topic, so no question pattern meets it; the last part alone says what kind of question it is, and the
// topic's words stay in the search. A last part that asks what something is or what happened is not enough: a
// named topic the knowledge base does not know must still get no answer about the loaded incident.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { alphaInput, fixtureKb, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const kb = fixtureKb();
const { ask } = fixtureKbWithAlpha(alphaInput);

describe('a topic, then the question about it', () => {
  it.each([
    ['betapass thing - what year/month was that?', 'when'],
    ['the vault backups: what date was that disclosed?', 'when'],
    ['forged tokens, which day did it begin', 'when'],
  ])('"%s" is read as a %s question', (q, kind) => {
    expect(readQuestion(kb, q).kind).toBe(kind);
  });

  it('keeps the topic in the search words', () => {
    expect(readQuestion(kb, 'betapass thing - what year/month was that?').query.words).toContain('betapass');
  });

  it("answers the when-question with the topic incident's date", () => {
    const a = ask('betapass thing - what year/month was that?');
    expect(a.kind).toBe('answer');
    expect(a.intent).toBe('when');
    expect(`${a.title} ${a.facts[0]?.date ?? ''}`).toContain('2022-08-08');
  });

  it('a last part asking what happened leaves an unknown topic unanswered', () => {
    const a = ask('zorblax quuxcorp oauth tokens stolen in 2022 - what happened');
    expect(a.kind).not.toBe('answer');
  });
});
