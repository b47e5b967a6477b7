// "how many key theft hypotheses did they work through": what is counted is told in several words, and its rarest
// word ("hypotheses") must be met by a figure that answers; a figure that only shares the incident's words (a count
// of weeks of access, "per the review board") counts something else, and the fact that gives the number in passing
// answers. Asked of the bundled knowledge base.
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = createKnowledgeBase((await loadKnowledgeBase({ dir: 'data/incidents' })).data);
});
const lead = (q: string) => {
  const a = respond(kb, parseCommand(q, kb), { now: new Date('2026-09-01T00:00:00Z') });
  return `${a.title} ${a.facts[0]?.text ?? ''}`;
};

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
