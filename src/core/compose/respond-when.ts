/**
 * "When did X happen?": a key date when X is the incident itself ("when was it spotted"), otherwise the dated
 * event that best matches X, corrected by later sources where they disagree.
 */
import type { Answer, AnswerSection } from '../answer.js';
import { incidentName, makeAnswer } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { describeDate } from '../dates/dates.js';
import { KEY_DATE_LABEL, type KeyDate, keyDateEvents } from '../dates/key-dates.js';
import { factsAndItems, latest } from '../facts.js';
import { hasAny, hasPhraseAt } from '../reading/patterns.js';
import { type Concept, coverage, type QueryAnalysis } from '../reading/query.js';
import type { Reading } from '../reading/read-question.js';
import {
  incidentNameWords,
  isIncidentWide,
  keyDateWords,
  madeOfListWords,
  subjectConcepts,
} from '../reading/subject.js';
import type { Passage } from '../search/passages.js';
import type { SearchHit } from '../search/search-index.js';
import { isStopWord } from '../search/stopwords.js';
import { termOf, words } from '../search/tokenize.js';
import { ties, titleShare, withSignals } from './confidence.js';
import { distinctOthers } from './search-answer.js';

const DATED = new Set(['event', 'victim', 'actor', 'technique', 'aftermath'] as const);

export function respondWhen(ask: Ask, reading: Reading): Answer | undefined {
  const { kb, incident } = ask;
  if (!incident) return undefined;
  const { query } = reading;
  const keys = reading.keyDates;
  const keyWords = keyDateWords(kb.language);
  // a key date the incident does not record ("when was it spotted", no detection date) is searched for instead
  const missingKey = keys.length > 0 && !keys.some((k) => incident.dates[k]);
  const subject = subjectConcepts(ask, query, [
    'when-word',
    'when-opener',
    'aux',
    'attack-verb',
    'incident-noun',
  ]).filter(
    (c) =>
      (missingKey || !c.text.split(' ').every((w) => keyWords.has(w))) &&
      // "when did they first find out about the X activity": a key date is the first time by itself, and the
      // activity after the incident's name is the incident
      !(keys.length > 0 && madeOfListWords(kb.language, c, ['first-word'])) &&
      !(keys.length > 0 && activityOfIncident(kb.language, incident, query.words, c)) &&
      !isIncidentWide(kb, incident, c) &&
      // "when did they announce the incapsula breach": a name of the incident asked about, not a thing in it
      !(keys.length > 0 && namesTheIncident(kb.language, query.words, c)),
  );
  const key =
    keys.find((k) => incident.dates[k]) ??
    (!missingKey && subject.length === 0 && incident.dates.start ? 'start' : undefined);
  if (key && subject.length === 0) return keyDateAnswer(ask, key);
  const hits = kb.index
    .search(query.terms, { incidents: new Set([incident.id]), kinds: DATED as ReadonlySet<Passage['kind']>, limit: 12 })
    .filter((h) => h.passage.date);
  const asked = new Set(subject.flatMap((c) => c.own));
  const keyDays = new Set(keys.map((k) => incident.dates[k]).filter((d): d is string => !!d));
  const raw = hits.map((h) => ({
    hit: h,
    cov:
      ((subject.length > 0 ? coverage(query, h, subject) : 1) * 0.7 + coverage(query, h) * 0.3) *
      (intendedOnly(h.passage, asked) ? INTENDED_ONLY : 1),
  }));
  const rawBest = [...raw].sort((a, b) => b.cov - a.cov || b.hit.score - a.hit.score)[0];
  // "when did they disclose the vault theft": the row on the disclosure date, among rows that match alike; a row
  // that misses a telling word the best row meets ("crash dump") is about something else, whatever its date
  const onKeyDay = (h: SearchHit) =>
    !!h.passage.date && keyDays.has(h.passage.date) && (!rawBest || meetsTelling(query, subject, rawBest.hit, h));
  // "when did X say …": a row that reports someone saying it, over the row of the thing said
  const speaker = kb.language.list('speaker-word').byFirst;
  const asksSaying = query.words.some((w) => speaker.has(w));
  const says = (h: SearchHit) =>
    asksSaying && h.passage.kind === 'event' && words(h.passage.title).some((w) => speaker.has(w));
  // "when did they say they would review it": the row of the review itself is not when it was said
  const asksIntent = asksSaying && hasAny(kb.language.list('future-word'), query.words);
  // "how old was the key": the row that tells when it was made, over rows that only name it
  const asksAge = hasAny(kb.language.list('age-ask'), query.words);
  const madeWords = kb.language.list('age-cue');
  const ageless = (h: SearchHit) => asksAge && !hasAny(madeWords, words(`${h.passage.title} ${h.passage.text}`));
  const scored = raw.map((s) => ({
    hit: s.hit,
    cov:
      s.cov *
      (onKeyDay(s.hit) ? ON_KEY_DATE : 1) *
      (says(s.hit) ? SAYS_ROW : asksIntent ? DONE_NOT_SAID : 1) *
      (ageless(s.hit) ? AGELESS : 1),
  }));
  scored.sort((a, b) => b.cov - a.cov || b.hit.score - a.hit.score);
  const best = scored[0];
  if (!best || best.cov < 0.5) {
    if (!best || best.cov < EVENT_FLOOR || !eventAsGoodAsNarrative(ask, query, best.hit, subject)) {
      // "the AI team's leaked SAS token repo, when was that found": words the knowledge base has never seen name
      // something else; the incident's own detection date does not answer for it unless the question gives the
      // incident's own name (not only its victim's: a vendor may have more incidents than the loaded one)
      const foreign = subject.filter((c) => c.unknown && !c.filler).length >= FOREIGN_WORDS;
      return key && (!foreign || ask.named || byOwnName(incident, query.words))
        ? keyDateAnswer(ask, key, 0.6)
        : undefined;
    }
  }
  // a key date the question asks for wins when one of its events matches about as well
  const keyEvent = key
    ? scored.find(
        (s) =>
          s.cov >= best.cov * KEY_ROW_SHARE &&
          s.hit.passage.date === incident.dates[key] &&
          meetsTelling(query, subject, best.hit, s.hit),
      )
    : undefined;
  // "when did X start" wants the first of several matching events, "when did X end" the last
  // (of events only: a narrative section's date is when it was written, not when the thing happened)
  // a narrative best's date is only when it was written: an event that matches nearly as well is what happened
  const reach = best.hit.passage.kind === 'event' ? EVENT_TIE : NARRATIVE_TIE;
  const near = scored.filter((s) => s.cov >= best.cov - reach && s.hit.passage.date && s.hit.passage.kind === 'event');
  const byDate = [...near].sort((a, b) => ((a.hit.passage.date ?? '') < (b.hit.passage.date ?? '') ? -1 : 1));
  // a milestone wins a tie, not a closer match of the asked words ("revoke" over a synonym of it)
  const milestone = near.find((s) => isMilestone(s.hit.passage) && s.cov >= best.cov - MILESTONE_TIE);
  const ordinal = keys.includes('start') ? byDate[0] : keys.includes('end') ? byDate.at(-1) : undefined;
  // a dated event over a narrative section that matches about as well: the section's date is when it was said
  const top = latest(kb, (keyEvent ?? milestone ?? ordinal ?? near[0] ?? best).hit.passage);
  const others = scored
    .filter((s) => s.hit.passage !== top && latest(kb, s.hit.passage) !== top && s.cov >= best.cov - 0.15)
    .map((s) => latest(kb, s.hit.passage))
    .filter((p, i, all) => p !== top && all.indexOf(p) === i)
    .slice(0, 3);
  const main = factsAndItems(kb, [top]);
  const more = factsAndItems(kb, others, { short: true });
  const sections: AnswerSection[] = [{ items: main.items }];
  if (more.items.length > 0) sections.push({ heading: 'Related', items: more.items });
  const answer = makeAnswer(kb, {
    intent: 'when',
    incident: incident.id,
    title: `${describeDate(top.date ?? '')}: ${top.title || firstWords(top.text)}`,
    sections,
    facts: [...main.facts, ...more.facts],
    suggestions: ['timeline', 'how long until it was disclosed?'],
    confidence: Math.min(0.95, 0.45 + best.cov / 2),
    question: ask.question,
  });
  const second = scored.find((s) => latest(kb, s.hit.passage) !== top);
  return withSignals(answer, {
    route: 'search',
    coverage: best.cov,
    margin: second ? Math.max(0, best.cov - second.cov) : 1,
    titleShare: titleShare(subject.length > 0 ? subject : query.concepts, best.hit),
    ties: ties(best, distinctOthers(kb, scored, top)),
  });
}

/** True when the words give the incident's id or one of its aliases, word for word. */
function byOwnName(incident: NonNullable<Ask['incident']>, asked: readonly string[]): boolean {
  const text = ` ${asked.join(' ')} `;
  return [incident.id, ...incident.aliases].some((name) => {
    const spelled = words(name).join(' ');
    return spelled !== '' && text.includes(` ${spelled} `);
  });
}

/** Unknown words in the subject that make it something other than the incident, when the question names none. */
const FOREIGN_WORDS = 2;

/** Events this close to the best event's coverage tie with it. */
const EVENT_TIE = 0.05;
/** Events this close to a narrative section's coverage stand for it: its date is when it was written. */
const NARRATIVE_TIE = 0.15;

/** A concept this heavy (rare in the knowledge base) tells what the question is about. */
const TELLING_WEIGHT = 0.75;

/** `other` meets every telling subject concept that `best` meets. */
function meetsTelling(query: QueryAnalysis, subject: Concept[], best: SearchHit, other: SearchHit): boolean {
  if (other === best) return true;
  return subject.every(
    (c) =>
      c.filler ||
      c.weak ||
      c.unknown ||
      c.weight < TELLING_WEIGHT ||
      coverage(query, best, [c]) < 0.8 ||
      coverage(query, other, [c]) >= 0.8,
  );
}

/**
 * True when every word of the concept stands in a name right before an incident noun ("the X Y breach"): the
 * question calls the incident by that name.
 */
function namesTheIncident(language: Ask['kb']['language'], asked: readonly string[], concept: Concept): boolean {
  const nouns = language.list('incident-noun');
  const named = new Set<string>();
  for (let i = 1; i < asked.length; i++) {
    if (!hasPhraseAt(nouns, asked, i)) continue;
    for (let k = i - 1; k >= 0 && i - k <= NAME_WORDS; k--) {
      const w = asked[k] as string;
      if (isStopWord(w) || hasPhraseAt(nouns, asked, k)) break;
      named.add(w);
    }
  }
  return concept.text.split(' ').every((w) => named.has(w));
}

/** The concept is a word of the activity-noun list right after a word of the incident's name ("the X activity"). */
function activityOfIncident(
  language: Ask['kb']['language'],
  incident: NonNullable<Ask['incident']>,
  asked: readonly string[],
  concept: Concept,
): boolean {
  const nouns = language.list('activity-noun');
  const name = incidentNameWords(incident);
  return asked.some((w, i) => i > 0 && hasAny(nouns, [w]) && concept.text === w && name.has(asked[i - 1] as string));
}

/** The most words a name before an incident noun has. */
const NAME_WORDS = 3;

/** Below this a dated row is no answer to "when", however poorly the narrative sections match. */
const EVENT_FLOOR = 0.4;
const NARRATIVE = new Set<Passage['kind']>(['summary', 'technique', 'actor', 'aftermath', 'lesson', 'victim']);

/**
 * "when did the former admin wipe the servers": a timeline row that meets the question about as well as any
 * narrative section of the incident answers it (the sections give no date; the row does).
 */
function eventAsGoodAsNarrative(ask: Ask, query: QueryAnalysis, event: SearchHit, subject: Concept[]): boolean {
  if (event.passage.kind !== 'event' || !ask.incident || subject.length === 0) return false;
  const hits = ask.kb.index.search(query.terms, { incidents: new Set([ask.incident.id]), kinds: NARRATIVE, limit: 8 });
  // the incident's own name is met by all of its passages alike: only what the question asks about counts
  const narrative = Math.max(0, ...hits.map((h) => coverage(query, h, subject)));
  return coverage(query, event, subject) >= narrative - 0.05;
}

/**
 * A row whose title has the asked verb only after "to" ("the committee calls the CEO to testify") announces the
 * event rather than being it: it ranks below the row where the event happens.
 */
const INTENDED_ONLY = 0.85;
/** A row reporting a statement gains this much when the question asks when someone said something. */
const SAYS_ROW = 1.15;
/** A row that reports no statement keeps this share when the question asks when someone said something would be done. */
const DONE_NOT_SAID = 0.85;
/** A row on the key date the question asks about (its disclosure, its detection) gains this much. */
const ON_KEY_DATE = 1.2;
/** What a row that does not tell when something was made keeps on a "how old was it" question. */
const AGELESS = 0.5;
/** The row on the asked key date leads when it matches at least this share of the best row's match. */
const KEY_ROW_SHARE = 0.75;
function intendedOnly(p: Passage, asked: ReadonlySet<string>): boolean {
  if (asked.size === 0 || p.kind !== 'event') return false;
  const title = words(p.title);
  const after = new Map<string, boolean>();
  for (let i = 0; i < title.length; i++) {
    const term = termOf(title[i] as string);
    if (!term || !asked.has(term)) continue;
    after.set(term, (after.get(term) ?? true) && title[i - 1] === 'to');
  }
  return [...after.values()].some((onlyAfterTo) => onlyAfterTo);
}

export function keyDateAnswer(ask: Ask, key: KeyDate, confidence = 0.95): Answer {
  const { kb } = ask;
  const incident = ask.incident as NonNullable<Ask['incident']>;
  const date = incident.dates[key] as string;
  const events = keyDateEvents(kb, incident, key).slice(0, 3);
  const made = factsAndItems(kb, events);
  const name = incidentName(incident);
  const sections: AnswerSection[] = [{ text: `${name} ${KEY_DATE_LABEL[key]} on ${describeDate(date)} (${date}).` }];
  if (made.items.length > 0) sections.push({ items: made.items });
  return makeAnswer(kb, {
    intent: 'when',
    incident: incident.id,
    title: `${name} ${KEY_DATE_LABEL[key]} on ${date}`,
    sections,
    facts: made.facts,
    suggestions: [
      'timeline',
      key === 'detected' ? 'how long until it was detected?' : 'how long until it was disclosed?',
    ],
    confidence,
    question: ask.question,
  });
}

/** How close to the best match a milestone must be to win: a tie, not a near miss. */
const MILESTONE_TIE = 0.01;

/** Events the knowledge base marks as milestones win ties: they are what "when did …" usually means. */
const isMilestone = (p: Passage) => p.ref.kind === 'event' && p.ref.item.tags.includes('milestone');

const firstWords = (text: string) => text.split(/\s+/).slice(0, 10).join(' ');
