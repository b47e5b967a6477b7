// "whose intel service?" meets "intelligence service"; "a separate crew" meets "a distinct group"
// (data/synonyms.yaml). Made-up write-up; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const input = madeUpWriteup({
  id: 'copper-kite',
  title: 'Copper Kite (2020)',
  summary: 'In 2020 an espionage group read the Copper Kite mail of a ministry.',
  dates: { start: '2020-05-01' },
  attribution: {
    actor: 'Zorblab',
    summary: 'Globex tracks the group as Zorblab.',
    details: [
      {
        id: 'ck-service',
        title: '',
        text: 'Globex ties Zorblab to the foreign intelligence service of Ruritania.',
        sources: ['h-src'],
      },
      {
        id: 'ck-rented',
        title: 'Zorblab rented a mail service',
        text: 'Globex tied the Copper Kite break-in to a mail service that Zorblab rented under a false name.',
        sources: ['h-src'],
      },
      {
        id: 'ck-overlap',
        title: 'Zorblab and Quillfeather share tools',
        text: 'Zorblab used tools that Quillfeather, another Ruritania-based group, also used in 2019.',
        sources: ['h-src'],
      },
      {
        id: 'ck-distinct',
        title: '',
        text: 'Globex holds that Zorblab is a distinct group, whatever tools the two share.',
        sources: ['h-src'],
      },
    ],
  },
});

const { ask } = projectKbWith(input);

describe('"intel" is intelligence', () => {
  it('"which intel service is Zorblab tied to" finds the intelligence service', () => {
    const a = ask('which intel service is zorblab tied to?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('foreign intelligence service');
  });
});

describe('"separate" is distinct', () => {
  it('"is zorblab a separate group" leads with the fact that it is distinct', () => {
    const a = ask('is zorblab a separate group?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('distinct group');
  });
});
