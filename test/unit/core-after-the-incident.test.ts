// "when did code spaces go out of business after the aws account takeover": the words between "after" and the
// incident noun say which incident, not what is asked; the row of the closing answers. "what happened to X after
// the hack" asks what followed it. Made-up incident; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { describingWords } from '../../src/core/reading/subject.js';
import { madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const harborInput = madeUpWriteup({
  id: 'harbor-grid',
  title: 'Harbor Grid (2014)',
  summary: 'In 2014 an extortionist took over the Harbor Grid hosting console and deleted its machines and backups.',
  dates: { start: '2014-06-17', end: '2014-06-18' },
  timeline: [
    { id: 'h-start', date: '2014-06-17', title: 'Harbor Grid is flooded with traffic', sources: ['h-src'] },
    { id: 'h-close', date: '2014-06-18', title: 'Harbor Grid shuts down for good', sources: ['h-src'] },
  ],
  aftermath: [
    { id: 'h-after', text: 'Harbor Grid never got its data back and shut down for good.', sources: ['h-src'] },
  ],
});

const { kb, ask } = projectKbWith(harborInput);

describe('after the incident', () => {
  it('the words between "after" and the incident noun name the incident', () => {
    const incident = kb.incident('harbor-grid');
    if (!incident) throw new Error('fixture');
    const words = 'when did harbor grid go out of business after the cloud console takeover'.split(' ');
    expect([...describingWords(kb.language, incident, words)]).toEqual(['cloud', 'console', 'takeover']);
    expect([...describingWords(kb.language, incident, 'when was the cloud console takeover'.split(' '))]).toEqual([]);
  });

  it('a when question leads with the row of the deed asked', () => {
    const a = ask('when did harbor grid go out of business after the cloud console takeover');
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^18 June 2014/);
  });

  it('"when did X go under" asks for the end', () => {
    for (const q of ['when did harbor grid go under for good', 'when did harbor grid fold']) {
      const a = ask(q);
      expect(a.kind).toBe('answer');
      expect(a.title).toMatch(/18 June 2014|2014-06-18/);
    }
  });

  it('"what happened to X after the hack" gives what followed', () => {
    const a = ask('what happened to harbor grid after the 2014 cloud console hack?');
    expect(a.kind).toBe('answer');
    expect(a.intent).toBe('aftermath');
  });
});
