// "chegg 2018 - how was the data taken?": a write-up's detail paragraphs have no title of their own and are shown
// under their first sentence; a word there is no word in passing. And the year a question gives with an incident
// whose name holds that one year names the incident: every fact of it meets the year, not only those dated in it.
// Made-up write-up; the project's own language and synonyms.
import { describe, expect, it } from 'vitest';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const src = ['h-src'];
const zeta = madeUpWriteup({
  id: 'zeta-labs',
  title: 'Zeta Labs (2019)',
  summary: 'In 2019 the user records of Zeta Labs, a tutoring site, were stolen from its cloud account.',
  dates: { start: '2019-03-01' },
  timeline: [
    {
      id: 'z-1',
      date: '2019-09-12',
      title: 'Zeta Labs learns that stolen data from its systems is offered on a forum.',
      sources: src,
    },
  ],
  technique: {
    summary: 'Keys kept by someone who had left opened the cloud account.',
    details: [
      {
        id: 'detail-1',
        title: '',
        text:
          'Using cloud admin keys nobody had revoked, a former intern exfiltrated a database with the user data of Zeta Labs. ' +
          'The records held names, email addresses and hashed passwords.',
        sources: src,
      },
    ],
  },
});

const { ask } = projectKbWith(zeta);

describe('a detail without a title, and the year in an incident name', () => {
  it('leads with the detail that tells how, over a dated event that names the same words', () => {
    expect(leadOf(ask('zeta labs 2019 - how was the data taken?'))).toContain('former intern');
  });
});
