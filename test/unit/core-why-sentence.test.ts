// "Why did the executive even have GitHub access?": a fact whose cause is told in the sentence that names what is
// asked about ("grants an executive access … so that he can …") leads, not one that names the same things and
// gives a cause of something else in another sentence. Made-up write-up; the project's own language and synonyms.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const src = ['h-src'];
const stilt = madeUpWriteup({
  id: 'stilt-drinks',
  title: 'Stilt Drinks (2020)',
  aliases: ['Stilt'],
  summary: 'In July 2020 an attacker stole the customer data of Stilt Drinks, a delivery app.',
  dates: { start: '2020-07-01' },
  timeline: [
    {
      id: 's-1',
      date: '2018-04',
      title: 'Stilt grants a company executive access to its GitHub repository so that he can join a hackathon.',
      sources: src,
    },
    {
      id: 's-2',
      date: '2020-07',
      title: "An attacker reached the executive's GitHub account and its access to the company's GitHub repository.",
      detail:
        "An attacker reached the executive's GitHub account and its access to the company's GitHub repository. " +
        'The customer database was exposed because its cloud keys sat in one of the repositories.',
      sources: src,
    },
  ],
  technique: { summary: 'Keys in a repository opened the customer database.', details: [] },
});

const { ask } = projectKbWith(stilt);

describe('"why" and the sentence that tells the cause', () => {
  it('leads with the fact whose cause stands with the asked words', () => {
    expect(leadOf(ask('why did a stilt exec even have github access?'))).toContain('hackathon');
  });
});
