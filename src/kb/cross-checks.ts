/**
 * Checks the schema cannot make, run on the raw data so they are reported together with the schema problems:
 * cited sources exist, ids are unique, corrections point somewhere, periods end after they start, IPs are plain.
 */
import { createRequire } from 'node:module';
import type { DocPath, ProblemList } from './problems.js';

const DECIMAL_OCTET = /^(?:0|[1-9][0-9]{0,2})$/;

/**
 * True when `value` is an IP address as `net.isIP` sees it. Plain dotted-decimal IPv4 (four numbers 0–255, no
 * leading zeros), which `isIP` always accepts, is recognised here; anything else is asked of `node:net`, loaded only
 * then (it is a noticeable part of a cold start).
 */
export function isIpAddress(value: string): boolean {
  const parts = value.split('.');
  if (parts.length === 4 && parts.every((part) => DECIMAL_OCTET.test(part) && Number(part) <= 255)) return true;
  const { isIP } = createRequire(import.meta.url)('node:net') as typeof import('node:net');
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
