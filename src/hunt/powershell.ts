/**
 * Detections → Exchange Online PowerShell with `Search-UnifiedAuditLog`, whose parameters are documented at
 * https://learn.microsoft.com/powershell/module/exchange/search-unifiedauditlog (-StartDate and -EndDate required;
 * -Operations, -IPAddresses, -FreeText filters; -SessionId with -SessionCommand ReturnLargeSet pages through up to
 * 50,000 records, -ResultSize 5000 a page). The audit records' own fields (AuditData JSON: AppId, ClientAppId,
 * ClientIPAddress, MailboxOwnerUPN) are the Management Activity API schema's. The Unified Audit Log holds mailbox
 * audit and sign-in records, not Graph activity or token headers: detections of only those logs get no query here.
 */
import { BASELINE_DAYS, type HuntQuery, RECENT_DAYS } from './hunt-query.js';
import { dayAfter, type ResolvedCondition, type ResolvedDetection } from './resolve.js';

/** A single-quoted PowerShell string (a quote is doubled). */
export function psString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Records without a date range go back this far: the default retention of Audit (Standard). */
const DEFAULT_LOOKBACK_DAYS = 180;
const UAL_LOGS = new Set(['mailbox-audit', 'sign-in']);

const psArray = (name: string, values: readonly string[]) => [`$${name} = @(${values.map(psString).join(', ')})`];

/** The lines that read the AuditData of each record into a flat object. */
const FLATTEN = [
  '$rows = $records | ForEach-Object {',
  '    $audit = $_.AuditData | ConvertFrom-Json',
  '    [pscustomobject]@{',
  '        Time = $_.CreationDate',
  '        User = $_.UserIds',
  '        Operation = $_.Operations',
  '        ClientIP = $audit.ClientIPAddress',
  '        AppId = $audit.AppId',
  '        ClientAppId = $audit.ClientAppId',
  '        ClientInfo = $audit.ClientInfoString',
  '    }',
  '}',
];

/** Search-UnifiedAuditLog over every page of one search, appended to `$records`. */
function pagedSearch(parameters: string[], indent: string): string[] {
  return [
    `${indent}$sessionId = [guid]::NewGuid().ToString()`,
    `${indent}do {`,
    `${indent}    $page = @(Search-UnifiedAuditLog ${parameters.join(' ')} -SessionId $sessionId -SessionCommand ReturnLargeSet -ResultSize 5000)`,
    `${indent}    $records += $page`,
    `${indent}} while ($page.Count -gt 0)`,
  ];
}

function timeLines(resolved: ResolvedDetection): string[] {
  const w = resolved.window;
  if (resolved.detection.newValues) {
    return [
      `$recent = (Get-Date).AddDays(-${RECENT_DAYS})`,
      `$start = (Get-Date).AddDays(-${BASELINE_DAYS + RECENT_DAYS})`,
      '$end = Get-Date',
    ];
  }
  if (w) return [`$start = [datetime]${psString(w.from)}`, `$end = [datetime]${psString(dayAfter(w.to))}`];
  return [
    `# No dates for these indicators: the last ${DEFAULT_LOOKBACK_DAYS} days; set $start further back if your retention allows.`,
    `$start = (Get-Date).AddDays(-${DEFAULT_LOOKBACK_DAYS})`,
    '$end = Get-Date',
  ];
}

const FILTERED_AFTER: Partial<Record<ResolvedCondition['field'], string>> = {
  application: 'AppId',
  clientApplication: 'ClientAppId',
};

function script(resolved: ResolvedDetection): string | undefined {
  const lines = [
    `# ${resolved.detection.title}`,
    '# Exchange Online PowerShell (Connect-ExchangeOnline); needs audit log read permission.',
  ];
  lines.push(...timeLines(resolved));
  const parameters = ['-StartDate $start', '-EndDate $end'];
  let freeText: ResolvedCondition | undefined;
  const after: string[] = [];
  for (const condition of resolved.conditions) {
    if (condition.field === 'operation') {
      lines.push(...psArray('operations', condition.values));
      parameters.push('-Operations $operations');
    } else if (condition.field === 'clientIp') {
      lines.push(...psArray('ipAddresses', condition.values));
      parameters.push('-IPAddresses $ipAddresses');
    } else if (condition.field === 'userAgent') {
      lines.push(...psArray('userAgents', condition.values));
      freeText = condition;
    } else {
      const column = FILTERED_AFTER[condition.field];
      if (!column) return undefined;
      lines.push(...psArray(`${column}Values`, condition.values));
      after.push(`$${column}Values -contains $_.${column}`);
    }
  }
  lines.push('$records = @()');
  if (freeText) {
    lines.push(
      'foreach ($userAgent in $userAgents) {',
      ...pagedSearch([...parameters, '-FreeText $userAgent'], '    '),
      '}',
    );
  } else {
    lines.push(...pagedSearch(parameters, ''));
  }
  lines.push(...FLATTEN);
  if (after.length > 0) lines.push(`$rows = $rows | Where-Object { ${after.join(' -and ')} }`);
  const keys = (resolved.detection.newValues ?? []).map((f) => FILTERED_AFTER[f]);
  if (keys.length > 0) {
    if (keys.some((k) => !k)) return undefined;
    lines.push(
      `$rows | Group-Object ${keys.join(', ')} | ForEach-Object {`,
      '    $first = $_.Group.Time | Sort-Object | Select-Object -First 1',
      '    if ($first -ge $recent) {',
      '        [pscustomobject]@{',
      `            ${keys.join('And')} = $_.Name`,
      '            Events = $_.Count',
      '            FirstSeen = $first',
      "            Users = ($_.Group.User | Sort-Object -Unique) -join ', '",
      '        }',
      '    }',
      '} | Sort-Object Events -Descending',
    );
  } else {
    lines.push('$rows | Sort-Object Time | Format-Table -AutoSize');
  }
  return lines.join('\n');
}

/** The PowerShell search of one detection, when the Unified Audit Log holds its logs. */
export function powershellQueries(resolved: ResolvedDetection): HuntQuery[] {
  const { detection } = resolved;
  if (!detection.logs.some((log) => UAL_LOGS.has(log))) return [];
  const query = script(resolved);
  if (!query) return [];
  return [
    {
      id: detection.id,
      title: detection.title,
      platform: 'powershell',
      product: 'Exchange Online PowerShell',
      query,
      why: detection.why,
      sources: detection.sources,
    },
  ];
}
