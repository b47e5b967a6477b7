// "How did X find out": the fact that tells who or what raised the alarm leads. A report the incident's owner
// published later ("publishes its first interim report") is no word of detection: "report" as a noun raised no
// alarm, "reported" still does. Nor is the summary, though it meets best the words after "about" ("find out about the
// snapshot theft"), which restate the breach. Made-up write-ups; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const slate = madeUpWriteup({
  id: 'slate-exchange',
  title: 'Slate Exchange (2022)',
  summary: 'In November 2022 about $300 million in tokens was drained from Slate Exchange wallets.',
  dates: { start: '2022-11-11' },
  timeline: [
    {
      id: 's-report',
      date: '2023-04-09',
      title: 'Slate Exchange publishes its first interim report on control failures at the exchange',
      sources: ['h-src'],
    },
  ],
  lessons: [
    {
      id: 's-monitor',
      title: 'No monitoring',
      text: 'Slate Exchange did not learn of the theft until its advisor alerted staff after observing suspicious transfers on social media.',
      sources: ['h-src'],
    },
  ],
});

const { ask } = projectKbWith(slate);

describe('"how did X find out"', () => {
  it('the fact that tells who raised the alarm leads, not a later report', () => {
    const a = ask('how did slate exchange even find out about the theft?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('alerted');
  });
});

const quill = madeUpWriteup({
  id: 'quill-vault',
  title: 'Quillbank Vault (2021)',
  summary: 'An intruder stole a database snapshot from Quillbank with keys taken from an unused server.',
  dates: { start: '2021-03-01' },
  timeline: [
    {
      id: 'q-keys',
      date: '2021-03-01',
      title: 'The intruder takes access keys from an unused server',
      sources: ['h-src'],
    },
    {
      id: 'q-tip',
      date: '2021-09-14',
      title: 'A researcher contacted Quillbank and reported finding its customer records for sale online',
      sources: ['h-src'],
    },
  ],
});

const quillKb = projectKbWith(quill);

describe('"how did they find out": what raised the alarm, not the summary', () => {
  it('leads with the fact that tells how the company learned of it', () => {
    const a = quillKb.ask('how did quillbank find out about the snapshot theft');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('contacted Quillbank');
  });
});
