// "how did the AI team leak 38TB through a SAS link that a researcher found": a how-question with a word of finding
// reads as one about detection; when no fact tells it, how the attack worked stands in only if every other word is
// one the knowledge base knows. A question about something it does not hold gets no story of another attack. Asked
// of the project's own bundled data.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { askKb, realKb } from '../fixtures/real-kb.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKb(false);
});

describe('a how-question with a finding word and words the knowledge base does not hold', () => {
  it('is not answered with how the attack worked', () => {
    const a = askKb(kb, 'how did the microsoft ai team leak 38tb of research files via a sas link a researcher found?');
    expect(a.kind).not.toBe('answer');
  });
});
