/**
 * Questions about one named thing: "was X affected?" (a victim, or honestly "not recorded"), "what is X?" (a
 * glossary term, a part of the incident, or whatever the knowledge base says of X), "who is X?", and a bare name
 * typed on its own.
 */
import type { Answer } from '../answer.js';
import { incidentName, noneAnswer } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import type { ListKind } from '../reading/language.js';
import { hasPhraseAt } from '../reading/patterns.js';
import type { Reading } from '../reading/read-question.js';
import { subjectConcepts } from '../reading/subject.js';
import { normalizeName } from '../search/name-index.js';
import type { Passage } from '../search/passages.js';
import { isStopWord } from '../search/stopwords.js';
import { fullList, listAnswer } from './list-answer.js';
import { findTerm, respondTerm } from './respond-glossary.js';
import { respondActor, respondStatus } from './respond-profile.js';
import { respondTimeline } from './respond-timeline.js';
import { findVictim, respondVictim } from './respond-victims.js';
import { searchAnswer } from './search-answer.js';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "was the finance minister affected": that victim, or "not among the recorded victims". */
export function victimCheck(ask: Ask, reading: Reading): Answer {
  const language = ask.kb.language;
  const subject = reading.subject ?? [];
  // "were any records exposed", "were any diplomats hit" asks whether anything of a kind was, not about one named
  // victim (the general word may stand in the subject or just before it)
  const generals = language.list('general-subject');
  const at =
    subject.length > 0 ? reading.words.findIndex((_w, i) => subject.every((s, k) => reading.words[i + k] === s)) : -1;
  const general =
    subject.length > 0 &&
    (hasPhraseAt(generals, subject, 0) || (at > 0 && hasPhraseAt(generals, reading.words, at - 1)));
  const name = (general && hasPhraseAt(generals, subject, 0) ? subject.slice(1) : subject).join(' ');
  const victim = findVictim(ask, name);
  if (victim) return respondVictim(ask, victim, true);
  const incident = general ? undefined : ask.incident;
  // "was quuxcorp affected": a name the knowledge base has never seen is no recorded victim; say so, not "did you mean"
  if (incident && name !== '' && neverSeen(ask, subject)) return notRecorded(ask, name);
  return searchAnswer(ask, reading.query, {
    intent: 'victims',
    kindBoost: { victim: 1.4, event: 1.1 },
    noneMessage: incident
      ? `${capitalize(name)} is not among the victims recorded for ${incidentName(incident)}, and nothing else in the knowledge base mentions it that way. The recorded victims are under \`victims\`.`
      : undefined,
    notRecorded: incident && name !== '' ? { name, incident: incidentName(incident) } : undefined,
  });
}

/** True when no word of the name is one the knowledge base uses (nor a typo of one). */
function neverSeen(ask: Ask, name: readonly string[]): boolean {
  const words = name.filter((w) => !isStopWord(w));
  return words.length > 0 && words.every((w) => !ask.kb.lexicon.has(w) && !ask.kb.lexicon.correct(w));
}

/** "No record that X was affected": a plain `none` that says so and points to the recorded victims. */
function notRecorded(ask: Ask, name: string): Answer {
  const incident = ask.incident as NonNullable<Ask['incident']>;
  return noneAnswer(
    ask.kb,
    incident,
    ask.question,
    `${capitalize(name)} is not among the victims recorded for ${incidentName(incident)}, and nothing in the knowledge base mentions it. The recorded victims are under \`victims\`.`,
    ['victims', 'were we affected?', 'help'],
  );
}

/** "what is X": a part of the incident (its timeline, status…), a glossary term, or what is known of X. */
export function define(ask: Ask, reading: Reading): Answer {
  const subject = (reading.subject ?? []).join(' ');
  const list = listKindOf(ask, reading.subject ?? []);
  if (list === 'timeline') return respondTimeline(ask, {}, 0.9);
  if (list) return fullList(ask, reading, list, 0.9);
  // "the board's bottom line": what belongs to something is asked, not what a term is
  const owned = normalizeName(subject)
    .split(' ')
    .slice(0, -1)
    .some((w) => ownerIn(ask.question, w));
  const term = owned ? undefined : (findTerm(ask, subject) ?? termNamedIn(ask, subject));
  if (term) return respondTerm(ask, term);
  // another incident or the actor by name; otherwise what the knowledge base says of it, terms first (a victim
  // whose description shares words with the subject is no definition of it)
  const key = normalizeName(subject);
  const incidentId = key ? ask.kb.incidentNames.exact(key) : undefined;
  if (incidentId || ask.incident?.attribution) {
    const named = whoIsNamed(ask, key);
    if (named) return named;
  }
  return searchAnswer(ask, reading.query, owned ? {} : { kindBoost: { term: 1.6, victim: 0.8 } });
}

/** The part of an incident a subject names on its own ("the timeline", "the iocs", "status"). */
function listKindOf(ask: Ask, subject: readonly string[]): ListKind | 'timeline' | undefined {
  const language = ask.kb.language;
  const words = subject.filter((w) => !isStopWord(w));
  if (words.length === 0 || words.length > 4) return undefined;
  for (const [kind, name] of PART_LISTS) {
    const set = language.lists.get(name);
    if (set && hasPhraseAt(set, words, 0) && phraseCovers(set, words)) return kind;
  }
  return undefined;
}

/** Lists that name a whole part of an incident when they are the whole subject. */
const PART_LISTS: ReadonlyArray<[ListKind | 'timeline', string]> = [
  ['timeline', 'timeline-noun'],
  ['status', 'status-noun'],
  ['indicators', 'indicator-noun'],
  ['logging', 'logging-noun'],
  ['victims', 'victims-noun'],
  ['technique', 'technique-noun'],
  ['aftermath', 'aftermath-noun'],
  ['actor', 'actor-noun'],
  ['sources', 'sources-noun'],
];

function phraseCovers(set: NonNullable<ReturnType<Ask['kb']['language']['lists']['get']>>, words: string[]): boolean {
  const first = set.byFirst.get(words[0] as string) ?? [];
  return first.some((p) => p.length === words.length && p.every((w, i) => w === words[i]));
}

/** True when the question writes the word as an owner ("board's", "boards'"). */
function ownerIn(question: string, word: string): boolean {
  if (!/^[a-z0-9]+$/.test(word)) return false;
  return new RegExp(`\\b${word}(?:['’]s|s['’])(?=\\s)`, 'i').test(question);
}

/** "what's the big deal with MailboxRead": the one glossary term named word for word inside the subject. */
function termNamedIn(ask: Ask, subject: string): Passage | undefined {
  const incident = ask.incident;
  if (!incident) return undefined;
  const words = normalizeName(subject).split(' ');
  // "the zorb verdict", "the zorb angle in the 2023 hack": the thing asked about is the last word before any
  // joining word; a term before it only says whose or which, a term after it is what it is in
  const stop = words.findIndex((w, k) => k > 0 && isStopWord(w));
  const head = stop > 0 ? stop : words.length;
  const found = new Set<string>();
  for (let n = 1; n <= 4; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      if (i + n !== head && !(i === 0 && i + n === words.length)) continue;
      const id = ask.kb.glossaryNames(incident.id).exact(words.slice(i, i + n).join(' '));
      if (id) found.add(id);
    }
  }
  return found.size === 1 ? ask.kb.passage(incident.id, [...found][0] as string) : undefined;
}

/** "who is X": another incident, the actor, a victim, or what the knowledge base says of X. */
export function whoIs(ask: Ask, reading: Reading): Answer {
  const subject = (reading.subject ?? []).join(' ');
  const named = whoIsNamed(ask, normalizeName(subject));
  if (named) return named;
  const victim = subject ? findVictim(ask, subject) : undefined;
  if (victim) return respondVictim(ask, victim, false);
  // "who was the X insider", "who is the guy behind it": a role, not a name, with the incident named: its actor
  if (
    ask.incident?.attribution &&
    reading.incident &&
    subjectConcepts(ask, reading.query, ['actor-trigger']).length === 0
  )
    return respondActor(ask, 0.85);
  return searchOrEntity(ask, reading);
}

/** Another incident or the incident's actor, named exactly. */
function whoIsNamed(ask: Ask, key: string): Answer | undefined {
  const { kb } = ask;
  const incidentId = key ? kb.incidentNames.exact(key) : undefined;
  if (incidentId && incidentId !== ask.incident?.id) {
    const incident = kb.incident(incidentId);
    if (incident) return respondStatus({ ...ask, incident, named: true }, 0.9);
  }
  const actor = ask.incident?.attribution;
  if (actor && [actor.actor, ...actor.aliases].some((a) => normalizeName(a) === key)) return respondActor(ask, 0.9);
  return undefined;
}

/** Search; a short question that names one victim or term gets that victim's or term's own answer. */
export function searchOrEntity(ask: Ask, reading: Reading): Answer {
  const { query } = reading;
  const content = query.concepts.filter((c) => !c.filler);
  // nothing the question names is in the knowledge base ("tell me a joke"): no guess at a similar word
  if (content.length > 0 && content.every((c) => c.unknown && !c.corrected)) return searchAnswer(ask, query);
  // a bare name ("raimondo", "the state department") gets that victim's or term's own answer
  const bare =
    content.length > 0 &&
    content.length <= 3 &&
    query.words.length <= 4 &&
    query.words.every((w) => !isStopWord(w) || ask.kb.language.nameFillers.has(w));
  if (bare && ask.incident) {
    const exact = ask.kb.victimNames(ask.incident.id).findAtMost(query.text, 0.05);
    const victim = exact && exact.score <= 0.05 ? ask.kb.passage(ask.incident.id, exact.value) : undefined;
    if (victim) return respondVictim(ask, victim, false, 0.9);
    const term = findTerm(ask, query.text);
    if (term) return respondTerm(ask, term, 0.85);
  }
  if (reading.kind === 'search' && content.length > 0) {
    const list = listKindOf(ask, reading.words);
    if (list && list !== 'timeline') return listAnswer(ask, reading, list);
  }
  return searchAnswer(ask, query, { entities: bare });
}
