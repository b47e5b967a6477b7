/**
 * The knowledge base the core answers from: loaded incident data plus the search structures built once at start-up.
 * (First version; the answer-engine work extends it.)
 */
import type { Incident, KnowledgeBaseData } from './model.js';

export interface KnowledgeBase {
  readonly data: KnowledgeBaseData;
  readonly incidents: readonly Incident[];
  readonly version: string;
  /** the incident used when a question names none */
  readonly defaultIncident: Incident | undefined;
  incident(id: string): Incident | undefined;
}

export function createKnowledgeBase(data: KnowledgeBaseData): KnowledgeBase {
  const byId = new Map(data.incidents.map((i) => [i.id, i]));
  const fallback = data.defaultIncident ? byId.get(data.defaultIncident) : undefined;
  return {
    data,
    incidents: data.incidents,
    version: data.version,
    defaultIncident: fallback ?? byId.get('storm-0558') ?? data.incidents[0],
    incident: (id) => byId.get(id),
  };
}
