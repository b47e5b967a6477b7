// "how did Imperva find out about the snapshot theft?": what was found is the incident, called by its own name
// words ("Imperva RDS Snapshot"); the fact that tells the alarm (a bug-bounty request) need not repeat them. Every
// fact of the named incident meets them, and the one with a word of finding out leads. Asked of the real
// breaches.cloud write-up where it sits next to the repository (CC BY-NC-ND, never copied here); skipped, visibly,
// when that folder is absent.
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
if (!present) console.warn(`core-detection-name-words: ${corpus} is absent; these tests are skipped`);

let kb: KnowledgeBase;
beforeAll(async () => {
  if (!present) return;
  const loaded = await loadKnowledgeBase({ dir: [path.join(repoRoot, 'data/incidents'), corpus] });
  kb = createKnowledgeBase(loaded.data);
});

describe.skipIf(!present)('how they found out, asked with the words of the incident name', () => {
  it.each([
    'how did Imperva find out about the snapshot theft?',
    'how did imperva find out about the rds snapshot breach',
  ])('"%s" leads with the alarm, not the snapshot', (q) => {
    const a = respond(kb, parseCommand(q, kb), { now: new Date('2025-01-01T00:00:00Z') });
    expect(a.kind).toBe('answer');
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toMatch(/bug bounty/);
  });
});
