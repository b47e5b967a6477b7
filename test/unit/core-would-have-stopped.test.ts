// "what would have stopped the metadata abuse" asks what prevents the attack, not when it ended; and a write-up's
// "IMDS" is the metadata service the asker names in plain words. Asked of the real breaches.cloud write-up where it
// sits next to the repository (CC BY-NC-ND, never copied here); skipped, visibly, when that folder is absent.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerLead } from '../../src/cli/eval-score.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/core/knowledge-base.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { respond } from '../../src/core/respond.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/breaches.cloud');
const present = existsSync(corpus);
if (!present) console.warn(`core-would-have-stopped: ${corpus} is absent; these tests are skipped`);

let kb: KnowledgeBase;
beforeAll(async () => {
  const dirs = [path.join(repoRoot, 'data/incidents'), ...(present ? [corpus] : [])];
  kb = createKnowledgeBase((await loadKnowledgeBase({ dir: dirs })).data);
});

describe('"would have stopped"', () => {
  it('is read as preventing, the same concept as "mitigate", not as an ending', () => {
    const group = (q: string) => readQuestion(kb, q).query.concepts.find((c) => !c.filler)?.group;
    expect(group('what would have stopped it')).toBeDefined();
    expect(group('what would have stopped it')).toBe(group('what would mitigate it'));
    expect(group('when was it stopped')).not.toBe(group('what would mitigate it'));
  });
});

describe.skipIf(!present)('what would have stopped a metadata-service attack', () => {
  it.each([
    'what would have stopped the unc2903 metadata abuse',
    'what would have stopped the UNC2903 metadata credential theft?',
  ])('"%s" leads with the metadata-service fix', (q) => {
    const a = respond(kb, parseCommand(q, kb), { now: new Date('2025-01-01T00:00:00Z') });
    expect(answerLead(a)).toContain('imdsv2');
  });
});
