// "how did Imperva find out about the snapshot theft?": what was found is the incident, called by its own name
// words ("Imperva RDS Snapshot"); the fact that tells the alarm (a bug-bounty request) need not repeat them. Every
// fact of the named incident meets them, and the one with a word of finding out leads. Asked of the real
// breaches.cloud write-up (test/fixtures/real-kb.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { askKb, corpusPresent, leadText, realKb, warnIfNoCorpus } from '../fixtures/real-kb.js';

warnIfNoCorpus('core-detection-name-words');
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKb(true);
});

describe.skipIf(!corpusPresent)('how they found out, asked with the words of the incident name', () => {
  it.each([
    'how did Imperva find out about the snapshot theft?',
    'how did imperva find out about the rds snapshot breach',
  ])('"%s" leads with the alarm, not the snapshot', (q) => {
    const a = askKb(kb, q);
    expect(a.kind).toBe('answer');
    expect(leadText(a)).toMatch(/bug bounty/);
  });
});
