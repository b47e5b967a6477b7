/**
 * Detections → Sigma rules (YAML), the shared rule format SIEM back ends convert from. One rule per log a detection
 * reads, with the required `title`, `logsource` and `detection` (with `condition`) and the usual `id`, `status`,
 * `description`, `references`, `author`, `date`, `falsepositives` and `level`
 * (https://github.com/SigmaHQ/sigma-specification/blob/main/specification/sigma-rules-specification.md).
 * A baseline becomes a filter on placeholders (`|expand`) the SIEM fills with the tenant's known values.
 */
import { v5 as uuidv5 } from 'uuid';
import { stringify } from 'yaml';
import type { DetectionField, Incident } from '../core/model.js';
import type { HuntQuery } from './hunt-query.js';
import { type DetectionLog, SIGMA_LOGS } from './log-sources.js';
import { firstDay, type ResolvedDetection } from './resolve.js';
import { BREACHBOT_NAMESPACE } from './stable-ids.js';

/** A Sigma string value: `*`, `?` and `\` are wildcards or escapes in Sigma, so they are escaped. */
export function sigmaValue(value: string): string {
  return value.replace(/[\\*?]/g, '\\$&');
}

const FALSE_POSITIVES: Partial<Record<DetectionField, string>> = {
  clientIp: 'An address reassigned to someone else since the incident',
  userAgent: 'Ordinary browsers and clients that send the same user agent',
  keyword: 'Documentation or threat-intelligence notes that quote the key id',
};

function levelOf(resolved: ResolvedDetection): 'low' | 'medium' | 'high' {
  if (resolved.detection.newValues) return 'medium';
  if (resolved.conditions.some((c) => c.field === 'userAgent')) return 'low';
  return 'high';
}

function detectionBlock(resolved: ResolvedDetection, log: DetectionLog): Record<string, unknown> | undefined {
  const mapping = SIGMA_LOGS[log];
  if (!mapping) return undefined;
  const block: Record<string, unknown> = {};
  const names: string[] = [];
  for (const condition of resolved.conditions) {
    const values = condition.values.map(sigmaValue);
    if (condition.field === 'keyword') {
      block.keywords = values;
      names.push('keywords');
      continue;
    }
    const fields = mapping.fields[condition.field];
    if (!fields) return undefined;
    const name = `selection_${condition.field}`;
    block[name] = fields.length === 1 ? { [fields[0] as string]: values } : fields.map((f) => ({ [f]: values }));
    names.push(name);
  }
  let condition = names.length === 1 ? (names[0] as string) : `all of selection_*`;
  if (names.includes('keywords') && names.length > 1) condition = names.join(' and ');
  const baseline = resolved.detection.newValues ?? [];
  if (baseline.length > 0) {
    const filter: Record<string, string> = {};
    for (const field of baseline) {
      const column = mapping.fields[field]?.[0];
      if (!column) return undefined;
      filter[`${column}|expand`] = `%known_${column.toLowerCase()}%`;
    }
    block.filter_baseline = filter;
    condition = `${condition} and not filter_baseline`;
  }
  block.condition = condition;
  return block;
}

function description(resolved: ResolvedDetection): string {
  const w = resolved.window;
  const when = w ? ` The indicators were seen from ${w.from} to ${w.to}.` : '';
  const baseline = resolved.detection.newValues
    ? ' Fill the %known_…% placeholders with the values your tenant normally sees.'
    : '';
  return `${resolved.detection.why}${when}${baseline}`;
}

/** The Sigma rules of one detection: one per log Sigma has a log source for. */
export function sigmaRules(incident: Incident, resolved: ResolvedDetection): HuntQuery[] {
  const { detection } = resolved;
  const references = detection.sources
    .map((id) => incident.sources.find((s) => s.id === id)?.url)
    .filter((url): url is string => !!url);
  const falsePositives = [
    ...new Set(resolved.conditions.map((c) => FALSE_POSITIVES[c.field]).filter((f): f is string => !!f)),
  ];
  if (detection.newValues) falsePositives.push('A mail client or integration the tenant started using recently');
  const out: HuntQuery[] = [];
  for (const log of detection.logs) {
    const block = detectionBlock(resolved, log);
    const mapping = SIGMA_LOGS[log];
    if (!block || !mapping) continue;
    const rule = {
      title: detection.title,
      id: uuidv5(`sigma/${incident.id}/${detection.id}/${log}`, BREACHBOT_NAMESPACE),
      status: 'experimental',
      description: description(resolved),
      references,
      author: `breachbot, from its ${incident.id} knowledge base`,
      date: firstDay(incident.updated ?? incident.status.asOf),
      logsource: mapping.logsource,
      detection: block,
      falsepositives: falsePositives.length > 0 ? falsePositives : ['Unknown'],
      level: levelOf(resolved),
    };
    out.push({
      id: detection.id,
      title: detection.title,
      platform: 'sigma',
      product: `Sigma (${Object.values(mapping.logsource).join(' ')})`,
      query: stringify(rule, { lineWidth: 0, aliasDuplicateObjects: false }).trimEnd(),
      why: detection.why,
      sources: detection.sources,
    });
  }
  return out;
}
