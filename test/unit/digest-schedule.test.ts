import { describe, expect, it } from 'vitest';
import {
  describeInstant,
  duePeriod,
  latestPeriod,
  nextRun,
  type Schedule,
  scheduleFor,
  scheduleInUtc,
} from '../../src/digest/schedule.js';

const schedule = (request: Parameters<typeof scheduleFor>[0], fallback?: string): Schedule => {
  const result = scheduleFor(request, fallback);
  if (!result.ok) throw new Error(result.error);
  return result.schedule;
};

/** Every run between two instants, as ISO strings. */
function runsBetween(s: Schedule, from: string, to: string): string[] {
  const out: string[] = [];
  let at = new Date(from);
  for (;;) {
    const next = nextRun(s, at);
    if (!next || next.getTime() > Date.parse(to)) return out;
    out.push(next.toISOString());
    at = next;
  }
}

/** Which periods a poller checking every `stepMinutes` would find due, deduplicated as the ledger would. */
function periodsSeenByPoller(s: Schedule, from: string, to: string, stepMinutes: number): string[] {
  const seen = new Set<string>();
  for (let t = Date.parse(from); t <= Date.parse(to); t += stepMinutes * 60_000) {
    const p = duePeriod({ ...s, createdAt: from }, new Date(t), 6);
    if (p) seen.add(p);
  }
  return [...seen];
}

describe('scheduleFor', () => {
  it('builds daily and weekly croner patterns with a normalised label', () => {
    expect(schedule({ action: 'daily', time: '09:00', timeZone: 'Europe/Berlin' })).toEqual({
      cron: '0 9 * * *',
      timeZone: 'Europe/Berlin',
      label: 'daily 09:00 Europe/Berlin',
      kind: 'daily',
    });
    expect(schedule({ action: 'weekly', day: 1, time: '9:05', timeZone: 'america/new_york' })).toEqual({
      cron: '5 9 * * 1',
      timeZone: 'America/New_York',
      label: 'weekly Monday 09:05 America/New_York',
      kind: 'weekly',
    });
  });

  it("falls back to the asker's zone, then UTC", () => {
    expect(schedule({ action: 'daily', time: '07:30' }, 'Asia/Tokyo').timeZone).toBe('Asia/Tokyo');
    expect(schedule({ action: 'daily', time: '07:30' }).timeZone).toBe('UTC');
    expect(schedule({ action: 'daily', time: '07:30' }, 'Not/AZone').timeZone).toBe('UTC');
  });

  it.each([
    [{ action: 'daily' as const, time: '25:00', timeZone: 'UTC' }, /not a time of day/],
    [{ action: 'daily' as const, time: '09:60', timeZone: 'UTC' }, /not a time of day/],
    [{ action: 'daily' as const, time: 'nine', timeZone: 'UTC' }, /not a time of day/],
    [{ action: 'daily' as const, time: '09:00', timeZone: 'Mars/Olympus' }, /not a time zone/],
    [{ action: 'weekly' as const, day: 7, time: '09:00', timeZone: 'UTC' }, /day of the week/],
  ])('rejects invalid input %o with an example', (request, message) => {
    const result = scheduleFor(request);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error).toContain('digest daily 09:00 Europe/Berlin');
    }
  });
});

describe('daylight-saving changes, 2026', () => {
  it('Europe/Berlin spring forward (29 March): 02:30 goes out once that day, at 03:00 CEST', () => {
    const s = schedule({ action: 'daily', time: '02:30', timeZone: 'Europe/Berlin' });
    expect(runsBetween(s, '2026-03-27T12:00:00Z', '2026-03-31T12:00:00Z')).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T00:30:00.000Z',
      '2026-03-31T00:30:00.000Z',
    ]);
    const polled = periodsSeenByPoller(s, '2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z', 1);
    expect(polled).toEqual(['2026-03-29T01:00:00.000Z']);
  });

  it('Europe/Berlin fall back (25 October): 02:30 happens twice, the digest goes out once', () => {
    const s = schedule({ action: 'daily', time: '02:30', timeZone: 'Europe/Berlin' });
    expect(runsBetween(s, '2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z')).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
    expect(periodsSeenByPoller(s, '2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z', 1)).toEqual([
      '2026-10-25T00:30:00.000Z',
    ]);
  });

  it('Europe/Berlin 09:00 moves from 08:00 UTC to 07:00 UTC and back', () => {
    const s = schedule({ action: 'daily', time: '09:00', timeZone: 'Europe/Berlin' });
    expect(runsBetween(s, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
    ]);
    expect(runsBetween(s, '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
    ]);
  });

  it('America/New_York spring forward (8 March) and fall back (1 November)', () => {
    const s = schedule({ action: 'daily', time: '02:30', timeZone: 'America/New_York' });
    expect(runsBetween(s, '2026-03-07T12:00:00Z', '2026-03-09T12:00:00Z')).toEqual([
      '2026-03-08T07:00:00.000Z',
      '2026-03-09T06:30:00.000Z',
    ]);
    expect(periodsSeenByPoller(s, '2026-03-07T12:00:00Z', '2026-03-08T12:00:00Z', 1)).toEqual([
      '2026-03-08T07:00:00.000Z',
    ]);
    const fall = runsBetween(s, '2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z');
    expect(fall).toHaveLength(2);
    expect(fall[0]?.startsWith('2026-11-01T')).toBe(true);
    expect(periodsSeenByPoller(s, '2026-10-31T12:00:00Z', '2026-11-01T12:00:00Z', 1)).toHaveLength(1);
    const nine = schedule({ action: 'daily', time: '09:00', timeZone: 'America/New_York' });
    expect(runsBetween(nine, '2026-10-31T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
    ]);
  });
});

describe('weekly schedules and calendar boundaries', () => {
  it('runs on the right weekday in the zone, also when UTC is on another day', () => {
    const s = schedule({ action: 'weekly', day: 1, time: '09:00', timeZone: 'America/New_York' });
    const runs = runsBetween(s, '2026-11-01T00:00:00Z', '2026-11-30T23:59:00Z');
    expect(runs).toEqual([
      '2026-11-02T14:00:00.000Z',
      '2026-11-09T14:00:00.000Z',
      '2026-11-16T14:00:00.000Z',
      '2026-11-23T14:00:00.000Z',
      '2026-11-30T14:00:00.000Z',
    ]);
    const tokyo = schedule({ action: 'weekly', day: 1, time: '08:00', timeZone: 'Asia/Tokyo' });
    const first = nextRun(tokyo, new Date('2026-11-01T00:00:00Z'));
    expect(first?.toISOString()).toBe('2026-11-01T23:00:00.000Z');
    expect(first?.getUTCDay()).toBe(0);
    expect(scheduleInUtc({ ...tokyo, kind: 'weekly' }, new Date('2026-11-01T00:00:00Z'))).toBe(
      'weekly Sunday 23:00 UTC',
    );
  });

  it('crosses month and year boundaries', () => {
    const s = schedule({ action: 'daily', time: '23:30', timeZone: 'Europe/Berlin' });
    expect(runsBetween(s, '2026-12-30T00:00:00Z', '2027-01-02T00:00:00Z')).toEqual([
      '2026-12-30T22:30:00.000Z',
      '2026-12-31T22:30:00.000Z',
      '2027-01-01T22:30:00.000Z',
    ]);
    const w = schedule({ action: 'weekly', day: 5, time: '00:15', timeZone: 'UTC' });
    expect(runsBetween(w, '2026-01-25T00:00:00Z', '2026-02-10T00:00:00Z')).toEqual([
      '2026-01-30T00:15:00.000Z',
      '2026-02-06T00:15:00.000Z',
    ]);
    expect(latestPeriod(w, new Date('2027-01-01T00:15:00Z'))?.toISOString()).toBe('2027-01-01T00:15:00.000Z');
  });
});

describe('duePeriod', () => {
  const s = schedule({ action: 'weekly', day: 1, time: '09:00', timeZone: 'Europe/Berlin' });
  const sub = { ...s, createdAt: '2026-11-01T00:00:00.000Z' };

  it('is the period start at the due instant and within the grace window', () => {
    expect(duePeriod(sub, new Date('2026-11-30T08:00:00.000Z'), 6)).toBe('2026-11-30T08:00:00.000Z');
    expect(duePeriod(sub, new Date('2026-11-30T10:17:00Z'), 6)).toBe('2026-11-30T08:00:00.000Z');
    expect(duePeriod(sub, new Date('2026-11-30T14:00:00Z'), 6)).toBe('2026-11-30T08:00:00.000Z');
  });

  it('is nothing a moment before, after the grace window, or for a period before the subscription', () => {
    expect(duePeriod(sub, new Date('2026-11-30T07:59:59.999Z'), 6)).toBeUndefined();
    expect(duePeriod(sub, new Date('2026-11-30T14:00:01Z'), 6)).toBeUndefined();
    expect(
      duePeriod({ ...sub, createdAt: '2026-11-30T08:30:00Z' }, new Date('2026-11-30T09:00:00Z'), 6),
    ).toBeUndefined();
  });

  it('only ever offers the latest period, never the ones missed before it', () => {
    const daily = {
      ...schedule({ action: 'daily', time: '09:00', timeZone: 'UTC' }),
      createdAt: '2026-11-01T00:00:00Z',
    };
    expect(duePeriod(daily, new Date('2026-11-30T10:00:00Z'), 48)).toBe('2026-11-30T09:00:00.000Z');
    expect(duePeriod(daily, new Date('2026-11-30T08:00:00Z'), 48)).toBe('2026-11-29T09:00:00.000Z');
  });
});

describe('describeInstant', () => {
  it("says the instant in the channel's zone and in UTC", () => {
    expect(describeInstant(new Date('2026-12-01T08:00:00Z'), 'Europe/Berlin')).toBe(
      'Tuesday, 1 December 2026, 09:00 Europe/Berlin (08:00 UTC)',
    );
    expect(describeInstant(new Date('2026-12-01T02:00:00Z'), 'America/New_York')).toBe(
      'Monday, 30 November 2026, 21:00 America/New_York (02:00 UTC on 2026-12-01)',
    );
    expect(describeInstant(new Date('2026-12-01T02:00:00Z'), 'UTC')).toBe('Tuesday, 1 December 2026, 02:00 UTC');
  });
});
