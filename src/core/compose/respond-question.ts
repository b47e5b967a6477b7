/**
 * Free-text questions: read once (`readQuestion`), then answered by the responder for their kind, with the lead
 * (title and first fact) chosen to answer that kind of question, and a confidence calibrated on labelled questions.
 * A question about an incident the knowledge base does not hold is told so, never answered from another one.
 */
import type { Answer } from '../answer.js';
import { incidentName, noneAnswer } from '../answer-base.js';
import { type Ask, incidentNamed } from '../ask-context.js';
import { isYear, MONTH_NAMES } from '../calendar.js';
import { findDateRange } from '../dates/date-phrases.js';
import { endOf, startOf, yearSpan } from '../dates/dates.js';
import { yearForMonth } from '../dates/year-for-month.js';
import type { Incident } from '../model.js';
import type { QuestionKind } from '../reading/language.js';
import type { UnknownName } from '../reading/names.js';
import { hasAny, hasPhraseAt, phrasesAt } from '../reading/patterns.js';
import type { Concept } from '../reading/query.js';
import { type Reading, readQuestion } from '../reading/read-question.js';
import { incidentNameTerms, withoutAskedWords } from '../reading/subject.js';
import { passagesOf } from '../search/incident-passages.js';
import { isStopWord } from '../search/stopwords.js';
import { words } from '../search/tokenize.js';
import { calibrate } from './confidence.js';
import { define, searchOrEntity, victimCheck, whoIs } from './entities.js';
import { fullList, lessonsAsked, listAnswer, respondDetection } from './list-answer.js';
import { incidentsByDateKey, respondAcross, respondIncidentsByDate, respondTimelineAcross } from './respond-across.js';
import { respondDefender } from './respond-defender.js';
import { respondDuration } from './respond-duration.js';
import { respondGlossary } from './respond-glossary.js';
import { respondHelp } from './respond-help.js';
import { respondIndicators } from './respond-indicators.js';
import { respondKindOf, respondWhichTerm } from './respond-kind.js';
import { respondStatus } from './respond-profile.js';
import { respondPublication } from './respond-publication.js';
import { respondRole } from './respond-role.js';
import { respondIncidents } from './respond-sources.js';
import { eventsMatching, respondTimeline, timelineMatches } from './respond-timeline.js';
import { respondFigures } from './respond-victims.js';
import { respondWhen } from './respond-when.js';
import { frameOf, searchAnswer } from './search-answer.js';

export function respondQuestion(ask: Ask, text: string): Answer {
  const reading = readQuestion(ask.kb, text, ask.named ? ask.incident : undefined);
  // "was quuxcorp one of the gamma-0042 victims": a victim check inside a named incident answers "not recorded"
  const checkInNamed = reading.kind === 'victim-check' && (reading.incident || ask.named);
  // "seeing 195.26.87.219 in our logs, is that one of theirs": an indicator to look up, never an incident's name
  if (reading.unknown && !checkInNamed && reading.kind !== 'indicator') return unknownAnswer(ask, reading.unknown);
  const year = yearNotHeld(ask, reading);
  if (year) return yearAnswer(ask, reading, year);
  const other = otherYearsIncident(ask, reading);
  if (other) return otherYearsAnswer(ask, other.incident, other.year);
  const scoped: Ask =
    reading.incident && reading.incident !== ask.incident
      ? { ...ask, incident: reading.incident, named: true, namedInQuestion: true }
      : { ...ask, namedInQuestion: reading.incident !== undefined };
  // "what happened to the acme host in 2014": a period that holds the whole of the incident the question names says
  // nothing more than its name; the question is read without it
  const read = withoutWholePeriod(scoped, reading) ?? reading;
  const answer = answerByKind(scoped, read);
  return calibrate(answer, read, ask.kb.data.confidence, ask.kb.language);
}

/** What answering a "why" with how the attack worked is worth when the rest of the question is unknown words. */
const NAME_ONLY_WHY = 0.6;

/**
 * True when the question names its incident and every other word of it the knowledge base knows is a name word. In
 * a question of why something did not work ("why didn't MFA stop it"), the verb of stopping says what failed, not
 * what the facts must hold.
 */
function onlyNamesIncident(ask: Ask, reading: Reading): boolean {
  if (!ask.incident || !incidentNamed(ask)) return false;
  const name = incidentNameTerms(ask.incident);
  const language = ask.kb.language;
  const whyNot = hasAny(language.list('negated'), reading.words);
  const failed = (c: Concept) => whyNot && c.text.split(' ').every((w) => hasAny(language.list('prevent-verb'), [w]));
  // "the retool breach": a word for an incident after its name is part of the name
  const noun = (c: Concept) => c.text.split(' ').every((w) => hasAny(language.list('incident-noun'), [w]));
  const known = reading.query.concepts.filter((c) => !c.filler && !c.weak && !c.unknown && !failed(c) && !noun(c));
  return known.length > 0 && known.every((c) => c.own.every((t) => name.has(t)));
}

/** What the question's kind asks for; every responder falls back to search. */
function answerByKind(ask: Ask, reading: Reading): Answer {
  const { query } = reading;
  const byDate = ask.named ? undefined : listByDate(ask, reading);
  if (byDate) return byDate;
  const timeline =
    DATE_FIRST.has(reading.kind) || ASKS_ONE_THING.has(reading.kind) ? undefined : timelineInRange(ask, reading);
  if (timeline) return timeline;
  const elsewhere = DATE_FIRST.has(reading.kind) ? undefined : yearOfOtherIncidents(ask, reading);
  if (elsewhere) return elsewhere;
  // "when did they put out the post on the key", "who wrote the advisory": the publication, from the sources
  const publication = respondPublication(ask, reading);
  if (publication) return publication;
  // "who chaired the board", "which assistant secretary was hit": the name the facts give that role
  const role = respondRole(ask, reading);
  if (role) return role;
  // "what kind of key did they use": the incident's own term for it
  const kindOf = respondKindOf(ask, reading);
  if (kindOf) return kindOf;
  // "which audit event would have shown it": the incident's term defined as one
  const whichTerm = respondWhichTerm(ask, reading);
  if (whichTerm) return whichTerm;
  // "what were users told to do", "did customers have to patch anything": the fact that tells what they were told
  const instruction = respondInstruction(ask, reading);
  if (instruction) return instruction;
  switch (reading.kind) {
    case 'help':
      return respondHelp(ask);
    case 'indicator':
      return respondIndicators(ask, ask.question);
    case 'incidents':
      return respondIncidents(ask);
    case 'across': {
      const topic = acrossTopic(ask, reading);
      return (topic ? respondAcross(ask, topic) : undefined) ?? respondIncidents(ask);
    }
    case 'hunt':
    case 'defender':
      return respondDefender(ask, reading.query.concepts);
    case 'duration':
      // "how long are audit logs kept": a retention period written in the facts, not a span between dates
      if (hasAny(ask.kb.language.list('retention-word'), reading.words))
        return searchAnswer(ask, query, { intent: 'duration' });
      return respondDuration(ask, reading) ?? searchAnswer(ask, query, { intent: 'duration' });
    case 'count':
      return respondFigures(ask, reading) ?? searchAnswer(ask, query, { intent: 'question' });
    case 'when':
      return respondWhen(ask, reading) ?? searchAnswer(ask, query, { intent: 'when' });
    case 'timeline':
      return respondTimeline(ask, {}, 0.9);
    case 'victim-check':
      return victimCheck(ask, reading);
    case 'actor':
      // "what finally alerted the vendor to the threat actor": a word for the actor in a question that asks what
      // raised the alarm, not who did it
      if (reading.keyDates.includes('detected') && frameOf(ask.kb.language, query) !== 'who')
        return respondDetection(ask, reading);
      return listAnswer(ask, reading, 'actor');
    case 'define':
      return define(ask, reading);
    case 'who-is':
      return whoIs(ask, reading);
    case 'how':
      return listAnswer(ask, reading, 'technique');
    case 'why':
      // "why didn't MFA save initech mfa": when the words the knowledge base knows only name the incident, the rest
      // asks why it happened in words no fact uses; how the attack worked is the answer
      if (onlyNamesIncident(ask, reading)) return fullList(ask, reading, 'technique', NAME_ONLY_WHY);
      // "root cause of the acme 2019 breach?": when no fact meets the question, how the attack worked is its cause,
      // as long as every word of it is one the knowledge base knows
      return searchAnswer(ask, query, {
        intent: 'question',
        frame: 'why',
        ...(query.concepts.every((c) => !c.unknown) && ask.incident && asksCause(ask, reading)
          ? { fallback: () => listAnswer(ask, reading, 'technique') }
          : {}),
      });
    case 'list:victims':
      return listAnswer(ask, reading, 'victims');
    case 'list:logging':
      return listAnswer(ask, reading, 'logging');
    case 'list:lessons':
      return lessonsAsked(ask) ? fullList(ask, reading, 'lessons', 0.85) : listAnswer(ask, reading, 'aftermath');
    case 'list:aftermath':
      return listAnswer(ask, reading, 'aftermath');
    case 'list:indicators':
      return fullList(ask, reading, 'indicators', 0.9);
    case 'list:status':
      return respondStatus(ask, 0.9);
    case 'list:sources':
      return fullList(ask, reading, 'sources', 0.9);
    case 'summary':
      return respondStatus(ask, 0.9, 'summary');
    default:
      if (/^(glossary|terms)$/.test(reading.text)) return respondGlossary(ask) ?? searchOrEntity(ask, reading);
      // "who caught it first", "which agency found it": what raised the alarm
      if (reading.keyDates.includes('detected')) return respondDetection(ask, reading);
      return searchOrEntity(ask, reading);
  }
}

/**
 * "what did the vendor tell customers to do", "do we need to do anything ourselves": what those affected were asked
 * or needed to do, from the facts that say so; when none does, the question is read as if it did not ask it.
 * Questions of their own kind ("were we affected and what should we do", "when", "how many") keep their own answers.
 */
function respondInstruction(ask: Ask, reading: Reading): Answer | undefined {
  const language = ask.kb.language;
  if (!hasAny(language.list('instruction-ask'), reading.words)) return undefined;
  // "do we need to do anything in our tenant to fix the bug": what to do about the flaw, not whether we were hit
  const remedy = reading.kind === 'defender' && hasAny(language.list('remedy-word'), reading.words);
  if (OWN_ANSWER.has(reading.kind) && !remedy) return undefined;
  const query = withoutAskedWords(language, reading.query, ['instruction-ask', 'advice-asker']);
  const cue = language.list('instruction-cue');
  const answer = searchAnswer(ask, query, {
    intent: 'question',
    cues: 'instruction-cue',
    requires: (text) => hasAny(cue, words(text)),
  });
  return answer.kind === 'answer' ? answer : undefined;
}

/** Kinds whose own answer tells what to do, or asks one thing other than it. */
const OWN_ANSWER: ReadonlySet<QuestionKind> = new Set([
  'help',
  'indicator',
  'incidents',
  'across',
  'hunt',
  'defender',
  'victim-check',
  'timeline',
  'when',
  'count',
  'duration',
]);

/** "root cause", "what caused": the question asks what made the attack possible, not why someone acted. */
function asksCause(ask: Ask, reading: Reading): boolean {
  return hasAny(ask.kb.language.list('root-cause-word'), reading.words);
}

/** Kinds whose own responders read the question's dates ("how long from May to June", "when in 2023"). */
const DATE_FIRST: ReadonlySet<QuestionKind> = new Set([
  'help',
  'incidents',
  'across',
  'hunt',
  'defender',
  'duration',
  'count',
  'when',
]);

/**
 * Kinds that ask one thing of an incident (who did it, how, why): a date in them says which incident (the 2021
 * pipeline ransomware's way in), not a period whose events to list.
 */
const ASKS_ONE_THING: ReadonlySet<QuestionKind> = new Set(['actor', 'how', 'why']);

/** "what went on in may 2021", "anything in 2024?": the timeline in that range (across incidents if none named). */
function timelineInRange(ask: Ask, reading: Reading): Answer | undefined {
  const { kb, incident } = ask;
  const date = findDateRange(reading.text, { yearForMonth: incident ? yearForMonth(incident) : undefined });
  if (!date) return undefined;
  const rest = reading.text.replace(date.matched, ' ').replace(/\s+/g, ' ').trim();
  const restWords = rest === '' ? [] : rest.split(' ');
  const happened = kb.language.list('happened-word');
  if (!hasAny(happened, restWords) && restWords.length > 2) return undefined;
  // "the csrb report on the summer 2023 intrusion, what was its release date", "per their sept 2023 write-up": a
  // question for one date, or a date that names a publication, asks for no timeline
  if (hasAny(kb.language.list('date-word'), restWords)) return undefined;
  // "what was the name of the rule that fired on june 16": one name
  if (hasAny(kb.language.list('name-word'), restWords)) return undefined;
  // "what was acme fined for the 2016 cover-up", "what sentence did he get in 2022": one punishment or payment
  if (hasAny(kb.language.list('amount-cue'), restWords)) return undefined;
  const after = reading.text
    .slice(reading.text.indexOf(date.matched) + date.matched.length)
    .trim()
    .split(' ');
  if (hasPhraseAt(kb.language.list('publication-noun'), after, 0)) return undefined;
  // "what happened to them after the 2014 hack": what followed the attack, not the events of the year
  if (afterTheAttack(kb.language, reading.words)) return undefined;
  const named = incidentNamed(ask);
  const words = restWords.filter((w) => !isStopWord(w) && !isQuestionFiller(ask, w)).join(' ');
  // "heroku oauth tokens stolen in april 2022 - what happened": two or more words the knowledge base has never
  // seen name something else; the dates alone do not make it a question about this knowledge base's timeline
  // (one such word may be a verb it never uses: "what were they poking at in 2021")
  const unseen = (w: string) =>
    w.length >= 3 && !isStopWord(w) && !/^\d+$/.test(w) && !kb.lexicon.has(w) && !kb.lexicon.correct(w);
  if (restWords.filter(unseen).length >= 2) return undefined;
  // "what kind of key did the attackers get hold of in the 2023 email hack - enterprise or something else?": a
  // question that says this much asks one thing, not for the events of its period
  if (words.split(' ').filter((w) => w !== '' && !isYear(w)).length > PERIOD_MAX_WORDS) return undefined;
  // the question's words must meet an event of its period, or be words the knowledge base knows: the whole period
  // answers nothing else it asked
  const request = { range: date.range, ...(words !== '' ? { words } : {}) };
  if (!named && kb.incidents.length > 1) {
    // "what was stolen when the agency that keeps background files was breached in 2015": a question that
    // describes its incident at length asks about that incident, not for everything loaded from the year
    if (words.split(' ').filter((w) => w !== '' && !isYear(w)).length > ACROSS_MAX_WORDS) return undefined;
    if (request.words && !kb.incidents.some((other) => timelineMatches({ ...ask, incident: other }, request)))
      return undefined;
    const across = respondTimelineAcross(ask, date.range, reading.text, 0.9);
    if (across) return across;
  }
  // "what did the vendor's president tell the committee in june 2024": words that meet one event of the period, in a
  // question that asks for no events, ask for that one fact, told in full
  if (request.words && !hasAny(kb.language.list('event-ask'), restWords) && eventsMatching(ask, request).length === 1)
    return undefined;
  return !request.words || timelineMatches(ask, request) ? respondTimeline(ask, request, 0.9) : undefined;
}

/**
 * The question read again without its period, when that period holds the whole incident the question names and
 * no timeline is asked for; otherwise undefined.
 */
function withoutWholePeriod(ask: Ask, reading: Reading): Reading | undefined {
  const { kb, incident } = ask;
  if (!incident || !incidentNamed(ask)) return undefined;
  if (hasAny(kb.language.list('timeline-noun'), reading.words)) return undefined;
  const date = findDateRange(reading.text, { yearForMonth: yearForMonth(incident) });
  if (!date || !holdsIncident(incident, date.range)) return undefined;
  const at = reading.text.indexOf(date.matched);
  const end = at + date.matched.length;
  // a year inside a name as typed ("alpha-2023") is no period: the period's words stand as words of their own
  const typed = words(ask.question.toLowerCase());
  const parts = date.matched.split(' ');
  const standalone = typed.some((_, i) => parts.every((p, k) => typed[i + k] === p));
  if (at < 0 || !standalone) return undefined;
  const before = withoutPeriodLead(kb.language, reading.text.slice(0, at).trim().split(' '));
  const text = [...before, reading.text.slice(end)].join(' ').replace(/\s+/g, ' ').trim();
  return readQuestion(kb, text, incident);
}

/** The words before a period, without those that bring it in ("back in 2014"), which go with it. */
function withoutPeriodLead(language: Ask['kb']['language'], before: string[]): string[] {
  const leads = language.list('period-lead');
  for (let n = Math.min(MAX_LEAD_WORDS, before.length); n > 0; n--) {
    if (phrasesAt(leads, before, before.length - n).includes(n)) return before.slice(0, before.length - n);
  }
  return before;
}

/** The most words that bring a period in ("sometime in"). */
const MAX_LEAD_WORDS = 2;

/** True when every key date of the incident (start, detection, disclosure, end) falls in the range. */
function holdsIncident(incident: NonNullable<Ask['incident']>, range: { from: string; to: string }): boolean {
  const dates = Object.values(incident.dates).filter((d): d is string => typeof d === 'string');
  return dates.length > 0 && dates.every((d) => startOf(d) >= startOf(range.from) && endOf(d) <= endOf(range.to));
}

/** The most words besides the date a question for the events of a period (of one incident) may hold. */
const PERIOD_MAX_WORDS = 6;

/** The most words besides the date a question for the events of a period across incidents may hold. */
const ACROSS_MAX_WORDS = 3;

/** "after the hack", "after the 2016 breach": the words ask what followed the attack. */
function afterTheAttack(language: Ask['kb']['language'], words: readonly string[]): boolean {
  const nouns = language.list('incident-noun');
  return words.some(
    (w, i) =>
      w === 'after' &&
      words.slice(i + 1, i + 1 + AFTER_REACH).some((_, k) => hasAny(nouns, [words[i + 1 + k] as string])),
  );
}

/** How many words after "after" the attack may be named ("after the 2014 aws account hack"). */
const AFTER_REACH = 5;

/** Words of a date question that narrow nothing ("did", "anything", "there"). */
function isQuestionFiller(ask: Ask, word: string): boolean {
  const language = ask.kb.language;
  return (
    hasAny(language.list('happened-word'), [word]) ||
    hasAny(language.list('aux'), [word]) ||
    hasAny(language.list('list-filler'), [word]) ||
    hasAny(language.list('timeline-noun'), [word])
  );
}

/** "which incidents started in 2014", "breaches disclosed in 2022": the incidents by a key date, none named. */
function listByDate(ask: Ask, reading: Reading): Answer | undefined {
  if (ask.kb.incidents.length < 2) return undefined;
  const date = findDateRange(reading.text, {});
  if (!date) return undefined;
  const key = incidentsByDateKey(ask.kb.language, reading, date.matched);
  return key ? respondIncidentsByDate(ask, key, date.range, reading.text) : undefined;
}

/** The topic of "which incidents involved MFA" ("mfa"), or undefined when it only asks for the list. */
function acrossTopic(ask: Ask, reading: Reading): string | undefined {
  const language = ask.kb.language;
  const subject = restFrom(reading.words, reading.subject ?? []);
  const aside = (w: string) =>
    hasAny(language.list('topic-filler'), [w]) || hasAny(language.list('incident-list-noun'), [w]);
  const left = subject.filter((w) => !aside(w));
  return left.length > 0 ? left.join(' ') : undefined;
}

/**
 * The question's words from where its subject starts to its end: a topic runs longer than a name ("which breaches
 * started with aws keys found in github repos").
 */
function restFrom(words: readonly string[], subject: readonly string[]): string[] {
  if (subject.length === 0) return [];
  for (let i = 0; i + subject.length <= words.length; i++) {
    if (subject.every((w, k) => words[i + k] === w)) return words.slice(i);
  }
  return [...subject];
}

/**
 * "how many accounts were hit in the 2013 breach": a year the question gives as the time of what it asks about,
 * with no fact of the incident it reads (or of any incident, when it names none) dated in that year, asks about
 * something the knowledge base does not hold. A year after "before", "since", "until"... bounds a range instead.
 */
function yearNotHeld(ask: Ask, reading: Reading): string | undefined {
  const { words } = reading;
  const year = askedYear(ask.kb.language, words);
  if (!year) return undefined;
  const scope = reading.incident ?? (ask.named ? ask.incident : undefined);
  if (!yearsHeld(ask.kb, scope?.id).has(year)) return year;
  // "the September 2022 Initech hack": an incident told by its month, when nothing of it is dated in that month
  const at = words.indexOf(year);
  const month = MONTH_NAMES.findIndex((m) => m.toLowerCase() === words[at - 1]);
  const told = hasAny(ask.kb.language.list('incident-noun'), words.slice(at + 1, at + 1 + TOLD_REACH));
  if (month < 0 || !told || !scope) return undefined;
  const dated = `${year}-${String(month + 1).padStart(2, '0')}`;
  const held = ask.kb.passages.some(
    (p) => p.incident === scope.id && p.kind !== 'source' && (p.date ?? '').startsWith(dated),
  );
  return held ? undefined : `${MONTH_NAMES[month]} ${year}`;
}

/** How many words after a month and year an incident noun may stand to tell an incident by them. */
const TOLD_REACH = 3;

/**
 * The first year the question names as such, not as a bound of a range ("since 2021") nor one it sets aside ("not
 * the old 2016 one - the 2022 hack").
 */
function askedYear(language: Ask['kb']['language'], words: readonly string[]): string | undefined {
  const bounds = language.list('range-bound');
  const aside = [language.list('negation'), language.list('exclusion')];
  return words.find(
    (w, i) =>
      isYear(w) &&
      !hasAny(bounds, words.slice(Math.max(0, i - 2), i)) &&
      !aside.some((list) => hasAny(list, words.slice(Math.max(0, i - SET_ASIDE_REACH), i))),
  );
}

/** How many words before a year a word that sets it aside may stand ("not the old 2016 one"). */
const SET_ASIDE_REACH = 3;

/** The years facts are dated in, per incident (and over all of them under ''), made once per knowledge base. */
const yearsMemo = new WeakMap<Ask['kb'], Map<string, Set<string>>>();
function yearsHeld(kb: Ask['kb'], incident: string | undefined): ReadonlySet<string> {
  let byIncident = yearsMemo.get(kb);
  if (!byIncident) {
    byIncident = new Map([['', new Set<string>()]]);
    const add = (id: string, date: string | undefined) => {
      if (!date) return;
      const y = date.slice(0, 4);
      byIncident?.get('')?.add(y);
      let set = byIncident?.get(id);
      if (!set) {
        set = new Set();
        byIncident?.set(id, set);
      }
      set.add(y);
    };
    for (const p of kb.passages) {
      add(p.incident, p.date);
      add(p.incident, p.endDate);
    }
    for (const i of kb.incidents)
      for (const d of Object.values(i.dates)) add(i.id, typeof d === 'string' ? d : undefined);
    yearsMemo.set(kb, byIncident);
  }
  return byIncident.get(incident ?? '') ?? new Set();
}

/**
 * "who was behind the 2015 leak", asked with no incident named: when the question's year is
 * not one the default incident's facts are dated in, the answer is in another incident (or none): the incidents
 * whose facts hold that year are offered instead of the default incident's facts.
 */
function yearOfOtherIncidents(ask: Ask, reading: Reading): Answer | undefined {
  const { kb, incident } = ask;
  if (ask.named || reading.incident || !incident || kb.incidents.length < 2) return undefined;
  const year = askedYear(kb.language, reading.words);
  if (!year || yearsHeld(kb, incident.id).has(year)) return undefined;
  const holding = kb.incidents.filter((i) => yearsHeld(kb, i.id).has(year));
  // "which company went out of business in 2014 after its backups were deleted": the rest of the question, read
  // without the year, finds a fact of that year, of one of those incidents
  const at = reading.words.indexOf(year);
  const rest = [...withoutPeriodLead(kb.language, reading.words.slice(0, at)), ...reading.words.slice(at + 1)];
  const found = searchOrEntity(ask, readQuestion(kb, rest.join(' ')));
  const lead = found.facts[0];
  if (found.kind === 'answer' && lead?.date?.startsWith(year) && holding.some((i) => i.id === lead.incident))
    return found;
  const names = holding.slice(0, 5).map((i) => `${incidentName(i)} (\`${i.id}\`)`);
  return {
    ...noneAnswer(
      kb,
      undefined,
      ask.question,
      `No incident was named, and ${incidentName(incident)} has nothing dated ${year}. Facts dated ${year} are in ${names.join(', ')}${holding.length > 5 ? ', and more' : ''}: put the incident's id first to ask about it. If none of these is the one you mean, it is probably not loaded.`,
      [...holding.slice(0, 3).map((i) => `${i.id} summary`), 'incidents'],
    ),
    kind: 'clarify',
    title: `Which ${year} incident?`,
  };
}

/**
 * "initech 2022 breach", "got into initech in 2022": a year that dates an attack (`attackYear`) dates the incident
 * itself. When the incident the question names ran in other years (its own dates: start, detection, disclosure,
 * end), the question is about another incident of the same company, one that is not loaded, even if later facts of
 * it (a trial, a fine) fall in that year. An earlier year its facts tell of is the incident's prelude (the
 * intrusion that led to it).
 */
function otherYearsIncident(ask: Ask, reading: Reading): { incident: Incident; year: string } | undefined {
  const incident = reading.incident ?? (ask.named ? ask.incident : undefined);
  if (!incident) return undefined;
  const year = attackYear(ask.kb.language, reading.words);
  const span = yearSpan(incident);
  if (!year || !span || (Number(year) >= span.from && Number(year) <= span.to)) return undefined;
  // "gamma-0042 ... the 2021 intrusion": an attack of that year before the incident began is its prelude
  if (Number(year) < span.from && preludeAttack(ask, incident, year)) return undefined;
  return { incident, year };
}

/** Words between an attack word and "in <year>" that still let the year date the attack ("broke into acme in 2022"). */
const ATTACK_YEAR_GAP = 3;

/**
 * The year the question dates an attack in: "the 2022 breach", or an attack word (a noun or verb of attack) a few
 * words before "in [month] 2022" ("the intruder got into acme in 2022", "the acme breach in sept 2022").
 */
function attackYear(language: Ask['kb']['language'], words: readonly string[]): string | undefined {
  const nouns = language.list('incident-noun');
  const attack = [nouns, language.list('attack-verb')];
  const calendar = language.list('calendar-word');
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!isYear(w)) continue;
    if (hasPhraseAt(nouns, words, i + 1)) return w;
    let k = i - 1;
    if (k >= 0 && calendar.byFirst.has(words[k] as string)) k--;
    if (words[k] !== 'in') continue;
    for (let j = k - 1; j >= Math.max(0, k - 1 - ATTACK_YEAR_GAP); j--)
      if (attack.some((list) => phrasesAt(list, words, j).some((n) => j + n <= k))) return w;
  }
  return undefined;
}

/** True when an event of the incident dated in that year is an attack ("compromises the corporate network"). */
function preludeAttack(ask: Ask, incident: Incident, year: string): boolean {
  const { language } = ask.kb;
  const attack = [language.list('incident-noun'), language.list('attack-verb')];
  return passagesOf(ask.kb, incident.id, 'event').some((p) => {
    if (!p.date?.startsWith(year)) return false;
    const titleWords = words(p.title.toLowerCase());
    return attack.some((list) => hasAny(list, titleWords));
  });
}

function otherYearsAnswer(ask: Ask, incident: Incident, year: string): Answer {
  const { kb } = ask;
  const span = yearSpan(incident);
  const ran = span ? (span.from === span.to ? `in ${span.from}` : `from ${span.from} to ${span.to}`) : '';
  return noneAnswer(
    kb,
    incident,
    ask.question,
    `${incidentName(incident)} is the incident that ran ${ran}; a ${year} one is not in the knowledge base, so I won't answer with the facts of the one that is. To ask about the loaded one, start with \`${incident.id}\`. Loaded: ${kb.incidents.map((i) => `\`${i.id}\``).join(', ')}.`,
    [`${incident.id} summary`, 'incidents'],
  );
}

/** "Nothing dated 2013": the year, what the knowledge base does cover, and where to look. */
function yearAnswer(ask: Ask, reading: Reading, year: string): Answer {
  const { kb } = ask;
  const scope = reading.incident ?? (ask.named ? ask.incident : undefined);
  const years = [...yearsHeld(kb, scope?.id)].sort();
  const span = years.length > 0 ? ` (its facts run from ${years[0]} to ${years.at(-1)})` : '';
  const what = scope ? incidentName(scope) : 'the knowledge base';
  return noneAnswer(
    kb,
    scope ?? ask.incident,
    ask.question,
    `Nothing in ${what} is dated ${year}${span}, so this is probably about an incident that is not loaded; I won't answer with another year's facts. Loaded: ${kb.incidents.map((i) => `\`${i.id}\``).join(', ')}.`,
    ['incidents', 'timeline', 'help'],
  );
}

/** "X isn't in the knowledge base": the loaded incidents, and where X is mentioned if it is. */
function unknownAnswer(ask: Ask, unknown: UnknownName): Answer {
  const { kb } = ask;
  const loaded = kb.incidents.map((i) => `\`${i.id}\``).join(', ');
  const mentioned = unknown.mentionedIn.map((id) => kb.incident(id)).filter((i) => !!i);
  const where =
    mentioned.length > 0
      ? ` It is mentioned in ${mentioned.map((i) => `${incidentName(i)} (\`${i.id}\`)`).join(', ')}, but the knowledge base holds no incident of its own about it.`
      : '';
  return noneAnswer(
    kb,
    ask.incident,
    ask.question,
    `"${unknown.name}" is not an incident in the knowledge base, so I won't answer with another incident's facts.${where} Loaded: ${loaded}.`,
    [...mentioned.slice(0, 2).map((i) => `${i.id} summary`), 'incidents', 'help'],
  );
}
