/**
 * Dates a question names, met by dated passages: "the june 2024 hearing" is met by a fact dated in June 2024 even
 * when its text never spells the date out.
 */
import { isYear, MONTH_NAMES } from '../calendar.js';
import type { QueryAnalysis } from '../reading/query.js';
import type { SearchHit } from './search-index.js';
import { termOf } from './tokenize.js';

const MONTH_TERMS = MONTH_NAMES.map((name) => name.toLowerCase()).map((m) => termOf(m) ?? m);

/**
 * "the june 2024 hearing": a month or year the question names is met by a dated passage in that month or year,
 * even when its text never spells the date out.
 */
export function withDates(query: QueryAnalysis, hit: SearchHit): SearchHit {
  const date = hit.passage.date;
  if (!date) return hit;
  const end = hit.passage.endDate ?? date;
  const extra: string[] = [];
  for (const { term: t, year, month } of dateTerms(query)) {
    if (hit.matched.has(t)) continue;
    if (year && t >= date.slice(0, 4) && t <= end.slice(0, 4)) extra.push(t);
    if (month > 0 && date.length >= 7) {
      const m = String(month).padStart(2, '0');
      if (date.slice(5, 7) === m || (end.length >= 7 && end.slice(5, 7) === m)) extra.push(t);
    }
  }
  return extra.length === 0 ? hit : { ...hit, matched: new Set([...hit.matched, ...extra]) };
}

/** The question's own words that name a year or a month, in order (found once per question). */
const dateTermsMemo = new WeakMap<QueryAnalysis, Array<{ term: string; year: boolean; month: number }>>();
function dateTerms(query: QueryAnalysis): Array<{ term: string; year: boolean; month: number }> {
  let list = dateTermsMemo.get(query);
  if (!list) {
    list = [];
    for (const c of query.concepts) {
      for (const term of c.own) {
        const year = isYear(term);
        const month = MONTH_TERMS.indexOf(term) + 1;
        if (year || month > 0) list.push({ term, year, month });
      }
    }
    dateTermsMemo.set(query, list);
  }
  return list;
}

/** True when the question names a month or year and the passage is dated in it ("what did they say in july 2023"). */
export function meetsAskedDate(query: QueryAnalysis, passage: SearchHit['passage']): boolean {
  if (dateTerms(query).length === 0) return false;
  const probe: SearchHit = { passage, score: 0, matched: new Set(), prominent: new Set() };
  return withDates(query, probe).matched.size > 0;
}
