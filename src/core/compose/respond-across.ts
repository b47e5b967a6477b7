/**
 * Questions across every loaded incident: "which incidents involved phishing?" (the incidents whose facts match, each
 * with its best facts) and "anything in 2021?" (the events in that range from every incident, the default
 * incident's first). Each fact says which incident it belongs to.
 */
import type { Answer, AnswerFact, AnswerItem, AnswerSection } from '../answer.js';
import { incidentName, makeAnswer, noneAnswer, pageLabel, pageOf } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import type { DateRange } from '../command.js';
import { overlaps, startOf } from '../dates/dates.js';
import type { KeyDate } from '../dates/key-dates.js';
import { factOf, itemOf, latest } from '../facts.js';
import type { Incident } from '../model.js';
import type { Language } from '../reading/language.js';
import { hasAny } from '../reading/patterns.js';
import { analyzeQuery, contentConcepts, coverage } from '../reading/query.js';
import type { Reading } from '../reading/read-question.js';
import { passagesOf } from '../search/incident-passages.js';
import type { Passage, PassageKind } from '../search/passages.js';
import { ANSWER_THRESHOLD } from './search-answer.js';

const NEVER = new Set<PassageKind>(['source', 'status']);
const PER_INCIDENT = 2;
const MAX_INCIDENTS = 8;

/**
 * The incidents whose facts match the topic, best first, each with its best one or two facts; undefined when the
 * topic holds no word search can use ("which incidents are like this").
 */
export function respondAcross(ask: Ask, topic: string): Answer | undefined {
  const { kb } = ask;
  const query = analyzeQuery(kb, topic);
  const none = () =>
    noneAnswer(
      kb,
      undefined,
      ask.question,
      `No incident in the knowledge base matches "${topic}". Type \`incidents\` for the list of what is loaded.`,
      ['incidents', 'help'],
    );
  if (contentConcepts(query).length === 0) return undefined;
  const hits = kb.index.search(query.terms, { exclude: NEVER, limit: 300 });
  const top = hits[0]?.score ?? 1;
  // a passing mention counts here: "which incidents involved MFA" wants every incident whose facts name it
  const ranked = hits
    .map((hit) => ({ hit, cov: coverage(query, hit) }))
    .filter((r) => r.cov >= ANSWER_THRESHOLD)
    .map((r) => ({ ...r, rank: Math.sqrt(r.hit.score / top) * r.cov ** 1.5 }))
    .sort((a, b) => b.rank - a.rank);
  const groups = new Map<string, Passage[]>();
  for (const r of ranked) {
    const p = latest(kb, r.hit.passage);
    const list = groups.get(p.incident) ?? [];
    if (list.length >= PER_INCIDENT || list.some((q) => q === p || q.text === p.text)) continue;
    // a second fact only when it is nearly as good as the first
    if (list.length > 0 && r.cov < (ranked[0]?.cov ?? 1) - 0.1) continue;
    list.push(p);
    groups.set(p.incident, list);
  }
  if (groups.size === 0) return none();
  const order = [...groups.keys()].slice(0, MAX_INCIDENTS);
  const facts: AnswerFact[] = [];
  const sections: AnswerSection[] = [
    {
      text: `${order.length} incident${order.length === 1 ? ' in the knowledge base matches' : 's in the knowledge base match'} "${topic}"${groups.size > order.length ? ` (the best ${order.length} of ${groups.size})` : ''}:`,
    },
  ];
  for (const id of order) {
    const incident = kb.incident(id) as Incident;
    const items: AnswerItem[] = [];
    for (const p of groups.get(id) ?? []) {
      const fact = factOf(kb, p, { withIncident: true });
      facts.push(fact);
      items.push(itemOf(p, fact, incidentName(incident)));
    }
    sections.push({ heading: `${incident.title} (${incident.id})`, items });
  }
  return makeAnswer(kb, {
    intent: 'question',
    incident: order.length === 1 ? (order[0] as string) : null,
    title: `Incidents matching "${topic}": ${namesInTitle(kb, order)}`,
    sections,
    facts,
    suggestions: [...order.slice(0, 2).map((id) => `${id} timeline`), 'incidents'],
    confidence: Math.min(0.9, 0.35 + (ranked[0]?.cov ?? 0) * 0.6),
    question: ask.question,
  });
}

/** How many incidents the title of a cross-incident answer names. */
const TITLE_NAMES = 3;

/** "Umbrella, Initech, Globex and 2 more": the answer is which incidents, so the title names them. */
function namesInTitle(kb: Ask['kb'], ids: readonly string[]): string {
  const names = ids.slice(0, TITLE_NAMES).map((id) => incidentName(kb.incident(id) as Incident));
  const more = ids.length - names.length;
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
}

const PAGE_SIZE = 15;

/** "what happened in 2022": the events in the range from every incident, the default incident's first. */
export function respondTimelineAcross(
  ask: Ask,
  range: DateRange,
  questionText: string,
  confidence: number,
): Answer | undefined {
  const { kb } = ask;
  const first = kb.defaultIncident;
  const ordered = [...(first ? [first] : []), ...kb.incidents.filter((i) => i !== first)];
  const byIncident = ordered.map((incident) => {
    const events = passagesOf(kb, incident.id, 'event').filter((p) => p.date && overlaps(p.date, p.endDate, range));
    const listed = new Set(events.map((e) => e.id));
    return { incident, events: events.filter((e) => !(e.supersededBy && listed.has(e.supersededBy))) };
  });
  const withEvents = byIncident.filter((g) => g.events.length > 0);
  // only the default incident has events there: its own timeline answers as before
  if (withEvents.length === 0 || (withEvents.length === 1 && withEvents[0]?.incident === first)) return undefined;
  const own = withEvents.filter((g) => g.incident === first).flatMap((g) => g.events);
  const others = withEvents
    .filter((g) => g.incident !== first)
    .flatMap((g) => g.events)
    .sort((a, b) => startOf(a.date ?? '').localeCompare(startOf(b.date ?? '')) || a.n - b.n);
  const events = [...own, ...others];
  const page = pageOf(events, ask.page, PAGE_SIZE);
  const facts: AnswerFact[] = [];
  const items: AnswerItem[] = [];
  for (const p of page.items) {
    const incident = kb.incident(p.incident) as Incident;
    const fact = factOf(kb, p, { short: true, withIncident: true });
    facts.push(fact);
    items.push(itemOf(p, fact, incidentName(incident)));
  }
  const names = withEvents.map((g) => incidentName(g.incident));
  return makeAnswer(kb, {
    intent: 'timeline',
    incident: null,
    title: `Timeline across incidents, ${range.label}${pageLabel(page)}`,
    sections: [
      {
        text: `${events.length} event${events.length === 1 ? '' : 's'} from ${withEvents.length} incidents (${names.join(', ')})${first && own.length > 0 ? `, ${incidentName(first)} first` : ''}. Put an incident's id first for only its events.`,
      },
      { items },
    ],
    facts,
    suggestions: ['timeline', 'incidents'],
    confidence,
    more: page.next ? `${questionText.replace(/[?!.\s]+$/, '')} page ${page.next}` : undefined,
    question: ask.question,
  });
}

/** Which of an incident's key dates a list by date reads: "started in 2014", "disclosed in 2022", "from 2019". */
export type IncidentDateKey = 'start' | 'disclosed' | 'detected' | 'end' | 'any';

/** Key dates in the order a list by date reads their words. */
const DATE_KEYS: KeyDate[] = ['start', 'disclosed', 'detected', 'end'];

/**
 * "which incidents started in 2014", "breaches disclosed in 2022", "incidents from 2019": which key date to read,
 * when the question is only a list of incidents, an optional verb and the date (the date phrase already found).
 * Undefined when other words remain ("which incidents involved mfa in 2022" is a search).
 */
export function incidentsByDateKey(
  language: Language,
  reading: Reading,
  dateMatched: string,
): IncidentDateKey | undefined {
  const dateWords = new Set(dateMatched.split(/\s+/));
  const words = reading.words.filter((w) => !dateWords.has(w));
  if (!hasAny(language.list('incident-list-noun'), words)) return undefined;
  let key: IncidentDateKey | undefined;
  const rest: string[] = [];
  for (const w of words) {
    const one = [w];
    if (hasAny(language.list('incident-list-noun'), one)) continue;
    const k = DATE_KEYS.find((d) => hasAny(language.keyDates[d], one));
    if (k) {
      key ??= k;
      continue;
    }
    if (hasAny(language.list('happened-word'), one)) {
      key ??= 'any';
      continue;
    }
    if (hasAny(language.list('list-filler'), one)) continue;
    rest.push(w);
  }
  if (rest.length > 0) return undefined;
  return key ?? 'any';
}

/** what the key date says, for one incident and for several */
const KEY_WORDS: Record<IncidentDateKey, [string, string]> = {
  start: ['started', 'started'],
  disclosed: ['was disclosed', 'were disclosed'],
  detected: ['was detected', 'were detected'],
  end: ['ended', 'ended'],
  any: ['happened or was disclosed', 'happened or were disclosed'],
};

/** The incidents whose key date (or, for `any`, whose span or disclosure) falls in the range, oldest first. */
export function respondIncidentsByDate(ask: Ask, key: IncidentDateKey, range: DateRange, questionText: string): Answer {
  const { kb } = ask;
  const inRange = (date: string | undefined, end?: string) => !!date && overlaps(date, end, range);
  const dateOf = (i: Incident): string | undefined =>
    key === 'any' ? (i.dates.start ?? i.dates.disclosed ?? i.dates.detected) : i.dates[key];
  const matching = kb.incidents.filter((i) => {
    const d = i.dates;
    if (key !== 'any') return inRange(d[key]);
    return inRange(d.start, d.end) || inRange(d.disclosed) || inRange(d.detected) || inRange(d.end);
  });
  if (matching.length === 0) {
    return noneAnswer(
      kb,
      undefined,
      ask.question,
      `No incident in the knowledge base ${KEY_WORDS[key][0]} in ${range.label}. Type \`incidents\` for the list of what is loaded, with their dates.`,
      ['incidents', 'help'],
    );
  }
  const sorted = [...matching].sort((a, b) => startOf(dateOf(a) ?? '9999').localeCompare(startOf(dateOf(b) ?? '9999')));
  const page = pageOf(sorted, ask.page, PAGE_SIZE);
  const items: AnswerItem[] = page.items.map((i) => {
    const d = i.dates;
    const parts = [
      d.start ? `started ${d.start}${d.end && d.end !== d.start ? `, ended ${d.end}` : ''}` : '',
      d.detected ? `detected ${d.detected}` : '',
      d.disclosed ? `disclosed ${d.disclosed}` : '',
    ].filter((p) => p !== '');
    const date = dateOf(i);
    return {
      label: i.id,
      text: `${i.title}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`,
      ...(date ? { date } : {}),
    };
  });
  return makeAnswer(kb, {
    intent: 'incidents',
    incident: matching.length === 1 ? (matching[0] as Incident).id : null,
    title: `Incidents that ${KEY_WORDS[key][1]} in ${range.label} (${matching.length})${pageLabel(page)}`,
    sections: [
      {
        text: `${matching.length} incident${matching.length === 1 ? '' : 's'} in the knowledge base ${KEY_WORDS[key][matching.length === 1 ? 0 : 1]} in ${range.label}, by ${key === 'any' ? 'their start (or disclosure) date' : 'that date'}. Put an incident's id first to ask about it.`,
      },
      { items },
    ],
    suggestions: [...page.items.slice(0, 2).map((i) => `${i.id} timeline`), 'incidents'],
    confidence: 0.9,
    more: page.next ? `${questionText.replace(/[?!.\s]+$/, '')} page ${page.next}` : undefined,
    question: ask.question,
  });
}
