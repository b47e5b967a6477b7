// Everyday words the facts put otherwise, joined by synonym groups in data/synonyms.yaml and asked of the real
// knowledge base:
// - "what did the attacker walk off with?" asks what was stolen; only the whole idiom counts ("walk" alone does not);
// - "what was unusual about the FTC order": a write-up says what was "unique" about it;
// - "did they survive?" asks whether the company went on: the concept of "shut down", "out of business". Before,
//   "survive" was no word the knowledge base knew and was "corrected" to "service".
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
const group = (q: string, text: string) => concept(q, text)?.group;

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

describe('"unusual"', () => {
  it.each(['unique', 'unprecedented', 'novel'])('meets "%s"', (word) => {
    const unusual = concept('what was unusual about the order', 'unusual');
    expect(unusual?.group).toBeDefined();
    expect(unusual?.terms.map((t) => t.term)).toContain(termOf(word));
  });
});

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

describe('"M&A"', () => {
  it.each(['m&a', 'mergers'])('"%s" meets the facts about acquired companies', (word) => {
    const ma = concept(`any takeaway for our ${word} team`, word);
    expect(ma?.terms.map((t) => t.term)).toContain(termOf('acquisition'));
  });
});

describe('numbers written out', () => {
  it.each([
    ['ten', '10'],
    ['three', '3'],
  ])('"%s" meets "%s"', (word, digits) => {
    expect(concept(`of the ${word} accounts that were read`, word)?.terms.map((t) => t.term)).toContain(digits);
  });
});

// "how much could UAL volume grow": the facts say the expanded logging "increases" log volume
describe('"grow" and "increase"', () => {
  it('are one concept; "punishment" and "jail" are the sentence', () => {
    expect(group('how much could the log volume grow', 'grow')).toBeDefined();
    expect(group('how much could the log volume grow', 'grow')).toBe(group('did the volume increase', 'increase'));
    expect(group('what punishment did he get', 'punishment')).toBeDefined();
    expect(group('what punishment did he get', 'punishment')).toBe(group('did he go to jail', 'jail'));
  });
});

// "what kind of stuff was in the stolen emails": the facts tell of the stolen "material" and what it "included"
describe('"stuff"', () => {
  it('is the contents; "credential stuffing" is an attack of its own', () => {
    const stuff = group('what kind of stuff was in the emails', 'stuff');
    expect(stuff).toBeDefined();
    expect(stuff).toBe(group('what material was taken', 'material'));
    const attack = concept('how many profiles after the credential stuffing attack', 'credential stuffing');
    expect(attack?.group).toBeDefined();
    expect(attack?.group).not.toBe(stuff);
  });
});

// "CISA thinks the group was behind older hacks": the fact says CISA "believes" it
describe('"thinks"', () => {
  it('is "believes"', () => {
    const thinks = group('what does cisa think', 'think');
    expect(thinks).toBeDefined();
    expect(thinks).toBe(group('what does cisa believe', 'believe'));
  });
});
