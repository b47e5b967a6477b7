// "what was his sentence", "what did he get at sentencing": the fact that answers names the punishment asked
// about; a fact that only holds some other count (the machines he deleted) does not. Asked of the real
// breaches.cloud write-up where it sits next to the repository (CC BY-NC-ND, never copied here); skipped,
// visibly, when that folder is absent.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { askKb, corpusPresent, leadText, realKb, warnIfNoCorpus } from '../fixtures/real-kb.js';

warnIfNoCorpus('core-sentence');

let kb: KnowledgeBase;
beforeAll(async () => {
  if (corpusPresent) kb = await realKb(true);
});

describe.skipIf(!corpusPresent)('a question about a punishment', () => {
  it.each([
    "what was ramesh's sentence for the webex teams deletion?",
    'what did the ex-cisco engineer get at sentencing',
    // the incident's overview names the engineer and the deletion more often than the sentence does
    'what sentence did the ex-Cisco engineer get for the webex deletion?',
  ])('"%s" leads with the sentence, not the deletion', (q) => {
    const a = askKb(kb, q, new Date('2025-01-01T00:00:00Z'));
    expect(a.kind).toBe('answer');
    expect(leadText(a)).toMatch(/24 months|two years/);
  });
});
