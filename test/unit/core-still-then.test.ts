// "in the 2024 report, where were the signing keys still kept": "still" asks for the latest fact only when the
// question names no past year; as of a past year it asks what held then, not the latest report (bundled Storm-0558
// data, test/fixtures/real-kb.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { askKb, leadText, realKb } from '../fixtures/real-kb.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKb();
});

describe('"still" as of a past year', () => {
  it('leads with what held then, not the latest report', () => {
    const a = askKb(kb, 'in the 2024 sfi progress report, where were the token signing keys still kept');
    expect(a.kind).toBe('answer');
    expect(leadText(a)).toContain('2024');
  });

  it('without a past year, "still" asks for the latest fact', () => {
    const a = askKb(kb, 'in the sfi progress reports, where are the token signing keys still kept');
    expect(leadText(a)).not.toContain('September 2024');
  });
});
