// A year in a question that asks one thing (who, how, why) says which incident, not which events to list; asked
// with no incident named, a year the default incident holds nothing in points to the incidents that do.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { acrossKb, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const kb = acrossKb();
const ask = (q: string) => respond(kb, parseCommand(q, kb), { now: new Date('2025-01-01T00:00:00Z') });

describe('a year in a question that asks one thing', () => {
  it('how an attack worked, dated, is not a timeline of that year', () => {
    for (const q of ['how did the intruders get in, in 2022?', 'why did it happen in april 2023']) {
      expect(ask(q).intent).not.toBe('timeline');
    }
    expect(ask('how did the intruders get into gammasoft in 2022?').incident).toBe('gamma-mfa');
  });

  it('a year only other incidents hold offers those incidents, not the default incident', () => {
    const a = ask('who was behind the attack in 2022?');
    expect(kb.defaultIncident?.id).toBe('alpha-2023');
    expect(a.kind).toBe('clarify');
    expect(a.title).toBe('Which 2022 incident?');
    expect(a.suggestions).toEqual(expect.arrayContaining(['beta-breach summary', 'gamma-mfa summary']));
  });

  it('a year only other incidents hold answers when the rest of the question finds a fact of that year', () => {
    const quill = madeUpWriteup({
      id: 'quill-host',
      title: 'Quillfeather Hosting',
      summary: 'A hosting firm closed for good after an intruder wiped its servers and every backup.',
      dates: { start: '2016-06-17' },
      timeline: [
        {
          id: 'q-1',
          date: '2016-06-17',
          title: 'Quillfeather (2016)',
          detail:
            'In June 2016 the hosting firm Quillfeather was forced to close after an intruder got into its cloud console and wiped its servers and every backup.',
          sources: ['h-src'],
        },
      ],
    });
    const withQuill = projectKbWith(quill);
    const a = withQuill.ask('which firm was forced to close in 2016 after an intruder wiped every backup?');
    expect(a.kind).toBe('answer');
    expect(a.incident).toBe('quill-host');
    expect(a.facts[0]?.date).toBe('2016-06-17');
    // nothing else of the question finds a fact of that year: still asked back
    for (const q of ['who was behind the attack in 2016?', 'who disabled the stolen keys in 2016?']) {
      expect(withQuill.ask(q).kind).toBe('clarify');
      expect(withQuill.ask(q).title).toBe('Which 2016 incident?');
    }
  });

  it('the default incident still answers for its own year, and "what happened in" still lists the year', () => {
    expect(ask('who was behind the attack in 2023?').incident).toBe('alpha-2023');
    expect(ask('who was behind the attack in 2023?').kind).toBe('answer');
    expect(ask('what happened in 2022?').title).toBe('Timeline across incidents, 2022');
  });

  it('a question that describes its incident at length is no request for the events of the year', () => {
    const a = ask('what was taken when the intruder compromised the developer laptop in 2022?');
    expect(a.intent).not.toBe('timeline');
    expect(ask('anything big in 2022?').title).toBe('Timeline across incidents, 2022');
  });
});
