// "Does the bank know how the key was stolen?" asks whether something is known: the fact that says it is not known
// leads, not the facts that only name the same things ("the key was stolen", "the stolen key was revoked").
// Made-up write-up; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { asksWhetherKnown } from '../../src/core/reading/subject.js';
import { leadOf, projectKbWith } from '../fixtures/core-across.js';

const lanternInput: IncidentInput = {
  id: 'lantern-bank',
  title: 'Lantern Bank (2020)',
  aliases: ['Lantern'],
  victim: 'Lantern Bank',
  summary: 'In 2020 an intruder used a stolen vault signing key to issue payments from Lantern Bank.',
  status: { text: 'Closed.', asOf: '2022-01', sources: ['l-src'] },
  dates: { start: '2020-02-01', disclosed: '2020-04-01' },
  timeline: [
    { id: 'l-start', date: '2020-02-01', title: 'The stolen vault key is first used', sources: ['l-src'] },
    { id: 'l-revoke', date: '2020-03-15', title: 'Lantern revokes the stolen vault key', sources: ['l-src'] },
  ],
  attribution: { actor: 'Unknown', summary: 'Nobody was named.', details: [] },
  technique: {
    summary: 'The intruder signed payment orders with the stolen vault key.',
    details: [
      { id: 'l-sign', title: '', text: 'The stolen vault key signed every forged order.', sources: ['l-src'] },
      {
        id: 'l-how',
        title: '',
        text: 'After a year of work the investigators still cannot say how the vault key was taken from the bank; it remains unknown.',
        sources: ['l-src'],
      },
    ],
  },
  sources: [
    {
      id: 'l-src',
      publisher: 'Example Writer',
      title: 'Write-up lantern',
      url: 'https://example.com/l',
      kind: 'research',
    },
  ],
  origin: 'breaches.cloud',
};

const { kb, ask } = projectKbWith(lanternInput);
const words = (text: string) => text.split(' ');
const lead = leadOf;

describe('a question about whether something is known', () => {
  it.each([
    'does lantern know how the vault key was stolen?',
    'is it known how the lantern vault key got stolen',
    'has lantern figured out how the vault key was stolen yet',
    'did lantern ever figure out how the vault key got stolen??',
    'did the lantern investigators ever work out how the vault key was stolen',
  ])('"%s" leads with what is not known', (q) => {
    const a = ask(q);
    expect(a.kind).toBe('answer');
    expect(lead(a)).toMatch(/cannot say|unknown/);
  });

  it('only a question opened by an auxiliary with a word of knowing asks it', () => {
    const language = kb.language;
    expect(asksWhetherKnown(language, words('do they know how the key was stolen'))).toBe(true);
    expect(asksWhetherKnown(language, words('is it known who did it'))).toBe(true);
    expect(asksWhetherKnown(language, words('did they ever figure out how the key was stolen'))).toBe(true);
    expect(asksWhetherKnown(language, words('how was the key stolen'))).toBe(false);
    expect(asksWhetherKnown(language, words('what do we know about the key'))).toBe(false);
  });
});
