/**
 * Free-text questions: intent rules first (intents.ts), then the responder for that intent, then search.
 */
import type { Answer } from '../answer.js';
import { incidentName, noneAnswer } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { findDateRange } from '../dates/date-phrases.js';
import type { Incident } from '../model.js';
import { commandWord } from '../reading/command-words.js';
import { classify, HOW_GOT_IN, type ListIntent, listIntentOf } from '../reading/intents.js';
import { analyzeQuery, type QueryAnalysis } from '../reading/query.js';
import { subjectConcepts } from '../reading/subject.js';
import { passagesOf } from '../search/incident-passages.js';
import { normalizeName } from '../search/name-index.js';
import type { Passage } from '../search/passages.js';
import { isStopWord, WEAK_WORDS } from '../search/stopwords.js';
import { matchSynonyms } from '../search/synonyms.js';
import { termOf, words } from '../search/tokenize.js';
import {
  acrossTopic,
  incidentsByDateKey,
  respondAcross,
  respondIncidentsByDate,
  respondTimelineAcross,
} from './respond-across.js';
import { respondDuration } from './respond-duration.js';
import { findTerm, respondGlossary, respondTerm } from './respond-glossary.js';
import { respondHelp } from './respond-help.js';
import { respondIndicators } from './respond-indicators.js';
import { respondLogging } from './respond-logging.js';
import { respondActor, respondAftermath, respondLessons, respondStatus, respondTechnique } from './respond-profile.js';
import { respondIncidents, respondSources } from './respond-sources.js';
import { respondTimeline } from './respond-timeline.js';
import { findVictim, respondFigures, respondVictim, respondVictims } from './respond-victims.js';
import { respondWhen } from './respond-when.js';
import { searchAnswer } from './search-answer.js';

export function respondQuestion(ask: Ask, text: string): Answer {
  const query = analyzeQuery(ask.kb, text);
  const mentioned = ask.named ? undefined : mentionedIncident(ask, query);
  const scoped: Ask = mentioned ? { ...ask, incident: mentioned, named: true } : ask;
  const unknownIncident = unknownIncidentPrefix(scoped, query) ?? otherIncidentNamed(scoped, text);
  if (unknownIncident) return unknownIncident;
  const byDate = scoped.named ? undefined : listByDate(scoped, query);
  if (byDate) return byDate;
  const route = classify(query.text, text, scoped.incident);
  switch (route.intent) {
    case 'help':
      return respondHelp(scoped);
    case 'incidents': {
      // "which incidents involved MFA?" searches them all; "which incidents do you know" lists them
      const topic = scoped.named ? undefined : acrossTopic(query.text);
      return (topic ? respondAcross(scoped, topic) : undefined) ?? respondIncidents(scoped);
    }
    case 'glossary-list':
      return respondGlossary(scoped) ?? searchAnswer(scoped, query);
    case 'indicator-lookup':
      return respondIndicators(scoped, route.query);
    case 'summary':
      return respondStatus(scoped, 0.9);
    case 'duration':
      // "how long are audit logs kept": a retention period written in the facts, not a span between dates
      if (RETENTION.test(query.text)) return searchAnswer(scoped, query, { intent: 'duration' });
      return respondDuration(scoped, query) ?? searchAnswer(scoped, query, { intent: 'duration' });
    case 'when':
      return respondWhen(scoped, query) ?? searchAnswer(scoped, query, { intent: 'when' });
    case 'timeline':
      // "what happened in 2022", no incident named: every incident's events in that range
      if (
        route.range &&
        !route.words &&
        !scoped.named &&
        scoped.kb.incidents.length > 1 &&
        !KEY_DATE.test(route.range.label)
      ) {
        const across = respondTimelineAcross(scoped, route.range, questionText(scoped), 0.9);
        if (across) return across;
      }
      return respondTimeline(scoped, { range: route.range, words: route.words }, 0.9);
    case 'victim-check':
      return victimCheck(scoped, query, route.subject);
    case 'define':
      return define(scoped, query, route.subject);
    case 'who-is':
      return whoIs(scoped, query, route.subject);
    case 'figures':
      // a write-up that lists no counts of victims gives them in its narrative: no kind is preferred then
      return (
        respondFigures(scoped) ??
        searchAnswer(scoped, query, { kindBoost: countsVictims(scoped) ? { victim: 1.5 } : {} })
      );
    case 'list':
      return listAnswer(scoped, query, route.list);
    default:
      // "what lessons came out of the imperva incident": the incident's lessons, when nothing narrower is asked
      if (asksLessons(scoped) && subjectConcepts(scoped, query, LESSON_WORDS).length === 0)
        return fullList(scoped, 'aftermath', 0.85);
      return searchOrEntity(scoped, query);
  }
}

/** The words of a question after lessons that name no subject of their own. */
const LESSON_WORDS =
  /^(lessons?|takeaways?|learn\w*|key|main|big\w*|came|come|comes|out|drawn|draw|taught|teach\w*|there|any|were|are|from)$/;

/** True when the incident records counts of its victims (victims of kind figure). */
function countsVictims(ask: Ask): boolean {
  const incident = ask.incident;
  if (!incident) return false;
  return passagesOf(ask.kb, incident.id, 'victim').some((p) => p.ref.kind === 'victim' && p.ref.item.kind === 'figure');
}

/** "which incidents started in 2014", "breaches disclosed in 2022": the incidents by a key date, no incident named. */
function listByDate(ask: Ask, query: QueryAnalysis): Answer | undefined {
  if (ask.kb.incidents.length < 2) return undefined;
  const date = findDateRange(query.text, {});
  if (!date) return undefined;
  const key = incidentsByDateKey(query.text, date.matched);
  return key ? respondIncidentsByDate(ask, key, date.range, questionText(ask)) : undefined;
}

/** a range counted from the incident's own key dates ("after the disclosure (2023-07-11)") */
const KEY_DATE = /^(before|after|since|prior to|following|until) the (disclosure|detection|start) \(/;
const RETENTION = /\b(kept|keep|keeps|retain\w*|retention|stored|store|stores|held|hold|holds|saved|available for)\b/;

/** An incident named anywhere in the question by id or alias ("when was lastpass breached"). */
function mentionedIncident(ask: Ask, query: QueryAnalysis): Incident | undefined {
  const { kb } = ask;
  if (kb.incidents.length < 2) return undefined;
  const words = query.words;
  for (let n = 3; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const phrase = words.slice(i, i + n).join(' ');
      if (phrase.replace(/[^a-z0-9]/g, '').length < 3) continue;
      const id = kb.incidentNames.exact(normalizeName(phrase));
      if (id && id !== ask.incident?.id) return kb.incident(id);
    }
  }
  return undefined;
}

/** "lastpass timeline" when no incident called lastpass is loaded: say so instead of guessing. */
function unknownIncidentPrefix(ask: Ask, query: QueryAnalysis): Answer | undefined {
  const [first, second, ...rest] = query.words;
  if (!first || !second || rest.length > 3 || ask.named) return undefined;
  if (isStopWord(first) || ask.kb.lexicon.has(first) || !commandWord(second) || commandWord(first)) return undefined;
  const known = ask.kb.incidents.map((i) => `\`${i.id}\``).join(', ');
  return noneAnswer(
    ask.kb,
    ask.incident,
    ask.question,
    `I don't have an incident called "${first}". Loaded: ${known}. Put one of those first, or ask without a name to use ${ask.incident ? incidentName(ask.incident) : 'the default incident'}.`,
    ['incidents', 'help'],
  );
}

/** Well-known incidents, products and gangs that are not (yet) in the knowledge base: named, they mean "not this one". */
const OTHER_INCIDENTS = new Set([
  'moveit',
  'cl0p',
  'clop',
  'snowflake',
  'solarwinds',
  'sunburst',
  'lastpass',
  'okta',
  'uber',
  'equifax',
  'log4j',
  'log4shell',
  'kaseya',
  'lockbit',
  '23andme',
  'ticketmaster',
  'crowdstrike',
  'ivanti',
  'citrix',
  'mgm',
  'marriott',
  'colonial',
  'revil',
  'conti',
  'lapsus',
  'cloudflare',
  'twilio',
  'circleci',
]);
/** Words that say the word before them names an incident ("snowflake breach", "moveit cl0p victims"). */
const INCIDENT_NOUN =
  /^(breach\w*|hack|hacks|attack|attacks|incident|incidents|intrusion|leak|leaks|ransomware|victims?|compromise|exploit\w*|outage)$/;

/**
 * "moveit cl0p victims list", "snowflake customer data breach": a question that names an incident the knowledge
 * base doesn't hold gets `none` (and the list of what is loaded), not the default incident's facts, unless it
 * also names the default incident or its actor.
 */
/** The words of an incident's id and of its actor's names (made once per incident). */
const ownWordsMemo = new WeakMap<Incident, ReadonlySet<string>>();
function ownWords(incident: Incident): ReadonlySet<string> {
  let own = ownWordsMemo.get(incident);
  if (!own) {
    const set = new Set<string>(words(incident.id));
    if (incident.attribution) {
      for (const name of [incident.attribution.actor, ...incident.attribution.aliases])
        for (const w of words(name)) set.add(w);
    }
    own = set;
    ownWordsMemo.set(incident, own);
  }
  return own;
}

function otherIncidentNamed(ask: Ask, text: string): Answer | undefined {
  const { kb, incident } = ask;
  if (ask.named || !incident) return undefined;
  const raw = words(text);
  const own = ownWords(incident);
  if (raw.some((w) => own.has(w))) return undefined;
  const grouped = new Set(
    matchSynonyms(kb.synonyms, raw).flatMap((m) => [...Array(m.length).keys()].map((k) => m.start + k)),
  );
  const unknownAt = (i: number): boolean => {
    const w = raw[i] as string;
    if (grouped.has(i) || isStopWord(w) || WEAK_WORDS.has(w) || w.length < 3 || /^\d+$/.test(w)) return false;
    const term = termOf(w);
    return !term || kb.index.df(term) === 0;
  };
  let name: string | undefined;
  for (let i = 0; i < raw.length && !name; i++) {
    const w = raw[i] as string;
    if (!unknownAt(i) || kb.incidentNames.exact(normalizeName(w))) continue;
    if (OTHER_INCIDENTS.has(w)) name = w;
    // a made-up plural ("the perps hacked it") names people, not an incident
    else if (!/s$/.test(w) && !kb.lexicon.correct(w) && raw.slice(i + 1, i + 4).some((n) => INCIDENT_NOUN.test(n)))
      name = w;
  }
  if (!name) return undefined;
  const known = kb.incidents.map((i) => `\`${i.id}\``).join(', ');
  return noneAnswer(
    kb,
    incident,
    ask.question,
    `"${name}" isn't an incident in the knowledge base, so I won't answer with another incident's facts. Loaded: ${known}.`,
    ['incidents', 'help'],
  );
}

function victimCheck(ask: Ask, query: QueryAnalysis, subject: string): Answer {
  // "were any ssns exposed" asks whether anything of a kind was, not about one named victim
  const general = /^(any|anything|anyone|anybody|some|something|someone|all)\b/.test(subject);
  const victim = findVictim(ask, general ? subject.replace(/^\S+\s*/, '') : subject);
  if (victim) return respondVictim(ask, victim, true);
  const name = subject.replace(/^(the|a|an)\s+/, '');
  const incident = general ? undefined : ask.incident;
  return searchAnswer(ask, query, {
    intent: 'victims',
    kindBoost: { victim: 1.4, event: 1.1 },
    noneMessage: incident
      ? `${capitalize(name)} is not among the victims recorded for ${incidentName(incident)}, and nothing else in the knowledge base mentions it that way. The recorded victims are under \`victims\`.`
      : undefined,
  });
}

function define(ask: Ask, query: QueryAnalysis, subject: string): Answer {
  const list = listIntentOf(subject) ?? statusLike(subject);
  if (list === 'timeline') return respondTimeline(ask, {}, 0.9);
  if (list) return listAnswer(ask, query, list, true);
  const term = findTerm(ask, subject) ?? termNamedIn(ask, subject);
  if (term) return respondTerm(ask, term);
  return whoIs(ask, query, subject);
}

/** "what's the big deal with MailItemsAccessed": the one glossary term named word for word inside the subject. */
function termNamedIn(ask: Ask, subject: string): Passage | undefined {
  const incident = ask.incident;
  if (!incident) return undefined;
  const words = normalizeName(subject).split(' ');
  const found = new Set<string>();
  for (let n = 1; n <= 4; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const id = ask.kb.glossaryNames(incident.id).exact(words.slice(i, i + n).join(' '));
      if (id) found.add(id);
    }
  }
  return found.size === 1 ? ask.kb.passage(incident.id, [...found][0] as string) : undefined;
}

/** "what's the latest", "what are the sources for this": list intents that read like a definition question. */
function statusLike(subject: string): ListIntent | undefined {
  const route = classify(subject, subject, undefined);
  return route.intent === 'list' && ['status', 'sources', 'indicators', 'logging'].includes(route.list)
    ? route.list
    : undefined;
}

function whoIs(ask: Ask, query: QueryAnalysis, subject: string): Answer {
  const { kb } = ask;
  const key = normalizeName(subject.replace(/^(the|a|an)\s+/, ''));
  const incidentId = kb.incidentNames.exact(key);
  if (incidentId && incidentId !== ask.incident?.id) {
    const incident = kb.incident(incidentId);
    if (incident) return respondStatus({ ...ask, incident, named: true }, 0.9);
  }
  const actor = ask.incident?.attribution;
  if (actor && [actor.actor, ...actor.aliases].some((a) => normalizeName(a) === key)) return respondActor(ask, 0.9);
  const victim = findVictim(ask, subject);
  if (victim) return respondVictim(ask, victim, false);
  return searchOrEntity(ask, query);
}

/** Search; a short question that names one victim or term gets that victim's or term's own answer. */
function searchOrEntity(ask: Ask, query: QueryAnalysis): Answer {
  const content = query.concepts.filter((c) => !c.filler);
  // a bare name ("raimondo", "the state department") gets that victim's or term's own answer
  const bare =
    content.length > 0 &&
    content.length <= 3 &&
    query.words.length <= 4 &&
    query.words.every((w) => !isStopWord(w) || /^(the|a|an|of|us)$/.test(w));
  if (bare && ask.incident) {
    const exact = ask.kb.victimNames(ask.incident.id).findAtMost(query.text, 0.05);
    const victim = exact && exact.score <= 0.05 ? ask.kb.passage(ask.incident.id, exact.value) : undefined;
    if (victim) return respondVictim(ask, victim, false, 0.9);
    const term = findTerm(ask, query.text);
    if (term) return respondTerm(ask, term, 0.85);
  }
  return searchAnswer(ask, query, { entities: bare });
}

const TRIGGERS: Record<ListIntent, RegExp> = {
  victims:
    /^(who|which|what|victims?|affected|hacked|breached|compromised|targeted|hit|impacted|attacked|spied|organi[sz]ations?|orgs|agencies|companies|departments|people|persons|individuals|accounts|governments?|customers|entities|targets?|officials|hack|target|list|else|got)$/,
  logging:
    /^(logs?|logging|audit\w*|recommend\w*|mitigat\w*|protect\w*|defend\w*|defen[cs]e|prevent\w*|harden\w*|best|practices?|guidance|advice|hunt\w*|detect\w*|find|spot|check|tell|know|see|look|catch|identify|monitor\w*|stop|avoid|need|needed|enable\w*|turn|on|should|must|ourselves|myself|us|we|orgs?|organi[sz]ations?|companies|customers|admins?|defenders|do|affected|vulnerable|risk|exposed|compromised|siem|sentinel|splunk|kql|rules?|alert\w*|tenant|environment|similar|same|future|again|happening|attack\w*)$/,
  actor:
    /^(who|behind|responsible|threat|actor|attribution|attributed|group|country|nation|state|apt|kind|china|chinese|carried|out|perpetrat\w*|conduct\w*|culprit|perpetrator|hackers?|attackers?)$/,
  technique:
    /^(how|technique\w*|ttps?|method\w*|vector|root|cause|initial|access|work\w*|done|get|got|in|into|pull\w*|off|do|did|mechanism|chain|path|kill|modus|operandi|they|manage\w*)$/,
  aftermath:
    /^(afterwards?|aftermath|since|then|next|after\w*|consequences?|fallout|repercussions?|changed?|changes|response|respond\w*|do|done|did|fix\w*|improv\w*|happen\w*|lessons?|learn\w*|microsoft)$/,
  indicators: /^$/,
  status: /^$/,
  sources: /^$/,
};

const WHO_DID_IT = /\bwho (hacked|breached|attacked|compromised|broke into|pwned|hit|targeted)\b/;

function fullList(ask: Ask, list: ListIntent, confidence: number): Answer {
  switch (list) {
    case 'victims':
      return respondVictims(ask, confidence);
    case 'logging':
      return respondLogging(ask, confidence);
    case 'actor':
      return respondActor(ask, confidence);
    case 'technique':
      return respondTechnique(ask, confidence);
    case 'aftermath':
      // "lessons learned from …": the lessons the sources drew, when the incident records any
      if (asksLessons(ask)) return respondLessons(ask, confidence, rankedOfKind(ask, 'lesson'), questionText(ask));
      return respondAftermath(ask, confidence, rankedOfKind(ask, 'aftermath'), questionText(ask));
    case 'status':
      return respondStatus(ask, confidence);
    case 'sources':
      return respondSources(ask, confidence);
    case 'indicators':
      return respondIndicators(ask, ask.question);
  }
}

/** The question without its page number. */
const questionText = (ask: Ask) => (ask.command.type === 'question' ? ask.command.text : ask.question);

/** "lessons learned", "key takeaways": a question after the lessons drawn, not what happened next. */
const LESSONS = /\b(lessons?|takeaways?|learn\w*)\b/;
function asksLessons(ask: Ask): boolean {
  const incident = ask.incident;
  if (!incident || !LESSONS.test(analyzeQuery(ask.kb, questionText(ask)).text)) return false;
  return passagesOf(ask.kb, incident.id, 'lesson').length > 0;
}

/** The incident's passages of one kind, those that best match the question first (for "what changed afterwards"). */
function rankedOfKind(ask: Ask, kind: 'aftermath' | 'lesson'): Passage[] | undefined {
  const incident = ask.incident;
  if (!incident) return undefined;
  const all = passagesOf(ask.kb, incident.id, kind);
  const query = analyzeQuery(ask.kb, questionText(ask));
  const hits = ask.kb.index.search(query.terms, {
    incidents: new Set([incident.id]),
    kinds: new Set([kind]),
    limit: all.length,
  });
  const order = new Map(hits.map((h, i) => [h.passage.n, i]));
  return [...all].sort((a, b) => (order.get(a.n) ?? 1e6) - (order.get(b.n) ?? 1e6) || a.n - b.n);
}

function listAnswer(ask: Ask, query: QueryAnalysis, list: ListIntent, plain = false): Answer {
  if (list === 'indicators' || list === 'status' || list === 'sources' || plain) return fullList(ask, list, 0.9);
  // "who else was targeted besides the State Department": what follows "besides" is not the subject
  const excluding = /\b(besides|other than|apart from|aside from|except|excluding)\b/.test(query.text);
  // "who hacked the state department": whoever the victim, the answer is the incident's actor
  // "how did they get into state dept email": whatever the target, the answer is how the incident worked
  const whoDidIt =
    (list === 'actor' && WHO_DID_IT.test(query.text)) || (list === 'technique' && HOW_GOT_IN.test(query.text));
  const subject = excluding || whoDidIt ? [] : subjectConcepts(ask, query, TRIGGERS[list]);
  if (subject.length === 0) return fullList(ask, list, 0.9);
  const boost: Partial<Record<Passage['kind'], number>> =
    list === 'victims'
      ? { victim: 1.3 }
      : list === 'logging'
        ? { recommendation: 1.3, lesson: 1.1 }
        : list === 'actor'
          ? { actor: 1.3 }
          : list === 'aftermath'
            ? asksLessons(ask)
              ? { lesson: 1.3 }
              : { aftermath: 1.3 }
            : { technique: 1.3 };
  return searchAnswer(ask, query, { intent: list, kindBoost: boost, fallback: () => fullList(ask, list, 0.6) });
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
