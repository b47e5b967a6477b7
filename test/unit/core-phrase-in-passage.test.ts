// "What else could that MSA key get into?": a fact that says "the stolen key could reach …" meets the concept
// "msa key" whole, for "stolen key" is another phrase of its synonym group, said side by side in the fact, though
// "stolen" is no word of the question. The same two words apart ("the key … was stolen") meet it only in part.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { coverage } from '../../src/core/reading/query.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import type { Passage } from '../../src/core/search/passages.js';
import type { SearchHit } from '../../src/core/search/search-index.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ dir: path.resolve(import.meta.dirname, '../../data/incidents') });
  kb = createKnowledgeBase(loaded.data);
});

const hitSaying = (title: string, text: string) =>
  ({
    passage: { ...(kb.passages[0] as Passage), title, text },
    score: 1,
    matched: new Set(['key']),
    prominent: new Set(),
  }) as SearchHit;

describe('a phrase of the concept’s group said in the fact', () => {
  it('meets the concept though the question never says its words', () => {
    const query = readQuestion(kb, 'what else could that msa key get into').query;
    const concept = query.concepts.find((c) => c.text === 'msa key');
    expect(concept).toBeDefined();
    const only = [concept] as NonNullable<typeof concept>[];
    expect(coverage(query, hitSaying('Research on the key', 'The stolen key could reach more apps.'), only)).toBe(0.85);
  });

  it('meets it only in part when its words stand apart', () => {
    const query = readQuestion(kb, 'what else could that msa key get into').query;
    const only = query.concepts.filter((c) => c.text === 'msa key');
    expect(coverage(query, hitSaying('Research on the key', 'The key, which was stolen, reached apps.'), only)).toBe(
      0.5,
    );
  });
});
