/**
 * Finds a date or date range in what a person typed: "july 2023", "2023", "june 16", "2023-05-01..2023-06-30",
 * "may to july 2023", "summer 2023", "before 2023", "last year". Returns the range and the words it used, so the
 * rest of the text can still filter.
 *
 * @example
 * findDateRange('anything in july 2023', {})?.range // { from: '2023-07-01', to: '2023-07-31', label: 'July 2023' }
 */
import type { DateRange } from '../command.js';
import { describeDate, endOf, isoOf, MONTH_NAMES, MONTHS, startOf } from './dates.js';

export interface DatePhraseOptions {
  /** the instant "last year" and "this month" are measured from */
  now?: Date;
  /** the year a month without one most likely means (e.g. the incident's busiest year for that month) */
  yearForMonth?: (month: number) => number | undefined;
}

export interface DatePhrase {
  range: DateRange;
  /** the exact text that expressed the date */
  matched: string;
}

const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const ISO = '((?:19|20)\\d{2}(?:-\\d{2}(?:-\\d{2})?)?)';
const SEP = '\\s*(?:\\.\\.|to|until|till|through|thru|and|-)\\s*';
const LOW = '1900-01-01';
const HIGH = '2199-12-31';

const SEASONS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  winter: [12, 2],
};

function monthPoint(monthWord: string, day: string | undefined, year: string | undefined, options: DatePhraseOptions) {
  const month = MONTHS.get(monthWord);
  if (!month) return undefined;
  const y = year ? Number(year) : options.yearForMonth?.(month);
  if (y === undefined) return undefined;
  const iso = isoOf(y, month, day ? Number(day) : undefined);
  return iso ? { iso, label: describeDate(iso) } : undefined;
}

function range(from: string, to: string, label: string): DateRange {
  return { from: startOf(from), to: endOf(to), label };
}

// compiled once (none is global, so none keeps state between uses)
const ISO_RANGE = new RegExp(`\\b${ISO}${SEP}${ISO}\\b`);
const MONTH_RANGE = new RegExp(
  `\\b(?:between\\s+|from\\s+)?${MONTH}(?:\\s+${DAY})?(?:,?\\s+${YEAR})?${SEP}${MONTH}(?:\\s+${DAY})?(?:,?\\s+${YEAR})?\\b`,
);
const BEFORE_AFTER = new RegExp(
  `\\b(before|prior to|after|since)\\s+(?:${ISO}|${MONTH}(?:\\s+${DAY})?(?:,?\\s+${YEAR})?)\\b`,
);
const DAY_MONTH = new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?\\b`);
const MONTH_DAY = new RegExp(`\\b${MONTH}(?:\\s+${DAY}(?!\\d))?(?:,?\\s+${YEAR})?\\b`);
const ISO_DATE = new RegExp(`(?<![\\w.-])${ISO}(?![\\w.]|-\\d)`);

type Rule = (text: string, options: DatePhraseOptions) => DatePhrase | undefined;

const RULES: Rule[] = [
  // 2023-05-01..2023-06-30, 2023-05 to 2023-07
  (text) => {
    const m = ISO_RANGE.exec(text);
    if (!m?.[1] || !m[2] || !isoOf(Number(m[1].slice(0, 4)))) return undefined;
    const [a, b] = m[1] <= m[2] ? [m[1], m[2]] : [m[2], m[1]];
    return { range: range(a, b, `${describeDate(a)} to ${describeDate(b)}`), matched: m[0] };
  },
  // may 15 to june 16 2023, may to july 2023, between may and july
  (text, options) => {
    const m = MONTH_RANGE.exec(text);
    if (!m?.[1] || !m[4]) return undefined;
    const year = m[6] ?? m[3];
    const a = monthPoint(m[1], m[2], m[3] ?? year, options);
    const b = monthPoint(m[4], m[5], year, options);
    if (!a || !b) return undefined;
    return { range: range(a.iso, b.iso, `${a.label} to ${b.label}`), matched: m[0] };
  },
  // summer 2023
  (text, options) => {
    const m = /\b(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?((?:19|20)\d{2}))?\b/.exec(text);
    if (!m?.[1]) return undefined;
    const season = SEASONS[m[1]];
    const year = m[2] ? Number(m[2]) : options.yearForMonth?.(season?.[0] ?? 6);
    if (!season || !year) return undefined;
    const endYear = season[1] < season[0] ? year + 1 : year;
    const from = isoOf(year, season[0]);
    const to = isoOf(endYear, season[1]);
    if (!from || !to) return undefined;
    return { range: range(from, to, `${m[1]} ${year}`), matched: m[0] };
  },
  // before/after/since <date>
  (text, options) => {
    const m = BEFORE_AFTER.exec(text);
    if (!m?.[1]) return undefined;
    const point = m[2]
      ? { iso: m[2], label: describeDate(m[2]) }
      : m[3]
        ? monthPoint(m[3], m[4], m[5], options)
        : undefined;
    if (!point) return undefined;
    if (m[1] === 'before' || m[1] === 'prior to') {
      const end = dayBefore(startOf(point.iso));
      return { range: { from: LOW, to: end, label: `before ${point.label}` }, matched: m[0] };
    }
    const from = m[1] === 'since' ? startOf(point.iso) : dayAfter(endOf(point.iso));
    return { range: { from, to: HIGH, label: `${m[1]} ${point.label}` }, matched: m[0] };
  },
  // 16 june 2023
  (text, options) => {
    const m = DAY_MONTH.exec(text);
    if (!m?.[1] || !m[2]) return undefined;
    const point = monthPoint(m[2], m[1], m[3], options);
    return point ? { range: range(point.iso, point.iso, point.label), matched: m[0] } : undefined;
  },
  // june 16 2023, june 16th, june 2023, in may
  (text, options) => {
    const m = MONTH_DAY.exec(text);
    if (!m?.[1]) return undefined;
    if (m[1] === 'may' || m[1] === 'mar') {
      // "may" and "mar" are also verbs: only take them with a day, a year or a preposition
      const before = text.slice(0, m.index);
      if (!m[2] && !m[3] && !/\b(in|of|during|early|mid|late|since|by|until|throughout|from)\s*$/.test(before)) {
        return undefined;
      }
    }
    const point = monthPoint(m[1], m[2], m[3], options);
    return point ? { range: range(point.iso, point.iso, point.label), matched: m[0] } : undefined;
  },
  // 7/11/2023 (US order)
  (text) => {
    const m = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\b/.exec(text);
    if (!m) return undefined;
    const iso = isoOf(Number(m[3]), Number(m[1]), Number(m[2]));
    return iso ? { range: range(iso, iso, describeDate(iso)), matched: m[0] } : undefined;
  },
  // 2023-07-11, 2023-07, 2023
  (text) => {
    const m = ISO_DATE.exec(text);
    if (!m?.[1]) return undefined;
    const parts = m[1].split('-').map(Number);
    const iso = isoOf(parts[0] ?? 0, parts[1], parts[2]);
    return iso ? { range: range(iso, iso, describeDate(iso)), matched: m[0] } : undefined;
  },
  // last year, this month, last week
  (text, options) => {
    const m = /\b(last|this|past|previous)\s+(year|month|week)\b/.exec(text);
    if (!m?.[1] || !m[2] || !options.now || Number.isNaN(options.now.getTime())) return undefined;
    const now = options.now;
    const y = now.getUTCFullYear();
    const mo = now.getUTCMonth() + 1;
    const back = m[1] === 'this' ? 0 : 1;
    if (m[2] === 'year') {
      const iso = String(y - back);
      return { range: range(iso, iso, `${m[1]} year (${iso})`), matched: m[0] };
    }
    if (m[2] === 'month') {
      const date = new Date(Date.UTC(y, mo - 1 - back, 1));
      const iso = date.toISOString().slice(0, 7);
      return { range: range(iso, iso, `${m[1]} month (${describeDate(iso)})`), matched: m[0] };
    }
    const end = now.toISOString().slice(0, 10);
    const start = new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
    return { range: { from: start, to: end, label: `${m[1]} week` }, matched: m[0] };
  },
];

function shiftDay(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
const dayBefore = (iso: string) => shiftDay(iso, -1);
const dayAfter = (iso: string) => shiftDay(iso, 1);

/** The first date or range in the (lower-cased) text, or undefined. */
export function findDateRange(text: string, options: DatePhraseOptions): DatePhrase | undefined {
  const lower = text.toLowerCase();
  for (const rule of RULES) {
    const found = rule(lower, options);
    if (found) return found;
  }
  return undefined;
}

/** Capitalized month name for a 1-based month. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}
