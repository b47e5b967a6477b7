// "How did they …": the fact that tells the step asked about leads, not the incident's summary, which names the
// same things because it tells the whole story. Made-up write-up; the project's own language and synonyms.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { leadOf, projectKbWith } from '../fixtures/core-across.js';

const kestrel: IncidentInput = {
  id: 'kestrel-air',
  title: 'Kestrel Air',
  victim: 'Kestrel Air',
  aliases: ['Kestrel'],
  summary:
    'In 2022 a hacker found the exposed build server of Kestrel Air, a small airline. The exposed build server held cloud keys; with them the hacker read Kestrel Air flight data, crew rosters and a passenger screening list from the exposed server.',
  status: { text: 'Closed.', asOf: '2022-12', sources: ['k-src'] },
  dates: { start: '2022-11-01' },
  timeline: [{ id: 'k-1', date: '2022-11-01', title: 'The attacker reads the flight data.', sources: ['k-src'] }],
  attribution: { actor: 'Unknown', summary: 'Nobody was named.', details: [] },
  technique: {
    summary: 'The build server was open to the internet with stored cloud keys.',
    details: [
      {
        id: 'kq-1',
        text: 'The attacker found the exposed build server with Owlscan, a search engine for internet devices.',
        sources: ['k-src'],
      },
      { id: 'kq-2', text: 'The build jobs held cloud keys in plain text.', sources: ['k-src'] },
    ],
  },
  sources: [
    { id: 'k-src', publisher: 'Example Writer', title: 'kestrel', url: 'https://example.com/k', kind: 'research' },
  ],
  origin: 'breaches.cloud',
};

const { ask } = projectKbWith(kestrel);

describe('how a step was done', () => {
  it('the detail that tells the step leads over the summary that names it', () => {
    const a = ask("how did the hacker find kestrel air's exposed build server?");
    expect(a.intent).toBe('technique');
    expect(leadOf(a)).toContain('Owlscan');
  });
});

// "how did the attackers get the keys to the backups": a short event that says the backups were taken names every
// word of the question; the longer detail that says by what means answers it
const wren: IncidentInput = {
  id: 'wren-vault',
  title: 'Wren Vault',
  victim: 'Wren Vault',
  aliases: ['Wren'],
  summary: 'In 2021 attackers took Wren Vault backups from cloud storage.',
  status: { text: 'Closed.', asOf: '2022-12', sources: ['w-src'] },
  dates: { start: '2021-05-01' },
  timeline: [
    {
      id: 'w-1',
      date: '2021-06-01',
      title: 'Wren discloses that attackers took backups',
      detail:
        'Wren discloses that "the attackers got the storage keys" and "copied the vault backups from cloud storage".',
      sources: ['w-src'],
    },
  ],
  attribution: { actor: 'Unknown', summary: 'Nobody was named.', details: [] },
  technique: {
    summary: 'Stolen keys opened the storage.',
    details: [
      {
        id: 'wq-1',
        text:
          'Only two engineers held the keys to the cloud storage that kept the vault backups. The attackers got them by ' +
          'planting a keylogger on one engineer’s home laptop through an old media player, and then read the storage ' +
          'with the captured password and the keys the engineer kept in a notes app at home, later that year.',
        sources: ['w-src'],
      },
    ],
  },
  sources: [
    { id: 'w-src', publisher: 'Example Writer', title: 'wren', url: 'https://example.com/w', kind: 'research' },
  ],
  origin: 'breaches.cloud',
};

describe('how they did it, asked of a step', () => {
  it('the fact that tells the means leads over the event that only says it happened', () => {
    const a = projectKbWith(wren).ask(
      'how did the wren attackers get the keys to the cloud storage with the vault backups',
    );
    expect(a.intent).toBe('technique');
    expect(leadOf(a)).toContain('keylogger');
  });
});
