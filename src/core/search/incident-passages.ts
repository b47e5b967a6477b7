/** An incident's passages of one kind, in knowledge-base order (memoized per knowledge base). */

import { startOf } from '../dates/dates.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { isAside, type Passage, type PassageKind } from './passages.js';
import type { WeightedTerm } from './search-index.js';

const memo = new WeakMap<KnowledgeBase, Map<string, Passage[]>>();

export function passagesOf(kb: KnowledgeBase, incident: string, kind: PassageKind): Passage[] {
  let byKey = memo.get(kb);
  if (!byKey) {
    byKey = new Map();
    for (const p of kb.passages) {
      const key = `${p.incident}\u0000${p.kind}`;
      const list = byKey.get(key);
      if (list) list.push(p);
      else byKey.set(key, [p]);
    }
    for (const [key, list] of byKey) {
      if (key.endsWith('\u0000event')) list.sort(byDate);
    }
    memo.set(kb, byKey);
  }
  return byKey.get(`${incident}\u0000${kind}`) ?? [];
}

/** Chronological order; undated last; stable otherwise. */
export function byDate(a: Passage, b: Passage): number {
  const da = a.date ? startOf(a.date) : '9999';
  const db = b.date ? startOf(b.date) : '9999';
  return da < db ? -1 : da > db ? 1 : a.n - b.n;
}

/**
 * An incident's passages of one kind, those the terms match best first, the rest in knowledge-base order; asides
 * (facts about something outside the incident) after the incident's own.
 */
export function passagesByMatch(
  kb: KnowledgeBase,
  incident: string,
  kind: PassageKind,
  terms: readonly WeightedTerm[],
): Passage[] {
  const all = passagesOf(kb, incident, kind);
  if (terms.length === 0) return [...all];
  const hits = kb.index.search(terms, { incidents: new Set([incident]), kinds: new Set([kind]), limit: all.length });
  const order = new Map(hits.map((h, i) => [h.passage.n, i]));
  return [...all].sort(
    (a, b) => Number(isAside(a)) - Number(isAside(b)) || (order.get(a.n) ?? 1e6) - (order.get(b.n) ?? 1e6) || a.n - b.n,
  );
}
