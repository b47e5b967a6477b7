/**
 * Reads the dates people write in incident write-ups ("**May 15, 2023**", "June&nbsp;16th, 2023", "Late November,
 * 2023", "December 22-26th, 2020", "2022-03-26 (approx)") into ISO dates with their precision. A date it cannot read
 * is reported as unreadable, never guessed.
 *
 * @example
 * parseLooseDate('March 13 - 30, 2020'); // { ok: true, date: '2020-03-13', endDate: '2020-03-30', precision: 'day', … }
 */

import { isRealDate, MONTH_NAMES } from '../core/calendar.js';
import type { DatePrecision } from '../core/model.js';

/** A date read from free text. */
export interface LooseDate {
  ok: true;
  /** ISO date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` */
  date: string;
  /** last day (or month) of a range */
  endDate?: string;
  precision: DatePrecision;
  /** the text carried a qualifier ("late", "approx", a season, a note in brackets) */
  approximate: boolean;
  /** the time of day as written, when there was one */
  time?: string;
  /** the cleaned text the date was read from */
  text: string;
}

/** Why a text is not a date. `none`: it says there is no date ("ongoing", "N/A"); `unreadable`: it could not be read. */
export interface NoDate {
  ok: false;
  kind: 'none' | 'unreadable';
  text: string;
  reason: string;
}

export type LooseDateResult = LooseDate | NoDate;

const MONTH_PREFIXES = MONTH_NAMES.map((name) => name.slice(0, 3).toLowerCase());
const SEASONS: Record<string, [number, number] | undefined> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  winter: undefined,
};
const NO_DATE = /^(n\/?a|none|null|unknown|tbd|tba|ongoing|present|not applicable|-+|\?+)$/i;
const OPEN_END = new Set(['present', 'ongoing', 'now', 'today']);
const QUALIFIERS =
  /\b(early|mid|late|around|about|approx(imately)?|circa|ca|c|roughly|sometime|some time|on or about|by|before|after|end of|beginning of|start of|week of|the|in|of|on)\b\.?/gi;
const APPROXIMATE =
  /\b(early|mid|late|around|about|approx(imately)?|circa|ca|roughly|sometime|some time|on or about|by|before|after|end of|beginning of|start of|week of)\b|~|\bc\.\s/i;
const TIME =
  /\b(\d{1,2}):(\d{2})(?::\d{2})?\s*(?:([ap])\.?m\.?)?(?:\s*\(?\b(?:utc|gmt|[a-z]{1,2}[sd]?t)\b\)?)?|\b(\d{1,2})\s*([ap])\.?m\.?(?=\s|$|[,)])/i;

type Token =
  | { t: 'month'; v: number }
  | { t: 'season'; v: string }
  | { t: 'num'; v: number; raw: string }
  | { t: 'iso'; v: string }
  | { t: 'sep' }
  | { t: 'open' };

interface Part {
  y?: number;
  m?: number;
  d?: number;
  iso?: string;
  season?: string;
  yearGiven: boolean;
}

/** Strips the Markdown and HTML that write-ups put around dates. */
export function cleanDateText(input: string): string {
  return input
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_`]+/g, '')
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.:;|]+$/, '')
    .trim();
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTH_PREFIXES.indexOf(w.slice(0, 3));
  if (i === -1) return undefined;
  return /^[a-z]+$/.test(w) ? i + 1 : undefined;
}

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const re = /(\d{4}-\d{2}(?:-\d{2})?)|([a-z]+\.?)|(\d+)(?:st|nd|rd|th)?|(\.\.|[-–—/])|([,()])|(\S)/gi;
  for (const match of text.matchAll(re)) {
    const [, iso, word, num, sep, punct, other] = match;
    if (iso) tokens.push({ t: 'iso', v: iso });
    else if (word) {
      const lower = word.toLowerCase().replace(/\.$/, '');
      const month = monthOf(lower);
      if (month) tokens.push({ t: 'month', v: month });
      else if (lower in SEASONS) tokens.push({ t: 'season', v: lower });
      else if (['to', 'through', 'thru', 'until', 'till', 'and'].includes(lower)) tokens.push({ t: 'sep' });
      else if (OPEN_END.has(lower)) tokens.push({ t: 'open' });
      else return undefined;
    } else if (num) tokens.push({ t: 'num', v: Number(num), raw: num });
    else if (sep) tokens.push({ t: 'sep' });
    else if (punct) continue;
    else if (other) return undefined;
  }
  return tokens;
}

function readPart(tokens: Token[]): Part | undefined {
  const part: Part = { yearGiven: false };
  for (const token of tokens) {
    if (token.t === 'iso') {
      if (tokens.length !== 1) return undefined;
      const [y, m, d] = token.v.split('-').map(Number);
      return { y, m, d, iso: token.v, yearGiven: true };
    }
    if (token.t === 'month') {
      if (part.m !== undefined || part.season) return undefined;
      part.m = token.v;
    } else if (token.t === 'season') {
      if (part.m !== undefined || part.season) return undefined;
      part.season = token.v;
    } else if (token.t === 'num') {
      if (token.raw.length === 4 && token.v >= 1900 && token.v <= 2100) {
        if (part.y !== undefined) return undefined;
        part.y = token.v;
        part.yearGiven = true;
      } else if (token.raw.length <= 2 && token.v >= 1 && token.v <= 31 && part.y === undefined) {
        if (part.d !== undefined) return undefined;
        part.d = token.v;
      } else return undefined;
    } else return undefined;
  }
  if (part.d !== undefined && part.season) return undefined;
  return part;
}

const pad = (n: number) => String(n).padStart(2, '0');

function toIso(part: Part): string | undefined {
  if (part.y === undefined) return undefined;
  if (part.m === undefined) return part.d === undefined ? String(part.y) : undefined;
  const month = `${part.y}-${pad(part.m)}`;
  if (part.d === undefined) return month;
  const iso = `${month}-${pad(part.d)}`;
  return isRealDate(iso) ? iso : undefined;
}

function precisionOf(iso: string): DatePrecision {
  return iso.length >= 10 ? 'day' : iso.length >= 7 ? 'month' : 'year';
}

function unreadable(text: string, reason: string): NoDate {
  return { ok: false, kind: 'unreadable', text, reason };
}

/** Splits the tokens at the one range separator (a leading or doubled separator is not a range). */
function splitRange(tokens: Token[]): [Token[], Token[] | undefined] | undefined {
  const seps = tokens.flatMap((t, i) => (t.t === 'sep' ? [i] : []));
  if (seps.length === 0) return [tokens, undefined];
  if (seps.length > 1) return undefined;
  const at = seps[0] as number;
  if (at === 0 || at === tokens.length - 1) return undefined;
  return [tokens.slice(0, at), tokens.slice(at + 1)];
}

function seasonRange(part: Part): [Part, Part] | undefined {
  const months = SEASONS[part.season ?? ''];
  if (!months) return undefined;
  return [
    { y: part.y, m: months[0], yearGiven: part.yearGiven },
    { y: part.y, m: months[1], yearGiven: part.yearGiven },
  ];
}

/**
 * Reads a date as a write-up wrote it. Accepts ISO dates and date-times, `Date` values (as YAML may give), month
 * names in any case and common abbreviations, ordinals, qualifiers (early, mid, late, approx), seasons, times of
 * day, and ranges (`22-26th`, `13 - 30`, `August 12th to October 26th`). Without a year the text is unreadable.
 */
export function parseLooseDate(input: unknown): LooseDateResult {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return unreadable(String(input), 'not a valid date');
    const iso = input.toISOString().slice(0, 10);
    return { ok: true, date: iso, precision: 'day', approximate: false, text: iso };
  }
  if (typeof input === 'number' && Number.isInteger(input)) return parseLooseDate(String(input));
  if (typeof input !== 'string') return { ok: false, kind: 'none', text: '', reason: 'no date given' };
  const text = cleanDateText(input);
  if (text === '' || NO_DATE.test(text)) return { ok: false, kind: 'none', text, reason: 'says there is no date' };

  const isoDateTime = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (isoDateTime) {
    const date = isoDateTime[1] as string;
    const valid = toIso({ y: +date.slice(0, 4), m: +date.slice(5, 7), d: +date.slice(8, 10), yearGiven: true });
    if (!valid) return unreadable(text, 'is not a real calendar date');
    return { ok: true, date, precision: 'day', approximate: false, time: isoDateTime[2], text };
  }

  let rest = text;
  let time: string | undefined;
  const timeMatch = TIME.exec(rest);
  if (timeMatch) {
    time = timeMatch[0].trim();
    rest = rest.replace(timeMatch[0], ' ').replace(/\bat\b/i, ' ');
  }
  const quarter = /\b(?:Q([1-4])|([1-4])(?:st|nd|rd|th) quarter(?: of)?)\b/i.exec(rest);
  if (quarter) {
    const q = Number(quarter[1] ?? quarter[2]);
    rest = rest.replace(quarter[0], `${MONTH_NAMES[(q - 1) * 3]} - ${MONTH_NAMES[(q - 1) * 3 + 2]}`);
  }
  const noted = /\([^)\d]*\)/.test(rest);
  const approximate = noted || Boolean(quarter) || APPROXIMATE.test(rest);
  rest = rest
    .replace(/\([^)\d]*\)/g, ' ')
    .replace(/~/g, ' ')
    .replace(QUALIFIERS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[-–—,\s]+/, '');

  const tokens = tokenize(rest);
  if (!tokens || tokens.length === 0) return unreadable(text, 'no date found');
  let openEnded = false;
  if (tokens.at(-1)?.t === 'open') {
    openEnded = true;
    tokens.pop();
    if (tokens.at(-1)?.t === 'sep') tokens.pop();
  }
  if (tokens.some((t) => t.t === 'open')) return unreadable(text, 'cannot read the words around the date');
  const split = splitRange(tokens);
  if (!split) return unreadable(text, 'cannot read the range');
  const start = readPart(split[0]);
  const end = split[1] ? readPart(split[1]) : undefined;
  if (!start || (split[1] && !end)) return unreadable(text, 'cannot read the date');

  let from = start;
  let to = end;
  if (!to && from.season) {
    const range = seasonRange(from);
    if (!range) {
      if (from.y === undefined) return unreadable(text, 'no year');
      return { ok: true, date: String(from.y), precision: 'year', approximate: true, time, text };
    }
    [from, to] = range;
  }
  if (to) {
    if (to.season || from.season) return unreadable(text, 'cannot read a range of seasons');
    if (to.m === undefined && to.d !== undefined && from.m !== undefined) to = { ...to, m: from.m };
    if (from.m === undefined && from.d !== undefined && to.m !== undefined) from = { ...from, m: to.m };
    if (from.y === undefined) from = { ...from, y: to.y };
    if (to.y === undefined) to = { ...to, y: from.y };
  }
  let date = toIso(from);
  let endDate = to ? toIso(to) : undefined;
  if (!date) return unreadable(text, from.y === undefined ? 'no year' : 'is not a real calendar date');
  if (to && !endDate) return unreadable(text, 'cannot read the end of the range');
  if (endDate && endDate < date.slice(0, endDate.length)) {
    const wraps = from.m !== undefined && to?.m !== undefined && from.m > to.m;
    if (wraps && !from.yearGiven && from.y !== undefined) {
      date = toIso({ ...from, y: from.y - 1 }) ?? date;
    }
    if (endDate < date.slice(0, endDate.length)) return unreadable(text, 'the range ends before it starts');
  }
  if (endDate === date) endDate = undefined;
  return {
    ok: true,
    date,
    ...(endDate ? { endDate } : {}),
    precision: precisionOf(date),
    approximate: approximate || openEnded || Boolean(start.season),
    ...(time ? { time } : {}),
    text,
  };
}
