// "What punishment did he get?", "did he go to jail?": the fact that gives the sentence answers, in whatever words
// the question puts it (punishment, jail, prison, sentence). Made-up write-up; the project's own synonym groups and
// language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const { ask } = projectKbWith(
  madeUpWriteup({
    id: 'egret-vm',
    title: 'Egret Cloud deletion (2019)',
    summary: 'In 2019 a former Egret Cloud engineer deleted 300 virtual machines with a key he still held.',
    dates: { start: '2019-03-01' },
    timeline: [
      {
        id: 'e-plea',
        date: '2020-08-01',
        title: 'The former Egret Cloud engineer pleads guilty to the deletion',
        sources: ['h-src'],
      },
      {
        id: 'e-sentence',
        date: '2020-12-09',
        title: 'Court hands down the sentence',
        detail: 'He was sentenced to 2 years in federal custody and a fine of 15,000 dollars.',
        sources: ['h-src'],
      },
    ],
  }),
);

describe('a punishment, asked in other words', () => {
  it.each([
    'what punishment did the former egret cloud engineer get for the deletion?',
    'did the egret cloud engineer who did the deletion go to jail in the end?',
  ])('"%s" leads with the sentence', (q) => {
    expect(leadOf(ask(q))).toContain('2 years');
  });
});
