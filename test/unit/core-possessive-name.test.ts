// "cisco's 2023 breach - what happened?": a word written as someone's is a name, never a typing slip for a word of
// the language ("ciso"). Read as a slip, the unknown name vanished and the loaded incident's 2023 timeline answered.
import { describe, expect, it } from 'vitest';
import { alphaWithTechnique, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

// the knowledge base uses "CISO", one typing slip from the unknown name
const input = alphaWithTechnique({
  id: 'te-ciso',
  title: 'The CISO',
  text: "A phished employee let the intruder in; Alpha Cloud's CISO led the response.",
  sources: ['s-vendor'],
});
const { ask } = fixtureKbWithAlpha(input);

describe("a name written as someone's", () => {
  it('is not corrected toward a word of the language: an unknown one is not loaded', () => {
    const a = ask("cisco's 2023 breach through a phished employee - what happened?");
    expect(a.kind).toBe('none');
    expect(JSON.stringify(a)).toMatch(/cisco/i);
  });

  it("a loaded incident's name still answers", () => {
    expect(ask("alpha's 2023 breach through a phished employee - what happened?").kind).toBe('answer');
  });
});

// "what was X's job when her email got hit": the name ends with its owner; "job", a word the facts never use, is a
// thing of hers, not part of an unknown name (read as "jane placeholder job", the question was declined as not loaded)
describe("a thing of someone's after the name", () => {
  const { ask: askFixture } = fixtureKbWithAlpha(alphaWithTechnique());

  it('is no part of the name: a known person is not declined as unknown', () => {
    const a = askFixture("what was Jane Placeholder's job when her email got hit?");
    expect(a.kind).not.toBe('none');
  });

  it('an unknown owner is still not loaded', () => {
    const a = askFixture("what was John Zorblax's job when his email got hit?");
    expect(a.kind).toBe('none');
    expect(JSON.stringify(a)).toMatch(/zorblax/i);
  });
});
