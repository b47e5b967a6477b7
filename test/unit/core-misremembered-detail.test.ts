// "Lorna Vantorre, the Idaho rep - when did she go public?": a full name the facts mention, beside one word never seen
// ("Idaho", where the facts say Oregon), is still that person: the word tells (or gets wrong) something about her; it
// names no incident that is not loaded. A name never seen in an incident's place stays unknown. Made-up write-up;
// the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const input = madeUpWriteup({
  id: 'slate-heron',
  title: 'Slate Heron (2022)',
  summary: 'In 2022 an espionage group read the mail of several lawmakers through a hosted mail service.',
  dates: { start: '2022-03-01' },
  timeline: [
    {
      id: 'sh-vale',
      date: '2022-05-02',
      title: 'Rep. Lorna Vantorre says the FBI told her that her campaign mail was read',
      sources: ['h-src'],
    },
    {
      id: 'sh-notified',
      date: '2022-04-20',
      title: 'The mail service notifies the lawmakers whose mail was read',
      detail: 'The mail service wrote to Lorna Vantorre and to the other lawmakers whose mail was read.',
      sources: ['h-src'],
    },
  ],
});

const { ask } = projectKbWith(input);

describe('a known person beside a word never seen', () => {
  it('"Lorna Vantorre, the Idaho rep" is still Lorna Vantorre', () => {
    const a = ask('Lorna Vantorre, the Idaho rep - when did she go public that she was a victim?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('Lorna Vantorre');
  });

  it('a name never seen in the place of an incident is still not loaded', () => {
    expect(ask('Lorna Vantorre said what about the Zorbcorp breach?').kind).toBe('none');
  });
});
