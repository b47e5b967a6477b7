// The bundled knowledge base brought up to date through August 2026 (issue 17): new facts are cited, superseded
// claims stay and point at what replaced them, logging advice says then and now, and nothing unrelated is folded in.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/core/model.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const root = path.resolve(import.meta.dirname, '../..');
let incident: Incident;

beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ dir: path.join(root, 'data', 'incidents') });
  expect(loaded.problems).toEqual([]);
  const found = loaded.data.incidents.find((i) => i.id === 'storm-0558');
  if (!found) throw new Error('storm-0558 is not in data/incidents');
  incident = found;
});

/** Every fact of the incident with an id, whatever list it is in. */
function allFacts(): Array<{ id: string; supersededBy?: string; corrects?: string[]; sources: string[] }> {
  return [
    ...incident.timeline,
    ...incident.victims,
    ...(incident.attribution?.details ?? []),
    ...(incident.technique?.details ?? []),
    ...incident.aftermath,
    ...incident.recommendations,
    ...incident.lessons,
  ];
}

const fact = (id: string) => {
  const found = allFacts().find((f) => f.id === id);
  if (!found) throw new Error(`no fact ${id}`);
  return found;
};

/** Asserts that `newer` corrects `older` and `older` points back at `newer`. */
function expectCorrection(newer: string, older: string) {
  expect(fact(newer).corrects, `${newer} corrects ${older}`).toContain(older);
  expect(fact(older).supersededBy, `${older} is superseded by ${newer}`).toBe(newer);
}

describe('the permanent name (17.1)', () => {
  it('makes "Antique Typhoon" a name of the incident and an alias of the actor', () => {
    expect(incident.aliases).toContain('Antique Typhoon');
    expect(incident.attribution?.aliases).toContain('Antique Typhoon');
  });

  it('dates the name from Microsoft and keeps the earlier "no other name" as a corrected claim', () => {
    const named = incident.attribution?.details.find((d) => d.id === 'at-antique-typhoon');
    expect(named?.date).toBe('2024-12-19');
    expect(named?.sources).toEqual(expect.arrayContaining(['ms-mstic-actor-mapping', 'ms-learn-actor-naming']));
    expectCorrection('at-antique-typhoon', 'at-no-other-name');
  });
});

describe('Microsoft\'s signing keys and token validation under SFI (17.1)', () => {
  it('dates the SFI launch to the day, keeping the month-only claim as corrected', () => {
    expectCorrection('tl-2023-11-02-sfi-launch', 'tl-2023-11-sfi-launch');
  });

  it('tells each step on key custody and validation with its date and figures', () => {
    const steps: Array<[string, string, RegExp]> = [
      ['tl-2024-09-23-sfi-first-report', '2024-09-23', /Managed HSM/],
      ['tl-2025-04-21-sfi-april-report', '2025-04-21', /confidential virtual machines.*90%/s],
      ['tl-2025-11-06-sfi-standard-sdk', '2025-11-06', /90%.*73%/s],
      ['tl-2025-11-sfi-november-report', '2025-11', /95%.*94%.*1,096.*53/s],
    ];
    for (const [id, date, pattern] of steps) {
      const event = incident.timeline.find((e) => e.id === id);
      expect(event?.date, id).toBe(date);
      expect(event?.detail, id).toMatch(pattern);
    }
  });

  it('does not claim every signing key had moved by April 2025', () => {
    const april = incident.timeline.find((e) => e.id === 'tl-2025-04-21-sfi-april-report');
    expect(april?.detail).toMatch(/Entra ID signing was still in progress/);
  });
});
