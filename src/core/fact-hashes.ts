/**
 * Stable fact ids and content hashes for digests: every dated or citable fact of an incident, flattened, with a
 * short FNV-1a hash of what it says. A digest compares these with the hashes recorded at the last post to find new
 * and corrected facts. Pure: no node:crypto, same result on every platform.
 */
import type { Incident } from './model.js';

/** One fact of an incident as a digest sees it. */
export interface DigestFact {
  id: string;
  kind: 'timeline' | 'victim' | 'attribution' | 'technique' | 'aftermath' | 'lesson' | 'recommendation' | 'indicator';
  text: string;
  date?: string;
  sources: string[];
  corrects?: string[];
  supersededBy?: string;
  correctionNote?: string;
  /** 8 hex digits over text, date and sources */
  hash: string;
}

/** 32-bit FNV-1a over the UTF-16 code units of `text`, as 8 hex digits. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const join = (...parts: Array<string | undefined>) =>
  parts.filter((p): p is string => !!p && p.trim() !== '').join(' — ');

type Unhashed = Omit<DigestFact, 'hash'>;

const memo = new WeakMap<Incident, readonly DigestFact[]>();

/** Every fact of the incident with its hash, in a stable order (timeline first). Computed once per incident object. */
export function incidentFacts(incident: Incident): readonly DigestFact[] {
  const cached = memo.get(incident);
  if (cached) return cached;
  const computed = collect(incident);
  memo.set(incident, computed);
  return computed;
}

function collect(incident: Incident): DigestFact[] {
  const facts: Unhashed[] = [];
  for (const e of incident.timeline) {
    facts.push({
      id: e.id,
      kind: 'timeline',
      text: join(e.title, e.detail),
      date: e.date,
      ...links(e),
      sources: e.sources,
    });
  }
  for (const v of incident.victims) {
    facts.push({
      id: v.id,
      kind: 'victim',
      text: join(v.name, v.impact),
      date: v.date,
      ...links(v),
      sources: v.sources,
    });
  }
  const statements = [
    ['attribution', incident.attribution?.details ?? []],
    ['technique', incident.technique?.details ?? []],
    ['aftermath', incident.aftermath],
    ['lesson', incident.lessons],
  ] as const;
  for (const [kind, list] of statements) {
    for (const s of list) {
      facts.push({ id: s.id, kind, text: join(s.title, s.text), date: s.date, ...links(s), sources: s.sources });
    }
  }
  for (const r of incident.recommendations) {
    facts.push({ id: r.id, kind: 'recommendation', text: join(r.title, r.action), ...links(r), sources: r.sources });
  }
  for (const i of incident.indicators) {
    facts.push({
      id: i.id,
      kind: 'indicator',
      text: join(`${i.type} ${i.value}`, i.role),
      date: i.firstSeen,
      sources: i.sources,
    });
  }
  return facts.map((f) => ({ ...f, hash: fnv1a(`${f.text}\u0000${f.date ?? ''}\u0000${f.sources.join(',')}`) }));
}

function links(f: { corrects?: string[]; supersededBy?: string; correctionNote?: string }) {
  return {
    ...(f.corrects?.length ? { corrects: f.corrects } : {}),
    ...(f.supersededBy ? { supersededBy: f.supersededBy } : {}),
    ...(f.correctionNote ? { correctionNote: f.correctionNote } : {}),
  };
}

/** fact id → hash, the snapshot a digest records after posting. */
export function factHashes(incident: Incident): Record<string, string> {
  return Object.fromEntries(incidentFacts(incident).map((f) => [f.id, f.hash]));
}
