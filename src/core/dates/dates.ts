/**
 * Dates as the knowledge base keeps them: ISO strings whose length is their precision (`2023`, `2023-07`,
 * `2023-07-11`). Helpers here compare, span and describe them. Pure: "now" is always a parameter.
 */
import { daysInMonth, MONTH_NAMES } from '../calendar.js';
import type { DateRange } from '../command.js';
import type { Incident } from '../model.js';

export { daysInMonth, MONTH_NAMES } from '../calendar.js';

/** Lower-case month words (full and short) → month number 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((name, i) => {
    const lower = name.toLowerCase();
    const forms: Array<[string, number]> = [
      [lower, i + 1],
      [lower.slice(0, 3), i + 1],
    ];
    if (lower === 'september') forms.push(['sept', 9]);
    return forms;
  }),
);

const pad = (n: number): string => String(n).padStart(2, '0');

/** First day an ISO date of any precision can mean. */
export function startOf(date: string): string {
  if (date.length >= 10) return date.slice(0, 10);
  if (date.length >= 7) return `${date.slice(0, 7)}-01`;
  return `${date.slice(0, 4)}-01-01`;
}

/** Last day an ISO date of any precision can mean. */
export function endOf(date: string): string {
  if (date.length >= 10) return date.slice(0, 10);
  const year = Number(date.slice(0, 4));
  if (date.length >= 7) {
    const month = Number(date.slice(5, 7));
    return `${date.slice(0, 7)}-${pad(daysInMonth(year, month))}`;
  }
  return `${year}-12-31`;
}

/** True when the period [date, endDate] touches the range. */
export function overlaps(date: string, endDate: string | undefined, range: Pick<DateRange, 'from' | 'to'>): boolean {
  return startOf(date) <= endOf(range.to) && endOf(endDate ?? date) >= startOf(range.from);
}

/** Whole days from a to b (day precision of their first days); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  const ms = Date.parse(`${startOf(b)}T00:00:00Z`) - Date.parse(`${startOf(a)}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** The ISO day of an instant (UTC). */
export function isoDay(instant: Date): string {
  return Number.isNaN(instant.getTime()) ? '1970-01-01' : instant.toISOString().slice(0, 10);
}

/** "11 July 2023", "July 2023" or "2023", by precision. */
export function describeDate(date: string): string {
  const year = date.slice(0, 4);
  if (date.length < 7) return year;
  const month = MONTH_NAMES[Number(date.slice(5, 7)) - 1] ?? '';
  if (date.length < 10) return `${month} ${year}`;
  return `${Number(date.slice(8, 10))} ${month} ${year}`;
}

/** "about 6 weeks", "32 days", "1 year and 2 months": a span of days in words. */
export function describeDays(days: number): string {
  const n = Math.abs(days);
  if (n < 14) return `${n} day${n === 1 ? '' : 's'}`;
  if (n < 60) {
    const weeks = Math.round(n / 7);
    return `${n} days (about ${weeks} weeks)`;
  }
  if (n < 365) {
    const months = Math.round(n / 30.44);
    return `${n} days (about ${months} months)`;
  }
  const years = Math.floor(n / 365.25);
  const months = Math.round((n - years * 365.25) / 30.44);
  const yearText = `${years} year${years === 1 ? '' : 's'}`;
  return `${n} days (about ${months > 0 && months < 12 ? `${yearText} and ${months} month${months === 1 ? '' : 's'}` : yearText})`;
}

/** A DateRange for a whole month, year or day. */
export function rangeOf(date: string, label?: string): DateRange {
  return { from: startOf(date), to: endOf(date), label: label ?? describeDate(date) };
}

/** Builds `YYYY-MM-DD` when the parts form a real date. */
export function isoOf(year: number, month?: number, day?: number): string | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return undefined;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The first and last year of an incident's key dates (start, detection, disclosure, end), if it has any. */
export function yearSpan(incident: Incident): { from: number; to: number } | undefined {
  const years = Object.values(incident.dates)
    .filter((d): d is string => typeof d === 'string')
    .map((d) => Number(d.slice(0, 4)));
  return years.length > 0 ? { from: Math.min(...years), to: Math.max(...years) } : undefined;
}
