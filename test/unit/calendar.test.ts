// The one calendar, month-name, time-zone and path-list helpers every layer shares.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, daysInMonth, isRealDate, isYear, MONTH_NAMES } from '../../src/core/calendar.js';
import { incidentDirs } from '../../src/kb/path-list.js';

/** What JavaScript's own calendar says: the date survives a round trip through Date. */
const roundTrips = (iso: string) => new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);

describe('isRealDate', () => {
  it('agrees with a round trip through Date on every day-of-month 01–31 of 1899–2101', () => {
    for (let year = 1899; year <= 2101; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          if (isRealDate(iso) !== roundTrips(iso)) throw new Error(`${iso}: ${isRealDate(iso)}`);
        }
      }
    }
  });

  it('knows leap days, month ends, and dates of year or month precision', () => {
    expect(['2024-02-29', '2000-02-29', '2023-04-30', '2023', '2023-12'].map(isRealDate)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['2023-02-29', '1900-02-29', '2023-04-31', '2023-13', '2023-00-10', '2023-01-00'].map(isRealDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2023, 12)]).toEqual([29, 28, 31]);
  });

  it('has the twelve month names in order', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect([MONTH_NAMES[0], MONTH_NAMES[11]]).toEqual(['January', 'December']);
  });
});

describe('isYear', () => {
  it('is a year of 1900 to 2099 written as four digits, nothing else', () => {
    expect(['1999', '2023', '2099'].every(isYear)).toBe(true);
    expect(['1899', '2100', '202', '20234', '2023-07', 'y2023'].some(isYear)).toBe(false);
  });
});

describe('canonicalTimeZone', () => {
  it('spells a zone the IANA way whatever its case, and UTC for its aliases', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone(' America/New_York ')).toBe('America/New_York');
    expect(['utc', 'GMT', 'Z'].map(canonicalTimeZone)).toEqual(['UTC', 'UTC', 'UTC']);
  });

  it('knows no zone the runtime does not know, nor text that cannot be a zone', () => {
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(canonicalTimeZone('not a zone')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });
});

describe('incidentDirs', () => {
  it('splits at the platform delimiter, trims, drops empty parts and resolves against cwd', () => {
    const list = [' data/incidents ', '', '  ', '/abs/write-ups'].join(path.delimiter);
    expect(incidentDirs(list)).toEqual(['data/incidents', '/abs/write-ups']);
    expect(incidentDirs(list, '/srv/bot')).toEqual(['/srv/bot/data/incidents', '/abs/write-ups']);
    expect(incidentDirs(['a', `b${path.delimiter}c`])).toEqual(['a', 'b', 'c']);
  });
});
