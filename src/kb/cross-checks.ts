/**
 * Checks the schema cannot make, run on the raw data so they are reported together with the schema problems:
 * cited sources exist, ids are unique, corrections point somewhere, periods end after they start, IPs are plain.
 */
import { isIP } from 'node:net';
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
  const citing = [...facts];
  if (status && typeof status === 'object') citing.push({ row: status as Row, path: ['status'] });
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

function checkPeriods(data: unknown, lineOf: (path: DocPath) => number, problems: ProblemList): void {
  const pairs: Array<{ row: Row; path: PropertyKey[]; start: string; end: string }> = [];
  for (const { row, path } of rowsAt(data, ['timeline'])) pairs.push({ row, path, start: 'date', end: 'endDate' });
  for (const { row, path } of rowsAt(data, ['indicators']))
    pairs.push({ row, path, start: 'firstSeen', end: 'lastSeen' });
  const dates = (data as Row | undefined)?.dates;
  if (dates && typeof dates === 'object')
    pairs.push({ row: dates as Row, path: ['dates'], start: 'start', end: 'end' });
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
