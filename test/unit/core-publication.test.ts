// A question about a publication itself ("when did the lab put out its post", "who wrote it") is answered from
// the incident's sources: the one whose publisher and title the question names, its day and its author in the
// lead, and the row that reports a report's release over the date printed on it. Made-up incident; the project's
// own synonym groups and language.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { projectKbWith } from '../fixtures/core-across.js';

const ferryInput: IncidentInput = {
  id: 'ferry-token',
  title: 'Ferry Line token theft (2021)',
  aliases: ['Ferry Line'],
  victim: 'Ferry Line',
  summary: 'In 2021 an intruder stole a Ferry Line signing token and read booking records.',
  status: { text: 'Closed.', asOf: '2022-01', sources: ['board-review'] },
  dates: { start: '2021-01-10', disclosed: '2021-02-20' },
  timeline: [
    { id: 'f-start', date: '2021-01-10', title: 'The intruder first uses the stolen token', sources: ['lab-post'] },
    {
      id: 'f-rotate',
      date: '2021-02-01',
      title: 'Ferry Line rotates its signing token, per Northlake Labs',
      detail: 'Northlake Labs saw the old signing token disappear from the published list.',
      sources: ['lab-post'],
    },
    {
      id: 'f-review',
      date: '2021-05-20',
      title: 'The Harbor Safety Board releases its review of the token theft',
      detail: 'The board found the theft preventable.',
      sources: ['board-review'],
    },
    {
      id: 'f-advisory',
      date: '2021-05-25',
      title: 'The Harbor Safety Board issues an advisory on monitoring ferry tokens',
      sources: ['board-review'],
    },
    {
      id: 'f-followup',
      date: '2021-06-01',
      title: 'Northlake Labs publishes a follow-up on the board review',
      sources: ['lab-followup'],
    },
  ],
  attribution: { actor: 'Unknown', summary: 'Nobody was named.', details: [] },
  sources: [
    {
      id: 'lab-post',
      publisher: 'Northlake Labs (Ada Quill)',
      title: 'Stolen Ferry Line Token: Broader Than Reported',
      url: 'https://example.com/lab',
      date: '2021-03-10',
      kind: 'research',
    },
    {
      id: 'lab-followup',
      publisher: 'Northlake Labs',
      title: 'Update: what the board review adds',
      url: 'https://example.com/lab-2',
      date: '2021-06-01',
      kind: 'research',
    },
    {
      id: 'news-post',
      publisher: 'Daily Example',
      title: 'Ferry Line token theft reached booking records',
      url: 'https://example.com/news',
      date: '2021-03-12',
      kind: 'press',
    },
    {
      id: 'board-review',
      publisher: 'Harbor Safety Board',
      title: 'Review of the Ferry Line Token Theft',
      url: 'https://example.com/board',
      date: '2021-05-01',
      kind: 'government',
    },
    {
      id: 'repost-alert',
      publisher: 'smallblog.example (repost of a board alert)',
      title: 'Harbor Safety Board releases advisory on monitoring ferry tokens',
      url: 'https://example.com/repost',
      date: '2021-07-15',
      kind: 'other',
      tier: 'repost',
    },
  ],
  origin: 'native',
};

const { ask } = projectKbWith(ferryInput);

describe('questions about a publication', () => {
  it('a repost never dates the publication it copied: the timeline row of the original answers', () => {
    const a = ask('when did the harbor safety board put out its advisory on monitoring ferry tokens');
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^25 May 2021/);
  });

  it.each([
    'when did northlake labs publish its blog post on the stolen ferry line token',
    'northlake labs post about the ferry line token - what date was that',
  ])('"%s" leads with the day the post came out, not a day it reported on', (q) => {
    const a = ask(q);
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^10 March 2021/);
    expect(a.facts[0]?.date).toBe('2021-03-10');
  });

  it.each(['when did the ferry line northlake labs blog come out', 'ferry line northlake labs blog came out when'])(
    '"%s": a publisher named alone means its first publication',
    (q) => {
      const a = ask(q);
      expect(a.kind).toBe('answer');
      expect(a.title).toMatch(/^10 March 2021/);
    },
  );

  it('who wrote it leads with the publisher and its author', () => {
    const a = ask('who at northlake labs wrote the ferry line token post');
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('Ada Quill');
  });

  it('"which … wrote" asks for the author too', () => {
    const a = ask('which northlake labs researcher wrote the ferry line token post');
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('Ada Quill');
  });

  it('a report dated before its release leads with the day it was released', () => {
    const a = ask('when did the harbor safety board publish its review of the ferry line token theft');
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^20 May 2021/);
  });

  it('a month that names what the question is about, asked for one date, is no timeline of that month', () => {
    const a = ask('harbor safety board review of the january 2021 ferry line token theft, what was its release date?');
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^20 May 2021/);
  });

  it('a month that dates a publication ("their march 2021 post") is no timeline of that month: the post answers', () => {
    const a = ask('what happened per northlake labs march 2021 post');
    // what the post reported, not the events of March 2021 (of which there are none)
    expect(a.kind).toBe('answer');
    expect(a.intent).not.toBe('timeline');
    expect(a.title).toContain('Northlake Labs');
  });

  it('a question about an event, not a publication, is not answered from the sources', () => {
    const a = ask('when did ferry line rotate its signing token');
    expect(a.title).toMatch(/^1 February 2021/);
  });
});
