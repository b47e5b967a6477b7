import { describe, expect, it } from 'vitest';
import { cleanDateText, parseLooseDate } from '../../src/kb/loose-date.js';

function read(text: unknown) {
  const result = parseLooseDate(text);
  if (!result.ok) return { unreadable: result.kind, reason: result.reason };
  const { date, endDate, precision, approximate, time } = result;
  return { date, endDate, precision, approximate, time };
}

describe('parseLooseDate: single dates', () => {
  it.each([
    ['2023-07-11', '2023-07-11', 'day'],
    ['2023-07', '2023-07', 'month'],
    ['2023', '2023', 'year'],
    ['May 15, 2023', '2023-05-15', 'day'],
    ['May 15 2023', '2023-05-15', 'day'],
    ['15 May 2023', '2023-05-15', 'day'],
    ['15th of May, 2023', '2023-05-15', 'day'],
    ['**May 15, 2023**', '2023-05-15', 'day'],
    ['June&nbsp;16th, 2023', '2023-06-16', 'day'],
    ['September\u00a025th,\u00a02018', '2018-09-25', 'day'],
    ['September 19,  2018', '2018-09-19', 'day'],
    ['September 06, 2023', '2023-09-06', 'day'],
    ['Sept 13, 2023', '2023-09-13', 'day'],
    ['Aug 5th, 2019', '2019-08-05', 'day'],
    ['Janurary 15th, 2024', '2024-01-15', 'day'],
    ['NOVEMBER 21ST, 2017', '2017-11-21', 'day'],
    ['March 2021', '2021-03', 'month'],
    ['Feb. 2021', '2021-02', 'month'],
    ['**April 2018**', '2018-04', 'month'],
    ['July 28th, 2020.', '2020-07-28', 'day'],
    ['May 1st, 2020<br>', '2020-05-01', 'day'],
  ])('reads %j as %s', (text, date, precision) => {
    expect(read(text)).toEqual({ date, endDate: undefined, precision, approximate: false, time: undefined });
  });

  it('reads a YAML Date value and an ISO date-time by their calendar day', () => {
    expect(read(new Date('2014-11-09T00:00:00Z'))).toMatchObject({ date: '2014-11-09', precision: 'day' });
    expect(read('2023-05-25T05:15:19-04:00')).toMatchObject({ date: '2023-05-25', time: '05:15:19' });
  });
});

describe('parseLooseDate: vague dates keep their vagueness', () => {
  it.each([
    ['Late November, 2023', '2023-11', 'month'],
    ['early March 2021', '2021-03', 'month'],
    ['Mid-2021', '2021', 'year'],
    ['around June 2022', '2022-06', 'month'],
    ['2022-03-26 (approx)', '2022-03-26', 'day'],
    ['approximately May 4, 2020', '2020-05-04', 'day'],
    ['~2019', '2019', 'year'],
  ])('reads %j as an approximate %s', (text, date, precision) => {
    expect(read(text)).toMatchObject({ date, precision, approximate: true });
  });

  it('reads a quarter as a range of months', () => {
    expect(read('Q3 2021')).toMatchObject({ date: '2021-07', endDate: '2021-09', approximate: true });
    expect(read('2nd quarter of 2022')).toMatchObject({ date: '2022-04', endDate: '2022-06', approximate: true });
  });

  it('reads "the week of" as an approximate day', () => {
    expect(read('the week of March 13, 2020')).toMatchObject({ date: '2020-03-13', approximate: true });
  });

  it('reads a season as a range of months', () => {
    expect(read('Summer 2021')).toMatchObject({ date: '2021-06', endDate: '2021-08', approximate: true });
  });

  it('keeps the time of day', () => {
    expect(read('June 16, 2023 14:30 UTC')).toMatchObject({
      date: '2023-06-16',
      time: '14:30 UTC',
      approximate: false,
    });
    expect(read('March 3rd, 2022 at 9am')).toMatchObject({ date: '2022-03-03', time: '9am' });
    expect(read('**January 12, 2024**, 10:05 p.m.')).toMatchObject({ date: '2024-01-12', time: '10:05 p.m' });
  });
});

describe('parseLooseDate: ranges', () => {
  it.each([
    ['December 22-26th, 2020', '2020-12-22', '2020-12-26'],
    ['March 13 - 30, 2020', '2020-03-13', '2020-03-30'],
    ['August 12th to October 26th, 2022', '2022-08-12', '2022-10-26'],
    ['13–30 March 2020', '2020-03-13', '2020-03-30'],
    ['April - August 2021', '2021-04', '2021-08'],
    ['December 30 - January 2, 2021', '2020-12-30', '2021-01-02'],
    ['2021-04 .. 2021-08', '2021-04', '2021-08'],
    ['June 2021 through September 2021', '2021-06', '2021-09'],
  ])('reads %j as %s to %s', (text, date, endDate) => {
    expect(read(text)).toMatchObject({ date, endDate });
  });

  it('reads an open-ended range as its start, marked approximate', () => {
    expect(read('March 2021 - present')).toEqual({
      date: '2021-03',
      endDate: undefined,
      precision: 'month',
      approximate: true,
      time: undefined,
    });
  });
});

describe('parseLooseDate: what it refuses to guess', () => {
  it.each(['ongoing', 'N/A', 'n/a', 'unknown', 'TBD', '', '   '])('%j says there is no date', (text) => {
    expect(read(text)).toMatchObject({ unreadable: 'none' });
  });

  it.each([
    ['May 15', 'no year'],
    ['yesterday', 'no date found'],
    ['the week after the breach', 'no date found'],
    ['February 30, 2023', 'not a real calendar date'],
    ['07/11/2023', 'cannot read the range'],
    ['March 30 - 13, 2020', 'ends before it starts'],
    ['2023-13-01', ''],
    ['Q5 2023', ''],
    ['2014 & 2016', ''],
  ])('%j is unreadable', (text, reason) => {
    const result = read(text);
    expect(result).toMatchObject({ unreadable: 'unreadable' });
    expect(String((result as { reason: string }).reason)).toContain(reason);
  });

  it('does not read non-strings as dates', () => {
    expect(read(undefined)).toMatchObject({ unreadable: 'none' });
    expect(read({ year: 2020 })).toMatchObject({ unreadable: 'none' });
  });
});

describe('cleanDateText', () => {
  it('drops Markdown emphasis, HTML breaks, entities and trailing punctuation', () => {
    expect(cleanDateText('**June&nbsp;16th,<br/> 2023**:')).toBe('June 16th, 2023');
  });
});
