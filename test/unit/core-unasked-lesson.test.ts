// "CommuteAir breach - what data leaked?": a question for facts gets the fact that tells what leaked before a lesson
// that names the same words ("Encryption of sensitive data"); a question for what would have helped still gets the
// lesson. Made-up write-up; the project's own language and synonyms.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const src = ['h-src'];
const globex = madeUpWriteup({
  id: 'globex-air',
  title: 'Globex Air',
  summary: 'A researcher found a build server of Globex Air open to the internet.',
  dates: { start: '2023-01-12' },
  timeline: [
    { id: 'g-1', date: '2023-01-19', title: 'The researcher publishes how she found the server.', sources: src },
  ],
  technique: {
    summary: 'An open build server held cloud keys.',
    details: [
      {
        id: 'detail-1',
        title: '',
        text:
          'While Globex Air did not keep it in storage, the researcher found a copy of a government watch list, ' +
          'sensitive data on 1.5 million people, leaked in the repository.',
        sources: src,
      },
    ],
  },
  lessons: [
    {
      id: 'lesson-1',
      title: 'Encryption of sensitive data',
      text: 'Sensitive data that leaked from the build server of Globex Air should have been encrypted at rest.',
      sources: src,
    },
  ],
});

const { ask } = projectKbWith(globex);

describe('a question for facts, and a lesson with the same words', () => {
  it('leads with the fact', () => {
    expect(leadOf(ask('Globex Air breach - what sensitive data leaked?'))).toContain('watch list');
  });
  it('still leads with the lesson when it asks what would have helped', () => {
    expect(leadOf(ask('what would have protected the sensitive data that leaked at globex air?'))).toContain(
      'encrypted',
    );
  });
});
