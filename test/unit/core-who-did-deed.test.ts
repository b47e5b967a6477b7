// "Name of the former contractor who deleted the servers?", "who was the contractor who wiped them": asked for
// the one who did the incident's deed, the answer is the incident's actor, not the fact that tells the deed.
// Made-up write-up; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { projectKbWith } from '../fixtures/core-across.js';

const heronInput: IncidentInput = {
  id: 'heron-cloud',
  title: 'Heron Cloud server deletion (2019)',
  aliases: ['Heron Cloud'],
  victim: 'Heron Cloud',
  summary: 'In 2019 a former contractor deleted 300 Heron Cloud servers with a key he still held.',
  status: { text: 'Closed.', asOf: '2021-01', sources: ['h-src'] },
  dates: { start: '2019-03-01' },
  timeline: [
    {
      id: 'h-delete',
      date: '2019-03-01',
      title: 'Heron Cloud customers report an outage',
      sources: ['h-src'],
    },
  ],
  technique: {
    summary: 'A former contractor deleted 300 Heron Cloud servers with an access key he still held.',
    details: [],
  },
  attribution: {
    actor: 'Quentin Marlowe Vale',
    summary: 'Court filings name Quentin Marlowe Vale, a former contractor, as the person behind the deletion.',
    details: [],
  },
  sources: [
    {
      id: 'h-src',
      publisher: 'Example Writer',
      title: 'Heron write-up',
      url: 'https://example.com/h',
      kind: 'research',
    },
  ],
  origin: 'breaches.cloud',
};

const { ask } = projectKbWith(heronInput);

describe('the one who did the deed', () => {
  it.each([
    'name of the former contractor who deleted the heron cloud servers?',
    'who was the former contractor who deleted the heron cloud servers',
    // "who were the two guys behind the 2016 breach": a few words between "who were the" and "behind"
    'who were the two guys behind the 2019 heron cloud server deletion',
    'who are the people responsible for the heron cloud deletion?',
    // "names of the two guys who did the 2016 hack", "name the people who pulled off …": named, not told
    'names of the two guys who did the 2019 heron cloud hack?',
    'name the person who pulled off the heron cloud attack',
    'names of the people who were behind the heron cloud deletion',
  ])('"%s" leads with the actor', (q) => {
    const a = ask(q);
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('Quentin Marlowe Vale');
  });
});

// "who's behind it? nation state or criminals?": words for the kind of actor ask for the actor, not for a fact
// that happens to use them
describe('the kind of actor asked about', () => {
  const { ask: askKind } = projectKbWith({
    ...heronInput,
    timeline: [
      ...(heronInput.timeline ?? []),
      {
        id: 'h-rules',
        date: '2020-02-01',
        title: 'Lawmakers ask for reporting rules',
        detail: 'A senator asked cloud vendors to report every attack by criminals or nation state hackers.',
        sources: ['h-src'],
      },
    ],
  });
  it.each([
    "who's behind heron cloud? nation state or criminals?",
    'heron cloud deletion: who did it, cybercriminals or a state-sponsored gang?',
  ])('"%s" leads with the actor', (q) => {
    const a = askKind(q);
    expect(a.kind).toBe('answer');
    expect(a.intent).toBe('actor');
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toContain('Quentin Marlowe Vale');
  });
});
