/**
 * An incident's detections → every platform's hunting queries (`breachbot hunt`, the `hunt` chat command).
 *
 * @example
 * huntQueries(incident, 'spl').map((q) => q.query)
 */
import type { Incident } from '../core/model.js';
import type { HuntQuery } from './hunt-query.js';
import { kqlQueries } from './kql.js';
import type { HuntPlatform } from './platforms.js';
import { powershellQueries } from './powershell.js';
import { resolveDetection } from './resolve.js';
import { sigmaRules } from './sigma.js';
import { splQueries } from './spl.js';

const GENERATORS: Record<HuntPlatform, (incident: Incident) => HuntQuery[]> = {
  kql: (incident) => incident.detections.flatMap((d) => kqlQueries(resolveDetection(incident, d))),
  spl: (incident) => incident.detections.flatMap((d) => splQueries(resolveDetection(incident, d))),
  powershell: (incident) => incident.detections.flatMap((d) => powershellQueries(resolveDetection(incident, d))),
  sigma: (incident) => incident.detections.flatMap((d) => sigmaRules(incident, resolveDetection(incident, d))),
};

/** The incident's queries for one platform, or for every platform (in the order kql, spl, powershell, sigma). */
export function huntQueries(incident: Incident, platform?: HuntPlatform): HuntQuery[] {
  if (platform) return GENERATORS[platform](incident);
  return (Object.keys(GENERATORS) as HuntPlatform[]).flatMap((p) => GENERATORS[p](incident));
}
