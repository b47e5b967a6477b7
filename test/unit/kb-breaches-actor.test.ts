/**
 * Who did it: the actor read from explicit statements of an invented write-up, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { parseWriteUp } from './kb-breaches-helpers.js';

const FRONT = ['title: "Vandelay Storage"', 'date: 2022-03-01', 'victim: "Vandelay Storage"'];
const withAttribution = (paragraphs: readonly string[], front: readonly string[] = FRONT) =>
  parseWriteUp(front, [
    'Vandelay Storage, an invented firm, lost a key.',
    '',
    '### Attribution / Perpetrator',
    '',
    ...paragraphs.flatMap((p) => [p, '']),
  ]).incident.attribution;

describe('the actor named in the attribution section', () => {
  it.each([
    ['The intrusion was attributed to UNC9999 by Example Research.', 'UNC9999', []],
    [
      'The vendor placed the blame on Paper Tiger, otherwise known as Inkwell or APT99.',
      'Paper Tiger',
      ['Inkwell', 'APT99'],
    ],
    ['The vendor has designated this threat actor ***Storm-9999*** "an espionage group".', 'Storm-9999', []],
    ['_Ann arson example_, also known as Ann Sample, claimed responsibility.', 'Ann arson example', ['Ann Sample']],
    ['Per the court, former engineer Bob Q. Example plead guilty to one charge.', 'Bob Q. Example', []],
    ['Per the ministry, "Ann Example and Bob Sample pleaded guilty in court today."', 'Ann Example and Bob Sample', []],
    ['A filing cites Carol D. Sample as the person behind the breach.', 'Carol D. Sample', []],
    [
      'According to the regulator, an unnamed former contractor was responsible for the copy.',
      'An unnamed former contractor',
      [],
    ],
    [
      'The prosecutor has indicted three individuals for SIM swapping.',
      'Three individuals indicted by the prosecutor',
      [],
    ],
  ])('reads %j as %j', (text, actor, aliases) => {
    const attribution = withAttribution([text]);
    expect(attribution?.actor).toBe(actor);
    expect(attribution?.aliases).toEqual(aliases);
    expect(attribution?.summary).toBe(
      text.replace(/\*|_/g, '').replace(/^Per the ministry, "(.*)"$/, 'Per the ministry, "$1"'),
    );
  });

  it('prefers a later sentence that names someone over an earlier one that says nobody was named', () => {
    const attribution = withAttribution([
      'For the first breach, no attacker has been named.',
      'For the second breach, Ann Example and Bob Sample pleaded guilty.',
    ]);
    expect(attribution?.actor).toBe('Ann Example and Bob Sample');
  });

  it('ignores struck-through text (a retraction)', () => {
    const attribution = withAttribution([
      '~~Ann Example pleaded guilty.~~ The identity of the attacker remains unknown.',
    ]);
    expect(attribution?.actor).toBe('Unknown');
    expect(attribution?.summary).toBe('The identity of the attacker remains unknown.');
  });
});

describe('an actor nobody knows', () => {
  it.each([
    'No known attribution at this time.',
    'The identity of the perpetrator has not been identified.',
    'No one has ever been identified as the perpetrator.',
    'No disclosure has been made about the perpetrator.',
    '"the identity of the threat actor and their motivation remains unknown."',
    'Unknown.',
  ])('reads %j as Unknown', (text) => {
    expect(withAttribution([text])?.actor).toBe('Unknown');
  });

  it('reads a final status that says the perpetrator is unknown, when there is no attribution section', () => {
    const { incident } = parseWriteUp([...FRONT, 'final_status: "Threat Actor Unknown"'], ['A key leaked.']);
    expect(incident.attribution).toMatchObject({ actor: 'Unknown', summary: 'Threat Actor Unknown' });
  });

  it('does not read "Victim Unknown" as an unknown actor', () => {
    const { incident } = parseWriteUp([...FRONT, 'final_status: "Victim Unknown"'], ['A key leaked.']);
    expect(incident.attribution).toBeUndefined();
  });

  it('reads "an unknown attacker" in the narrative as Unknown', () => {
    const { incident } = parseWriteUp(FRONT, ['An unknown attacker copied a snapshot from Vandelay Storage.']);
    expect(incident.attribution?.actor).toBe('Unknown');
  });
});

describe('the actor from the narrative', () => {
  it('reads "X is the person behind the incident" in the details', () => {
    const { incident } = parseWriteUp(FRONT, [
      'Vandelay Storage, an invented firm, lost its machines.',
      '',
      '### Details of the Incident',
      '',
      'A press release states Dan E. Sample is the person behind the incident. He had left the firm.',
    ]);
    expect(incident.attribution?.actor).toBe('Dan E. Sample');
  });

  it('never guesses: a name in the narrative without an attribution statement gives no actor', () => {
    const { incident } = parseWriteUp(FRONT, [
      'Vandelay Storage, an invented firm, left a bucket open. Erin Example found it and told the firm.',
    ]);
    expect(incident.attribution).toBeUndefined();
  });
});
