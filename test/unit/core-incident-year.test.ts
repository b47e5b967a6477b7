// Two incidents that go by one victim's name ("Orchid Labs" in 2019 and in 2022): a question that gives a year
// reads the incident whose dates hold it; without a year, the name goes where it always went (the first loaded).
// Made-up incidents; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

function orchid(year: number, actor: string): IncidentInput {
  return {
    id: `orchid-${year}`,
    title: `Orchid Labs breach (${year})`,
    victim: 'Orchid Labs',
    summary: `In ${year} ${actor} broke into Orchid Labs.`,
    status: { text: 'Closed.', asOf: `${year + 1}-01`, sources: ['o-src'] },
    dates: { start: `${year}-03-01`, disclosed: `${year}-05-01` },
    timeline: [{ id: `o-${year}`, date: `${year}-03-01`, title: `${actor} gets into Orchid Labs`, sources: ['o-src'] }],
    attribution: { actor, summary: `${actor} did it.`, details: [] },
    sources: [
      {
        id: 'o-src',
        publisher: 'Example Writer',
        title: 'Write-up orchid',
        url: 'https://example.com/o',
        kind: 'research',
      },
    ],
    origin: 'breaches.cloud',
  };
}

const { kb, ask } = projectKbWith(orchid(2019, 'Crimson Heron'), orchid(2022, 'Grey Lynx'));

describe('a name two incidents share', () => {
  it('with a year, reads the incident whose dates hold it', () => {
    expect(readQuestion(kb, 'who hacked orchid labs in 2022').incident?.id).toBe('orchid-2022');
    expect(readQuestion(kb, 'orchid labs breach march 2019 - how did they get in').incident?.id).toBe('orchid-2019');
  });

  it('without a year, or with a year neither holds, goes where it went before', () => {
    expect(readQuestion(kb, 'who hacked orchid labs').incident?.id).toBe('orchid-2019');
    expect(readQuestion(kb, 'who hacked orchid labs in 2030').incident?.id).toBe('orchid-2019');
  });
});

describe('a year no fact of the incident is dated in', () => {
  it('is about something not loaded: none, saying so, never the facts of another year', () => {
    const a = ask('how many accounts were hit in the orchid labs 2016 breach');
    expect(a.kind).toBe('none');
    expect(a.sections.map((s) => s.text ?? '').join(' ')).toMatch(/dated 2016/);
  });
  it('a year the incident holds, or a year that only bounds a range, is answered', () => {
    expect(ask('who hacked orchid labs in 2022').kind).toBe('answer');
    expect(ask('did anyone hack orchid labs before 2016').kind).not.toBe('none');
  });
});

describe('an attack dated in a year after the incident ran', () => {
  const quartz = madeUpWriteup({
    id: 'quartz-mill',
    title: 'Quartz Mill (2019)',
    summary: 'In 2019 an intruder broke into Quartz Mill and took its customer list.',
    dates: { start: '2019-03-01', end: '2019-04-01' },
    timeline: [
      { id: 'q-in', date: '2019-03-01', title: 'An intruder gets into Quartz Mill', sources: ['h-src'] },
      { id: 'q-court', date: '2021-06-01', title: 'The intruder is sentenced', sources: ['h-src'] },
    ],
  });
  const { ask: askQ } = projectKbWith(quartz);
  it('"how did they get into X in 2021", "the X breach in june 2021": another attack, not the loaded one', () => {
    for (const q of [
      'how did they get into quartz mill in 2021',
      'the quartz mill breach in june 2021 - what was taken',
    ]) {
      const a = askQ(q);
      expect(a.kind).toBe('none');
      expect(a.sections.map((s) => s.text ?? '').join(' ')).toMatch(/a 2021 one is not in the knowledge base/);
    }
  });
  it('a later year that dates no attack is answered from the facts of then', () => {
    expect(askQ('what happened to the quartz mill intruder in 2021').kind).toBe('answer');
  });
});
