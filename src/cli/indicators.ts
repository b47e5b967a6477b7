/**
 * `breachbot indicators [--incident ID] [--format csv|json|stix] [--data DIR]` (CONTRACTS.md): every indicator of
 * the incident, plain (never defanged). `json` is one array of { type, value, firstSeen, lastSeen, role, sources };
 * `stix` one STIX 2.1 bundle. Exit 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import type { CliIo } from './io.js';
import { loadIncident } from './load-incident.js';

const FORMATS = ['csv', 'json', 'stix'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: breachbot indicators [--incident ID] [--format csv|json|stix] [--data DIR]

Prints every indicator of the incident with its type, value, first and last seen, role and sources.
  --format json   one JSON array (default)
  --format csv    a header line, then one line per indicator
  --format stix   one STIX 2.1 bundle (indicators STIX patterns cannot express are listed on standard error)
  --incident ID   which incident (default: DEFAULT_INCIDENT, or the only one loaded)
  --data DIR      folder of incident files (default: INCIDENTS_DIR, or data/incidents)
`;

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`breachbot indicators: ${message}\n\n${USAGE}`);
  return 2;
}

/** Runs `indicators`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let values: { format?: string; incident?: string; data?: string; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        format: { type: 'string' },
        incident: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const format = (values.format ?? 'json').toLowerCase() as Format;
  if (!FORMATS.includes(format)) return usageError(io, `unknown format "${values.format}" (use ${FORMATS.join(', ')})`);
  const incident = await loadIncident(io, 'indicators', { data: values.data, incident: values.incident });
  if (typeof incident === 'number') return incident;
  const { renderIndicators } = await import('../hunt/indicator-formats.js');
  const out = renderIndicators(incident, format);
  io.stdout.write(out.body);
  if (out.omitted.length > 0) {
    io.stderr.write(
      `breachbot indicators: ${out.omitted.length} indicator(s) have no STIX 2.1 pattern and are left out of the bundle (${[...new Set(out.omitted.map((i) => i.type))].join(', ')}); --format json lists them.\n`,
    );
  }
  return 0;
}
