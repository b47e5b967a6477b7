// "did msft accept blame for the board's findings": the facts write "accepts responsibility"; "blame" and
// "responsibility" are one meaning (data/synonyms.yaml). Asked of the bundled Storm-0558 data
// (test/fixtures/real-kb.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { askKb, leadText, realKb } from '../fixtures/real-kb.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKb();
});

describe('"blame" is responsibility', () => {
  it('leads with the testimony that accepts responsibility', () => {
    for (const q of [
      'did microsoft ever take the blame the review board put on it?',
      "so did msft accept blame for the board's findings",
    ]) {
      const a = askKb(kb, q);
      expect(a.kind).toBe('answer');
      expect(leadText(a)).toMatch(/hearing/i);
    }
  });
});
