/**
 * "How long …?": durations computed from the dates: attack start to detection, detection to disclosure, the whole
 * intrusion, time since disclosure (from `now`), or the span of one dated event or indicator the question names.
 */
import type { Answer, AnswerFact, AnswerItem } from '../answer.js';
import { incidentName, makeAnswer } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { daysBetween, describeDays, isoDay } from '../dates/dates.js';
import { type KeyDate, keyDateEvents } from '../dates/key-dates.js';
import { factsAndItems } from '../facts.js';
import type { Incident } from '../model.js';
import type { Language, ListName } from '../reading/language.js';
import { hasAny, hasPhraseAt } from '../reading/patterns.js';
import { type Concept, coverage } from '../reading/query.js';
import type { Reading } from '../reading/read-question.js';
import { keyDateWords, subjectConcepts, withoutAskedWords } from '../reading/subject.js';
import { holdsSpan } from '../search/counts.js';
import type { Passage } from '../search/passages.js';
import type { SearchHit } from '../search/search-index.js';
import { searchAnswer } from './search-answer.js';

interface Span {
  id: string;
  from: KeyDate;
  to: KeyDate | 'now';
  label: string;
}

const SPANS: Span[] = [
  { id: 'start-to-detection', from: 'start', to: 'detected', label: 'From the first access to detection' },
  { id: 'detection-to-disclosure', from: 'detected', to: 'disclosed', label: 'From detection to public disclosure' },
  { id: 'start-to-end', from: 'start', to: 'end', label: 'The intrusion itself (first access to end)' },
  { id: 'start-to-disclosure', from: 'start', to: 'disclosed', label: 'From the first access to public disclosure' },
  { id: 'since-disclosure', from: 'disclosed', to: 'now', label: 'Since disclosure' },
];

const ORDER: KeyDate[] = ['start', 'detected', 'end', 'disclosed'];

/** The span a question asks about: two key dates named, one named, "ago", or the intrusion as a whole. */
function askedSpan(reading: Reading, language: Language, available: Span[]): Span | undefined {
  const find = (from: KeyDate, to: KeyDate | 'now') => available.find((s) => s.from === from && s.to === to);
  const named = reading.keyDates;
  const has = (list: ListName) => hasAny(language.list(list), reading.words);
  if (has('ago-word')) return find(named[0] === 'start' ? 'start' : 'disclosed', 'now') ?? find('disclosed', 'now');
  if (has('dwell-word')) return find('start', 'detected');
  if (named.length >= 2) {
    const [a, b] = named.slice(0, 2).sort((x, y) => ORDER.indexOf(x) - ORDER.indexOf(y)) as [KeyDate, KeyDate];
    return available.find((s) => s.from === a && s.to === b) ?? available.find((s) => s.to === b);
  }
  const one = named[0];
  if (one === 'detected') return find('start', 'detected');
  if (one === 'disclosed') return find('detected', 'disclosed') ?? find('start', 'disclosed');
  if (one === 'end' || one === 'start') return find('start', 'end');
  if (has('active-word')) return find('start', 'end');
  return undefined;
}

export function respondDuration(ask: Ask, reading: Reading): Answer | undefined {
  const { kb, incident } = ask;
  if (!incident) return undefined;
  const { query } = reading;
  const keyWords = keyDateWords(kb.language);
  const subject = subjectConcepts(ask, query, ['duration-word', 'duration-cue', 'aux']).filter(
    (c) => !c.text.split(' ').every((w) => keyWords.has(w)),
  );
  const available = SPANS.filter((s) => incident.dates[s.from] && (s.to === 'now' || incident.dates[s.to]));
  const asked = askedSpan(reading, kb.language, available);
  // "how long between the agency's detection and the vendor going public": two key dates name the span; the words
  // around them say whose detection and whose disclosure, no other fact's span
  const twoKeyDates = asked !== undefined && new Set(reading.keyDates).size >= 2;
  // "how long after he quit did he still have access": from the dated fact of the one to the dated fact of the other
  const after = twoKeyDates ? undefined : spanAfter(ask, reading);
  if (after) return after;
  if (subject.length > 0 && !twoKeyDates) {
    // "how long could they read the mailboxes": a length the sources state of what is asked comes before
    // the span of one dated fact that meets less of it (one victim's dated access)
    const named = namedSpan(ask, reading, subject);
    if (named && named.cov < statedCoverage(ask, reading, subject)) {
      const stated = statedSpan(ask, reading);
      if (stated) return stated;
    }
    return (
      (named && spanOfNamedFact(ask, reading, subject, named.hit)) ??
      spanBetweenFacts(ask, reading, subject) ??
      statedSpan(ask, reading)
    );
  }
  // "how long did it take them to detect it", no detection date recorded: a length the sources state
  if (!asked && reading.keyDates.length > 0) {
    const stated = statedSpan(ask, reading);
    if (stated) return stated;
  }
  if (available.length === 0) return undefined;
  const ordered = [...(asked ? [asked] : []), ...available.filter((s) => s !== asked && s.to !== 'now')];
  const today = isoDay(ask.now);
  const facts: AnswerFact[] = [];
  const items: AnswerItem[] = [];
  for (const span of ordered) {
    const from = incident.dates[span.from] as string;
    const to = span.to === 'now' ? today : (incident.dates[span.to] as string);
    const days = daysBetween(from, to);
    const sources = [...sourcesOn(ask, span.from), ...(span.to === 'now' ? [] : sourcesOn(ask, span.to))];
    const approx = from.length < 10 || to.length < 10 ? 'about ' : '';
    const text = `${span.label}: ${approx}${describeDays(days)}, ${from} to ${span.to === 'now' ? `today (${today})` : to}.`;
    const fact: AnswerFact = {
      id: `${incident.id}-${span.id}`,
      text,
      date: to,
      sources: sources.length > 0 ? [...new Set(sources)] : incident.status.sources.slice(0, 1),
    };
    facts.push(fact);
    items.push({ text, factId: fact.id });
  }
  const headline = facts[0]?.text.replace(/\.$/, '') ?? 'durations';
  return makeAnswer(kb, {
    intent: 'duration',
    incident: incident.id,
    title: `${incidentName(incident)}: ${headline.charAt(0).toLowerCase()}${headline.slice(1)}`,
    sections: [{ items }, { text: 'Computed from the key dates in the knowledge base; day counts are calendar days.' }],
    facts,
    suggestions: ['timeline', 'when was it first spotted?'],
    confidence: asked ? 0.92 : 0.75,
    question: ask.question,
  });
}

/** How much of the subject the best fact that states a length of time meets. */
function statedCoverage(ask: Ask, reading: Reading, subject: Concept[]): number {
  const { kb, incident } = ask;
  if (!incident) return 0;
  const hits = kb.index.search(reading.query.terms, { incidents: new Set([incident.id]), limit: 8 });
  const spans = hits.filter((h) => h.passage.kind !== 'source' && holdsSpan(h.passage.text));
  return Math.max(0, ...spans.map((h) => coverage(reading.query, h, subject)));
}

/** A fact that states the length of time asked about ("the time to detection was about 19 hours"). */
function statedSpan(ask: Ask, reading: Reading): Answer | undefined {
  const query = withoutAskedWords(ask.kb.language, reading.query, ['duration-word', 'duration-cue']);
  const answer = searchAnswer(ask, query, { intent: 'duration', requires: holdsSpan });
  return answer.kind === 'answer' ? answer : undefined;
}

function sourcesOn(ask: Ask, key: KeyDate): string[] {
  const incident = ask.incident;
  if (!incident) return [];
  return keyDateEvents(ask.kb, incident, key)[0]?.sources ?? [];
}

/**
 * "the first panel", "the earliest server", "the last panel": an ordinal after a determiner picks the earliest or
 * the latest of several facts that match alike ("how long did it last" is the verb, not an ordinal).
 */
function ordinalIn(language: Language, words: readonly string[]): 'first' | 'last' | undefined {
  const determiners = language.list('ordinal-determiner');
  for (let i = 1; i < words.length; i++) {
    if (!hasPhraseAt(determiners, words, i - 1)) continue;
    if (hasPhraseAt(language.list('first-word'), words, i)) return 'first';
    if (hasPhraseAt(language.list('last-word'), words, i)) return 'last';
  }
  return undefined;
}

/**
 * "How long was 51.89.156.153 active", "how long did Bacon's access last": the span of one dated fact. When
 * several facts of one kind match the question alike ("how long did the earliest panel stay online"), an ordinal in
 * the question picks the earliest or the latest of them.
 */
function namedSpan(ask: Ask, reading: Reading, subject: Concept[]): { hit: SearchHit; cov: number } | undefined {
  const { kb, incident } = ask;
  if (!incident) return undefined;
  const { query } = reading;
  const ordinal = ordinalIn(kb.language, reading.words);
  const hits = kb.index.search(query.terms, {
    incidents: new Set([incident.id]),
    kinds: new Set(['event', 'indicator']),
    limit: ordinal ? 30 : 8,
  });
  const spans = hits
    .filter((h) => h.passage.date && h.passage.endDate)
    .map((hit) => ({ hit, cov: coverage(query, hit, subject) }))
    .filter((s) => s.cov >= 0.6);
  let chosen = spans[0];
  if (chosen && ordinal) {
    const lead = chosen;
    const alike = spans.filter((s) => s.hit.passage.kind === lead.hit.passage.kind && s.cov >= lead.cov - 0.05);
    const key = (s: (typeof spans)[number]) => (ordinal === 'first' ? s.hit.passage.date : s.hit.passage.endDate) ?? '';
    for (const s of alike) if (ordinal === 'first' ? key(s) < key(chosen) : key(s) > key(chosen)) chosen = s;
  }
  return chosen;
}

/** The answer giving the span of `best`, the dated fact `namedSpan` chose. */
function spanOfNamedFact(ask: Ask, reading: Reading, subject: Concept[], best: SearchHit): Answer | undefined {
  const { kb, incident } = ask;
  if (!incident) return undefined;
  const { query } = reading;
  const p: Passage = best.passage;
  const days = daysBetween(p.date as string, p.endDate as string);
  const made = factsAndItems(kb, [p]);
  const approx = (p.date as string).length < 10 || (p.endDate as string).length < 10 ? 'about ' : '';
  const text = `dated ${p.date} to ${p.endDate}, ${approx}${describeDays(days)}`;
  return makeAnswer(kb, {
    intent: 'duration',
    incident: incident.id,
    title: `${p.title}: ${text}`,
    sections: [{ text: `${p.title}: ${text}.` }, { items: made.items }],
    facts: made.facts,
    suggestions: ['timeline'],
    confidence: Math.min(0.9, 0.4 + coverage(query, best, subject) / 2),
    question: ask.question,
  });
}

const isDay = (d: string | undefined): d is string => !!d && d.length >= 10;

/** What one side of "how long after X did Y" must meet of its own words in a dated fact. */
const SIDE_COVERAGE = 0.6;
/** The confidence of a span between the facts a question names by its two ends. */
const SPAN_AFTER_CONFIDENCE = 0.85;
/** Facts within this much coverage of the best meet a side alike. */
const SIDE_TIE = 0.05;

/**
 * "how long after he quit did he still have access", "how long after leaving did he wipe the servers": the words
 * between "after" and the next helper verb name the first fact, the words after that verb the second. The span runs
 * from the dated event that best meets the first to the later dated event that best meets the second; undefined when
 * either is missing or they fall on one day.
 */
function spanAfter(ask: Ask, reading: Reading): Answer | undefined {
  const { kb, incident } = ask;
  if (!incident) return undefined;
  const language = kb.language;
  const words = reading.words;
  const at = words.findIndex((w, i) => i > 0 && hasAny(language.list('span-after'), [w]));
  if (at < 0 || !words.slice(0, at).some((w) => hasAny(language.list('duration-word'), [w]))) return undefined;
  const verb = words.findIndex((w, i) => i > at + 1 && hasAny(language.list('aux'), [w]));
  if (verb < 0) return undefined;
  const own = (from: number, to: number) => {
    const mine = new Set(words.slice(from, to));
    return reading.query.concepts.filter((c) => !c.filler && !c.unknown && c.text.split(' ').every((w) => mine.has(w)));
  };
  const first = own(at + 1, verb);
  const then = own(verb + 1, words.length);
  if (first.length === 0 || then.length === 0) return undefined;
  const best = (side: Concept[], after?: string) => {
    const terms = side.flatMap((c) => c.terms);
    const hits = kb.index.search(terms, { incidents: new Set([incident.id]), kinds: new Set(['event']), limit: 12 });
    const found = hits
      .filter((h) => isDay(h.passage.date) && !h.passage.supersededBy && (!after || (h.passage.date as string) > after))
      .map((h) => ({ p: h.passage, cov: coverage(reading.query, h, side) }))
      .filter((x) => x.cov >= SIDE_COVERAGE);
    // of the facts that meet it alike, the earliest: what happened first after the other
    const top = Math.max(0, ...found.map((x) => x.cov));
    return found
      .filter((x) => x.cov >= top - SIDE_TIE)
      .sort((x, y) => (x.p.date as string).localeCompare(y.p.date as string))[0]?.p;
  };
  const from = best(first);
  const to = from ? best(then, from.date) : undefined;
  if (!from || !to) return undefined;
  return spanAnswer(ask, incident, from, to, SPAN_AFTER_CONFIDENCE);
}

/** A dated claim and the later fact that corrected it: from the claim that was corrected to its correction. */
function correctionSpan(ask: Ask, p: Passage): [Passage, Passage] | undefined {
  const incident = p.incident;
  const later = p.supersededBy ? ask.kb.passage(incident, p.supersededBy) : undefined;
  if (later && isDay(later.date) && (later.date as string) > (p.date as string)) return [p, later];
  const earlier = (p.corrects ?? [])
    .map((id) => ask.kb.passage(incident, id))
    .filter((c): c is Passage => !!c && isDay(c.date) && (c.date as string) < (p.date as string))
    .sort((a, b) => (b.date as string).localeCompare(a.date as string))[0];
  return earlier ? [earlier, p] : undefined;
}

/**
 * "how long until the post was corrected", "how long did the review last": the span between two
 * dated facts about the subject. A correction is measured from the claim it corrects (the latest of them, when it
 * corrects several); otherwise from the first to the last milestone the subject matches ("review announced" to
 * "report released").
 */
function spanBetweenFacts(ask: Ask, reading: Reading, subject: Concept[]): Answer | undefined {
  const { kb, incident } = ask;
  if (!incident) return undefined;
  const { query } = reading;
  const hits = kb.index.search(query.terms, { incidents: new Set([incident.id]), kinds: new Set(['event']), limit: 8 });
  const matching = hits.filter((h) => isDay(h.passage.date) && coverage(query, h, subject) >= 0.6);
  const lead = matching[0];
  if (!lead) return undefined;
  let pair: [Passage, Passage] | undefined;
  if (hasAny(kb.language.list('correction-word'), reading.words)) {
    // the correction itself, or the claim it corrected, whichever the question matched first
    for (const { passage: p } of matching.slice(0, 3)) {
      pair = correctionSpan(ask, p);
      if (pair) break;
    }
  }
  if (!pair) {
    const milestones = matching
      .map((h) => h.passage)
      .filter((p) => p.ref.kind === 'event' && p.ref.item.tags.includes('milestone') && !p.supersededBy);
    if (milestones.length < 2) return undefined;
    const sorted = [...milestones].sort((a, b) => (a.date as string).localeCompare(b.date as string));
    const first = sorted[0] as Passage;
    const last = sorted[sorted.length - 1] as Passage;
    if (first.date === last.date) return undefined;
    pair = [first, last];
  }
  const [from, to] = pair;
  return spanAnswer(ask, incident, from, to, Math.min(0.85, 0.4 + coverage(query, lead, subject) / 2));
}

/** The answer giving the span between two dated facts, the earlier first. */
function spanAnswer(ask: Ask, incident: Incident, from: Passage, to: Passage, confidence: number): Answer {
  const { kb } = ask;
  const days = daysBetween(from.date as string, to.date as string);
  const made = factsAndItems(kb, [from, to]);
  const text = `${describeDays(days)}, from ${from.date} (${from.title}) to ${to.date} (${to.title})`;
  return makeAnswer(kb, {
    intent: 'duration',
    incident: incident.id,
    title: `${incidentName(incident)}: ${describeDays(days)}, ${from.date} to ${to.date}`,
    sections: [
      { text: `${text.charAt(0).toUpperCase()}${text.slice(1)}.` },
      { items: made.items },
      { text: 'Day counts are calendar days between the two dated facts.' },
    ],
    facts: made.facts,
    suggestions: ['timeline'],
    confidence,
    question: ask.question,
  });
}
