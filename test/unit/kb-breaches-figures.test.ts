/**
 * How many and how: counts of victims and records as figures, and the technique summary, from invented text.
 */
import { describe, expect, it } from 'vitest';
import { figuresOf } from '../../src/kb/md-figures.js';
import { techniqueSummary } from '../../src/kb/md-technique.js';
import { parseWriteUp } from './kb-breaches-helpers.js';

const counts = (text: string) => figuresOf([{ text, sources: ['s'] }]).map((f) => [f.name, f.count]);

describe('counts of victims and records', () => {
  it.each([
    ['The leak exposed over 1.5 million records.', [['Over 1.5 million records', 'over 1.5 million']]],
    ['The firm told the 27 impacted customers.', [['27 impacted customers', '27']]],
    [
      'It deleted 456 Virtual Machines and 16,000 team accounts.',
      [
        ['456 Virtual Machines', '456'],
        ['16,000 team accounts', '16,000'],
      ],
    ],
    ['Keys reached three of their EC2 instances.', [['Three of their EC2 instances', 'three']]],
    [
      'It hit about 90 million people in the US and 5 million in Canada.',
      [['About 90 million people in the US and 5 million in Canada', 'about 90 million']],
    ],
    ['The dump held 2 million user records.', [['2 million user records', '2 million']]],
    ['The crew read 120,000 account numbers.', [['120,000 account numbers', '120,000']]],
  ])('reads %j', (text, expected) => {
    expect(counts(text)).toEqual(expected);
  });

  it.each([
    ['Thieves took $400 million in tokens from 2 wallets.'],
    ['The fine was 148 million dollars.'],
    ['The data was from 2019 users said.'],
    ['The actor reached corporate Office 365 to read the emails of executives.'],
    ['Three individuals were indicted in the case.'],
    ['The firm runs thousands of servers.'],
    ['Access lasted 19 hours over 5 months.'],
  ])('finds no count of victims in %j', (text) => {
    expect(counts(text)).toEqual([]);
  });

  it('gives each number and noun once, first mention first', () => {
    const figures = figuresOf([
      { text: 'About 40 million users were exposed.', sources: ['a'] },
      { text: 'Over 40 million users had to reset passwords.', sources: ['b'], date: '2018-09-28' },
    ]);
    expect(figures).toEqual([
      expect.objectContaining({ kind: 'figure', name: 'About 40 million users', sources: ['a'] }),
    ]);
  });

  it('loads figures as victims with the sentence as their impact, the row date and its sources', () => {
    const { incident } = parseWriteUp(
      ['title: "Vandelay Storage"', 'date: 2022-03-01'],
      [
        'Vandelay Storage, an invented firm, lost a key.',
        '### Timeline',
        '| Date | Event |',
        '| --- | --- |',
        '| March 2, 2021 | Vandelay [tells](https://vandelay.example.com/n) 31 affected customers. |',
      ],
    );
    const figure = incident.victims.find((v) => v.kind === 'figure');
    expect(figure).toMatchObject({
      name: '31 affected customers',
      count: '31',
      impact: 'Vandelay tells 31 affected customers.',
      date: '2021-03-02',
    });
    expect(figure?.sources).toHaveLength(2);
  });
});

describe('how the attack worked', () => {
  const background = 'Vandelay Storage provides backup services to thousands of small firms.';
  const mechanism = [
    'An attacker found an access key embedded in a public repository.',
    'The attacker used the key to copy a database snapshot.',
    'Researchers said the key could have allowed access to every bucket.',
    'The intruder was spear phished into a fake login page, then used stolen session tokens.',
  ];

  it('picks the sentences that say how, most specific first, in the order the write-up tells them', () => {
    expect(techniqueSummary([background, mechanism.join(' ')])).toBe(
      [mechanism[0], mechanism[1], mechanism[3]].join(' '),
    );
  });

  it('keeps a sentence where no one acts when it names the weakness they used (two technique terms or more)', () => {
    const weakness = 'The authenticator app syncs the TOTP seeds to the cloud.';
    const picked = techniqueSummary([
      `An attacker phished the engineer. ${weakness} The attacker then read the synced MFA codes.`,
    ]);
    expect(picked).toContain(weakness);
    expect(techniqueSummary([background, 'The app syncs files to the cloud.'])).toBe(undefined);
  });

  it('treats the named actor as the one acting', () => {
    expect(techniqueSummary(['Dan Sample exfiltrated the records with root credentials.'], 'Dan Sample')).toBe(
      'Dan Sample exfiltrated the records with root credentials.',
    );
  });

  it('gives nothing when no sentence says how (the loader then uses the opening of the details)', () => {
    expect(techniqueSummary([background, 'Researchers said the key could have allowed access to every bucket.'])).toBe(
      undefined,
    );
  });
});
