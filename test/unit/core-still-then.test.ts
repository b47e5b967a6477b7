// "in the 2024 report, where were the signing keys still kept": "still" asks for the latest fact only when the
// question names no past year; as of a past year it asks what held then, not the latest report (bundled Storm-0558
// data, test/fixtures/real-kb.ts). After a question for a cause, a yes-or-no question ("did they stop rotating
// keys?") guesses the cause and is read with it (a made-up incident).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';
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

const input = madeUpWriteup({
  id: 'globex-keys',
  title: 'Globex Keys (2022)',
  summary: 'In 2022 an intruder signed Globex tokens with an old signing key that Globex had never retired.',
  dates: { start: '2022-05-01' },
  timeline: [
    {
      id: 'gk-stop',
      date: '2020-03-01',
      title: 'Globex stops rotating its signing keys',
      detail: 'Globex stopped rotating its signing keys after an outage, so the old key stayed valid for years.',
      sources: ['h-src'],
    },
  ],
});
const made = projectKbWith(input);

describe('a guess after a question for a cause', () => {
  it('is read with the question', () => {
    const r = readQuestion(made.kb, 'Why was the old globex key still good? Did they just stop rotating keys?');
    expect(r.text).toContain('rotating');
  });

  it('after a question for something else it is still left out', () => {
    const r = readQuestion(made.kb, 'which globex apps did the intruder use the key on? was the mail app hit?');
    expect(r.text).not.toContain('mail app');
  });
});
