// "did they survive?" asks whether the company went on: the same concept as "shut down" and "out of business".
// Before, "survive" was no word the knowledge base knew and was "corrected" to "service".
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = createKnowledgeBase((await loadKnowledgeBase({ dir: [path.join(repoRoot, 'data/incidents')] })).data);
});

const group = (q: string, text: string) => readQuestion(kb, q).query.concepts.find((c) => c.text === text)?.group;

describe('"did they survive"', () => {
  it.each(['survive', 'stay in business'])('"%s" is the concept of shutting down', (text) => {
    const shut = group('when did they shut down', 'shut down');
    expect(shut).toBeDefined();
    expect(group(`did they ${text}`, text)).toBe(shut);
  });

  it('is not corrected to another word', () => {
    expect(readQuestion(kb, 'did they survive').query.corrections).toEqual([]);
  });
});
