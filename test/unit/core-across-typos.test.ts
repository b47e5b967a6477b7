// A mistyped incident name of several words, incidents listed by a key date, "did anything happen in …" across
// incidents, and "how many …" preferring a passage that gives a count.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import { type IncidentInput, incidentSchema } from '../../src/core/model.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { holdsCount } from '../../src/core/search/counts.js';
import { acrossData, acrossKb, answerText, projectSynonyms } from '../fixtures/core-across.js';

/** A write-up whose name starts with a word another incident uses ("harbour"), with a count in one passage. */
const harborInput: IncidentInput = {
  id: 'harbor-point',
  title: 'Harbor Point',
  aliases: ['Harbor Point'],
  victim: 'Harbor Point Shipping',
  summary: 'An attacker used a leaked storage token to copy shipping manifests from Harbor Point.',
  status: { text: 'Closed.', asOf: '2020-06', sources: ['h-src'] },
  dates: { start: '2019-11-02', disclosed: '2020-02-14' },
  timeline: [
    {
      id: 'h-token',
      date: '2019-11-02',
      title: 'Attacker finds the storage token in a public code repository',
      sources: ['h-src'],
    },
    {
      id: 'h-manifests',
      date: '2019-11-20',
      title: 'Attacker copies shipping manifests with customer records',
      sources: ['h-src'],
    },
    {
      id: 'h-count',
      date: '2020-02-14',
      title: 'Harbor Point says 48,200 customer records were in the copied manifests',
      sources: ['h-src'],
    },
  ],
  sources: [
    { id: 'h-src', publisher: 'Example Writer', title: 'Harbor Point', url: 'https://example.com/h', kind: 'research' },
  ],
  origin: 'breaches.cloud',
};

/** Another write-up that uses the ordinary word "harbour" in its text. */
const deltaInput: IncidentInput = {
  id: 'delta-ferry',
  title: 'Delta Ferry ransomware',
  aliases: ['Delta Ferry'],
  victim: 'Delta Ferry',
  summary: 'Ransomware stopped the ticket systems of a ferry company at its harbour terminal.',
  status: { text: 'Closed.', asOf: '2021-05', sources: ['d-src'] },
  dates: { start: '2021-03-03', disclosed: '2021-03-09' },
  timeline: [{ id: 'd-start', date: '2021-03-03', title: 'Ticket systems are encrypted', sources: ['d-src'] }],
  sources: [
    { id: 'd-src', publisher: 'Example Writer', title: 'Delta Ferry', url: 'https://example.com/d', kind: 'research' },
  ],
  origin: 'breaches.cloud',
};

const base = acrossData();
const kb: KnowledgeBase = acrossKb({
  incidents: [...base.incidents, incidentSchema.parse(harborInput), incidentSchema.parse(deltaInput)],
});
const now = new Date('2025-01-01T00:00:00Z');
const ask = (text: string): Answer => respond(kb, parseCommand(text, kb), { now });
const allText = answerText;

describe('a mistyped incident name of several words', () => {
  it('is read even when the mistyped word is one the knowledge base uses', () => {
    expect(kb.lexicon.has('harbour')).toBe(true);
    expect(parseCommand('harbour point timeline', kb).incident).toBe('harbor-point');
    expect(ask('harbour point timeline').incident).toBe('harbor-point');
  });
  it('needs the other words spelled right, and more than one word', () => {
    expect(parseCommand('harbour pointe timeline', kb).incident).toBeUndefined();
    expect(parseCommand('harbour terminal timeline', kb).incident).toBeUndefined();
    expect(parseCommand('harbour timeline', kb).incident).toBeUndefined();
  });
  it('still forgives a typo in a word the knowledge base does not use', () => {
    expect(parseCommand('harbr point timeline', kb).incident).toBe('harbor-point');
    expect(parseCommand('gammasfot timeline', kb).incident).toBe('gamma-mfa');
  });
});

describe('incidents listed by a key date', () => {
  it('"which incidents started in 2022" lists the incidents that started then, and no others', () => {
    const a = ask('which incidents started in 2022');
    expect(a.kind).toBe('answer');
    expect(a.intent).toBe('incidents');
    const text = allText(a);
    expect(text).toContain('gamma-mfa');
    expect(text).toContain('beta-breach');
    expect(text).not.toContain('alpha-2023');
    expect(text).not.toContain('harbor-point');
  });
  it('reads the disclosure date for "disclosed", a month as well as a year', () => {
    const a = ask('breaches disclosed in feb 2020');
    expect(a.intent).toBe('incidents');
    expect(a.incident).toBe('harbor-point');
    expect(allText(a)).not.toContain('delta-ferry');
  });
  it('"incidents from 2019" takes the start or the disclosure', () => {
    const text = allText(ask('incidents from 2019'));
    expect(text).toContain('harbor-point');
    expect(text).not.toContain('delta-ferry');
  });
  it('says so when none fits', () => {
    expect(ask('which incidents started in 1999').kind).toBe('none');
  });
  it('leaves a list with a topic to search ("which incidents involved MFA in 2022")', () => {
    expect(ask('which incidents involved MFA in 2022').title).not.toMatch(/^Incidents that/);
  });
});

describe('"did anything happen in …" across incidents', () => {
  for (const q of [
    'anything happen in sept 2022?',
    'did anything happen in september 2022',
    'what went on in september 2022',
  ]) {
    it(q, () => {
      const a = ask(q);
      expect(a.kind).toBe('answer');
      expect(a.title).toContain('Timeline across incidents');
      expect(a.facts.some((f) => f.incident === 'gamma-mfa')).toBe(true);
    });
  }
});

describe('"how many" and key-date nouns', () => {
  it('holdsCount finds counts and amounts, not dates', () => {
    expect(holdsCount('48,200 customer records')).toBe(true);
    expect(holdsCount('about 1.5 million records')).toBe(true);
    expect(holdsCount('access to 126 buckets')).toBe(true);
    expect(holdsCount('$400 million was taken')).toBe(true);
    expect(holdsCount('On June 17 2014 the attacker returned')).toBe(false);
    expect(holdsCount('It added a note to its 2023-09-06 post and its 2023-07-14 analysis')).toBe(false);
    expect(holdsCount('after 46 hypotheses')).toBe(true);
    expect(holdsCount('Attacker copies shipping manifests')).toBe(false);
  });
  it('a "how many" question is answered by the passage that gives the count', () => {
    // with the project's synonyms "how many" is a concept of its own; only a passage with a count meets it
    const withGroups = acrossKb({
      incidents: [...base.incidents, incidentSchema.parse(harborInput), incidentSchema.parse(deltaInput)],
      synonyms: projectSynonyms(),
    });
    const a = respond(withGroups, parseCommand('harbor point how many records were leaked', withGroups), { now });
    expect(a.kind).toBe('answer');
    expect(a.facts[0]?.text).toContain('48,200');
  });
  it('"… disclosure date" asks for the key date', () => {
    const a = ask('harbor point disclosure date');
    expect(a.intent).toBe('when');
    expect(allText(a)).toContain('2020-02-14');
  });
});
