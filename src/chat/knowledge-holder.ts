/**
 * Holds the knowledge base the server answers from and swaps it whole when it is reloaded. A reference swap is
 * atomic in JavaScript: a message that read `current()` keeps answering from that knowledge base to its end (the
 * handler reads it once per message), and the next one gets the new one. `live` is a knowledge base whose every
 * member reads the current one, for the parts that keep a knowledge base for the life of the server (the page's
 * incident list, the Slack Home tab): each of their reads is a single, consistent look.
 *
 * @example
 * const holder = createKnowledgeHolder(kb);
 * const handle = createMessageHandler({ kb: holder.current, store });
 * const change = holder.swap(reloaded); // { incidentsAdded: [...], factsChanged: 2, … }
 */
import { factHashes } from '../core/fact-hashes.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';

/** What a swap changed, for the log and the reload's result. */
export interface KnowledgeChange {
  fromVersion: string;
  toVersion: string;
  incidentsAdded: string[];
  incidentsRemoved: string[];
  /** facts (timeline events, victims, indicators, …) of incidents in both versions, and of added incidents */
  factsAdded: number;
  factsChanged: number;
  factsRemoved: number;
}

export interface KnowledgeHolder {
  /** the knowledge base now */
  current(): KnowledgeBase;
  /** a knowledge base that always reads the current one */
  readonly live: KnowledgeBase;
  /** puts `next` in place of the current one and says what changed */
  swap(next: KnowledgeBase): KnowledgeChange;
}

/** What differs between two knowledge bases, counted per fact (by id and content hash). */
export function compareKnowledge(before: KnowledgeBase, after: KnowledgeBase): KnowledgeChange {
  const beforeIds = new Set(before.incidents.map((i) => i.id));
  const afterIds = new Set(after.incidents.map((i) => i.id));
  const change: KnowledgeChange = {
    fromVersion: before.version,
    toVersion: after.version,
    incidentsAdded: [...afterIds].filter((id) => !beforeIds.has(id)),
    incidentsRemoved: [...beforeIds].filter((id) => !afterIds.has(id)),
    factsAdded: 0,
    factsChanged: 0,
    factsRemoved: 0,
  };
  for (const incident of after.incidents) {
    const old = before.incident(incident.id);
    const oldHashes = old && beforeIds.has(incident.id) ? factHashes(old) : {};
    const newHashes = factHashes(incident);
    for (const [id, hash] of Object.entries(newHashes)) {
      const was = oldHashes[id];
      if (was === undefined) change.factsAdded++;
      else if (was !== hash) change.factsChanged++;
    }
    for (const id of Object.keys(oldHashes)) if (!(id in newHashes)) change.factsRemoved++;
  }
  return change;
}

/** A knowledge base whose members read `current()` on every access. */
function liveView(current: () => KnowledgeBase): KnowledgeBase {
  return {
    get data() {
      return current().data;
    },
    get incidents() {
      return current().incidents;
    },
    get covered() {
      return current().covered;
    },
    get version() {
      return current().version;
    },
    get defaultIncident() {
      return current().defaultIncident;
    },
    incident: (id) => current().incident(id),
    get passages() {
      return current().passages;
    },
    passage: (incident, id) => current().passage(incident, id),
    get index() {
      return current().index;
    },
    get lexicon() {
      return current().lexicon;
    },
    get synonyms() {
      return current().synonyms;
    },
    get language() {
      return current().language;
    },
    get incidentNames() {
      return current().incidentNames;
    },
    victimNames: (incident) => current().victimNames(incident),
    glossaryNames: (incident) => current().glossaryNames(incident),
  };
}

/** Creates a holder with `initial` in place. */
export function createKnowledgeHolder(initial: KnowledgeBase): KnowledgeHolder {
  let kb = initial;
  const current = () => kb;
  return {
    current,
    live: liveView(current),
    swap(next) {
      const change = compareKnowledge(kb, next);
      kb = next;
      return change;
    },
  };
}
