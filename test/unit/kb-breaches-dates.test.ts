/**
 * Impossible front-matter dates: each becomes a warning at its front-matter line and is not used as a fact; where
 * the write-up holds a sound date for the same thing, that one is used. Invented write-ups, one per rule.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture, parseWriteUp } from './kb-breaches-helpers.js';

const table = (...rows: Array<[string, string]>) => [
  '### Timeline',
  '| Date | Event |',
  '| --- | --- |',
  ...rows.map(([date, event]) => `| ${date} | ${event} |`),
];
const front = (dates: Record<string, string>) => [
  'title: "Vandelay Storage"',
  'date: 2022-03-01',
  'lastmod: 2022-03-02',
  'victim: "Vandelay Storage"',
  ...Object.entries(dates).map(([k, v]) => `${k}: ${v}`),
];
const warningAt = (problems: ReturnType<typeof parseWriteUp>['problems'], path: string) =>
  problems.find((p) => p.path === path && p.severity === 'warning');

describe('front-matter dates the file cannot know', () => {
  it('leaves out a date later than anything the file knows of, with a warning at its line', () => {
    const { incident, problems, lineOf } = parseWriteUp(
      front({ incident_start_date: '2021-05-01', incident_end_date: '2031-05-01' }),
      ['Vandelay Storage, an invented firm, lost a key in May 2021.', ...table(['May 1, 2021', 'A key leaks.'])],
    );
    expect(incident.dates).toEqual({ start: '2021-05-01' });
    expect(warningAt(problems, 'incident_end_date')).toMatchObject({
      line: lineOf('incident_end_date'),
      message: expect.stringMatching(/2031-05-01 is after the newest date the file knows of \(2022-03-02\); left out/),
    });
  });
});

describe('front-matter dates in another year than the timeline', () => {
  it('leaves the date out when the narrative does not say which year is right', () => {
    const { incident, problems } = parseWriteUp(front({ incident_start_date: '2021-09-24' }), [
      'Vandelay Storage, an invented firm, deleted its own machines.',
      ...table(['September 24, 2020', 'Machines are deleted.']),
    ]);
    expect(incident.dates.start).toBeUndefined();
    expect(warningAt(problems, 'incident_start_date')?.message).toMatch(/cannot tell which is right, left out/);
  });

  it("uses the row's date when the narrative names the row's year (contradiction.md)", () => {
    expect(loadFixture('contradiction.md').incident.dates.start).toBe('2020-09-24');
  });

  it('does not take a disclosure date from a row that is not a disclosure', () => {
    const { incident, problems } = parseWriteUp(
      front({ incident_start_date: '2020-09-20', disclosure_date: '2021-09-24' }),
      [
        'Vandelay Storage, an invented firm, deleted its own machines in 2020.',
        ...table(['September 20, 2020', 'Access begins.'], ['September 24, 2020', 'Machines are deleted.']),
      ],
    );
    expect(incident.dates.disclosed).toBeUndefined();
    expect(warningAt(problems, 'disclosure_date')?.message).toMatch(/that row is not a disclosure, left out/);
  });
});

describe('an end or a disclosure before the start', () => {
  const body = (...rows: Array<[string, string]>) => [
    'Vandelay Storage, an invented firm, lost a key.',
    ...table(...rows),
  ];

  it('keeps the start the timeline confirms and leaves out the disclosure', () => {
    const { incident, problems, lineOf } = parseWriteUp(
      front({ incident_start_date: '2021-06-01', disclosure_date: '2021-03-02' }),
      body(['June 1, 2021', 'A key leaks.']),
    );
    expect(incident.dates).toEqual({ start: '2021-06-01' });
    expect(warningAt(problems, 'disclosure_date')).toMatchObject({
      line: lineOf('disclosure_date'),
      message: expect.stringMatching(/is before its start 2021-06-01; the timeline confirms the start/),
    });
  });

  it('keeps the disclosure a dated source confirms and leaves out the start', () => {
    const { incident, problems } = parseWriteUp(
      front({ incident_start_date: '2021-06-01', disclosure_date: '2021-03-02' }),
      [
        ...body(['May 2021', 'A key leaks.']),
        '## Summary of Coverage',
        '* Vandelay: [Notice](https://vandelay.example.com/notice) - March 2, 2021',
      ],
    );
    expect(incident.dates).toEqual({ disclosed: '2021-03-02' });
    expect(warningAt(problems, 'incident_start_date')?.message).toMatch(/so the start is left out/);
  });

  it('leaves both out when nothing confirms either', () => {
    const { incident, problems } = parseWriteUp(
      front({ incident_start_date: '2021-06-01', incident_end_date: '2021-03-02' }),
      body(['May 2021', 'A key leaks.']),
    );
    expect(incident.dates).toEqual({});
    expect(warningAt(problems, 'incident_end_date')?.message).toMatch(/cannot tell which is right, both left out/);
  });
});

describe('the disclosure date against the timeline', () => {
  const rows = table(
    ['February 1, 2019', 'Intruders log in with a leaked key.'],
    ['March 1, 2019', 'The intruders discovered an old backup server.'],
    ['March 5, 2019', "Vandelay's security team notices logins from an unknown network."],
    ['March 10, 2019', 'Vandelay publishes a notice about the intrusion.'],
    ['May 5, 2021', 'A court approves the settlement.'],
  );
  const narrative = 'Vandelay Storage, an invented firm, lost a key in 2019.';

  it('replaces a disclosure on a row about something else, after the first disclosure row', () => {
    const { incident, problems } = parseWriteUp(
      front({ incident_start_date: '2019-02-01', disclosure_date: '2021-05-05' }),
      [narrative, ...rows],
    );
    expect(incident.dates.disclosed).toBe('2019-03-10');
    expect(warningAt(problems, 'disclosure_date')?.message).toMatch(
      /2021-05-05 falls on a timeline row about something else .*; 2019-03-10 \(Vandelay publishes a notice about the intrusion\.\) is used/,
    );
  });

  it('replaces a disclosure that no row and no dated source supports', () => {
    const { incident, problems } = parseWriteUp(
      front({ incident_start_date: '2019-02-01', disclosure_date: '2019-02-10' }),
      [narrative, ...rows],
    );
    expect(incident.dates.disclosed).toBe('2019-03-10');
    expect(warningAt(problems, 'disclosure_date')?.message).toMatch(/is on no timeline row and no dated source/);
  });

  it('keeps a disclosure a dated source supports when no earlier row reads as one (dates-in-cells.md)', () => {
    const { incident, problems } = loadFixture('dates-in-cells.md');
    expect(incident.dates.disclosed).toBe('2021-01-04');
    expect(problems.filter((p) => p.path === 'disclosure_date')).toEqual([]);
  });

  it('takes the first disclosure row when the front matter gives none, without a warning', () => {
    const { incident, problems } = parseWriteUp(front({ incident_start_date: '2019-02-01' }), [narrative, ...rows]);
    expect(incident.dates.disclosed).toBe('2019-03-10');
    expect(problems.filter((p) => p.path === 'disclosure_date')).toEqual([]);
  });

  it('takes the detection from the first row where the victim learns of it, not the intruders finding something', () => {
    const { incident } = parseWriteUp(front({ incident_start_date: '2019-02-01' }), [narrative, ...rows]);
    expect(incident.dates.detected).toBe('2019-03-05');
    const tagged = incident.timeline.map((e) => [e.date, e.tags]);
    expect(tagged).toEqual([
      ['2019-02-01', []],
      ['2019-03-01', []],
      ['2019-03-05', ['detection']],
      ['2019-03-10', ['disclosure']],
      ['2021-05-05', []],
    ]);
  });

  it('does not take a detection after the disclosure', () => {
    const { incident } = parseWriteUp(front({ incident_start_date: '2019-02-01' }), [
      narrative,
      ...table(
        ['February 1, 2019', 'Intruders log in with a leaked key.'],
        ['March 10, 2019', 'Vandelay publishes a notice about the intrusion.'],
        ['April 2, 2019', 'A customer is notified that its files were read.'],
      ),
    ]);
    expect(incident.dates.detected).toBeUndefined();
  });
});
