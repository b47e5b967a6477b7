// "what was in the publicly listable bucket?": a question for what something held gets the fact that tells it (the
// one that says what the bucket included), not the one that repeats the question's words ("The aforementioned bucket
// was also publicly listable"). Asked of the real breaches.cloud write-up where it sits next to the repository
// (CC BY-NC-ND, never copied here); skipped, visibly, when that folder is absent.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/breaches.cloud');
const present = existsSync(corpus);
if (!present) console.warn(`core-contents-ask: ${corpus} is absent; these tests are skipped`);

let kb: KnowledgeBase;
beforeAll(async () => {
  if (!present) return;
  const loaded = await loadKnowledgeBase({ dir: [path.join(repoRoot, 'data/incidents'), corpus] });
  kb = createKnowledgeBase(loaded.data);
});

describe.skipIf(!present)('a question for what something held', () => {
  it('leads with the fact that tells the contents', () => {
    const a = respond(kb, parseCommand('what was inside the publicly listable football australia bucket', kb), {
      now: new Date('2025-01-01T00:00:00Z'),
    });
    expect(a.kind).toBe('answer');
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toMatch(/passports/);
  });
});
