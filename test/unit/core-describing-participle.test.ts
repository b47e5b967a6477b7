// "On what date was the compromised key revoked?": "compromised" after "the" and before a noun describes the key;
// it does not ask when the incident started. Before, it made the question a request for the start, and the earliest
// of the matching rows led (a row from years before the revocation). Made-up incident; the project's own synonym
// groups and language.
import { describe, expect, it } from 'vitest';
import { keyDatesIn } from '../../src/core/reading/read-question.js';
import { words } from '../../src/core/search/tokenize.js';
import { madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const harborInput = madeUpWriteup({
  id: 'harbor-grid',
  title: 'Harbor Grid key theft (2020)',
  summary: 'In 2020 an intruder stole a Harbor Grid dispatch signing key and used it for a month.',
  dates: { start: '2020-06-01', disclosed: '2020-08-03' },
  timeline: [
    {
      id: 'h-old',
      date: '2017',
      title: 'Harbor Grid stops revoking its old dispatch signing keys',
      sources: ['h-src'],
    },
    { id: 'h-start', date: '2020-06-01', title: 'The intruder first uses the stolen dispatch key', sources: ['h-src'] },
    {
      id: 'h-revoke',
      date: '2020-07-02',
      title: 'Harbor Grid revokes the stolen dispatch signing key',
      sources: ['h-src'],
    },
  ],
  aliases: ['Harbor Grid'],
  victim: 'Harbor Grid',
});

const { kb, ask } = projectKbWith(harborInput);

describe('a participle that describes a thing', () => {
  it.each([
    'on what date was the compromised harbor grid dispatch key revoked?',
    'when was the hacked harbor grid signing key revoked',
  ])('"%s" asks for the date of the deed, not the start', (q) => {
    const a = ask(q);
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^2 July 2020/);
  });

  it('the same word asking about the incident still asks for its start', () => {
    const a = ask('when was harbor grid compromised?');
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/2020-06-01|1 June 2020/);
  });

  it('reads as no key date after a determiner and before a word; as one elsewhere', () => {
    const keys = (q: string) => keyDatesIn(kb.language, words(q));
    expect(keys('when was the compromised key revoked')).toEqual([]);
    expect(keys('when were the hacked accounts found')).toEqual(['detected']);
    expect(keys('when was it compromised')).toEqual(['start']);
    expect(keys('when was the key compromised')).toEqual(['start']);
  });

  it('an adjective after "a" or "an" describes its noun ("a public s3 bucket"); "a start date" still asks for one', () => {
    const keys = (q: string) => keyDatesIn(kb.language, words(q));
    expect(keys('records left in a public s3 bucket - when?')).toEqual([]);
    expect(keys('when did it go public')).toEqual(['disclosed']);
    expect(keys('need a start date for our hunt')).toEqual(['start']);
  });
});
