/**
 * Detections → Splunk SPL over the Unified Audit Log as the Splunk Add-on for Microsoft Office 365 indexes it
 * (log-sources.ts), or a text search of every index for a detection of `any` log.
 */
import { BASELINE_DAYS, type HuntQuery, RECENT_DAYS } from './hunt-query.js';
import { SPLUNK_LOGS, SPLUNK_SOURCETYPE, type SplunkLog } from './log-sources.js';
import { dayAfter, type ResolvedDetection } from './resolve.js';

/** A double-quoted SPL string (a backslash escapes `"` and `\`). */
export function splString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const inList = (values: readonly string[]) => `(${values.map(splString).join(', ')})`;

/** `2023-03-09` → `03/09/2023:00:00:00`, SPL's time-modifier format. */
const splTime = (day: string) => `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}:00:00:00`;

const IPV4_WITH_PORT = '"^(\\d+\\.\\d+\\.\\d+\\.\\d+):\\d+$"';

function logsFor(resolved: ResolvedDetection): SplunkLog[] {
  return resolved.detection.logs
    .map((log) => SPLUNK_LOGS[log])
    .filter((log): log is SplunkLog => !!log && resolved.conditions.every((c) => log.fields[c.field]));
}

function columnsOf(logs: readonly SplunkLog[], field: keyof SplunkLog['fields']): string[] {
  return [...new Set(logs.flatMap((log) => log.fields[field]?.columns ?? []))];
}

function searchHead(resolved: ResolvedDetection, logs: readonly SplunkLog[], earliest?: string): string {
  const workloads = logs.map((log) => `Workload=${splString(log.workload)}`);
  const w = resolved.window;
  const time = earliest
    ? [`earliest=${earliest}`]
    : w
      ? [`earliest="${splTime(w.from)}"`, `latest="${splTime(dayAfter(w.to))}"`]
      : [];
  const scope = workloads.length === 1 ? workloads[0] : `(${workloads.join(' OR ')})`;
  return [`sourcetype=${splString(SPLUNK_SOURCETYPE)}`, ...time, scope].join(' ');
}

/** The pipeline lines that keep only the events matching every condition. */
function conditionLines(resolved: ResolvedDetection, logs: readonly SplunkLog[]): string[] {
  const lines: string[] = [];
  for (const condition of resolved.conditions) {
    const columns = columnsOf(logs, condition.field);
    const address = logs.some((log) => log.fields[condition.field]?.match === 'address');
    if (address) {
      // every column is compared (a multivalue field matches when any value does): a record may carry several
      const bare = columns.map((c) => `replace(${c}, ${IPV4_WITH_PORT}, "\\1")`);
      lines.push(`| eval src_ip=mvappend(${bare.join(', ')})`);
      lines.push(`| search src_ip IN ${inList(condition.values)}`);
    } else {
      lines.push(`| search ${columns.map((c) => `${c} IN ${inList(condition.values)}`).join(' OR ')}`);
    }
  }
  return lines;
}

function matchQuery(resolved: ResolvedDetection, logs: readonly SplunkLog[]): string {
  return [
    searchHead(resolved, logs),
    ...conditionLines(resolved, logs),
    '| table _time Workload Operation UserId ClientIPAddress ClientIP ActorIpAddress ClientInfoString',
    '| sort 0 _time',
  ].join('\n');
}

function baselineQuery(resolved: ResolvedDetection, logs: readonly SplunkLog[]): string | undefined {
  const keys = (resolved.detection.newValues ?? []).map((f) => columnsOf(logs, f)[0]);
  if (keys.some((k) => k === undefined)) return undefined;
  return [
    searchHead(resolved, logs, `-${BASELINE_DAYS + RECENT_DAYS}d@d`),
    ...conditionLines(resolved, logs),
    `| stats count AS events earliest(_time) AS first_seen latest(_time) AS last_seen values(UserId) AS users values(ClientIPAddress) AS client_ips BY ${keys.join(' ')}`,
    `| where first_seen >= relative_time(now(), "-${RECENT_DAYS}d@d")`,
    '| convert ctime(first_seen) ctime(last_seen)',
    '| sort - events',
  ].join('\n');
}

function textSearchQuery(resolved: ResolvedDetection): string {
  const values = resolved.conditions.flatMap((c) => c.values);
  const w = resolved.window;
  const time = w ? ` earliest="${splTime(w.from)}" latest="${splTime(dayAfter(w.to))}"` : '';
  return [
    `index=*${time} (${values.map(splString).join(' OR ')})`,
    '| stats count AS hits min(_time) AS first_seen max(_time) AS last_seen BY index sourcetype',
    '| convert ctime(first_seen) ctime(last_seen)',
  ].join('\n');
}

/** The SPL query of one detection, when Splunk has its logs. */
export function splQueries(resolved: ResolvedDetection): HuntQuery[] {
  const { detection } = resolved;
  const logs = logsFor(resolved);
  let query: string | undefined;
  if (logs.length > 0) query = detection.newValues ? baselineQuery(resolved, logs) : matchQuery(resolved, logs);
  else if (detection.logs.includes('any')) query = textSearchQuery(resolved);
  if (!query) return [];
  return [
    {
      id: detection.id,
      title: detection.title,
      platform: 'spl',
      product: 'Splunk',
      query,
      why: detection.why,
      sources: detection.sources,
    },
  ];
}
