// "is forest blizzard the same crew as …": an unknown word before the last word of a group's name that the
// knowledge base holds ("Midnight Blizzard") names another group of that family. It is not a given name the facts
// spell otherwise ("Joe" for "Joey Sullivan"), which weighs as filler; it is an unknown word the facts must meet.
// The real knowledge base.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { analyzeQuery } from '../../src/core/reading/query.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ dir: path.resolve(import.meta.dirname, '../../data/incidents') });
  kb = createKnowledgeBase(loaded.data);
});

describe('a word before the last word of a group’s name', () => {
  it('is an unknown word, not a given name', () => {
    const word = analyzeQuery(kb, 'who is forest blizzard').concepts.find((c) => c.text === 'forest');
    expect(word?.unknown).toBe(true);
    expect(word?.filler).toBe(false);
  });

  it('is not answered with the group it shares a word with', () => {
    const a = respond(kb, parseCommand('who is forest blizzard', kb), { now: new Date('2026-01-01T00:00:00Z') });
    expect(a.kind === 'answer' && a.title === 'Midnight Blizzard').toBe(false);
  });
});
