/** Counts and amounts in a fact's text: "40 million users", "$432 million", "126 buckets". */
import { isYear } from '../calendar.js';

const MONTH_BEFORE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;
/** an amount of money, a number with thousands separators or a scale word, a percentage */
const AMOUNT =
  /[$€£]\s?\d|\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\s*(?:million|billion|thousand|hundred|[kmb]n?|%|percent)\b|\b(?:hundreds|thousands|millions|billions|dozens) of\b/i;
/** a plain number before a word ("126 buckets", "27 customers"), not a year */
const PLAIN_COUNT = /\b(\d+)\s+[a-z]/gi;

/** a number right after "2023-07-" or "07/": the rest of a date */
const PART_OF_DATE = /\d[-/]$/;

/** one word that is a number: "126", "60,000", "60k", "1.5m", "2bn", "$35m", "40%" */
const NUMBER_WORD = /^[$€£]?\d[\d,.]*(?:k|m|mm|bn|b|%)?\+?$/i;

/**
 * True when a plain number among the words ("31", "60,000") is followed, within `reach` words, by a word that
 * `counted` accepts (given the word and its position): "31 log categories", "22 enterprise organizations".
 */
export function numberBefore(
  ws: readonly string[],
  reach: number,
  counted: (word: string, at: number) => boolean,
): boolean {
  return ws.some(
    (w, i) => /^\d[\d,.]*$/.test(w) && ws.slice(i + 1, i + 1 + reach).some((u, k) => counted(u, i + 1 + k)),
  );
}

/** True when the word is a number or an amount, never a name. */
export function isNumberWord(word: string): boolean {
  return NUMBER_WORD.test(word);
}

/** True when the text holds a count or an amount, not only dates. */
export function holdsCount(text: string): boolean {
  if (AMOUNT.test(text)) return true;
  for (const m of text.matchAll(PLAIN_COUNT)) {
    const n = m[1] as string;
    if (isYear(n)) continue;
    if (MONTH_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    // the day of a date written 2023-07-14, not a count
    if (PART_OF_DATE.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    return true;
  }
  return false;
}

/** a count of people, accounts or records ("over 40 million users", "60,000 emails", "thousands of customers") */
const COUNTED =
  /\b(?:\d[\d,.]*(?:\s*(?:million|billion|thousand|hundred|[kmb]))?|hundreds|thousands|millions|billions)\s+(?:of\s+)?(?:[a-z-]+\s+)?(?:users|customers|records|accounts|people|persons|employees|passengers|individuals|members|patients|subscribers|clients|organi[sz]ations|companies|students|drivers|riders|emails|mailboxes|files|rows)\b/i;

/** True when the text counts people, accounts or records. */
export function countsAffected(text: string): boolean {
  return COUNTED.test(text) && holdsCount(text);
}

/** a stated length of time: "19 hrs", "681 days", "5 months", "almost two years", "a few weeks" */
const SPAN =
  /\b(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)\s*(?:-\s*)?(?:hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?)\b/i;

/** True when the text states a length of time. */
export function holdsSpan(text: string): boolean {
  return SPAN.test(text);
}

/** an amount of money: "$2.4M", "US$35 Million", "15,000$", "EUR 3 million", "12 million dollars" */
const MONEY =
  /[$€£]\s?\d|\d[\d,.]*\s?[$€£]|\b(?:usd|eur|gbp)\s?\d|\b\d[\d,.]*\s*(?:million|billion|thousand|[kmb]n?)?\s*(?:dollars|euros|pounds|usd|eur|gbp)\b/i;

/** True when the text gives an amount of money. */
export function holdsMoney(text: string): boolean {
  return MONEY.test(text);
}

/** a published vulnerability's id: "CVE-2021-21311" */
const VULNERABILITY_ID = /\bcve-\d{4}-\d{4,}\b/i;

/** True when the text names a vulnerability by its CVE id. */
export function holdsVulnerabilityId(text: string): boolean {
  return VULNERABILITY_ID.test(text);
}
