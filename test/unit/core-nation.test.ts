// "when did they detect the russian intrusion": when no incident is named, or a name fits several incidents,
// the one whose attribution names that nation is the one asked about. Two made-up incidents of one company; the
// project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { projectKbWith } from '../fixtures/core-across.js';

const incident = (id: string, year: string, actor: string, summary: string): IncidentInput => ({
  id,
  title: `Larkspur mail intrusion (${year})`,
  aliases: ['Larkspur'],
  victim: 'Larkspur',
  summary: `In ${year} an intruder read Larkspur mail.`,
  status: { text: 'Closed.', asOf: `${year}-12`, sources: ['l-src'] },
  dates: { start: `${year}-01-10`, detected: `${year}-02-01` },
  timeline: [{ id: 'l-1', date: `${year}-02-01`, title: 'Larkspur detects the intrusion.', sources: ['l-src'] }],
  attribution: { actor, summary, details: [] },
  sources: [{ id: 'l-src', publisher: 'Example', title: 'l', url: 'https://example.com/l', kind: 'research' }],
  origin: 'native',
});

const { kb } = projectKbWith(
  incident('larkspur-2021', '2021', 'Gull Team', 'A group the vendor tied to Iran.'),
  incident('larkspur-2023', '2023', 'Heron Team', 'A group the vendor tied to Russia.'),
);

describe('a nation the question names', () => {
  it('picks, of the incidents a name fits, the one attributed to it', () => {
    expect(readQuestion(kb, 'when did larkspur detect the russian intrusion').incident?.id).toBe('larkspur-2023');
    expect(readQuestion(kb, 'when did larkspur detect the iranian intrusion').incident?.id).toBe('larkspur-2021');
  });

  it('names the incident when the question names none', () => {
    expect(readQuestion(kb, 'when was the russian intrusion into the mail detected').incident?.id).toBe(
      'larkspur-2023',
    );
  });
});

describe('a nation written as part of a word ("russia-linked")', () => {
  const { kb: one } = projectKbWith(
    incident('larkspur-2023', '2023', 'Heron Team', 'A Russia-linked group, the vendor says, tied to Russia.'),
  );
  it('describes the attributed actor: the incident is answered, not said to be missing', () => {
    const reading = readQuestion(one, 'when was the russia-linked mail hack detected?');
    expect(reading.unknown).toBeUndefined();
  });
});
