/**
 * `breachbot hunt [--incident ID] [--format kql|spl|powershell|sigma|json] [--data DIR]` (CONTRACTS.md): prints the
 * incident's hunting queries for one platform (default kql), or all of them as JSON. Exit 2 on a usage error.
 */
import type { CliIo } from './io.js';
import { incidentCommand } from './load-incident.js';

const FORMATS = ['kql', 'spl', 'powershell', 'sigma', 'json'] as const;

const USAGE = `Usage: breachbot hunt [--incident ID] [--format kql|spl|powershell|sigma|json] [--data DIR]

Prints the incident's hunting queries, generated from the detections in its knowledge base file.
  --format kql         Microsoft Sentinel and Defender XDR (default)
  --format spl         Splunk (Splunk Add-on for Microsoft Office 365 data)
  --format powershell  Exchange Online PowerShell, Search-UnifiedAuditLog
  --format sigma       Sigma rules (YAML documents)
  --format json        every platform: [{ "id", "title", "platform", "product", "query", "why", "sources" }]
  --incident ID        which incident (default: DEFAULT_INCIDENT, or the only one loaded)
  --data DIR           folder of incident files (default: INCIDENTS_DIR, or data/incidents)
`;

/** Runs `hunt`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const read = await incidentCommand(args, io, {
    command: 'hunt',
    usage: USAGE,
    formats: FORMATS,
    defaultFormat: 'kql',
  });
  if (typeof read === 'number') return read;
  const { incident, format } = read;
  const { huntQueries } = await import('../hunt/hunt-queries.js');
  if (incident.detections.length === 0) {
    io.stderr.write(`breachbot hunt: ${incident.id} has no detections in its knowledge base file, so no queries.\n`);
    if (format === 'json') io.stdout.write('[]\n');
    return 0;
  }
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(huntQueries(incident), null, 2)}\n`);
    return 0;
  }
  const queries = huntQueries(incident, format);
  const blocks = queries.map((q) => {
    if (format === 'sigma') return q.query;
    const comment = format === 'spl' ? '' : `${format === 'powershell' ? '#' : '//'} [${q.id}] ${q.product}\n`;
    return `${comment}${q.query}`;
  });
  io.stdout.write(`${blocks.join(format === 'sigma' ? '\n---\n' : '\n\n')}\n`);
  return 0;
}
