// "Which breaches started from an old unused ec2 box" in the words of the write-ups: an "instance" that was "no
// longer needed". The project's own synonym groups (data/synonyms.yaml) carry the question to them.
// Made-up write-ups.
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { type IncidentInput, incidentSchema } from '../../src/core/model.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { acrossData, answerText, projectSynonyms } from '../fixtures/core-across.js';

function writeup(id: string, title: string, how: string): IncidentInput {
  return {
    id,
    title,
    victim: title,
    summary: `${title} was breached.`,
    status: { text: 'Closed.', asOf: '2020-01', sources: ['w-src'] },
    dates: { start: '2019-02-01' },
    timeline: [{ id: `${id}-t`, date: '2019-02-01', title: `${title} is breached`, sources: ['w-src'] }],
    attribution: { actor: 'Unknown', summary: 'Nobody was named.', details: [] },
    technique: { summary: how, details: [] },
    sources: [
      { id: 'w-src', publisher: 'Example Writer', title: id, url: `https://example.com/${id}`, kind: 'research' },
    ],
    origin: 'breaches.cloud',
  };
}

const base = acrossData();
const kb = createKnowledgeBase({
  ...base,
  incidents: [
    ...base.incidents,
    incidentSchema.parse(
      writeup(
        'quill-media',
        'Quill Media',
        'The intruder found an EC2 instance that was no longer needed and took its keys.',
      ),
    ),
    incidentSchema.parse(writeup('pebble-pay', 'Pebble Pay', 'The intruder phished a support agent.')),
  ],
  synonyms: projectSynonyms(),
});

describe('which incidents, in other words than the write-ups use', () => {
  it('"an old unused ec2 box" finds the instance that was no longer needed', () => {
    const a = respond(kb, parseCommand('which breaches started from an old unused ec2 box', kb), {
      now: new Date('2025-01-01T00:00:00Z'),
    });
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('Quill Media');
    expect(answerText(a)).not.toContain('Pebble Pay');
  });
});
