/**
 * `breachbot hunt [--incident ID] [--format kql|spl|powershell|sigma|json] [--data DIR]` (CONTRACTS.md): prints the
 * incident's hunting queries for one platform (default kql), or all of them as JSON. Exit 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import type { CliIo } from './io.js';
import { loadIncident } from './load-incident.js';

const FORMATS = ['kql', 'spl', 'powershell', 'sigma', 'json'] as const;
type Format = (typeof FORMATS)[number];

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

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`breachbot hunt: ${message}\n\n${USAGE}`);
  return 2;
}

/** Runs `hunt`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let values: { format?: string; incident?: string; data?: string; help?: boolean };
  try {
    const parsed = parseArgs({
      args,
      options: {
        format: { type: 'string' },
        incident: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    });
    values = parsed.values;
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const format = (values.format ?? 'kql').toLowerCase() as Format;
  if (!FORMATS.includes(format)) return usageError(io, `unknown format "${values.format}" (use ${FORMATS.join(', ')})`);
  const incident = await loadIncident(io, 'hunt', { data: values.data, incident: values.incident });
  if (typeof incident === 'number') return incident;
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
