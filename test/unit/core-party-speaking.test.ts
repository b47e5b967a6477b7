// "Zorblab claimed the key could do more than mail - which apps did they say were exposed?": what the party named
// before the verb of speaking said, not the fact whose title puts another party first ("Globex: Zorblab's claims are
// speculative"), though that one repeats more of the question's words. Made-up incident; the project's own synonym
// groups and language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const input = madeUpWriteup({
  id: 'globex-keys',
  title: 'Globex Keys (2022)',
  summary: 'In 2022 an intruder used a stolen Globex signing key to read mail; researchers at Zorblab looked further.',
  dates: { start: '2022-04-01' },
  timeline: [
    {
      id: 'gk-research',
      date: '2022-07-21',
      title: 'Zorblab says the stolen key could reach far more than mail',
      detail: 'Zorblab argued the key could forge tokens for many apps, naming Quill Docs, Quill Chat and Quill Drive.',
      sources: ['h-src'],
    },
  ],
  technique: {
    summary:
      'The intruder signed tokens with a stolen key that worked beyond mail; Zorblab later looked at what else it reached.',
    details: [
      {
        id: 'gk-reply',
        title: "Globex: Zorblab's claims are speculative",
        text: "Globex told reporters that Zorblab's claims about the key, its reach beyond mail and the apps exposed were speculative, and that said Zorblab had no evidence.",
        sources: ['h-src'],
      },
    ],
  },
});

const { ask } = projectKbWith(input);

describe('what a named party said', () => {
  it('leads with the fact that puts that party first, not another party answering it', () => {
    const a = ask('Zorblab claimed the key could do way more than mail - which apps did they say were exposed?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('Zorblab says');
  });
});

describe('what a named party said, against the story that names it in passing', () => {
  it('leads with the fact whose title names the party', () => {
    const a = ask('did zorblab say the stolen key worked beyond mail?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('Zorblab says');
  });
});

describe('a party written with signs of a pattern', () => {
  it('is read as plain text ("what did x++y claim"), never as a pattern', () => {
    const a = ask('what did zorb++lab claim about the key and its apps');
    expect(a.title).not.toMatch(/couldn.t answer/);
    expect(a.sections.map((s) => s.text ?? '').join(' ')).not.toMatch(/couldn.t answer/);
  });
});
