// "what was the inquiry called": a question for a name gets the fact that gives the name in quotes, not the one that
// only tells of the thing named (and meets "called" by its verb, "calls the chief to testify"). "the name of the
// malware" is no question for a quoted name. Made-up incident; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const globexInput = madeUpWriteup({
  id: 'globex-mailroom',
  title: 'Globex Mailroom (2021)',
  summary: 'In 2021 an intruder read the Globex mailroom inboxes for months before a council inquiry.',
  dates: { start: '2021-03-02', end: '2021-09-10' },
  timeline: [
    {
      id: 'g-announce',
      date: '2021-08-01',
      title: 'The council security committee calls the Globex chief to testify at a hearing',
      sources: ['h-src'],
    },
    {
      id: 'g-hearing',
      date: '2021-09-10',
      title: 'The Globex chief testifies at the council "Sea of Broken Glass" hearing',
      sources: ['h-src'],
    },
    {
      id: 'g-quote',
      date: '2021-09-11',
      title: 'The Globex chief says, quote, "We should have seen it", after the hearing',
      sources: ['h-src'],
    },
  ],
});

const { ask } = projectKbWith(globexInput);

describe('a question for a name', () => {
  it('"what was the inquiry called" leads with the fact that gives its name in quotes', () => {
    for (const q of ['what was the globex council hearing called', 'title of the globex council hearing?']) {
      const a = ask(q);
      expect(a.kind).toBe('answer');
      expect(a.title).toContain('Sea of Broken Glass');
    }
  });

  it('"who called the hearing" asks for a person, not a name', () => {
    const a = ask('who called the globex council hearing');
    expect(a.title).not.toContain('Sea of Broken Glass');
  });
});
