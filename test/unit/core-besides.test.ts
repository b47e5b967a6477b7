// "what else besides outlook could the key reach": "besides", "except", "beyond" say what to set aside or go past;
// they are no words a fact must contain, so a question that uses one is not held to a match on it.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const kb = fixtureKb();
const texts = (q: string) => readQuestion(kb, q).query.concepts.map((c) => c.text);

describe('"besides", "except", "beyond"', () => {
  it.each([
    ['what else besides webmail could the signing key reach', 'besides', 'webmail'],
    ['which tenants except the ministry were hit', 'except', 'tenants'],
    ['what could the key reach beyond webmail', 'beyond', 'webmail'],
    ['anything aside from webmail', 'aside', 'webmail'],
  ])('"%s" asks nothing of "%s", and still of "%s"', (q, word, kept) => {
    expect(texts(q)).not.toContain(word);
    expect(texts(q)).toContain(kept);
  });
});
