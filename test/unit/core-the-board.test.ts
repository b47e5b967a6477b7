// "according to the board": in questions about a review, "the board" is the review board, written "CSRB" in the
// facts (data/synonyms.yaml). Asked of the bundled knowledge base.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { askKb, leadText, realKb } from '../fixtures/real-kb.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKb();
});

describe('"the board"', () => {
  it('is the review board whose figure answers', () => {
    expect(leadText(askKb(kb, 'according to the board, how long did they have mailbox access?'))).toMatch(/CSRB/);
  });
});
