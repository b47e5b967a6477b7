// Chat text → Command: command words (typos forgiven), arguments, pages, incident prefixes and digest commands.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/parse-command.js';
import { parseDigest, parseTimeOfDay, parseTimeZone, parseWeekday } from '../../src/core/parse-digest.js';
import { fixtureKb } from '../fixtures/core-kb.js';

const kb = fixtureKb();
const parse = (text: string) => parseCommand(text, kb);

describe('parseCommand: command words', () => {
  it.each([
    ['help', 'help'],
    ['timeline', 'timeline'],
    ['victims', 'victims'],
    ['logging', 'logging'],
    ['indicators', 'indicators'],
    ['actor', 'actor'],
    ['technique', 'technique'],
    ['status', 'status'],
    ['sources', 'sources'],
    ['incidents', 'incidents'],
  ])('reads %s', (text, type) => {
    expect(parse(text).type).toBe(type);
  });
  it.each([
    ['timline', 'timeline'],
    ['vicitms', 'victims'],
    ['loging', 'logging'],
    ['indicatros', 'indicators'],
    ['Status?', 'status'],
  ])('forgives the typo in %s', (text, type) => {
    expect(parse(text).type).toBe(type);
  });
  // two slips need the first letter right: "putting together a board slide: how many emails …" is no "hunting"
  it.each([
    'Putting together a board slide: how many emails did they take?',
    'Counting on you here: how many orgs were hit?',
  ])('a word two slips from a command with another first letter is no command: %s', (text) => {
    expect(parse(text).type).toBe('question');
  });
  it('strips a leading /breach', () => {
    expect(parse('/breach victims').type).toBe('victims');
  });
  it('keeps the text as typed, cleaned', () => {
    expect(parse('<@U1> victims').raw).toBe('victims');
  });
  it('treats a command word followed by a question as a question', () => {
    expect(parse('victims of the ministry in europe')).toMatchObject({ type: 'question' });
  });
  it('allows filler after a command word', () => {
    expect(parse('victims please').type).toBe('victims');
  });
});

describe('parseCommand: arguments and pages', () => {
  it('reads a timeline date filter', () => {
    expect(parse('timeline july 2023')).toMatchObject({
      type: 'timeline',
      range: { from: '2023-07-01', to: '2023-07-31' },
    });
  });
  it('a question after "timeline" is a question, not a filter', () => {
    expect(parse('timeline check for my deck: when was the key revoked?')).toMatchObject({ type: 'question' });
    expect(parse('timeline revocation?')).toMatchObject({ type: 'timeline', words: 'revocation?' });
  });
  it('reads timeline words', () => {
    expect(parse('timeline revocation')).toMatchObject({ type: 'timeline', words: 'revocation' });
  });
  it('reads an indicator lookup', () => {
    expect(parse('indicators 192.0.2.15')).toMatchObject({ type: 'indicators', query: '192.0.2.15' });
  });
  it('takes a bare IP or thumbprint as an indicator lookup', () => {
    expect(parse('192.0.2[.]15')).toMatchObject({ type: 'indicators' });
    expect(parse('0123456789abcdef0123456789abcdef01234567')).toMatchObject({ type: 'indicators' });
  });
  it('reads a trailing page number', () => {
    expect(parse('timeline page 3')).toMatchObject({ type: 'timeline', page: 3 });
    expect(parse('timeline july 2023 page 2')).toMatchObject({
      type: 'timeline',
      page: 2,
      range: { from: '2023-07-01' },
    });
  });
  it('leaves everything else as a question', () => {
    expect(parse('when was it detected?')).toMatchObject({ type: 'question', text: 'when was it detected?' });
  });
});

describe('parseCommand: incidents named first', () => {
  it('selects an incident by id', () => {
    expect(parse('beta-breach timeline')).toMatchObject({ type: 'timeline', incident: 'beta-breach' });
  });
  it('selects an incident by alias, ignoring case and spacing', () => {
    expect(parse('BetaPass victims')).toMatchObject({ type: 'victims', incident: 'beta-breach' });
    expect(parse('beta pass timeline')).toMatchObject({ incident: 'beta-breach' });
  });
  it('forgives a typo in the incident name', () => {
    expect(parse('betapas timeline')).toMatchObject({ incident: 'beta-breach' });
  });
  it('gives an incident overview for its name alone', () => {
    expect(parse('betapass')).toMatchObject({ type: 'status', incident: 'beta-breach' });
  });
  it('never takes a command word or a question word for an incident', () => {
    expect(parse('timeline').incident).toBeUndefined();
    expect(parse('when did it start').incident).toBeUndefined();
  });
});

describe('parseCommand: digest', () => {
  it('reads daily and weekly schedules with a time zone', () => {
    expect(parse('digest daily 09:00 Europe/Berlin')).toMatchObject({
      type: 'digest',
      action: 'daily',
      time: '09:00',
      timeZone: 'Europe/Berlin',
    });
    expect(parse('digest weekly monday 09:00 America/New_York')).toMatchObject({
      action: 'weekly',
      day: 1,
      time: '09:00',
      timeZone: 'America/New_York',
    });
  });
  it('reads off, status and preview', () => {
    expect(parse('digest off')).toMatchObject({ type: 'digest', action: 'off' });
    expect(parse('digest status')).toMatchObject({ action: 'status' });
    expect(parse('digest preview')).toMatchObject({ action: 'preview' });
  });
  it('explains an invalid digest command with an example', () => {
    const command = parse('digest daily 25:00');
    expect(command).toMatchObject({ type: 'digest', action: 'invalid' });
    expect(command.type === 'digest' && command.action === 'invalid' ? command.error : '').toContain(
      'digest daily 09:00',
    );
  });
});

describe('parseDigest', () => {
  it('accepts am/pm, filler words and a day before the time', () => {
    expect(parseDigest(['daily', 'at', '9', 'am'])).toEqual({ action: 'daily', time: '09:00' });
    expect(parseDigest(['weekly', 'on', 'fri', '5:30pm', 'utc'])).toEqual({
      action: 'weekly',
      day: 5,
      time: '17:30',
      timeZone: 'UTC',
    });
  });
  it('forgives a typo in the action and the day', () => {
    expect(parseDigest(['dialy', '08:00'])).toMatchObject({ action: 'daily' });
    expect(parseDigest(['weekly', 'wendesday', '08:00'])).toMatchObject({ action: 'weekly', day: 3 });
  });
  it('takes a bare weekday as weekly', () => {
    expect(parseDigest(['sunday', '10:00'])).toMatchObject({ action: 'weekly', day: 0 });
  });
  it('rejects a missing time, a bad zone, a missing day and extra words', () => {
    expect(parseDigest(['daily'])).toMatchObject({ action: 'invalid' });
    expect(parseDigest(['daily', '09:00', 'Mars/Base'])).toMatchObject({ action: 'invalid' });
    expect(parseDigest(['weekly', '09:00'])).toMatchObject({ action: 'invalid' });
    expect(parseDigest(['off', 'now', 'please?'])).toMatchObject({ action: 'invalid' });
    expect(parseDigest(['sometimes'])).toMatchObject({ action: 'invalid' });
  });
  it('parses times, weekdays and zones', () => {
    expect(parseTimeOfDay('12am')).toBe('00:00');
    expect(parseTimeOfDay('24:00')).toBeUndefined();
    expect(parseWeekday('Thu')).toBe(4);
    expect(parseTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(parseTimeZone('not a zone')).toBeUndefined();
  });
});
