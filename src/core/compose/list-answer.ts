/**
 * Questions answered from one part of an incident — its victims, logging advice, actor, technique, aftermath,
 * lessons, indicators, sources: the whole part when the question asks for it ("who was behind it"), or the facts
 * of that part closest to what else the question names ("which logs show mail access").
 */
import type { Answer } from '../answer.js';
import type { Ask } from '../ask-context.js';
import { isYear } from '../calendar.js';
import { yearSpan } from '../dates/dates.js';
import type { Incident } from '../model.js';
import type { ListKind } from '../reading/language.js';
import { hasAny } from '../reading/patterns.js';
import type { Reading } from '../reading/read-question.js';
import {
  incidentNameWords,
  isIncidentWide,
  listWords,
  subjectConcepts,
  withoutAskedWords,
} from '../reading/subject.js';
import { passagesByMatch, passagesOf } from '../search/incident-passages.js';
import type { Passage, PassageKind } from '../search/passages.js';
import { isStopWord } from '../search/stopwords.js';
import { respondIndicators } from './respond-indicators.js';
import { respondLogging } from './respond-logging.js';
import { respondActor, respondAftermath, respondLessons, respondStatus, respondTechnique } from './respond-profile.js';
import { respondSources } from './respond-sources.js';
import { respondVictims } from './respond-victims.js';
import { frameOf, searchAnswer } from './search-answer.js';

/** The whole part of the incident. */
export function fullList(ask: Ask, reading: Reading, list: ListKind, confidence: number): Answer {
  switch (list) {
    case 'victims':
      return respondVictims(ask, confidence);
    case 'logging':
      return respondLogging(ask, confidence);
    case 'actor':
      return respondActor(ask, confidence);
    case 'technique':
      return respondTechnique(ask, confidence);
    case 'lessons':
      return respondLessons(ask, confidence, rankedOfKind(ask, reading, 'lesson'), reading.text);
    case 'aftermath':
      if (lessonsAsked(ask, reading)) return fullList(ask, reading, 'lessons', confidence);
      return respondAftermath(ask, confidence, rankedOfKind(ask, reading, 'aftermath'), reading.text);
    case 'status':
      return respondStatus(ask, confidence);
    case 'sources':
      return respondSources(ask, confidence);
    case 'indicators':
      return respondIndicators(ask, ask.question);
  }
}

/** True when the question asks for lessons and the incident records some. */
export function lessonsAsked(ask: Ask, reading?: Reading): boolean {
  const incident = ask.incident;
  if (!incident) return false;
  if (reading && !hasAny(ask.kb.language.list('lesson-word'), reading.words)) return false;
  return passagesOf(ask.kb, incident.id, 'lesson').length > 0;
}

/**
 * The incident's passages of one kind, those that best match the question first. Lessons are matched on what the
 * question is about only: its lesson words, whom it asks for ("regular cloud customers") and the incident's own
 * name say nothing about which lesson, so "the main takeaway for customers from X" keeps the curated order.
 */
function rankedOfKind(ask: Ask, reading: Reading, kind: 'aftermath' | 'lesson'): Passage[] | undefined {
  const incident = ask.incident;
  if (!incident) return undefined;
  if (kind === 'aftermath') return passagesByMatch(ask.kb, incident.id, kind, reading.query.terms);
  const about = subjectConcepts(ask, reading.query, ['lesson-subject-filler', 'advice-asker', 'aux']).filter(
    (c) => !isIncidentWide(ask.kb, incident, c),
  );
  return passagesByMatch(
    ask.kb,
    incident.id,
    kind,
    about.flatMap((c) => c.terms),
  );
}

/** The words each part sets aside as its own question words ("who", "behind", "logs", "how"…). */
const TRIGGERS: Partial<Record<ListKind, string>> = {
  victims: 'victims-trigger',
  logging: 'logging-trigger',
  actor: 'actor-trigger actor-nation incident-noun',
  technique: 'technique-trigger',
  aftermath: 'aftermath-trigger',
  lessons: 'lesson-subject-filler',
};

/** Which facts a part's search prefers. */
const BOOST: Partial<Record<ListKind, Partial<Record<PassageKind, number>>>> = {
  victims: { victim: 1.3 },
  logging: { recommendation: 1.3, lesson: 1.1 },
  actor: { actor: 1.3 },
  technique: { technique: 1.3, summary: 0.5 },
  // what happened afterwards, not what one should do: advice ranks low
  aftermath: { aftermath: 1.3, recommendation: 0.6 },
  lessons: { lesson: 1.3 },
};

/** "how was it detected" asks how something after the attack happened: the events, not the technique. */
const AFTER_ATTACK_BOOST: Partial<Record<PassageKind, number>> = { event: 1.3, aftermath: 1.2, technique: 0.8 };

/** "how did they find out" asks what raised the alarm: events and the story, not what followed. */
const DETECTION_BOOST: Partial<Record<PassageKind, number>> = {
  event: 1.3,
  technique: 1.2,
  aftermath: 0.8,
  summary: 0.5,
  status: 0.5,
};

/** "how did they find out", "who caught it first": the fact that tells who or what raised the alarm. */
export function respondDetection(ask: Ask, reading: Reading, fallback?: () => Answer): Answer {
  return searchAnswer(ask, withoutAskedWords(ask.kb.language, reading.query), {
    intent: 'technique',
    kindBoost: DETECTION_BOOST,
    cues: 'detection-cue',
    namesMet: true,
    ...(fallback ? { fallback } : {}),
  });
}

/** The part, narrowed to what else the question names. */
export function listAnswer(ask: Ask, reading: Reading, list: ListKind): Answer {
  const trigger = TRIGGERS[list];
  if (!trigger) return fullList(ask, reading, list, 0.9);
  const language = ask.kb.language;
  // "who else was targeted besides the State Department": what follows "besides" is not the subject
  const excluding = hasAny(language.list('exclusion'), reading.words);
  // "who hacked the state department", "how did the intruders reach the mail servers": whatever the target, the
  // answer is the incident's actor or how it worked — unless the question says more about the target ("get into
  // the vendor's own network back in 2021" is one step of the story)
  const targetOnly =
    (list === 'actor' || list === 'technique') && !!reading.subject && namesOnlyTheTarget(ask, reading);
  const own = ask.incident;
  // "who was behind the 2023 exchange intrusion": the incident's own year says which incident, not what about it
  const subject =
    excluding || targetOnly
      ? []
      : subjectConcepts(ask, reading.query, [...trigger.split(' '), 'aux']).filter(
          (c) => !(list === 'actor' && own && c.text.split(' ').every((w) => isOwnYear(own, w))),
        );
  const afterAttack =
    list === 'technique' && reading.keyDates.some((k) => k === 'detected' || k === 'disclosed' || k === 'end');
  // "how did they find out": the fact that tells who or what raised the alarm, else how the attack worked
  // (how the attack worked stands in only when every word it leaves unmet is one the knowledge base knows: "how did
  // the AI team leak 38TB through a SAS token" is about something else)
  if (list === 'technique' && reading.keyDates.includes('detected') && !excluding) {
    const fallback = subject.every((c) => !c.unknown) ? () => fullList(ask, reading, list, 0.6) : undefined;
    return respondDetection(ask, reading, fallback);
  }
  if (subject.length === 0) return fullList(ask, reading, list, 0.9);
  const boost = afterAttack ? AFTER_ATTACK_BOOST : (BOOST[list] ?? {});
  // the whole part stands in for a narrower answer only when everything else the question names is known:
  // "how do I configure an ingress" is not a question about how the attack worked
  const known = subject.every((c) => !c.unknown);
  const answer = searchAnswer(ask, reading.query, {
    intent: list === 'lessons' ? 'aftermath' : list,
    kindBoost: boost,
    ...(list === 'technique' && !afterAttack ? { prefers: 'means-cue' as const } : {}),
    ...(known ? { fallback: () => fullList(ask, reading, list, 0.6) } : {}),
  });
  // "who deleted the X virtual machines": the fact that matches best tells what was done, not who did it; when it
  // is the incident's own story (its summary, a victim, how it worked), who did it is the incident's actor
  // "name of the engineer who took down X from his gcp account": a question that names its incident and finds no
  // fact for its details still asks who did the deed
  const namedIncident = !!reading.incident && reading.incident.id === ask.incident?.id;
  return list === 'actor' &&
    ask.incident?.attribution &&
    frameOf(language, reading.query) === 'who' &&
    (tellsTheDeed(ask, answer) || (answer.kind !== 'answer' && namedIncident))
    ? fullList(ask, reading, 'actor', answer.kind === 'answer' ? ACTOR_FOR_DEED : ACTOR_UNMATCHED)
    : answer;
}

/** The kinds of fact that tell what happened but never who did it. */
const DEED_KINDS: ReadonlySet<string> = new Set(['summary', 'victim', 'technique']);
/** How sure "who did <the incident's deed>" is answered by the incident's actor. */
const ACTOR_FOR_DEED = 0.8;
/** … and when no fact matched the deed as the question tells it. */
const ACTOR_UNMATCHED = 0.6;

function tellsTheDeed(ask: Ask, answer: Answer): boolean {
  const fact = answer.facts[0];
  if (answer.kind !== 'answer' || !fact || !answer.incident) return false;
  const passage = ask.kb.passage(answer.incident, fact.id);
  return !!passage && DEED_KINDS.has(passage.kind);
}

/** True when the word is a year the incident ran in. */
function isOwnYear(incident: Incident, w: string): boolean {
  const span = yearSpan(incident);
  return isYear(w) && !!span && Number(w) >= span.from && Number(w) <= span.to;
}

/** True when the slot's name is only a victim, the incident's own name, or words every fact of it uses. */
function namesOnlyTheTarget(ask: Ask, reading: Reading): boolean {
  const incident = ask.incident;
  const name = reading.subject ?? [];
  if (!incident || name.length === 0) return true;
  const own = incidentNameWords(incident);
  const victims = ask.kb.victimNames(incident.id);
  if (victims.exact(name.join(' '))) return true;
  const concepts = reading.query.concepts.filter((c) => c.text.split(' ').some((w) => name.includes(w)));
  // "get into X's aws environment in 2014": a part of the target's estate, or the incident's own year, is still the
  // target; another year ("its corporate network in 2021") is another step of the story
  const part = listWords(ask.kb.language, 'target-part');
  // "people's mailboxes", "customers' accounts": a part of anyone's estate
  const anyone = listWords(ask.kb.language, 'advice-asker');
  const calendar = listWords(ask.kb.language, 'calendar-word');
  const ownYear = (w: string) => isOwnYear(incident, w);
  return concepts.every(
    (c) =>
      c.text
        .split(' ')
        .every((w) => own.has(w) || isStopWord(w) || part.has(w) || anyone.has(w) || calendar.has(w) || ownYear(w)) ||
      isIncidentWide(ask.kb, incident, c) ||
      // an abbreviation of the incident's own name ("msft" for the vendor a write-up is about)
      (c.own.every((t) => ask.kb.index.df(t) === 0) && c.terms.some((t) => own.has(t.term))),
  );
}
