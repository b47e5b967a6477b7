/**
 * `breachbot indicators [--incident ID] [--format csv|json|stix] [--data DIR]` (CONTRACTS.md): every indicator of
 * the incident, plain (never defanged). `json` is one array of { type, value, firstSeen, lastSeen, role, sources };
 * `stix` one STIX 2.1 bundle. Exit 2 on a usage error.
 */
import type { CliIo } from './io.js';
import { incidentCommand } from './load-incident.js';

const FORMATS = ['csv', 'json', 'stix'] as const;

const USAGE = `Usage: breachbot indicators [--incident ID] [--format csv|json|stix] [--data DIR]

Prints every indicator of the incident with its type, value, first and last seen, role and sources.
  --format json   one JSON array (default)
  --format csv    a header line, then one line per indicator
  --format stix   one STIX 2.1 bundle (indicators STIX patterns cannot express are listed on standard error)
  --incident ID   which incident (default: DEFAULT_INCIDENT, or the only one loaded)
  --data DIR      folder of incident files (default: INCIDENTS_DIR, or data/incidents)
`;

/** Runs `indicators`; returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const read = await incidentCommand(args, io, {
    command: 'indicators',
    usage: USAGE,
    formats: FORMATS,
    defaultFormat: 'json',
  });
  if (typeof read === 'number') return read;
  const { incident, format } = read;
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
