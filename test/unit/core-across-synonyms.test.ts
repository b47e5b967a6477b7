// "Which breaches started from an old unused ec2 box" in the words of the write-ups: an "instance" that was "no
// longer needed". The project's own synonym groups (data/synonyms.yaml) carry the question to them.
// Made-up write-ups.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { answerText, projectKbWith } from '../fixtures/core-across.js';

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

const { ask } = projectKbWith(
  writeup(
    'quill-media',
    'Quill Media',
    'The intruder found an EC2 instance that was no longer needed and took its keys.',
  ),
  writeup('pebble-pay', 'Pebble Pay', 'The intruder phished a support agent.'),
);

describe('which incidents, in other words than the write-ups use', () => {
  it('"an old unused ec2 box" finds the instance that was no longer needed', () => {
    const a = ask('which breaches started from an old unused ec2 box');
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('Quill Media');
    expect(answerText(a)).not.toContain('Pebble Pay');
  });
});
