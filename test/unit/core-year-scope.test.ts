// A year in a question that asks one thing (who, how, why) says which incident, not which events to list; asked
// with no incident named, a year the default incident holds nothing in points to the incidents that do.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { acrossKb } from '../fixtures/core-across.js';

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
