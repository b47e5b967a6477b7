/**
 * Passages → the facts and items an Answer shows, with corrections made visible: a fact that corrects earlier
 * claims says so, and a superseded claim is replaced by the later, better-sourced fact.
 */
import type { AnswerFact, AnswerItem, AnswerSource, SourceTier } from './answer.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { Incident, Source } from './model.js';
import { defang } from './search/defang.js';
import type { Passage } from './search/passages.js';

export interface FactOptions {
  /** title and detail (default), or only the short title for long lists */
  short?: boolean;
  /** label the fact with its incident (cross-incident answers) */
  withIncident?: boolean;
}

/** Follows `supersededBy` to the fact that replaced this one (stops on loops). */
export function latest(kb: KnowledgeBase, passage: Passage): Passage {
  let current = passage;
  const seen = new Set<string>();
  while (current.supersededBy && !seen.has(current.id)) {
    seen.add(current.id);
    const next = kb.passage(current.incident, current.supersededBy);
    if (!next) break;
    current = next;
  }
  return current;
}

function shortText(p: Passage): string {
  if (p.kind !== 'event') return p.text;
  let short = shortTitles.get(p);
  if (short === undefined) {
    short = p.title.replace(/[.\s]+$/, '');
    shortTitles.set(p, short);
  }
  return short;
}

/** an event's title without its closing full stop (made once per passage) */
const shortTitles = new WeakMap<Passage, string>();

/** A one-line description of the claims a fact corrects. */
export function correctionNote(kb: KnowledgeBase, p: Passage): string | undefined {
  if (p.corrects && p.corrects.length > 0) {
    const earlier = p.corrects
      .map((id) => kb.passage(p.incident, id))
      .filter((e): e is Passage => !!e)
      .map((e) => `${e.date ? `${e.date}: ` : ''}${shortText(e)}`);
    const what =
      earlier.length > 0 ? `Corrects an earlier claim (${earlier.join('; ')}).` : 'Corrects an earlier claim.';
    return p.correctionNote ? `${what} ${p.correctionNote.trim()}` : what;
  }
  if (p.supersededBy) {
    const next = kb.passage(p.incident, p.supersededBy);
    const later = next ? ` See ${next.date ? `${next.date}: ` : ''}${shortText(next)}.` : '';
    return `Corrected later. ${p.correctionNote?.trim() ?? ''}${later}`.replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

export function factOf(kb: KnowledgeBase, p: Passage, options: FactOptions = {}): AnswerFact {
  const text = options.short ? shortText(p) : p.text;
  const fact: AnswerFact = {
    id: p.id,
    text: p.supersededBy ? `(Corrected later) ${text}` : text,
    sources: p.sources,
  };
  if (p.date) fact.date = p.date;
  if (options.withIncident) fact.incident = p.incident;
  if (p.corrects && p.corrects.length > 0) fact.corrects = p.corrects;
  const note = correctionNote(kb, p);
  if (note) fact.correctionNote = note;
  return fact;
}

export function itemOf(p: Passage, fact: AnswerFact, label?: string): AnswerItem {
  const item: AnswerItem = { text: fact.text, factId: fact.id };
  if (fact.date) item.date = p.endDate && p.endDate !== p.date ? `${fact.date} to ${p.endDate}` : fact.date;
  if (label) item.label = label;
  if (fact.correctionNote) item.note = fact.correctionNote;
  if (p.ref.kind === 'indicator') {
    const shown = defang(p.ref.item.value);
    item.value = fact.text.includes(shown) ? shown : p.ref.item.value;
  }
  return item;
}

/** Facts and items for a list of passages; superseded ones give way to their replacement when it is listed too. */
export function factsAndItems(
  kb: KnowledgeBase,
  passages: readonly Passage[],
  options: FactOptions & { label?: (p: Passage) => string | undefined } = {},
): { facts: AnswerFact[]; items: AnswerItem[] } {
  const listed = new Set(passages.map((p) => p.id));
  const facts: AnswerFact[] = [];
  const items: AnswerItem[] = [];
  const seen = new Set<string>();
  for (const p of passages) {
    if (p.supersededBy && listed.has(p.supersededBy)) continue;
    const key = `${p.incident}/${p.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fact = factOf(kb, p, options);
    const incidentLabel = options.withIncident ? kb.incident(p.incident)?.id : undefined;
    const label = options.label?.(p) ?? incidentLabel;
    facts.push(fact);
    items.push(itemOf(p, fact, label));
  }
  return { facts, items };
}

/**
 * The facts with their citation numbers, and the numbered sources they cite. Sources are numbered in order of first
 * citation. A fact cites its reposts (reprints, mirrors, aggregators) only when nothing better supports it, so a
 * repost is listed only where it is all there is. A source's `note` is for maintainers and is left out.
 */
export function citeSources(
  kb: KnowledgeBase,
  facts: readonly AnswerFact[],
  fallbackIncident?: string,
): { facts: AnswerFact[]; sources: AnswerSource[] } {
  const sources: AnswerSource[] = [];
  const numbers = new Map<string, number>();
  const cited: AnswerFact[] = [];
  for (const fact of facts) {
    const incident = kb.incident(fact.incident ?? fallbackIncident ?? '') ?? kb.defaultIncident;
    const found: Source[] = [];
    for (const id of fact.sources) {
      const source = (incident ? sourceById(incident).get(id) : undefined) ?? findSource(kb, id);
      if (source && !found.includes(source)) found.push(source);
    }
    const better = found.some((s) => tierOf(s) !== 'repost');
    const cites: number[] = [];
    for (const source of better ? found.filter((s) => tierOf(s) !== 'repost') : found) {
      const key = `${incidentOfSource.get(source) ?? ''}/${source.id}`;
      let n = numbers.get(key);
      if (n === undefined) {
        n = sources.length + 1;
        numbers.set(key, n);
        sources.push(listed(source, n));
      }
      if (!cites.includes(n)) cites.push(n);
    }
    cited.push(cites.length > 0 ? { ...fact, cites } : fact);
  }
  return { facts: cited, sources };
}

/** The sources the facts cite, numbered, in order of first citation (see `citeSources`). */
export function sourcesOf(kb: KnowledgeBase, facts: readonly AnswerFact[], fallbackIncident?: string): AnswerSource[] {
  return citeSources(kb, facts, fallbackIncident).sources;
}

/** A source's tier as the data gives it; a source without one counts as secondary. */
export function tierOf(source: Source): SourceTier {
  const tier = (source as { tier?: unknown }).tier;
  return tier === 'primary' || tier === 'repost' ? tier : 'secondary';
}

const TIER_RANK = { primary: 0, secondary: 1, repost: 2 } as const;
/** Where a source ranks by its tier: primary sources first, reposts last. */
export function tierRank(source: Source): number {
  return TIER_RANK[tierOf(source)];
}

/** The source as an answer lists it: no maintainers' note, its tier and its number. */
function listed(source: Source, n: number): AnswerSource {
  const { note: _note, ...shown } = source;
  return { ...shown, tier: tierOf(source), n };
}

function findSource(kb: KnowledgeBase, id: string): Source | undefined {
  for (const incident of kb.incidents) {
    const s = sourceById(incident).get(id);
    if (s) return s;
  }
  return undefined;
}

/** which incident a source belongs to, so equal source ids in two incidents are listed apart */
const incidentOfSource = new WeakMap<Source, string>();

/** An incident's sources by id, the first of each id (made once per incident). */
const sourcesMemo = new WeakMap<Incident, Map<string, Source>>();
function sourceById(incident: Incident): Map<string, Source> {
  let byId = sourcesMemo.get(incident);
  if (!byId) {
    byId = new Map();
    for (const s of incident.sources) {
      if (byId.has(s.id)) continue;
      byId.set(s.id, s);
      incidentOfSource.set(s, incident.id);
    }
    sourcesMemo.set(incident, byId);
  }
  return byId;
}
