// A name the knowledge base holds only in its list of sources ("Bloomberg via Quuxmail Finance") is one it cites,
// not one it knows anything about: a question about that name's own incident gets no answer from the loaded one.
// A name its facts tell of stays known.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { alphaInput, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const { kb, ask } = fixtureKbWithAlpha({
  ...alphaInput,
  sources: [
    ...alphaInput.sources,
    {
      id: 's-mirror',
      publisher: 'Zenith Wire (via Quuxmail Finance)',
      title: 'Hackers read ministry email',
      url: 'https://example.com/mirror',
      kind: 'press',
      reliability: 'secondary',
    },
  ],
});

describe('a name known only from a cited source', () => {
  it('is not loaded: what happened to it gets no answer', () => {
    const a = ask('what happened to quuxmail');
    expect(a.kind).toBe('none');
    expect(JSON.stringify(a.sections)).toContain('quuxmail');
  });

  it('a name the facts tell of is still answered', () => {
    expect(ask('what happened to example ministry').kind).toBe('answer');
  });

  it('"X vs Y" names both, not one name with "vs" in it', () => {
    expect(ask('gamma group vs example ministry - how did they get in').kind).toBe('answer');
  });
});

describe('"when did X finally disclose …"', () => {
  it('names X: an unknown X is read as the name of an incident that is not loaded', () => {
    const q = 'when did quuxmail finally disclose that all accounts were hit?';
    expect(readQuestion(kb, q).unknown?.name).toBe('quuxmail');
    expect(ask(q).kind).not.toBe('answer');
  });

  it('a known X is answered with its date', () => {
    expect(readQuestion(kb, 'when did alpha cloud finally disclose it?').unknown).toBeUndefined();
    const a = ask('when did alpha cloud finally disclose it?');
    expect(a.kind).toBe('answer');
    expect(`${a.title} ${a.facts[0]?.date ?? ''}`).toContain('2023-05-02');
  });
});

describe('"per <publisher>, …" about the incident that cites the publisher', () => {
  it('quotes a source of the named incident: the question is answered', () => {
    const q = 'per Zenith Wire, what are the lessons of the alpha cloud intrusion?';
    expect(readQuestion(kb, q).unknown).toBeUndefined();
    expect(ask(q).kind).toBe('answer');
  });

  it('without a named incident the publisher is still a name the knowledge base only cites', () => {
    expect(ask('what did zenith wire get hacked with').kind).toBe('none');
  });
});
