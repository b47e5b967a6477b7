// "Has anyone lost money because of it?": a word for money itself, with no "how much", still asks for an amount of
// money, so the fact that gives one leads, not the entry that tells the whole story in more of the question's
// words. Made-up write-up; the project's own language and synonyms.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const heron = madeUpWriteup({
  id: 'heron-vault',
  title: 'Heron Vault',
  aliases: ['Heron'],
  summary:
    'In 2022 Heron Vault, a password manager, suffered a series of breaches; people saw their encrypted vaults taken in the theft, and Heron Vault told people to change their master passwords after the vault theft.',
  dates: { start: '2022-08-01' },
  timeline: [
    {
      id: 'h-1',
      date: '2023-09-05',
      title: 'A reporter counts more than $9 million in crypto stolen from over 40 people.',
      sources: ['h-src'],
    },
  ],
  victims: [
    {
      id: 'h-v1',
      name: 'Heron Vault',
      kind: 'organization',
      impact: 'In 2022 Heron Vault suffered a series of breaches, and people saw their vaults taken in the theft.',
      sources: ['h-src'],
    },
  ],
  technique: { summary: 'The attacker copied the vault backups.', details: [] },
});

const { ask } = projectKbWith(heron);

describe('"did anyone lose money"', () => {
  it('leads with the fact that gives an amount of money', () => {
    const a = ask('have people actually lost money because of the heron vault theft?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('$9 million');
  });
});
