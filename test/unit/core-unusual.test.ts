// "what was unusual about the FTC order": a write-up says what was "unique" about it. The words for out of the
// ordinary are one concept, so the fact that says it meets the question.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { termOf } from '../../src/core/search/tokenize.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = createKnowledgeBase((await loadKnowledgeBase({ dir: [path.join(repoRoot, 'data/incidents')] })).data);
});

const concept = (q: string, text: string) => readQuestion(kb, q).query.concepts.find((c) => c.text === text);

describe('"unusual"', () => {
  it.each(['unique', 'unprecedented', 'novel'])('meets "%s"', (word) => {
    const unusual = concept('what was unusual about the order', 'unusual');
    expect(unusual?.group).toBeDefined();
    expect(unusual?.terms.map((t) => t.term)).toContain(termOf(word));
  });
});
