import { describe, expect, it } from 'vitest';
import { lineWith, loadFixture } from './kb-breaches-helpers.js';

describe('breaches.cloud timeline tables', () => {
  it('reads every date style a cell may hold, each with its precision', () => {
    const { incident } = loadFixture('dates-in-cells.md');
    const rows = incident.timeline.map(({ id, date, endDate, dateText }) => ({ id, date, endDate, dateText }));
    expect(rows).toEqual([
      { id: 'tl-1-2020-03-13', date: '2020-03-13', endDate: '2020-03-30', dateText: undefined },
      { id: 'tl-2-2020-06-16', date: '2020-06-16', endDate: undefined, dateText: undefined },
      { id: 'tl-3-2021-03', date: '2021-03', endDate: undefined, dateText: undefined },
      { id: 'tl-4-2020-11', date: '2020-11', endDate: undefined, dateText: 'Late November, 2020' },
      { id: 'tl-5-2020-12-22', date: '2020-12-22', endDate: '2020-12-26', dateText: undefined },
      { id: 'tl-6-2020-12-27', date: '2020-12-27', endDate: undefined, dateText: 'December 27, 2020 14:30 UTC' },
      { id: 'tl-7-2021-01-04', date: '2021-01-04', endDate: undefined, dateText: 'January 4th, 2021 (updated)' },
      { id: 'tl-8-2023-05-15', date: '2023-05-15', endDate: undefined, dateText: undefined },
    ]);
  });

  it('takes the event text as the title, with <br> as a space and no markup', () => {
    const { incident } = loadFixture('dates-in-cells.md');
    expect(incident.timeline[6]?.title).toBe('A cell with a line break inside the event text too.');
    expect(incident.timeline[7]?.title).toBe('A regulator publishes an order.');
  });

  it('cites the write-up, the links in the row and the footnotes it refers to', () => {
    const { incident } = loadFixture('dates-in-cells.md');
    const byId = new Map(incident.sources.map((s) => [s.id, s]));
    const regulator = incident.timeline[7]?.sources.map((id) => byId.get(id)?.url);
    expect(regulator).toEqual([
      'https://www.breaches.cloud/incidents/dates-in-cells/',
      'https://www.ftc.gov/example-order',
    ]);
    const footnoted = incident.timeline[1]?.sources.map((id) => byId.get(id)?.url);
    expect(footnoted).toContain('https://globex.example.com/report');
  });

  it('reads a table with a differently named header, missing edge pipes and no spaces', () => {
    const { incident, problems } = loadFixture('ragged-table.md');
    expect(problems).toEqual([]);
    expect(incident.timeline.map((e) => [e.date, e.title])).toEqual([
      ['2022-02-01', 'A bucket policy is changed to public'],
      ['2022-02-02', 'A researcher finds the bucket'],
      ['2022-02-03', 'The policy is reverted'],
      ['2022-02-10', 'Initech tells its customers'],
    ]);
  });
});

describe('breaches.cloud timelines that are not tables', () => {
  it('reads a bullet-list timeline: bold, italic and plain leads, colon or dash separators', () => {
    const { incident } = loadFixture('list-timeline.md');
    expect(incident.timeline.map((e) => [e.id, e.title, e.dateText])).toEqual([
      ['tl-1-2023-08-01', 'The token is first used from a hosting provider.', undefined],
      ['tl-2-2023-08-20', 'The token is revoked after an alert.', undefined],
      ['tl-3-2023-08-25', 'Hooli publishes a notice.', undefined],
      ['tl-4-2023-09', 'A follow-up report lists the channels read.', 'Early September 2023'],
    ]);
  });

  it('loads a write-up with no timeline, with a warning', () => {
    const { incident, problems } = loadFixture('no-timeline.md');
    expect(incident.timeline).toEqual([]);
    expect(problems.filter((p) => p.path === 'timeline')).toEqual([
      expect.objectContaining({ severity: 'warning', message: 'no timeline section' }),
    ]);
  });
});

describe('breaches.cloud rows with an unreadable date', () => {
  it('keeps the row as an undated statement with its text, and warns at the row line', () => {
    const { incident, problems, file } = loadFixture('headings-and-dates.md');
    expect(incident.timeline.map((e) => e.id)).toEqual(['tl-1-2022-03-26', 'tl-3-2022-04-30']);
    expect(incident.aftermath).toContainEqual(
      expect.objectContaining({
        id: 'tl-2-undated',
        title: 'sometime after the spring release',
        text: 'An undated row the loader cannot place.',
        tags: ['timeline', 'undated'],
      }),
    );
    const warning = problems.find((p) => p.path === 'timeline[1]');
    expect(warning).toMatchObject({ severity: 'warning', line: lineWith(file, 'sometime after') });
    expect(warning?.message).toContain('cannot read the date "sometime after the spring release"');
  });
});
