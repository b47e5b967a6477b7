// "were any diplomats hacked?": a question about anyone of a kind, not about one named victim. The answer is the
// fact about those of that kind, never "Not recorded as a victim: diplomats" over it. Made-up write-up; the
// project's own synonym groups ("diplomats" with "ambassador") and language.
import { describe, expect, it } from 'vitest';
import { madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const { ask } = projectKbWith(
  madeUpWriteup({
    id: 'plover-mail',
    title: 'Plover Mail (2022)',
    summary: 'In 2022 an intruder read mail at the Plover foreign ministry with a stolen password.',
    dates: { start: '2022-04-01' },
    timeline: [
      {
        id: 'p-envoys',
        date: '2022-05-02',
        title: 'Reports: Ambassador Ann Park and her deputy were hacked',
        detail: 'Reports said the mailboxes of Ambassador Ann Park and her deputy were hacked.',
        sources: ['h-src'],
      },
    ],
    victims: [
      {
        id: 'p-ann-park',
        kind: 'person',
        name: 'Ann Park',
        role: 'Head of the Freedonia mission',
        impact: 'Her mailbox was read, reports said.',
        sources: ['h-src'],
      },
    ],
  }),
);

describe('anyone of a kind', () => {
  it('"were any diplomats hacked" answers with those of that kind', () => {
    const a = ask('plover mail: were any diplomats hacked?');
    expect(a.kind).toBe('answer');
    expect(a.title).not.toMatch(/^Not recorded/);
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toContain('Ann Park');
  });

  it('a kind the facts never name gets no answer about someone else', () => {
    const a = ask('plover mail: were any senators hacked?');
    expect(a.kind).not.toBe('answer');
    expect(a.title).not.toContain('Ann Park');
  });
});
