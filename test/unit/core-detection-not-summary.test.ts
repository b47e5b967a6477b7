// "How did they find out about the theft": the words after "about" restate the breach, which the summary meets
// best; what answers is the fact that tells who or what raised the alarm. Made-up write-up.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

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

const { ask } = projectKbWith(quill);

describe('"how did they find out": what raised the alarm, not the summary', () => {
  it('leads with the fact that tells how the company learned of it', () => {
    const a = ask('how did quillbank find out about the snapshot theft');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('contacted Quillbank');
  });
});
