/**
 * `timeline [range | words]`: the incident's events in date order, paged. Without a filter, page 1 is the
 * intrusion itself (from its start until a week after disclosure) under the key dates; background before the
 * start is one command away.
 */
import type { Answer, AnswerItem, AnswerSection } from '../answer.js';
import { incidentName, makeAnswer, moreCommand, noneAnswer, pageLabel, pageOf } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import type { DateRange } from '../command.js';
import { findDateRange } from '../dates/date-phrases.js';
import { describeDate, endOf, overlaps, startOf } from '../dates/dates.js';
import { factsAndItems } from '../facts.js';
import type { Incident } from '../model.js';
import { analyzeQuery, coverage } from '../reading/query.js';
import { passagesOf } from '../search/incident-passages.js';
import type { Passage } from '../search/passages.js';

export interface TimelineRequest {
  range?: DateRange;
  words?: string;
}

const PAGE_SIZE = 15;
const FIRST_PAGE_MAX = 25;
const EVENT_KINDS = new Set(['event'] as const);

export function respondTimeline(ask: Ask, request: TimelineRequest, confidence = 1): Answer {
  const { kb, incident } = ask;
  if (!incident) return noneAnswer(kb, undefined, ask.question, 'No incidents are loaded.');
  const all = passagesOf(kb, incident.id, 'event');
  if (all.length === 0) {
    return (
      keyDatesOnly(ask, incident, confidence) ??
      noneAnswer(kb, incident, ask.question, `The knowledge base has no timeline for ${incidentName(incident)}.`, [
        'status',
        'sources',
      ])
    );
  }
  let events = inRange(all, request.range);
  let note: string | undefined;
  if (request.words) {
    const matched = matchWords(ask, incident, events, request.words);
    if (matched.length > 0) events = matched;
    else if (request.range && events.length > 0)
      note = `No event in ${request.range.label} matches "${request.words}"; here is all of ${request.range.label}.`;
    else events = [];
  }
  if (events.length === 0) {
    const what = [request.range?.label, request.words ? `"${request.words}"` : undefined].filter(Boolean).join(', ');
    return noneAnswer(kb, incident, ask.question, `No ${incidentName(incident)} timeline events for ${what}.`, [
      'timeline',
      'status',
    ]);
  }
  const unfiltered = !request.range && !request.words;
  if (unfiltered) return overview(ask, incident, overviewPages(kb, incident, all), confidence);
  const listed = new Set(events.map((e) => e.id));
  // superseded claims show up as notes on the facts that replaced them
  const visible = events.filter((e) => !(e.supersededBy && listed.has(e.supersededBy)));
  return filtered(ask, incident, visible, request, confidence, note);
}

interface OverviewPages {
  /** events before the incident's start */
  background: Passage[];
  pages: Passage[][];
}

/** The unfiltered timeline's pages: the same for every ask, so made once per knowledge base and incident. */
const overviewMemo = new WeakMap<object, Map<string, OverviewPages>>();
function overviewPages(kb: object, incident: Incident, all: readonly Passage[]): OverviewPages {
  let byIncident = overviewMemo.get(kb);
  if (!byIncident) {
    byIncident = new Map();
    overviewMemo.set(kb, byIncident);
  }
  let made = byIncident.get(incident.id);
  if (!made) {
    // superseded claims show up as notes on the facts that replaced them
    const events = all.filter((e) => !e.supersededBy);
    const start = incident.dates.start;
    const background = start ? events.filter((e) => e.date && endOf(e.date) < startOf(start)) : [];
    const earlier = new Set(background);
    const main = events.filter((e) => !earlier.has(e));
    const windowEnd = incident.dates.disclosed ? addDays(incident.dates.disclosed, 7) : undefined;
    const firstCount = windowEnd
      ? Math.min(FIRST_PAGE_MAX, Math.max(PAGE_SIZE, main.filter((e) => e.date && startOf(e.date) <= windowEnd).length))
      : PAGE_SIZE;
    const pages = [main.slice(0, firstCount)];
    for (let i = firstCount; i < main.length; i += PAGE_SIZE) pages.push(main.slice(i, i + PAGE_SIZE));
    made = { background, pages };
    byIncident.set(incident.id, made);
  }
  return made;
}

/**
 * True when the incident has events in the range and, if words are given, one of them matches the words or none of
 * the words is new to the knowledge base: a question ("what did salt typhoon get out of the telcos in 2024") whose
 * words meet no event of its period and name something unknown is not answered with the whole period, as the
 * `timeline 2024 words` command is.
 */
export function timelineMatches(ask: Ask, request: TimelineRequest): boolean {
  const { kb, incident } = ask;
  if (!incident) return false;
  const events = inRange(passagesOf(kb, incident.id, 'event'), request.range);
  if (!request.words) return events.length > 0;
  if (matchWords(ask, incident, events, request.words).length > 0) return true;
  // words the knowledge base knows may still ask about the period ("the security chief found guilty in october
  // 2022"); a word it has never seen names something it does not hold
  return !analyzeQuery(kb, request.words).concepts.some((c) => c.unknown && !c.filler && !c.weak);
}

/** The events of the range whose words meet the request's (none without words). */
export function eventsMatching(ask: Ask, request: TimelineRequest): Passage[] {
  const { incident } = ask;
  if (!incident || !request.words) return [];
  return matchWords(ask, incident, inRange(passagesOf(ask.kb, incident.id, 'event'), request.range), request.words);
}

/** The events in the range (all of them without one). */
function inRange(events: Passage[], range: DateRange | undefined): Passage[] {
  return range ? events.filter((p) => p.date && overlaps(p.date, p.endDate, range)) : events;
}

function matchWords(ask: Ask, incident: Incident, events: Passage[], words: string): Passage[] {
  const query = analyzeQuery(ask.kb, words);
  if (query.concepts.length === 0) return [];
  const hits = ask.kb.index.search(query.terms, {
    incidents: new Set([incident.id]),
    kinds: EVENT_KINDS,
    limit: 200,
  });
  const allowed = new Set(events.map((e) => e.id));
  const best = hits[0]?.score ?? 0;
  const keep = new Set(
    hits
      .filter((h) => allowed.has(h.passage.id) && coverage(query, h) >= 0.5 && h.score >= best * 0.25)
      .map((h) => h.passage.id),
  );
  return events.filter((e) => keep.has(e.id));
}

function filtered(
  ask: Ask,
  incident: Incident,
  events: Passage[],
  request: TimelineRequest,
  confidence: number,
  note?: string,
): Answer {
  const page = pageOf(events, ask.page, PAGE_SIZE);
  const { facts, items } = factsAndItems(ask.kb, page.items, { short: true });
  const filters = [request.range?.label, request.words ? `"${request.words}"` : undefined].filter(Boolean).join(', ');
  const sections: AnswerSection[] = [];
  if (note) sections.push({ text: note });
  sections.push({ items });
  return makeAnswer(ask.kb, {
    intent: 'timeline',
    incident: incident.id,
    title: `${incidentName(incident)} timeline, ${filters}${pageLabel(page)}`,
    sections,
    facts,
    suggestions: ['timeline', 'victims', 'status'],
    confidence,
    more: page.next ? moreCommand(`timeline ${requestText(request)}`, incident, ask.kb, page.next) : undefined,
    question: ask.question,
  });
}

function overview(ask: Ask, incident: Incident, made: OverviewPages, confidence: number): Answer {
  const start = incident.dates.start;
  const { background, pages } = made;
  const pageNo = Math.min(Math.max(1, ask.page), pages.length);
  const slice = pages[pageNo - 1] ?? [];
  const { facts, items } = factsAndItems(ask.kb, slice, { short: true });
  const sections: AnswerSection[] = [];
  if (pageNo === 1) {
    const d = incident.dates;
    const keyDates = [
      d.start ? `started ${d.start}` : undefined,
      d.detected ? `detected ${d.detected}` : undefined,
      d.disclosed ? `disclosed ${d.disclosed}` : undefined,
      d.end ? `ended ${d.end}` : undefined,
    ].filter(Boolean);
    if (keyDates.length > 0) sections.push({ heading: 'Key dates', text: `${capitalize(keyDates.join(', '))}.` });
  }
  sections.push({ heading: pageNo === 1 && start ? 'Events' : undefined, items });
  if (background.length > 0 && (pageNo === pages.length || pageNo === 1) && start) {
    const first = background[0]?.date ?? '';
    sections.push({
      text: `${background.length} earlier background event${background.length === 1 ? '' : 's'} (from ${describeDate(first)}): ask \`timeline before ${start}\`.`,
    });
  }
  const label = pages.length > 1 ? ` (page ${pageNo} of ${pages.length})` : '';
  return makeAnswer(ask.kb, {
    intent: 'timeline',
    incident: incident.id,
    title: `${incidentName(incident)} timeline${label}`,
    sections,
    facts,
    suggestions: ['victims', 'logging', start && background.length > 0 ? `timeline before ${start}` : 'status'],
    confidence,
    more: pageNo < pages.length ? moreCommand('timeline', incident, ask.kb, pageNo + 1) : undefined,
    question: ask.question,
  });
}

/** A write-up without a timeline table: its key dates (start, detection, disclosure, end) stand in for one. */
function keyDatesOnly(ask: Ask, incident: Incident, confidence: number): Answer | undefined {
  const d = incident.dates;
  const lines: AnswerItem[] = (
    [
      ['Started', d.start],
      ['Detected', d.detected],
      ['Disclosed', d.disclosed],
      ['Ended', d.end],
    ] as const
  ).flatMap(([text, date]) => (date ? [{ text, date }] : []));
  if (lines.length === 0) return undefined;
  return makeAnswer(ask.kb, {
    intent: 'timeline',
    incident: incident.id,
    title: `${incidentName(incident)} timeline (key dates only)`,
    sections: [
      { heading: 'Key dates', items: lines },
      { text: `The write-up has no detailed timeline for ${incidentName(incident)}; these are its key dates.` },
    ],
    suggestions: ['status', 'sources'],
    confidence: Math.min(confidence, 0.8),
    question: ask.question,
  });
}

/** The filter as command text that parses back to the same filter. */
function requestText(request: TimelineRequest): string {
  const parts: string[] = [];
  const range = request.range;
  if (range) {
    const again = findDateRange(range.label, {});
    const same = again && again.range.from === range.from && again.range.to === range.to;
    if (same) parts.push(range.label.toLowerCase());
    else if (range.to >= '2199') parts.push(`since ${range.from}`);
    else if (range.from <= '1900-01-01') parts.push(`before ${addDays(range.to, 1)}`);
    else parts.push(`${range.from}..${range.to}`);
  }
  if (request.words) parts.push(request.words);
  return parts.join(' ');
}

function addDays(date: string, days: number): string {
  const t = Date.parse(`${startOf(date)}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
