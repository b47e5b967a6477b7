/**
 * Detections → KQL for Microsoft Sentinel (Log Analytics tables) and Defender XDR advanced hunting. Every query is
 * checked by Microsoft's Kusto parser in the tests.
 */
import type { DetectionField } from '../core/model.js';
import { BASELINE_DAYS, type HuntQuery, RECENT_DAYS, SUMMARY_SET_SIZE } from './hunt-query.js';
import { type DetectionLog, type FieldColumns, KQL_TABLES, type KqlTable } from './log-sources.js';
import { dayAfter, type ResolvedCondition, type ResolvedDetection } from './resolve.js';

/** A KQL string literal. */
export function kqlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const list = (values: readonly string[]) => `dynamic([${values.map(kqlString).join(', ')}])`;

/** The name of the `let` list holding a condition's values: `clientIpValues`. */
const listName = (field: DetectionField) => `${field}Values`;

/** IPv4 with a port (`192.0.2.1:443`) becomes the bare address; anything else is kept. */
const bareAddress = (expr: string) => `replace_regex(${expr}, @"^(\\d+\\.\\d+\\.\\d+\\.\\d+):\\d+$", @"\\1")`;

function conditionLines(table: KqlTable, conditions: readonly ResolvedCondition[]): string[] | undefined {
  const lines: string[] = [];
  for (const condition of conditions) {
    const columns: FieldColumns | undefined = table.fields[condition.field];
    if (!columns) return undefined;
    const name = listName(condition.field);
    if (columns.match === 'address') {
      // every column is compared: a record may carry a different address in each
      lines.push(`| where ${columns.columns.map((c) => `${bareAddress(c)} in (${name})`).join(' or ')}`);
    } else {
      lines.push(`| where ${columns.columns.map((c) => `${c} in (${name})`).join(' or ')}`);
    }
  }
  return lines;
}

/** The table's `extend`, when a condition or the baseline reads a field it lifts out of JSON. */
function extendLines(table: KqlTable, resolved: ResolvedDetection): string[] {
  if (!table.extend) return [];
  const used = [...resolved.conditions.map((c) => c.field), ...(resolved.detection.newValues ?? [])];
  const lifted = used.some((f) => table.fields[f]?.columns.some((c) => table.extend?.includes(`${c} =`)));
  return lifted ? [`| extend ${table.extend}`] : [];
}

function windowLine(table: KqlTable, resolved: ResolvedDetection): string[] {
  const w = resolved.window;
  if (!w) return [];
  return [`| where ${table.time} >= datetime(${w.from}) and ${table.time} < datetime(${dayAfter(w.to)})`];
}

function letLists(conditions: readonly ResolvedCondition[]): string[] {
  return conditions.map((c) => `let ${listName(c.field)} = ${list(c.values)};`);
}

function header(resolved: ResolvedDetection): string[] {
  const lines = [`// ${resolved.detection.title}`];
  const w = resolved.window;
  if (w) {
    const why = resolved.windowFrom === 'indicators' ? ' (the dates the indicators were seen)' : '';
    lines.push(`// Window: ${w.from} to ${w.to}${why}`);
  }
  return lines;
}

function matchQuery(resolved: ResolvedDetection, tables: readonly KqlTable[]): string | undefined {
  const parts: string[] = [];
  for (const table of tables) {
    const where = conditionLines(table, resolved.conditions);
    if (!where) continue;
    const s = table.show;
    parts.push(
      [
        table.table,
        ...windowLine(table, resolved),
        ...extendLines(table, resolved),
        ...where,
        `| project ${table.time}, Log = ${kqlString(table.table)}, User = ${s.user}, IPAddress = ${s.ip}, UserAgent = ${s.userAgent}, Activity = ${s.activity}`,
      ].join('\n'),
    );
  }
  if (parts.length === 0) return undefined;
  const time = (tables[0] as KqlTable).time;
  const body =
    parts.length === 1
      ? (parts[0] as string)
      : `union\n${parts.map((p) => `    (${p.split('\n').join('\n    ')})`).join(',\n')}`;
  return [...header(resolved), ...letLists(resolved.conditions), body, `| sort by ${time} asc`].join('\n');
}

function baselineQuery(resolved: ResolvedDetection, table: KqlTable): string | undefined {
  const fields = resolved.detection.newValues ?? [];
  const keys = fields.map((f) => table.fields[f]?.columns[0]);
  if (keys.some((k) => k === undefined)) return undefined;
  const where = conditionLines(table, resolved.conditions);
  if (!where) return undefined;
  const extend = extendLines(table, resolved);
  const by = keys.join(', ');
  const t = table.time;
  return [
    ...header(resolved),
    ...letLists(resolved.conditions),
    `let lookback = ${BASELINE_DAYS}d;`,
    `let recent = ${RECENT_DAYS}d;`,
    `let known = ${table.table}`,
    `    | where ${t} between (ago(lookback + recent) .. ago(recent))`,
    ...extend.map((l) => `    ${l}`),
    ...where.map((l) => `    ${l}`),
    `    | distinct ${by};`,
    table.table,
    `| where ${t} > ago(recent)`,
    ...extend,
    ...where,
    `| join kind=leftanti known on ${by}`,
    `| summarize Events = count(), FirstSeen = min(${t}), LastSeen = max(${t}), Users = make_set(${table.show.user}, ${SUMMARY_SET_SIZE}), IPAddresses = make_set(${table.show.ip}, ${SUMMARY_SET_SIZE}) by ${by}`,
    '| sort by Events desc',
  ].join('\n');
}

function textSearchQuery(resolved: ResolvedDetection): string {
  const values = resolved.conditions.flatMap((c) => c.values);
  const w = resolved.window;
  return [
    ...header(resolved),
    `search ${values.map(kqlString).join(' or ')}`,
    ...(w ? [`| where TimeGenerated >= datetime(${w.from}) and TimeGenerated < datetime(${dayAfter(w.to)})`] : []),
    '| summarize Hits = count(), FirstSeen = min(TimeGenerated), LastSeen = max(TimeGenerated) by $table',
  ].join('\n');
}

function tablesFor(logs: readonly DetectionLog[], product: KqlTable['product']): KqlTable[] {
  return logs.flatMap((log) => (log === 'any' ? [] : KQL_TABLES[log].filter((t) => t.product === product)));
}

/** The KQL queries of one detection: one for Sentinel, one for Defender XDR where its logs are there. */
export function kqlQueries(resolved: ResolvedDetection): HuntQuery[] {
  const { detection } = resolved;
  const out: HuntQuery[] = [];
  const add = (product: string, query: string | undefined) => {
    if (query)
      out.push({
        id: detection.id,
        title: detection.title,
        platform: 'kql',
        product,
        query,
        why: detection.why,
        sources: detection.sources,
      });
  };
  for (const product of ['Microsoft Sentinel', 'Microsoft Defender XDR'] as const) {
    const tables = tablesFor(detection.logs, product);
    if (detection.newValues) {
      for (const table of tables) add(product, baselineQuery(resolved, table));
    } else if (tables.length > 0) {
      add(product, matchQuery(resolved, tables));
    } else if (detection.logs.includes('any') && product === 'Microsoft Sentinel') {
      add(product, textSearchQuery(resolved));
    }
  }
  return out;
}
