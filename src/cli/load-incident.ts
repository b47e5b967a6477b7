/**
 * What `hunt` and `indicators` share: their options (`--format`, `--incident`, `--data`, `--help`), reading the
 * knowledge base the way `ask` does (`--data DIR`, else INCIDENTS_DIR) and picking the incident (`--incident ID`,
 * else DEFAULT_INCIDENT or the only one loaded).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import type { Incident } from '../core/model.js';
import { incidentDirs } from '../kb/path-list.js';
import type { CliIo } from './io.js';

export interface IncidentCommand<F extends string> {
  /** the command's name in messages ("hunt") */
  command: string;
  usage: string;
  formats: readonly F[];
  defaultFormat: F;
}

/**
 * Reads `[--format F] [--incident ID] [--data DIR]` and loads the incident. The format and incident, or the exit
 * code after the usage (0 for --help) or a message on standard error (1: configuration, 2: usage).
 */
export async function incidentCommand<F extends string>(
  args: string[],
  io: CliIo,
  spec: IncidentCommand<F>,
): Promise<{ incident: Incident; format: F } | number> {
  const usageError = (message: string) => {
    io.stderr.write(`breachbot ${spec.command}: ${message}\n\n${spec.usage}`);
    return 2;
  };
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
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    io.stdout.write(spec.usage);
    return 0;
  }
  const format = (values.format ?? spec.defaultFormat).toLowerCase() as F;
  if (!spec.formats.includes(format))
    return usageError(`unknown format "${values.format}" (use ${spec.formats.join(', ')})`);
  const incident = await loadIncident(io, spec.command, { data: values.data, incident: values.incident });
  return typeof incident === 'number' ? incident : { incident, format };
}

/** The incident, or the exit code after a message on standard error (1: configuration, 2: usage). */
export async function loadIncident(
  io: CliIo,
  command: string,
  options: { data?: string; incident?: string },
): Promise<Incident | number> {
  let dirs: string[];
  let defaultIncident: string | undefined;
  try {
    const config = loadConfig(io.env, io.cwd);
    defaultIncident = config.defaultIncident;
    dirs = incidentDirs(options.data ?? config.incidentsDir, io.cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  const { loadKnowledgeBase } = await import('../kb/load.js');
  const loaded = await loadKnowledgeBase({ dir: dirs, defaultIncident });
  const errors = loaded.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    io.stderr.write(
      `breachbot ${command}: the knowledge base has ${errors} error(s); using what loaded. Run \`breachbot validate\` for details.\n`,
    );
  }
  const { incidents } = loaded.data;
  const wanted =
    options.incident ?? loaded.data.defaultIncident ?? (incidents.length === 1 ? incidents[0]?.id : undefined);
  const incident = incidents.find(
    (i) => i.id === wanted || i.aliases.some((a) => a.toLowerCase() === wanted?.toLowerCase()),
  );
  if (!incident) {
    const known = incidents.map((i) => i.id).join(', ') || 'none';
    io.stderr.write(
      wanted
        ? `breachbot ${command}: unknown incident "${wanted}" (loaded: ${known})\n`
        : `breachbot ${command}: several incidents are loaded; choose one with --incident ID (loaded: ${known})\n`,
    );
    return 2;
  }
  return incident;
}
