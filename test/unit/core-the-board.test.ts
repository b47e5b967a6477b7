// "according to the board": in questions about a review, "the board" is the review board, written "CSRB" in the
// facts (data/synonyms.yaml). Asked of the bundled knowledge base.
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = createKnowledgeBase((await loadKnowledgeBase({ dir: 'data/incidents' })).data);
});

describe('"the board"', () => {
  it('is the review board whose figure answers', () => {
    const a = respond(kb, parseCommand('according to the board, how long did they have mailbox access?', kb), {
      now: new Date('2026-09-01T00:00:00Z'),
    });
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toMatch(/CSRB/);
  });
});
