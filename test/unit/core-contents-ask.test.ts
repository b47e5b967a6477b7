// "what was in the publicly listable bucket?": a question for what something held gets the fact that tells it (the
// one that says what the bucket contained), not the one that repeats the question's words ("The aforementioned
// bucket was also publicly listable"). Asked of the real breaches.cloud write-up (test/fixtures/real-kb.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { askKb, corpusPresent, leadText, realKb, warnIfNoCorpus } from '../fixtures/real-kb.js';

warnIfNoCorpus('core-contents-ask');
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKb(true);
});

describe.skipIf(!corpusPresent)('a question for what something held', () => {
  it('leads with the fact that tells the contents', () => {
    const a = askKb(kb, 'what was inside the publicly listable football australia bucket');
    expect(a.kind).toBe('answer');
    expect(leadText(a)).toMatch(/passports/);
  });
});
