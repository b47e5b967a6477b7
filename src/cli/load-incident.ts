/**
 * What `hunt` and `indicators` share: reading the knowledge base the way `ask` does (`--data DIR`, else
 * INCIDENTS_DIR) and picking the incident (`--incident ID`, else DEFAULT_INCIDENT or the only one loaded).
 */
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import type { Incident } from '../core/model.js';
import type { CliIo } from './io.js';

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
    dirs = (options.data ?? config.incidentsDir)
      .split(path.delimiter)
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => path.resolve(io.cwd, d));
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
