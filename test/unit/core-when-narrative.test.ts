// "When did the vendor start serving both key kinds from one endpoint?": a narrative section that tells the story
// is dated when it was written, so an event that matches nearly as well is what the question asks the date of,
// even when the narrative meets a word or two more of the question. Made-up incident; the project's language.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { projectKbWith } from '../fixtures/core-across.js';

const loomInput: IncidentInput = {
  id: 'loom-keys',
  title: 'Loom Cloud key mix-up (2024)',
  aliases: ['Loom Cloud'],
  victim: 'Loom Cloud customers',
  summary: 'In 2024 an intruder used a retail signing key against Loom Cloud business tenants.',
  status: { text: 'Closed.', asOf: '2025-01', sources: ['l-src'] },
  dates: { start: '2024-03-01' },
  timeline: [
    {
      id: 'l-endpoint',
      date: '2019-05',
      title: 'Loom Cloud introduces one key endpoint for retail and business apps',
      detail: 'Loom Cloud started serving retail and business signing key metadata through one endpoint.',
      sources: ['l-src'],
    },
    { id: 'l-start', date: '2024-03-01', title: 'The intruder first uses the retail key', sources: ['l-src'] },
  ],
  attribution: { actor: 'Unknown', summary: 'Nobody was named.', details: [] },
  technique: {
    summary: 'A retail key signed business tokens.',
    details: [
      {
        id: 'l-flaw',
        date: '2024-09-10',
        title: 'The validation flaw behind the mix-up',
        text: 'Loom Cloud served retail and business signing keys from one common key metadata endpoint, and its libraries did not check which kind of key signed a token.',
        sources: ['l-src'],
      },
    ],
  },
  sources: [
    {
      id: 'l-src',
      publisher: 'Example Writer',
      title: 'Loom write-up',
      url: 'https://example.com/l',
      kind: 'research',
    },
  ],
  origin: 'native',
};

const { ask } = projectKbWith(loomInput);

describe('a when-question a narrative section meets best', () => {
  it('leads with the event it tells of, not the day the narrative was written', () => {
    const a = ask(
      'when did loom cloud start serving retail and business signing keys from one common key metadata endpoint',
    );
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^May 2019/);
  });
});
