/**
 * "Were we affected?", "how do I check my tenant?", "what should we hunt for?": never a yes or no about the asker's
 * own organization (the knowledge base cannot know it), but what a defender can check themselves, with which
 * licence and log, over which time window, and what the sources say about who was notified. From the incident's
 * `defender` data when it has some; otherwise from its logging advice, indicators and key dates.
 */
import type { Answer, AnswerFact, AnswerItem, AnswerSection } from '../answer.js';
import { incidentName, makeAnswer, noneAnswer } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { factsAndItems } from '../facts.js';
import type { Defender, Incident } from '../model.js';
import { hasPhraseAt, type PhraseSet } from '../reading/patterns.js';
import type { Concept } from '../reading/query.js';
import { incidentNameTerms, madeOfListWords } from '../reading/subject.js';
import { passagesByMatch, passagesOf } from '../search/incident-passages.js';
import type { Passage } from '../search/passages.js';
import { isStopWord } from '../search/stopwords.js';
import { searchTerms, words } from '../search/tokenize.js';

/** Checks shown on the first page; the rest are one `logging` away. */
const MAX_CHECKS = 5;
/** From the logging advice, when the incident has no checks of its own. */
const MAX_ADVICE = 3;
/** Confidence when the incident's own data says what to check; lower when it is pieced together. */
const FROM_DATA = 0.9;
const PIECED = 0.75;

/**
 * @param concepts the question's concepts, when it is a free-text question: a question that names what it wants
 *   to check ("which audit event", "what user agents") gets the checks first, the one it names leading
 */
export function respondDefender(ask: Ask, concepts: readonly Concept[] = []): Answer {
  const { kb, incident } = ask;
  if (!incident) return noneAnswer(kb, undefined, ask.question, 'No incidents are loaded.');
  const defender = incident.defender;
  const name = incidentName(incident);
  const opening = `I can't tell whether your organization was affected by ${name}: only your own logs and the notices sent to you can. Here is what the sources say about who was told, and what you can check yourself.`;
  const sections: AnswerSection[] = [{ text: opening }];
  const facts: AnswerFact[] = [];
  const told = (defender?.notification ?? []).map(
    (n): AnswerFact => ({
      id: n.id,
      text: n.text,
      ...(n.date ? { date: n.date } : {}),
      sources: n.sources,
    }),
  );
  const checks = defender && defender.checks.length > 0 ? orderedChecks(ask, defender.checks, concepts) : undefined;
  const toldSection = () => {
    if (told.length === 0) return;
    sections.push({ heading: 'Who was told', items: told.map((f) => ({ text: f.text, factId: f.id, date: f.date })) });
    facts.push(...told);
  };
  // what the sources say about who was told comes first when the question only asks whether it was hit: it is what
  // the asker wants to know before checking; a question that names what it wants to check gets the checks first
  if (!checks?.asked) toldSection();
  if (checks) {
    const items = checks.list.slice(0, MAX_CHECKS).map((check) => {
      const fact = checkFact(check, incident);
      facts.push(fact);
      // the label carries the title: the item's text does not repeat it
      return { text: checkText(check), factId: fact.id, label: check.title } satisfies AnswerItem;
    });
    sections.push({ heading: 'What to check', items });
    if (checks.asked) toldSection();
  } else {
    const recommended = passagesOf(kb, incident.id, 'recommendation').filter((p) => !p.supersededBy);
    // a write-up gives its advice as lessons learned: those that meet the question's own words first
    const advice = (recommended.length > 0 ? recommended : lessonsFor(ask, concepts)).slice(0, MAX_ADVICE);
    const made = factsAndItems(kb, advice);
    if (made.items.length > 0) sections.push({ heading: 'What to check', items: made.items });
    facts.push(...made.facts);
    const indicators = passagesOf(kb, incident.id, 'indicator');
    if (indicators.length > 0)
      sections.push({ text: `The ${indicators.length} published indicators are under \`indicators\`.` });
  }
  const window = windowFact(defender, incident);
  if (window) {
    sections.push({ heading: 'When to look', items: [{ text: window.text, factId: window.id }] });
    facts.push(window);
  }
  if (facts.length === 0) return noneAnswer(kb, incident, ask.question);
  return makeAnswer(kb, {
    intent: 'logging',
    incident: incident.id,
    title: `Were you affected by ${name}? What to check in your own environment`,
    sections,
    facts,
    suggestions: ['hunt', 'indicators', 'logging', 'victims'],
    confidence: checks ? FROM_DATA : PIECED,
    question: ask.question,
  });
}

/**
 * The incident's lessons: those that tell the reader to check something ("verify that there are no …") before
 * those that only say what went wrong, each group in the order the question's words meet them best.
 */
function lessonsFor(ask: Ask, concepts: readonly Concept[]): Passage[] {
  const { kb, incident } = ask;
  if (!incident) return [];
  const terms = concepts.filter((c) => !c.filler).flatMap((c) => c.terms);
  const verbs = kb.language.list('advice-verb');
  const tellsToCheck = (p: Passage) => (advises(verbs, words(p.text)) ? 0 : 1);
  return passagesByMatch(kb, incident.id, 'lesson', terms).sort((a, b) => tellsToCheck(a) - tellsToCheck(b));
}

/**
 * True when the words tell the reader to do something: an advice verb that opens them or follows a content word or
 * "to/and/then/also/always" ("verify that…", "update to…", "…analysis verify…"), not one after "didn't" or "the"
 * ("they didn't restrict the scope").
 */
function advises(verbs: PhraseSet, text: readonly string[]): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!hasPhraseAt(verbs, text, i)) continue;
    const before = text[i - 1];
    if (before === undefined || !isStopWord(before) || LEADS_TO_ADVICE.has(before)) return true;
  }
  return false;
}

/** Function words that may stand right before an advice verb. */
const LEADS_TO_ADVICE: ReadonlySet<string> = new Set(['to', 'and', 'then', 'also', 'always']);

type Check = Defender['checks'][number];

/** The words of "were we affected, what should we check" that ask, and name no check. */
const ASKING_LISTS = ['self', 'self-owner', 'affected-word', 'advice-asker', 'check-verb', 'question-word'] as const;

/**
 * The checks, the ones that meet more of the question's own words first (kept in the data's order otherwise), and
 * whether the question named any: its words beyond "were we affected" ("audit event", "user agents", "thumbprint").
 */
function orderedChecks(
  ask: Ask,
  checks: readonly Check[],
  concepts: readonly Concept[],
): { list: Check[]; asked: boolean } {
  const language = ask.kb.language;
  const aside = (c: Concept) => madeOfListWords(language, c, ASKING_LISTS);
  // the words that name the incident itself ("exchange online") name no check
  const naming = ask.incident ? incidentNameTerms(ask.incident) : new Set<string>();
  const asked = concepts.filter(
    (c) => !c.filler && !c.weak && !c.unknown && !aside(c) && !c.own.every((t) => naming.has(t)),
  );
  const scored = checks.map((check, i) => {
    const terms = new Set(searchTerms([check.title, check.text, check.lookFor ?? '', check.log ?? ''].join(' ')));
    return { check, i, met: asked.filter((c) => c.terms.some((t) => terms.has(t.term))).length };
  });
  const best = Math.max(0, ...scored.map((s) => s.met));
  if (best === 0) return { list: [...checks], asked: false };
  return { list: scored.sort((a, b) => b.met - a.met || a.i - b.i).map((s) => s.check), asked: true };
}

function checkFact(check: Check, incident: Incident): AnswerFact {
  return {
    id: check.id,
    text: `${sentence(check.title)} ${checkText(check)}`,
    sources: check.sources,
    incident: incident.id,
  };
}

/** A check's text, what to look for, log, licence and retention, without its title. */
function checkText(check: Check): string {
  const parts = [
    check.text,
    check.lookFor ? `Look for: ${check.lookFor}` : '',
    check.log ? `Log: ${check.log}` : '',
    check.licence ? `Needs: ${check.licence}` : '',
    check.retention ? `Retention: ${check.retention}` : '',
  ].filter((p) => p !== '');
  return parts.map(sentence).join(' ');
}

/** The window to search: the incident's own, else its key dates. */
function windowFact(defender: Defender | undefined, incident: Incident): AnswerFact | undefined {
  if (defender?.window) {
    const w = defender.window;
    return { id: `${incident.id}-window`, text: `${w.from} to ${w.to}: ${w.text}`, date: w.from, sources: w.sources };
  }
  const { start, end } = incident.dates;
  if (!start) return undefined;
  const sources = incident.status.sources.length > 0 ? incident.status.sources : [];
  if (sources.length === 0) return undefined;
  return {
    id: `${incident.id}-window`,
    text: `${start} to ${end ?? 'the end of the intrusion'}: the period the intrusion covers, per the knowledge base's key dates.`,
    date: start,
    sources,
  };
}

const sentence = (t: string) => (/[.!?]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);
