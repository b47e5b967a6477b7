// A number written the chat way ("60k", "1.5m", "$35m") is a number, never the name of an incident that is not
// loaded. The project fixture.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { isNumberWord } from '../../src/core/search/counts.js';
import { fixtureData } from '../fixtures/core-kb.js';

const kb = createKnowledgeBase(fixtureData());

describe('numbers in a question', () => {
  it('are told from words', () => {
    for (const w of ['60k', '1.5m', '60000', '2bn', '$35m', '40%', '100k+']) expect(isNumberWord(w)).toBe(true);
    for (const w of ['k8s', 'storm-0558', 'alpha', 'v2', '0day']) expect(isNumberWord(w)).toBe(false);
  });

  it('never make an unknown name', () => {
    for (const q of [
      'those 12k ministry emails came from how many tenants?',
      'those 1.5m ministry emails came from how many tenants?',
    ]) {
      expect(readQuestion(kb, q).unknown).toBeUndefined();
    }
    // a word the knowledge base has never seen in the same place still is one
    expect(readQuestion(kb, 'those zorblax ministry emails came from how many tenants?').unknown?.name).toContain(
      'zorblax',
    );
  });
});
