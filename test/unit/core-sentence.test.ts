// "what was his sentence", "what did he get at sentencing": the fact that answers names the punishment asked
// about; a fact that only holds some other count (the machines he deleted) does not. Asked of the real
// breaches.cloud write-up where it sits next to the repository (CC BY-NC-ND, never copied here); skipped,
// visibly, when that folder is absent.
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
if (!present) console.warn(`core-sentence: ${corpus} is absent; these tests are skipped`);

let kb: KnowledgeBase;
beforeAll(async () => {
  if (!present) return;
  const loaded = await loadKnowledgeBase({ dir: [path.join(repoRoot, 'data/incidents'), corpus] });
  kb = createKnowledgeBase(loaded.data);
});

describe.skipIf(!present)('a question about a punishment', () => {
  it.each([
    "what was ramesh's sentence for the webex teams deletion?",
    'what did the ex-cisco engineer get at sentencing',
    // the incident's overview names the engineer and the deletion more often than the sentence does
    'what sentence did the ex-Cisco engineer get for the webex deletion?',
  ])('"%s" leads with the sentence, not the deletion', (q) => {
    const a = respond(kb, parseCommand(q, kb), { now: new Date('2025-01-01T00:00:00Z') });
    expect(a.kind).toBe('answer');
    const lead = `${a.title} ${a.facts[0]?.text ?? ''}`;
    expect(lead).toMatch(/24 months|two years/);
  });
});
