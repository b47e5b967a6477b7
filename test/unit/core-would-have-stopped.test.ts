// "what would have stopped the metadata abuse" asks what prevents the attack, not when it ended; and a write-up's
// "IMDS" is the metadata service the asker names in plain words. Asked of the real breaches.cloud write-up where it
// sits next to the repository (CC BY-NC-ND, never copied here); skipped, visibly, when that folder is absent.
import { beforeAll, describe, expect, it } from 'vitest';
import { answerLead } from '../../src/cli/eval-score.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { askKb, corpusPresent, realKb, warnIfNoCorpus } from '../fixtures/real-kb.js';

warnIfNoCorpus('core-would-have-stopped');

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKb(true);
});

describe('"would have stopped"', () => {
  it('is read as preventing, the same concept as "mitigate", not as an ending', () => {
    const group = (q: string) => readQuestion(kb, q).query.concepts.find((c) => !c.filler)?.group;
    expect(group('what would have stopped it')).toBeDefined();
    expect(group('what would have stopped it')).toBe(group('what would mitigate it'));
    expect(group('when was it stopped')).not.toBe(group('what would mitigate it'));
  });
});

describe.skipIf(!corpusPresent)('what would have stopped a metadata-service attack', () => {
  it.each([
    'what would have stopped the unc2903 metadata abuse',
    'what would have stopped the UNC2903 metadata credential theft?',
    // whether a control the question names would have helped: the lessons, that control's first
    'would imds v2 enforcement have stopped the unc2903 credential trick?',
  ])('"%s" leads with the metadata-service fix', (q) => {
    expect(answerLead(askKb(kb, q, new Date('2025-01-01T00:00:00Z')))).toContain('imdsv2');
  });
});
