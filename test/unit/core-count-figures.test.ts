// "How many X": the figure that counts X. Words that name the incident's actor by what it is ("the chinese
// hackers") say whose deed is counted, not which figure; a count of things ("how many emails did they steal") asks
// for no amount of money; and a figure that counts something else than X is no answer ("how many theories").
// Made-up write-up; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { asksMoney } from '../../src/core/reading/subject.js';
import { words } from '../../src/core/search/tokenize.js';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';

const zinc = madeUpWriteup({
  id: 'zinc-harbor',
  title: 'Zinc Harbor (2022)',
  summary:
    'From 2022-02-01 China-based hackers read and stole emails of the Zinc Harbor port authority and of other agencies with a stolen key.',
  dates: { start: '2022-02-01' },
  attribution: {
    actor: 'Ember Crane',
    summary: 'Ember Crane is a China-based espionage group.',
    details: [],
  },
  victims: [
    {
      id: 'z-emails',
      kind: 'figure',
      name: 'Emails stolen from the port authority',
      count: 'about 12,000',
      impact: 'The actor stole about 12,000 emails from the port authority.',
      sources: ['h-src'],
    },
    {
      id: 'z-days',
      kind: 'figure',
      name: 'Days the actor kept access',
      count: '40 days',
      impact: 'Investigators found that the actor kept access to the mailboxes for 40 days after the key was stolen.',
      sources: ['h-src'],
    },
  ],
  technique: {
    summary: 'The actor signed in with a stolen key.',
    details: [
      {
        id: 'z-theories',
        title: '',
        text: 'Investigators tested five theories of how the key was stolen and could confirm none of them.',
        sources: ['h-src'],
      },
    ],
  },
});

const { ask } = projectKbWith(zinc);

describe('"how many X": the figure that counts X', () => {
  it('"the chinese hackers" name the actor: the count of emails leads', () => {
    const a = ask('how many emails did the chinese hackers steal from the zinc harbor port authority');
    expect(a.kind).toBe('answer');
    // the figures answer, not a search that happened to find the row
    expect(a.intent).toBe('victims');
    expect(leadOf(a)).toContain('12,000');
  });

  it('a figure that counts something else does not lead "how many theories"', () => {
    const a = ask('how many theories did zinc harbor investigators test about how the key was stolen');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).not.toContain('40 days');
    expect(leadOf(a)).toContain('five theories');
  });
});

describe('a count of things asks for no money', () => {
  const { kb } = projectKbWith();
  it.each([
    ['how many emails did they steal', false],
    ['how much was stolen', true],
    ['how many dollars were stolen', true],
    ['how much did it cost', true],
  ])('"%s": money %s', (q, money) => {
    expect(asksMoney(kb.language, words(q))).toBe(money);
  });
});

describe('a share asked for', () => {
  const { kb } = projectKbWith();
  it.each(['what % of tokens are checked by the new sdk, per the latest report', 'what percentage of keys moved'])(
    '"%s" asks for a number, not for the latest status',
    (q) => {
      expect(readQuestion(kb, q).kind).toBe('count');
    },
  );
});

// "how many victims", "the final victim count": every figure of a victim meets "victim"; the one that counts
// organizations or accounts answers, not the count of emails the search met first. "final" asks for the count that
// stands now, though the question names the year of the first one.
describe('a count of victims', () => {
  const withOrgs = projectKbWith({
    ...zinc,
    victims: [
      ...(zinc.victims ?? []),
      {
        id: 'z-victim-emails',
        kind: 'figure',
        name: 'Emails stolen from the victims (review)',
        count: 'about 3,000',
        impact: 'The review counted about 3,000 emails stolen from the victims.',
        sources: ['h-src'],
      },
      {
        id: 'z-first',
        kind: 'figure',
        name: 'Agencies hit (first count, 2022)',
        count: 'about 9',
        date: '2022-03-01',
        supersededBy: 'z-orgs',
        impact: 'The first count: about 9 agencies hit in 2022.',
        sources: ['h-src'],
      },
      {
        id: 'z-orgs',
        kind: 'figure',
        name: 'Agencies and personal accounts (review, 2023)',
        count: '7 agencies',
        date: '2023-05-01',
        impact: 'The review counted 7 agencies and 120 personal accounts.',
        sources: ['h-src'],
      },
    ],
  });
  it.each([
    'how many victims did the zinc harbor review count',
    "what was the zinc harbor review's victim count",
    "what's the final victim count for the 2022 zinc harbor intrusion",
  ])('"%s" leads with the count of agencies and accounts', (q) => {
    const a = withOrgs.ask(q);
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('120 personal accounts');
  });

  it('"final" asks for the count that stands now, though the question names the year of the first one', () => {
    expect(leadOf(withOrgs.ask('how many zinc harbor agencies did they count in march 2022'))).toMatch(
      /^How many: Agencies hit/,
    );
    expect(leadOf(withOrgs.ask('what was the final count of zinc harbor agencies hit in march 2022'))).toContain(
      '120 personal accounts',
    );
  });
});

describe('"how many <incident> X": the incident name before the counted word', () => {
  const lark = madeUpWriteup({
    id: 'larkbook',
    title: 'Larkbook (2018)',
    summary: 'In 2018 a contractor stole the Larkbook user database; passwords later turned up cracked on a forum.',
    dates: { start: '2018-04-01' },
    victims: [
      {
        id: 'l-customers',
        kind: 'figure',
        name: '30 million customers',
        count: '30 million',
        impact: 'Larkbook required 30 million customers to reset their passwords after the passwords were cracked.',
        sources: ['h-src'],
      },
      {
        id: 'l-passwords',
        kind: 'figure',
        name: '9 million user passwords',
        count: '9 million',
        impact: 'A forum held 9 million user passwords.',
        sources: ['h-src'],
      },
    ],
  });
  const { ask: askLark } = projectKbWith(lark);

  it('says whose, not what: the figure named for the counted thing leads', () => {
    expect(leadOf(askLark('how many larkbook passwords were cracked'))).toContain('9 million');
  });

  it('a count of people after the name still counts the victims', () => {
    expect(leadOf(askLark('how many larkbook users had to reset their passwords'))).toContain('30 million');
  });

  // a word of people before a plural noun says whose: "user passwords" counts passwords
  it.each(['how many larkbook user passwords got cracked', 'how many user passwords got cracked at larkbook'])(
    '"%s": the count of passwords leads, not the count of users',
    (q) => {
      expect(leadOf(askLark(q))).toContain('9 million');
    },
  );
});

describe('"how many people\'s data": the count of people, not of the files that held their data', () => {
  const quill = madeUpWriteup({
    id: 'quillfeather',
    title: 'Quillfeather (2016)',
    summary: 'In 2016 two intruders copied user data of Quillfeather from an open storage bucket.',
    dates: { start: '2016-10-01' },
    victims: [
      {
        id: 'q-files',
        kind: 'figure',
        name: 'Over 300 user data files',
        count: 'over 300',
        impact: 'With the stolen key the intruders could read a bucket of over 300 user data files.',
        sources: ['h-src'],
      },
      {
        id: 'q-users',
        kind: 'figure',
        name: 'Over 20 million users',
        count: 'over 20 million',
        impact: 'The intruders took personal data of over 20 million users.',
        sources: ['h-src'],
      },
    ],
  });
  const { ask: askQuill } = projectKbWith(quill);

  it.each(["quillfeather 2016 breach, how many people's data", "how many users' data did quillfeather lose"])(
    '"%s" leads with the count of users',
    (q) => {
      expect(leadOf(askQuill(q))).toContain('20 million');
    },
  );
});
