/**
 * What a digest says about the knowledge base itself when it changed since the subscription's last post (a reload,
 * a deploy): the version before and now, incidents added and removed, and how many facts of the subscribed
 * incident were added, changed or removed. Counted from what the subscription recorded at its last post (the
 * fact hashes and, from now on, the incident ids), so it holds across restarts and replicas.
 *
 * @example
 * const note = knowledgeChanges(kb, sub.incident, state, sub.lastKbVersion);
 * const answer = note ? withKnowledgeChanges(digest, note) : digest;
 */
import type { Answer } from '../core/answer.js';
import { factHashes } from '../core/fact-hashes.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';

export interface KnowledgeChanges {
  fromVersion: string;
  toVersion: string;
  /** undefined when the last post did not record the incident ids */
  incidentsAdded?: string[];
  incidentsRemoved?: string[];
  /** the subscribed incident's facts; undefined when the last post did not record its hashes */
  facts?: { added: number; changed: number; removed: number };
}

/** The changes since the last post, or undefined when the version is the same (or nothing was posted yet). */
export function knowledgeChanges(
  kb: KnowledgeBase,
  incidentId: string,
  previous: { hashes?: Record<string, string>; incidents?: string[] },
  lastKbVersion: string | undefined,
): KnowledgeChanges | undefined {
  if (!lastKbVersion || lastKbVersion === kb.version) return undefined;
  const changes: KnowledgeChanges = { fromVersion: lastKbVersion, toVersion: kb.version };
  if (previous.incidents) {
    const before = new Set(previous.incidents);
    const now = kb.incidents.map((i) => i.id);
    changes.incidentsAdded = now.filter((id) => !before.has(id));
    changes.incidentsRemoved = previous.incidents.filter((id) => !now.includes(id));
  }
  const incident = kb.incident(incidentId);
  if (previous.hashes && incident) {
    const hashes = factHashes(incident);
    const facts = { added: 0, changed: 0, removed: 0 };
    for (const [id, hash] of Object.entries(hashes)) {
      const was = previous.hashes[id];
      if (was === undefined) facts.added++;
      else if (was !== hash) facts.changed++;
    }
    for (const id of Object.keys(previous.hashes)) if (!(id in hashes)) facts.removed++;
    changes.facts = facts;
  }
  return changes;
}

/** The sentence a digest carries about the changes. */
export function describeKnowledgeChanges(changes: KnowledgeChanges, incidentId: string): string {
  const parts = [
    `The knowledge base changed since the last digest (version ${changes.fromVersion} → ${changes.toVersion}).`,
  ];
  if (changes.incidentsAdded && changes.incidentsAdded.length > 0)
    parts.push(`Incidents added: ${changes.incidentsAdded.join(', ')}.`);
  if (changes.incidentsRemoved && changes.incidentsRemoved.length > 0)
    parts.push(`Incidents removed: ${changes.incidentsRemoved.join(', ')}.`);
  if (changes.facts) {
    const { added, changed, removed } = changes.facts;
    parts.push(
      added + changed + removed === 0
        ? `No fact of ${incidentId} changed.`
        : `In ${incidentId}: ${added} fact(s) added, ${changed} changed${removed > 0 ? `, ${removed} removed` : ''}.`,
    );
  }
  return parts.join(' ');
}

/** The digest with the changes as its first section. */
export function withKnowledgeChanges(answer: Answer, changes: KnowledgeChanges, incidentId: string): Answer {
  return {
    ...answer,
    sections: [
      { heading: 'Knowledge base updated', text: describeKnowledgeChanges(changes, incidentId) },
      ...answer.sections,
    ],
  };
}
