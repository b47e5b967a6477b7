// Two words of one synonym group next to each other ("bottom-line verdict") are one concept, which either part
// meets. A part that is a phrase meets it only whole: "in line with the recommendations" holds "line", which is
// no verdict.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { coverage } from '../../src/core/reading/query.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import type { SearchHit } from '../../src/core/search/search-index.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ dir: path.resolve(import.meta.dirname, '../../data/incidents') });
  kb = createKnowledgeBase(loaded.data);
});

const hitMatching = (terms: string[]) =>
  ({ passage: kb.passages[0], score: 1, matched: new Set(terms), prominent: new Set() }) as SearchHit;

describe('a concept merged from a phrase and a word of its group', () => {
  it('is one concept', () => {
    const concepts = readQuestion(kb, 'the bottom-line verdict').query.concepts.filter((c) => !c.filler);
    expect(concepts.map((c) => c.text)).toEqual(['bottom-line verdict']);
  });

  it('is not met by one word of the phrase', () => {
    const query = readQuestion(kb, 'the bottom-line verdict').query;
    expect(coverage(query, hitMatching(['line']))).toBeLessThan(0.5);
  });

  it('is met by the one-word part, by another member of the group, and by the phrase whole', () => {
    const query = readQuestion(kb, 'the bottom-line verdict').query;
    expect(coverage(query, hitMatching(['verdict']))).toBe(1);
    expect(coverage(query, hitMatching(['conclud']))).toBeGreaterThanOrEqual(0.85);
    expect(coverage(query, hitMatching(['bottom', 'line']))).toBeGreaterThanOrEqual(0.85);
  });
});
