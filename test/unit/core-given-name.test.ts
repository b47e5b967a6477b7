// "What sentence did joe quill get" where the facts write "Joey Quill": a word the knowledge base has never seen,
// right before a surname its facts write after a given name, is the person's given name as the asker spells it,
// not a word the facts must meet. A word never seen before any other capitalized word still counts in full.
// Made-up write-up; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { projectKbWith } from '../fixtures/core-across.js';

const finchInput: IncidentInput = {
  id: 'finch-ride',
  title: 'Finch Ride breach (2016)',
  aliases: ['Finch Ride'],
  victim: 'Finch Ride',
  summary: 'In 2016 intruders took rider records from Finch Ride, and its security chief hid the breach.',
  status: { text: 'Closed.', asOf: '2023-06', sources: ['f-src'] },
  dates: { start: '2016-10-01' },
  timeline: [
    {
      id: 'f-start',
      date: '2016-10-01',
      title: 'Intruders copy the rider records',
      detail: 'In October the intruders copied the rider records.',
      sources: ['f-src'],
    },
    {
      id: 'f-sentence',
      date: '2023-05-05',
      title: 'Quill is sentenced to three years of probation',
      detail: 'The former CISO, Joey Quill, was sentenced for hiding the breach from regulators.',
      sources: ['f-src'],
    },
  ],
  attribution: { actor: 'Unknown', summary: 'Two intruders, later charged.', details: [] },
  sources: [
    {
      id: 'f-src',
      publisher: 'Example Writer',
      title: 'Finch write-up',
      url: 'https://example.com/f',
      kind: 'research',
    },
  ],
  origin: 'breaches.cloud',
};

const { kb, ask } = projectKbWith(finchInput);

describe('a given name the facts spell otherwise', () => {
  it('weighs as a filler word before a known surname', () => {
    const joe = readQuestion(kb, 'what sentence did joe quill get').query.concepts.find((c) => c.text === 'joe');
    expect(joe?.filler).toBe(true);
  });

  it('so the fact about the person answers', () => {
    const a = ask('what sentence did joe quill get');
    expect(a.kind).toBe('answer');
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toMatch(/three years of probation/);
  });

  it('a month after a capitalized word ("In October") is no surname: the unknown word before it counts in full', () => {
    const c = readQuestion(kb, 'how many records were lost in the zorblab october 2016 breach').query.concepts.find(
      (x) => x.text === 'zorblab',
    );
    expect(c?.unknown).toBe(true);
    expect(c?.filler ?? false).toBe(false);
  });

  it('a word never seen before a word that is no surname still counts in full', () => {
    const c = readQuestion(kb, 'how to install zorblax on finch ride').query.concepts.find((x) => x.text === 'install');
    expect(c?.filler ?? false).toBe(false);
  });
});
