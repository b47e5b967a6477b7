// "which services were the forged tokens used on": a question for several named things gets the fact that names them
// ("Quill Web and Quill Mail"), not the milestone that only tells of the use. "what hours" asks for no names.
// Made-up incident; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const input = madeUpWriteup({
  id: 'initech-tokens',
  title: 'Initech Tokens (2021)',
  summary: 'In 2021 an intruder forged Initech sign-in tokens to read the mail of a dozen customers.',
  dates: { start: '2021-05-15' },
  timeline: [
    {
      id: 'it-begin',
      date: '2021-05-15',
      title: 'The intruder begins reading customer mail with forged tokens',
      detail: 'The intruder started using forged Initech tokens to read customer mail.',
      tags: ['milestone'],
      sources: ['h-src'],
    },
  ],
  technique: {
    summary: 'The intruder signed tokens with a stolen key.',
    details: [
      {
        id: 'it-targets',
        title: 'Targets were Quill Web and Quill Mail only',
        text: 'Initech saw forged tokens used by the intruder against Quill Web and Quill Mail, and on no other service.',
        sources: ['h-src'],
      },
    ],
  },
});

const { ask } = projectKbWith(input);

describe('a question for several named things', () => {
  it.each([
    'which initech services did the intruder use the forged tokens on',
    // "what" before a word for named things ("services", "apps") asks which ones too
    'what services did the intruder hit with the forged initech tokens',
  ])('"%s" leads with the fact that names them', (q) => {
    const a = ask(q);
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('Quill Web and Quill Mail');
  });
});
