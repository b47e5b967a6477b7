// The kind of question picks the kind of passage, for one named incident: "when did …" a dated timeline row,
// "who was behind …" the attribution, "lessons learned from …" the lessons, "who was affected by …" and "how
// much … was taken" the counts the write-up gives. Made-up write-up; the project's own synonym groups.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { type IncidentInput, incidentSchema } from '../../src/core/model.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { respond } from '../../src/core/respond.js';
import { acrossData, answerText, projectSynonyms } from '../fixtures/core-across.js';

const lanternInput: IncidentInput = {
  id: 'lantern-ledger',
  title: 'Lantern Ledger (2020)',
  aliases: ['Lantern Ledger'],
  victim: 'Lantern Ledger',
  summary:
    'In the 2020 Lantern Ledger hack, a former administrator of the exchange used an access key he kept after leaving to drain $12 million in crypto assets and remove the ledger servers; data on 2.4 million customers was exposed.',
  status: { text: 'The former administrator was sentenced.', asOf: '2022-01', sources: ['l-src'] },
  dates: { start: '2020-11-02', disclosed: '2020-11-09' },
  timeline: [
    { id: 'l-left', date: '2020-06-30', title: 'Rook Pell leaves Lantern Ledger', sources: ['l-src'] },
    {
      id: 'l-deleted',
      date: '2020-11-02',
      title: 'Pell deleted about 300 ledger servers over one night, taking the exchange offline',
      sources: ['l-src'],
    },
    { id: 'l-charged', date: '2021-02-11', title: 'Pell is charged with computer fraud', sources: ['l-src'] },
    { id: 'l-verdict', date: '2021-09-14', title: 'Pell is found guilty of computer fraud', sources: ['l-src'] },
  ],
  victims: [
    {
      id: 'l-victim',
      kind: 'organization',
      name: 'Lantern Ledger',
      impact: 'Lantern Ledger lost crypto assets it held for its customers.',
      sources: ['l-src'],
    },
  ],
  attribution: {
    actor: 'Not named in one phrase',
    summary: 'Rook Pell, a former Lantern Ledger administrator, was identified by the prosecutors.',
    details: [],
  },
  technique: {
    summary: 'A former administrator kept a working access key to the ledger servers after he left.',
    details: [
      {
        id: 'l-detail',
        title: 'Details of the incident',
        text: 'Details of the incident. The former administrator worked on the ledger servers and had an access key that nobody disabled; the company convicted no one internally and kept no logs.',
        sources: ['l-src'],
      },
    ],
  },
  aftermath: [
    {
      id: 'l-after',
      text: 'Lantern Ledger closed its exchange and the crypto that was taken was never recovered.',
      sources: ['l-src'],
    },
  ],
  lessons: [
    { id: 'l-lesson-1', text: 'Disable access keys the day an administrator leaves.', sources: ['l-src'] },
    { id: 'l-lesson-2', text: 'Keep backups of the ledger in a separate account.', sources: ['l-src'] },
  ],
  sources: [
    {
      id: 'l-src',
      publisher: 'Example Writer',
      title: 'Write-up lantern-ledger',
      url: 'https://example.com/lantern-ledger',
      kind: 'research',
    },
  ],
  origin: 'breaches.cloud',
};

const base = acrossData();
const kb = createKnowledgeBase({
  ...base,
  incidents: [...base.incidents, incidentSchema.parse(lanternInput)],
  synonyms: projectSynonyms(),
});
const now = new Date('2025-01-01T00:00:00Z');
const ask = (text: string): Answer => respond(kb, parseCommand(text, kb), { now });
const allText = answerText;

describe('when-questions about one incident prefer its dated timeline rows', () => {
  it('"wipe" meets a row that says the servers were deleted', () => {
    const a = ask('when did the former admin wipe the lantern ledger servers');
    expect(a.kind).toBe('answer');
    expect(a.incident).toBe('lantern-ledger');
    expect(a.title).toContain('2 November 2020');
    expect(a.facts[0]?.id).toBe('l-deleted');
  });
  it('"convicted" meets a row that says found guilty', () => {
    const a = ask('lantern ledger when was pell convicted');
    expect(a.kind).toBe('answer');
    expect(a.facts[0]?.id).toBe('l-verdict');
    expect(a.title).toContain('14 September 2021');
  });
});

describe('other question kinds pick their passage kind', () => {
  it('"who was behind the … hack" gives the attribution', () => {
    const a = ask('who was behind the lantern ledger hack');
    expect(a.intent).toBe('actor');
    expect(allText(a)).toContain('Rook Pell, a former Lantern Ledger administrator');
  });
  it('"who did the … hack" gives the attribution too, not the overview', () => {
    const a = ask('who did the lantern ledger hack');
    expect(a.intent).toBe('actor');
    expect(allText(a)).toContain('Rook Pell, a former Lantern Ledger administrator');
  });
  it('"lessons learned from …" gives the lessons, not what followed', () => {
    const a = ask('lessons learned from lantern ledger');
    expect(a.title).toBe('Lessons from Lantern Ledger');
    expect(allText(a)).toContain('Disable access keys the day an administrator leaves.');
    expect(allText(a)).not.toContain('closed its exchange');
  });
  it('"who was affected by …" adds the counts a write-up gives in its narrative', () => {
    const a = ask('who was affected by the lantern ledger breach');
    expect(a.intent).toBe('victims');
    expect(allText(a)).toContain('2.4 million customers');
  });
  it('"how much … was taken" prefers a fact with an amount to the bare victim entry', () => {
    const a = ask('how much crypto was taken from lantern ledger');
    expect(a.kind).toBe('answer');
    expect(allText(a)).toContain('$12 million');
  });
  it('"how did the … breach start" gives how it worked, not a row that mentions the breach', () => {
    for (const q of ['how did the lantern ledger breach start?', 'lantern ledger - how did that hack begin']) {
      const a = ask(q);
      expect(a.intent).toBe('technique');
      expect(allText(a)).toContain('kept a working access key');
    }
  });
  it('curated victims that carry their own counts get no narrative counts', () => {
    const a = ask('alpha-2023 victims');
    expect(allText(a)).not.toContain('as the sources tell it');
  });
});
