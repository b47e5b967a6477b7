/**
 * Digest schedules: turning `digest daily 09:00 Europe/Berlin` into a croner pattern, and finding the period that is
 * due at an injected instant. Every function takes its clock as an argument, so the same code runs in the scheduler,
 * in `digest run-due --now`, and in tests.
 *
 * DST follows croner: a time that does not exist on a spring-forward day runs at the first valid minute after it
 * (02:30 → 03:00), a time that occurs twice on a fall-back day runs once, at its first occurrence.
 *
 * @example
 * const s = scheduleFor({ action: 'daily', time: '09:00', timeZone: 'Europe/Berlin' });
 * if (s.ok) duePeriod({ ...s.schedule, createdAt: '2026-01-01T00:00:00Z' }, new Date('2026-11-30T08:00:05Z'), 6);
 * // → '2026-11-30T08:00:00.000Z'
 */
import { Cron } from 'croner';
import { LRUCache } from 'lru-cache';
import { canonicalTimeZone } from '../core/calendar.js';

/** What a schedule needs to be evaluated (a subscription has these fields). */
export interface ScheduleFields {
  cron: string;
  timeZone: string;
}

export interface Schedule extends ScheduleFields {
  /** how the channel said it, normalised: "daily 09:00 Europe/Berlin", "weekly Monday 09:00 UTC" */
  label: string;
  kind: 'daily' | 'weekly';
}

export type ScheduleRequest =
  | { action: 'daily'; time: string; timeZone?: string }
  | { action: 'weekly'; day: number; time: string; timeZone?: string };

export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; error: string };

/** Sunday = 0, as in cron. */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const EXAMPLE = 'For example: `digest daily 09:00 Europe/Berlin` or `digest weekly monday 09:00 America/New_York`.';

/** `HH:MM` (24-hour, `9:00` allowed) → [hour, minute], or undefined. */
export function parseTime(time: string): [number, number] | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return undefined;
  return [hour, minute];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Validates a daily or weekly request and builds its schedule. `fallbackZone` (the asker's zone) is used when the
 * request names none, then UTC. Nothing is stored by this function; an error says what is wrong with an example.
 */
export function scheduleFor(request: ScheduleRequest, fallbackZone?: string): ScheduleResult {
  const time = parseTime(request.time);
  if (!time) {
    return { ok: false, error: `"${request.time}" is not a time of day. Use 24-hour HH:MM. ${EXAMPLE}` };
  }
  let zone: string | undefined;
  if (request.timeZone) {
    zone = canonicalTimeZone(request.timeZone);
    if (!zone) {
      return {
        ok: false,
        error: `"${request.timeZone}" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or UTC. ${EXAMPLE}`,
      };
    }
  } else {
    zone = (fallbackZone && canonicalTimeZone(fallbackZone)) || 'UTC';
  }
  const [hour, minute] = time;
  const hhmm = `${pad(hour)}:${pad(minute)}`;
  if (request.action === 'daily') {
    return {
      ok: true,
      schedule: { cron: `${minute} ${hour} * * *`, timeZone: zone, label: `daily ${hhmm} ${zone}`, kind: 'daily' },
    };
  }
  const day = request.day;
  if (!Number.isInteger(day) || day < 0 || day > 6) {
    return { ok: false, error: `That is not a day of the week. Use monday … sunday. ${EXAMPLE}` };
  }
  return {
    ok: true,
    schedule: {
      cron: `${minute} ${hour} * * ${day}`,
      timeZone: zone,
      label: `weekly ${WEEKDAYS[day]} ${hhmm} ${zone}`,
      kind: 'weekly',
    },
  };
}

/** Parsed schedules by expression and zone, the most recent 10,000. */
const jobs = new LRUCache<string, Cron>({ max: 10_000 });
function job(fields: ScheduleFields): Cron {
  const key = `${fields.cron}\u0000${fields.timeZone}`;
  let cron = jobs.get(key);
  if (!cron) {
    cron = new Cron(fields.cron, { timezone: fields.timeZone });
    jobs.set(key, cron);
  }
  return cron;
}

/** The latest period start at or before `at`, or undefined when the schedule never ran before it. */
export function latestPeriod(fields: ScheduleFields, at: Date): Date | undefined {
  // croner's previousRuns excludes the reference instant itself; look from one second later and keep the first ≤ at.
  const runs = job(fields).previousRuns(2, new Date(at.getTime() + 1000));
  return runs.find((d) => d.getTime() <= at.getTime());
}

/**
 * The period due at `now`: the latest period start ≤ `now` that is no older than `graceHours` and not before the
 * subscription existed. Only the latest period is ever due, so periods missed before it are never posted.
 * @returns the period start as an ISO string, or undefined when nothing is due
 */
export function duePeriod(
  sub: ScheduleFields & { createdAt?: string },
  now: Date,
  graceHours: number,
): string | undefined {
  const created = sub.createdAt ? Date.parse(sub.createdAt) : Number.NEGATIVE_INFINITY;
  const earliest = Math.max(now.getTime() - graceHours * 3_600_000, created);
  if (earliest > now.getTime()) return undefined;
  // walking forward is several times cheaper with croner than previousRuns, and the window holds few runs
  let due: Date | undefined;
  let at = new Date(earliest - 1);
  for (;;) {
    const next = job(sub).nextRun(at);
    if (!next || next.getTime() > now.getTime()) break;
    due = next;
    at = next;
  }
  return due?.toISOString();
}

/** The first run strictly after `from`. */
export function nextRun(fields: ScheduleFields, from: Date): Date | undefined {
  return job(fields).nextRun(from) ?? undefined;
}

/** "Tuesday 1 December 2026, 09:00 Europe/Berlin (08:00 UTC)": an instant in the channel's zone and in UTC. */
export function describeInstant(instant: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  const utc = instant.toISOString().slice(11, 16);
  const utcDay = instant.toISOString().slice(0, 10);
  const localDay = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(instant)
    .slice(0, 10);
  const utcPart = timeZone === 'UTC' ? '' : ` (${utc} UTC${utcDay === localDay ? '' : ` on ${utcDay}`})`;
  return `${local.replace(' at ', ', ')} ${timeZone}${utcPart}`;
}

/** The schedule in UTC terms at its next run: "daily 08:00 UTC" / "weekly Monday 08:00 UTC" (may shift with DST). */
export function scheduleInUtc(sub: ScheduleFields & { kind: string }, from: Date): string | undefined {
  const next = nextRun(sub, from);
  if (!next) return undefined;
  const hhmm = next.toISOString().slice(11, 16);
  if (sub.kind === 'weekly') return `weekly ${WEEKDAYS[next.getUTCDay()]} ${hhmm} UTC`;
  if (sub.kind === 'daily') return `daily ${hhmm} UTC`;
  return `next at ${hhmm} UTC`;
}
