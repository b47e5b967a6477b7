/**
 * Checks the schema cannot make, run on the raw data so they are reported together with the schema problems:
 * cited sources exist, ids are unique, corrections point somewhere, periods end after they start, a recommendation's
 * history is in order with only its last period open, the defender's checks name real indicators and its search
 * window covers them, IPs are plain.
 */
import { isIP } from 'node:net';
import type { KbProblem } from '../core/model.js';
import type { DocPath, ProblemList } from './problems.js';

/** True when `value` is an IPv4 or IPv6 address. */
export function isIpAddress(value: string): boolean {
  return isIP(value) !== 0;
}

type Row = Record<string, unknown>;

/** The fact lists of an incident, by path. */
const FACT_LISTS: ReadonlyArray<DocPath> = [
  ['timeline'],
  ['victims'],
  ['attribution', 'details'],
  ['technique', 'details'],
  ['aftermath'],
  ['recommendations'],
  ['indicators'],
  ['glossary'],
  ['lessons'],
  ['defender', 'notification'],
  ['defender', 'checks'],
];

function rowsAt(data: unknown, path: DocPath): Array<{ row: Row; path: PropertyKey[] }> {
  let node: unknown = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return [];
    node = (node as Row)[segment as string];
  }
  if (!Array.isArray(node)) return [];
  return node.flatMap((row, i) =>
    row !== null && typeof row === 'object' && !Array.isArray(row) ? [{ row: row as Row, path: [...path, i] }] : [],
  );
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** `end` is before `start`, comparing at the coarser of the two precisions. */
export function endsBeforeStart(start: string, end: string): boolean {
  const n = Math.min(start.length, end.length);
  return end.slice(0, n) < start.slice(0, n);
}

/**
 * Runs the cross-reference checks on one incident's data (valid or not) and adds what it finds to `problems`.
 * `lineOf` gives the line of a path in the file.
 */
export function checkIncidentReferences(data: unknown, lineOf: (path: DocPath) => number, problems: ProblemList): void {
  const sourceIds = new Map<string, PropertyKey[]>();
  for (const { row, path } of rowsAt(data, ['sources'])) {
    const id = str(row.id);
    if (id === undefined) continue;
    const first = sourceIds.get(id);
    if (first)
      problems.error(
        lineOf([...path, 'id']),
        [...path, 'id'],
        `duplicate source id "${id}" (first at line ${lineOf(first)})`,
      );
    else sourceIds.set(id, [...path, 'id']);
  }

  const factIds = new Map<string, PropertyKey[]>();
  const facts = FACT_LISTS.flatMap((list) => rowsAt(data, list));
  for (const { row, path } of facts) {
    const id = str(row.id);
    if (id === undefined) continue;
    const first = factIds.get(id);
    if (first) {
      problems.error(
        lineOf([...path, 'id']),
        [...path, 'id'],
        `duplicate id "${id}" (first used at line ${lineOf(first)})`,
      );
    } else factIds.set(id, [...path, 'id']);
  }

  const status = (data as Row | undefined)?.status;
  const citing = [...facts, ...nestedCitingRows(data)];
  if (status && typeof status === 'object') citing.push({ row: status as Row, path: ['status'] });
  citing.push(...rowsAt(data, ['detections']));
  for (const { row, path } of citing) {
    strings(row.sources).forEach((id, i) => {
      if (!sourceIds.has(id)) {
        const where = [...path, 'sources', i];
        problems.error(lineOf(where), where, `unknown source id "${id}" (not in this incident's sources)`);
      }
    });
  }

  for (const { row, path } of facts) {
    strings(row.corrects).forEach((id, i) => {
      if (!factIds.has(id)) {
        const where = [...path, 'corrects', i];
        problems.error(lineOf(where), where, `corrects "${id}", which is not an id in this incident`);
      }
    });
    const supersededBy = str(row.supersededBy);
    if (supersededBy !== undefined && !factIds.has(supersededBy)) {
      const where = [...path, 'supersededBy'];
      problems.error(lineOf(where), where, `supersededBy "${supersededBy}", which is not an id in this incident`);
    }
    if (supersededBy !== undefined && supersededBy === str(row.id)) {
      problems.error(lineOf([...path, 'supersededBy']), [...path, 'supersededBy'], 'a fact cannot supersede itself');
    }
  }

  checkPeriods(data, lineOf, problems);
  checkHistories(data, lineOf, problems);
  checkDefender(data, lineOf, problems);
  checkDetections(data, lineOf, problems);

  for (const { row, path } of rowsAt(data, ['indicators'])) {
    const value = str(row.value);
    if (row.type === 'ip' && value !== undefined && !isIpAddress(value)) {
      problems.error(
        lineOf([...path, 'value']),
        [...path, 'value'],
        `"${value}" is not a valid IPv4 or IPv6 address (store it plain: no brackets, no defanging, no port)`,
      );
    }
  }
}

/** The object at `path`, if it is one. */
function objectAt(data: unknown, path: DocPath): Row | undefined {
  let node: unknown = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Row)[segment as string];
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Row) : undefined;
}

/** Rows below the fact lists that cite sources too: recommendation history entries, the defender's search window. */
function nestedCitingRows(data: unknown): Array<{ row: Row; path: PropertyKey[] }> {
  const rows = rowsAt(data, ['recommendations']).flatMap(({ path }) => rowsAt(data, [...path, 'history']));
  const window = objectAt(data, ['defender', 'window']);
  if (window) rows.push({ row: window, path: ['defender', 'window'] });
  return rows;
}

/**
 * The defender's checks name indicators that exist, and its search window covers every indicator's first and last
 * sighting (a window that misses one would tell a tenant to stop searching too early).
 */
function checkDefender(data: unknown, lineOf: (path: DocPath) => number, problems: ProblemList): void {
  const indicators = rowsAt(data, ['indicators']);
  const ids = new Set(indicators.map(({ row }) => str(row.id)));
  for (const { row, path } of rowsAt(data, ['defender', 'checks'])) {
    strings(row.indicators).forEach((id, i) => {
      if (!ids.has(id)) {
        const where = [...path, 'indicators', i];
        problems.error(lineOf(where), where, `indicator "${id}" is not an indicator id of this incident`);
      }
    });
  }
  const window = objectAt(data, ['defender', 'window']);
  const from = str(window?.from);
  const to = str(window?.to);
  if (from === undefined || to === undefined) return;
  for (const { row } of indicators) {
    const first = str(row.firstSeen);
    const last = str(row.lastSeen);
    const outside =
      (first !== undefined && endsBeforeStart(from, first)) || (last !== undefined && endsBeforeStart(last, to));
    if (outside) {
      const at = ['defender', 'window'];
      problems.warn(
        lineOf(at),
        at,
        `the search window ${from}..${to} does not cover indicator "${str(row.id)}" (${first ?? '?'}..${last ?? '?'}); widen it`,
      );
    }
  }
}

/**
 * A recommendation's `history` is in date order, each period ends after it starts, and only the last entry (the one
 * that holds now) is open-ended.
 */
function checkHistories(data: unknown, lineOf: (path: DocPath) => number, problems: ProblemList): void {
  for (const { path: recommendation } of rowsAt(data, ['recommendations'])) {
    const entries = rowsAt(data, [...recommendation, 'history']);
    let previous: string | undefined;
    entries.forEach(({ row, path }, i) => {
      const from = str(row.from);
      const until = str(row.until);
      if (from !== undefined && until !== undefined && endsBeforeStart(from, until)) {
        problems.error(lineOf([...path, 'until']), [...path, 'until'], `until ${until} is before from ${from}`);
      }
      if (from !== undefined && previous !== undefined && endsBeforeStart(previous, from)) {
        problems.error(
          lineOf([...path, 'from']),
          [...path, 'from'],
          `history out of order: ${from} comes after ${previous}; list the periods oldest first`,
        );
      }
      if (from !== undefined) previous = from;
      const last = i === entries.length - 1;
      if (!last && until === undefined) {
        problems.error(
          lineOf([...path, 'period']),
          path,
          'only the last history entry may be open-ended (no until): give this one the date it stopped holding',
        );
      }
      if (last && until !== undefined) {
        problems.warn(
          lineOf([...path, 'until']),
          [...path, 'until'],
          'the last history entry has an until date, so nothing is said to hold now; drop until, or add the period that followed',
        );
      }
    });
  }
}

function checkPeriods(data: unknown, lineOf: (path: DocPath) => number, problems: ProblemList): void {
  const pairs: Array<{ row: Row; path: PropertyKey[]; start: string; end: string }> = [];
  for (const { row, path } of rowsAt(data, ['timeline'])) pairs.push({ row, path, start: 'date', end: 'endDate' });
  for (const { row, path } of rowsAt(data, ['indicators']))
    pairs.push({ row, path, start: 'firstSeen', end: 'lastSeen' });
  const dates = (data as Row | undefined)?.dates;
  if (dates && typeof dates === 'object')
    pairs.push({ row: dates as Row, path: ['dates'], start: 'start', end: 'end' });
  const window = objectAt(data, ['defender', 'window']);
  if (window) pairs.push({ row: window, path: ['defender', 'window'], start: 'from', end: 'to' });
  for (const { row, path, start, end } of pairs) {
    const from = str(row[start]);
    const to = str(row[end]);
    if (from !== undefined && to !== undefined && endsBeforeStart(from, to)) {
      problems.error(lineOf([...path, end]), [...path, end], `${end} ${to} is before ${start} ${from}`);
    }
  }
  let previous: string | undefined;
  for (const { row, path } of rowsAt(data, ['timeline'])) {
    const date = str(row.date);
    if (date === undefined) continue;
    if (previous !== undefined && endsBeforeStart(previous, date)) {
      problems.warn(
        lineOf([...path, 'date']),
        [...path, 'date'],
        `timeline out of order: ${date} comes after ${previous}`,
      );
    }
    previous = date;
  }
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a count of months; a date of year precision counts as its December. */
function monthNumber(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : 12;
  return year * 12 + month - 1;
}

/**
 * A warning when a curated incident's `status.asOf` is more than `maxAgeMonths` whole months before `today` (both ISO
 * dates; `today` comes from the caller, never from a clock here). Write-ups converted from breaches.cloud are
 * snapshots of someone else's page and are not checked. The problem has no file of its own: it names the incident.
 */
export function staleStatusProblem(
  incident: { id: string; origin: string; status: { asOf: string } },
  today: string,
  maxAgeMonths: number,
): KbProblem | undefined {
  if (incident.origin !== 'native') return undefined;
  const age = monthNumber(today) - monthNumber(incident.status.asOf);
  if (age <= maxAgeMonths) return undefined;
  return {
    file: incident.id,
    line: 0,
    path: 'status.asOf',
    severity: 'warning',
    message:
      `status.asOf ${incident.status.asOf} is ${age} months before ${today}, more than ${maxAgeMonths}: check the ` +
      'incident against newer sources, then update status.text and status.asOf',
  };
}

const HEX_VALUE = /^(?:[0-9a-f]{2})+$/i;

/**
 * A detection's conditions each give values (literal or from indicators of a type the incident has), a `base64url`
 * form is asked only of hex values, and its window ends after it starts: otherwise a generated query would search
 * for nothing or for the wrong thing.
 */
function checkDetections(data: unknown, lineOf: (path: DocPath) => number, problems: ProblemList): void {
  const indicators = rowsAt(data, ['indicators']).map(({ row }) => row);
  const seen = new Map<string, PropertyKey[]>();
  for (const { row, path } of rowsAt(data, ['detections'])) {
    const id = str(row.id);
    const first = id === undefined ? undefined : seen.get(id);
    if (first)
      problems.error(
        lineOf([...path, 'id']),
        [...path, 'id'],
        `duplicate detection id "${id}" (first at line ${lineOf(first)})`,
      );
    else if (id !== undefined) seen.set(id, [...path, 'id']);
    rowsAt(row, ['where']).forEach(({ row: condition }, i) => {
      const at = [...path, 'where', i];
      const types = strings(condition.indicators);
      if (strings(condition.values).length === 0 && types.length === 0) {
        problems.error(lineOf(at), at, 'a condition needs "values" or "indicators" (the types whose values it takes)');
      }
      types.forEach((type, t) => {
        const found = indicators.filter((ind) => ind.type === type);
        const where = [...at, 'indicators', t];
        if (found.length === 0) {
          problems.error(
            lineOf(where),
            where,
            `no indicator of type "${type}" in this incident, so nothing to search for`,
          );
        } else if (
          strings(condition.forms).includes('base64url') &&
          !found.some((ind) => HEX_VALUE.test(str(ind.value) ?? ''))
        ) {
          problems.error(lineOf(where), where, `"base64url" converts hex values, and no "${type}" indicator has one`);
        }
      });
    });
    const window = row.window as Row | undefined;
    const from = str(window?.from);
    const to = str(window?.to);
    if (from !== undefined && to !== undefined && endsBeforeStart(from, to)) {
      const at = [...path, 'window', 'to'];
      problems.error(lineOf(at), at, `window.to ${to} is before window.from ${from}`);
    }
  }
}
