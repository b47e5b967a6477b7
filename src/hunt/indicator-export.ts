/**
 * An incident's indicators as rows for export (`breachbot indicators`, `GET /api/indicators`): JSON and CSV with
 * the values plain, never defanged (CONTRACTS.md). STIX 2.1 is in stix.ts.
 */
import { stringify } from 'csv-stringify/sync';
import type { Incident } from '../core/model.js';

/** One exported indicator: the shape of `breachbot indicators --format json` (CONTRACTS.md). */
export interface IndicatorRow {
  type: string;
  value: string;
  firstSeen: string | null;
  lastSeen: string | null;
  role: string | null;
  sources: string[];
}

/** Every indicator of the incident, in the knowledge base's order. */
export function indicatorRows(incident: Incident): IndicatorRow[] {
  return incident.indicators.map((i) => ({
    type: i.type,
    value: i.value,
    firstSeen: i.firstSeen ?? null,
    lastSeen: i.lastSeen ?? null,
    role: i.role ?? null,
    sources: [...i.sources],
  }));
}

/** The rows as one JSON array, two-space indented, with a final newline. */
export function indicatorsJson(incident: Incident): string {
  return `${JSON.stringify(indicatorRows(incident), null, 2)}\n`;
}

/** The rows as CSV (RFC 4180, a header line, sources separated by spaces), with a final newline. */
export function indicatorsCsv(incident: Incident): string {
  const rows = indicatorRows(incident).map((r) => [
    r.type,
    r.value,
    r.firstSeen ?? '',
    r.lastSeen ?? '',
    r.role ?? '',
    r.sources.join(' '),
  ]);
  return stringify(rows, {
    header: true,
    columns: ['type', 'value', 'firstSeen', 'lastSeen', 'role', 'sources'],
    record_delimiter: 'windows',
  });
}
