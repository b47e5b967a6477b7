/**
 * Calendar facts, in one place for the core, the knowledge-base loader and the digest scheduler: the month names,
 * whether a date exists, and the canonical spelling of an IANA time zone. Pure: no clock, no I/O.
 *
 * @example
 * isRealDate('2023-02-29') // false
 * canonicalTimeZone('europe/berlin') // 'Europe/Berlin'
 */

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A word that is a year as questions and facts write one ("2023"): 1900 to 2099. */
export function isYear(word: string): boolean {
  return /^(19|20)\d\d$/.test(word);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True in a leap year of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-based month). Out-of-range months roll over as `Date.UTC` rolls them. */
export function daysInMonth(year: number, month: number): number {
  if (Number.isInteger(year) && year >= 100 && Number.isInteger(month) && month >= 1 && month <= 12) {
    return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * True when an ISO date of any precision (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) names a month and day that exist;
 * the shape itself is the caller's to check.
 */
export function isRealDate(iso: string): boolean {
  if (iso.length < 7) return true;
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (iso.length < 10) return true;
  const day = Number(iso.slice(8, 10));
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

const UTC_WORDS = /^(utc|gmt|z|zulu)$/i;
const ZONE_WORD = /^[A-Za-z][A-Za-z0-9_+\-/]{1,40}$/;
let zones: Map<string, string> | undefined;

/**
 * The canonical IANA name of a time zone typed in any case ("europe/berlin" → "Europe/Berlin", "gmt" → "UTC"), or
 * undefined when the runtime does not know it.
 */
export function canonicalTimeZone(word: string): string | undefined {
  const w = word.trim();
  if (UTC_WORDS.test(w)) return 'UTC';
  if (!ZONE_WORD.test(w)) return undefined;
  if (!zones) {
    zones = new Map();
    const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    for (const zone of list) zones.set(zone.toLowerCase(), zone);
  }
  const known = zones.get(w.toLowerCase());
  if (known) return known;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: w }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
