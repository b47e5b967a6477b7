// ISO dates of any precision: spans, overlaps, descriptions, and date phrases found in questions.
import { describe, expect, it } from 'vitest';
import { findDateRange } from '../../src/core/dates/date-phrases.js';
import { daysBetween, describeDate, describeDays, endOf, overlaps, startOf } from '../../src/core/dates/dates.js';

describe('dates', () => {
  it('gives the first and last day of a month or a year', () => {
    expect(startOf('2023-07')).toBe('2023-07-01');
    expect(endOf('2024-02')).toBe('2024-02-29');
    expect(endOf('2023')).toBe('2023-12-31');
  });
  it('counts days between dates', () => {
    expect(daysBetween('2023-05-15', '2023-06-16')).toBe(32);
    expect(daysBetween('2023-06-16', '2023-07-11')).toBe(25);
  });
  it('tells whether a dated period touches a range', () => {
    const july = { from: '2023-07-01', to: '2023-07-31' };
    expect(overlaps('2023-07', undefined, july)).toBe(true);
    expect(overlaps('2023-06-27', '2023-07-05', july)).toBe(true);
    expect(overlaps('2023-06-30', undefined, july)).toBe(false);
  });
  it('describes dates and spans in words', () => {
    expect(describeDate('2023-07-11')).toBe('11 July 2023');
    expect(describeDate('2023-07')).toBe('July 2023');
    expect(describeDays(1)).toBe('1 day');
    expect(describeDays(32)).toBe('32 days (about 5 weeks)');
    expect(describeDays(400)).toContain('1 year');
  });
});

describe('findDateRange', () => {
  const opts = { yearForMonth: () => 2023 };
  it('reads a month and year', () => {
    expect(findDateRange('what happened in july 2023', {})?.range).toEqual({
      from: '2023-07-01',
      to: '2023-07-31',
      label: 'July 2023',
    });
  });
  it('reads a year, an ISO day and an ISO range', () => {
    expect(findDateRange('timeline 2024', {})?.range.from).toBe('2024-01-01');
    expect(findDateRange('on 2023-06-16', {})?.range).toMatchObject({ from: '2023-06-16', to: '2023-06-16' });
    expect(findDateRange('2023-05-01..2023-06-30', {})?.range).toMatchObject({ from: '2023-05-01', to: '2023-06-30' });
  });
  it('reads month ranges and day-month orders', () => {
    expect(findDateRange('between may and july 2023', opts)?.range).toMatchObject({
      from: '2023-05-01',
      to: '2023-07-31',
    });
    expect(findDateRange('16 june 2023', {})?.range.from).toBe('2023-06-16');
    expect(findDateRange('june 16th', opts)?.range.from).toBe('2023-06-16');
  });
  it('uses the incident year for a month without one', () => {
    expect(findDateRange('in june', opts)?.range.from).toBe('2023-06-01');
  });
  it('does not read "may" the verb as a month', () => {
    expect(findDateRange('what may have happened', opts)).toBeUndefined();
  });
  it('reads before, after and since', () => {
    expect(findDateRange('timeline before 2023-05-15', {})?.range.to).toBe('2023-05-14');
    expect(findDateRange('since 2024', {})?.range.from).toBe('2024-01-01');
  });
  it('reads seasons and relative periods from now', () => {
    expect(findDateRange('summer 2023', {})?.range).toMatchObject({ from: '2023-06-01', to: '2023-08-31' });
    const now = new Date('2025-03-10T12:00:00Z');
    expect(findDateRange('last year', { now })?.range).toMatchObject({ from: '2024-01-01', to: '2024-12-31' });
  });
  it('rejects impossible dates', () => {
    expect(findDateRange('2023-02-30', {})?.range.from).not.toBe('2023-02-30');
  });
});
