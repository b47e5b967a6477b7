// "what did the attacker walk off with?" asks what was stolen: the idiom is read as the theft concept, not as
// walking, and only its whole phrase counts ("walk" alone does not).
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

describe('"walk off with"', () => {
  it.each([
    ['what did the attacker walk off with', 'walk off with'],
    ['what did they walk off with?', 'walk off with'],
    ['what data they walked off with', 'walked off with'],
  ])('"%s" is the theft concept', (q, text) => {
    const theft = group('what was stolen', 'stolen');
    expect(theft).toBeDefined();
    expect(group(q, text)).toBe(theft);
  });

  it('"walk" alone is not theft', () => {
    expect(group('did they walk through the logs', 'walk')).not.toBe(group('what was stolen', 'stolen'));
  });
});
