// "how many key theft hypotheses did they work through": what is counted is told in several words, and its rarest
// word ("hypotheses") must be met by a figure that answers; a figure that only shares the incident's words (a count
// of weeks of access, "per the review board") counts something else, and the fact that gives the number in passing
// answers. Asked of the bundled knowledge base.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { askKb, leadText, realKb } from '../fixtures/real-kb.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKb();
});
const lead = (q: string) => leadText(askKb(kb, q));

describe('a count told in several words', () => {
  it('leads with the fact that holds the rarest of them', () => {
    expect(lead('per the CSRB, how many key theft hypotheses were there')).toContain('46');
  });
  it('a count of victims still leads with the figure', () => {
    expect(lead('how many organizations were hit in total?')).toMatch(/How many/);
  });
  it('"back in" is no word of the question', () => {
    expect(readQuestion(kb, 'how many orgs were hit back in july 2023').text).toBe('how many orgs were hit july 2023');
  });
});
