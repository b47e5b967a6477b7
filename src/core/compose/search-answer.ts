/**
 * Free-text questions answered from the best passages with their sources. Below the confidence threshold the
 * answer is `clarify` (two or three guesses to pick from) or `none`; a question that matches the asked incident
 * poorly is tried against every loaded incident, and each fact says which incident it belongs to.
 */
import type { Answer, AnswerSection, Intent } from '../answer.js';
import { incidentName, makeAnswer, noneAnswer } from '../answer-base.js';
import { type Ask, incidentNamed } from '../ask-context.js';
import { describeDate } from '../dates/dates.js';
import { factsAndItems, latest } from '../facts.js';
import type { Incident } from '../model.js';
import type { Language, ListName } from '../reading/language.js';
import { firstMatch, hasAny, hasPhraseAt, phrasesAt } from '../reading/patterns.js';
import { type Concept, contentConcepts, coverage, type QueryAnalysis } from '../reading/query.js';
import {
  actorWords,
  asksMoney,
  asksWhetherKnown,
  asksWhichVulnerability,
  describingWords,
  incidentNameTerms,
  incidentNameWords,
  namingWords,
} from '../reading/subject.js';
import { holdsCount, holdsMoney, holdsSpan, holdsVulnerabilityId, numberBefore } from '../search/counts.js';
import { withDates } from '../search/hit-dates.js';
import { isAside, isTechniqueOverview, type Passage, type PassageKind } from '../search/passages.js';
import type { SearchHit } from '../search/search-index.js';
import { isStopWord } from '../search/stopwords.js';
import { searchTerms, termOf, words } from '../search/tokenize.js';
import { ties, titleShare, withSignals } from './confidence.js';
import { respondTerm } from './respond-glossary.js';
import { countedRun, RARE_WEIGHT, respondVictim } from './respond-victims.js';

/** At or above: answer. */
export const ANSWER_THRESHOLD = 0.6;
/** The answer threshold for a question whose every word the knowledge base knows. */
const KNOWN_WORDS_THRESHOLD = 0.52;
/** How much looser the match may be when the question names its incident. */
const NAMED_INCIDENT_EASING = 0.1;

/**
 * The coverage a searched answer needs: a question every word of which the knowledge base knows is answered on a
 * looser match, since nothing in it names something else; bare numbers ("17 times 23") name nothing by themselves.
 */
export function answerThreshold(query: QueryAnalysis, named = false): number {
  const allKnown =
    query.concepts.every((c) => c.filler || !c.unknown) &&
    query.concepts.some((c) => !c.filler && !c.weak && !/^[\d.,:]+$/.test(c.text));
  return (allKnown ? KNOWN_WORDS_THRESHOLD : ANSWER_THRESHOLD) - (named ? NAMED_INCIDENT_EASING : 0);
}
/** At or above (and below ANSWER_THRESHOLD): clarify with suggestions. Below: none. */
export const CLARIFY_THRESHOLD = 0.34;

export interface SearchAnswerOptions {
  intent?: Intent;
  kindBoost?: Partial<Record<PassageKind, number>>;
  /** what to answer instead of clarify/none (e.g. the full list for a clear intent) */
  fallback?: () => Answer;
  /** what to say when nothing matches */
  noneMessage?: string;
  /** a victim or glossary term that clearly leads gets its own answer */
  entities?: boolean;
  /** the frame to read the question in, when the caller knows it ("why") */
  frame?: Frame;
  /** a word list whose words tell the facts that answer (a tip or an alert for "how did they find out") */
  cues?: ListName;
  /**
   * the words of the named incident's name are met by every fact of it ("how did initech find out about the vault
   * theft" where the incident is "Initech Vault": what was found is the incident, and the fact that tells the alarm
   * need not name it)
   */
  namesMet?: boolean;
  /** a word list whose words mark the facts that answer best ("how": one that tells the means, "by", "via") */
  prefers?: ListName;
  /** only facts whose text passes this can answer ("how long": one that states a length of time) */
  requires?: (text: string) => boolean;
  /** "was X affected" where X is no recorded victim: the title says so */
  notRecorded?: { name: string; incident: string };
}

interface Ranked {
  hit: SearchHit;
  cov: number;
  rank: number;
}

const NEVER = new Set<PassageKind>(['source']);
/**
 * Definitions match many questions loosely; they lead only when asked for ("what is …"). A lesson is advice: it
 * answers "what should we learn / do", and a question that asks for facts ("what data got exposed") gets the facts
 * first, though a lesson uses the same words ("Publicly Exposed Jenkins Server"). Questions that ask for advice
 * raise lessons again (the advice frame, the lesson words).
 */
const DEFAULT_BOOST: Partial<Record<PassageKind, number>> = { term: 0.6, summary: 0.8, lesson: 0.5 };
/** Events the knowledge base marks as milestones lead among equals. */
const MILESTONE_BOOST = 1.15;

/** A question's frame, read by the `frames` patterns of the language data. */
export type Frame = 'said' | 'advice' | 'who' | 'why' | 'happened';

/**
 * The question's frame says which kind of fact it wants: "what did X say" wants statements and events, "how do I …"
 * advice, "who …" events, victims and the actor, "why" the technique and its causes.
 */
const FRAME_BOOST: Record<Frame, Partial<Record<PassageKind, number>>> = {
  said: { event: 1.4, aftermath: 1.4, actor: 1.1, technique: 1.1, term: 0.3, recommendation: 0.5, lesson: 0.6 },
  advice: { recommendation: 1.4, lesson: 1.2, event: 0.9 },
  who: { event: 1.25, victim: 1.25, actor: 1.25, aftermath: 1.1, recommendation: 0.5, lesson: 0.5 },
  why: { technique: 1.3, lesson: 1.15, aftermath: 1.1, recommendation: 0.7 },
  happened: { event: 1.15, aftermath: 1.15, victim: 1.1, technique: 1.1, recommendation: 0.6, lesson: 0.7 },
};

/** The kind boosts a question's frame implies. */
export function frameBoost(language: Language, query: QueryAnalysis): Partial<Record<PassageKind, number>> {
  const frame = frameOf(language, query);
  return frame ? (FRAME_BOOST[frame] ?? {}) : {};
}

/** The question's frame: the first of the language's frames whose patterns match it. */
export function frameOf(language: Language, query: QueryAnalysis): Frame | undefined {
  for (const { frame, patterns } of language.frames) {
    if (firstMatch(patterns, query.words)) return frame as Frame;
  }
  return undefined;
}

/**
 * A question with one telling word, matched only in passing in a passage's text ("weather" in "weather-based
 * naming scheme"), is not about that passage: its coverage is capped below the answer threshold.
 */
function incidental(content: readonly Concept[], hit: SearchHit): boolean {
  if (content.length !== 1) return false;
  const only = content[0] as (typeof content)[number];
  if (only.terms.some((t) => hit.prominent.has(t.term))) return false;
  // a fact without a title of its own is shown under its first sentence: a word there is no word in passing
  if (hit.passage.title) return true;
  const head = new Set(searchTerms(hit.passage.text.split(/(?<=[.!?])\s/)[0] ?? ''));
  return !only.terms.some((t) => head.has(t.term));
}

/** "what lessons came out of …", "key takeaways": the lessons the sources drew lead, whatever the frame. */
const LESSON_BOOST: Partial<Record<PassageKind, number>> = { lesson: 1.5 };
const lessonBoost = (language: Language, query: QueryAnalysis) =>
  hasAny(language.list('lesson-word'), query.words) ? LESSON_BOOST : undefined;

/** The kind boosts a question's frame implies (read once per question). */
const frameMemo = new WeakMap<QueryAnalysis, Partial<Record<PassageKind, number>>>();
function frameBoostOnce(language: Language, query: QueryAnalysis): Partial<Record<PassageKind, number>> {
  let boost = frameMemo.get(query);
  if (!boost) {
    boost = frameBoost(language, query);
    frameMemo.set(query, boost);
  }
  return boost;
}

const countTermsMemo = new WeakMap<QueryAnalysis, string[]>();
/** The own terms of the question's count words ("how many" → "many"), empty when it asks for no count. */
function countTerms(language: Language, query: QueryAnalysis): string[] {
  let terms = countTermsMemo.get(query);
  if (!terms) {
    const cue = language.list('count-cue');
    // "how much" has no word of its own to search with ("much" is a stop word): its group's words stand for it
    terms = query.concepts
      .filter((c) => hasAny(cue, c.text.split(' ')))
      .flatMap((c) => (c.own.length > 0 ? c.own : c.terms.map((t) => t.term)));
    countTermsMemo.set(query, terms);
  }
  return terms;
}

/**
 * "how many records were leaked": a passage that holds what the question's words ask for (a count) meets those
 * words ("many"), though its text never uses them.
 */
function meetsAsked(hit: SearchHit, terms: readonly string[], holds: (p: Passage) => boolean): SearchHit {
  if (terms.length === 0 || terms.every((t) => hit.matched.has(t)) || !holds(hit.passage)) return hit;
  return { ...hit, matched: new Set([...hit.matched, ...terms]) };
}

/** The own terms of the question's words for money itself ("did anyone lose money"), met by any amount of money. */
function moneyTerms(language: Language, query: QueryAnalysis): string[] {
  const words = language.list('money-noun');
  return query.concepts.filter((c) => hasAny(words, c.text.split(' '))).flatMap((c) => c.own);
}

/** The own terms of the question's words for a vulnerability ("vulnerability", "cve", "exploited"). */
function vulnerabilityTerms(language: Language, query: QueryAnalysis): string[] {
  const words = language.list('vulnerability-word');
  return query.concepts.filter((c) => hasAny(words, c.text.split(' '))).flatMap((c) => c.own);
}

/** Something the question asks a fact to hold; a fact without it keeps `keep` of its rank. */
interface Demand {
  holds: (p: Passage, hit: SearchHit) => boolean;
  keep: number;
}

/** What the question asks its answering fact to hold, beyond its words. */
function demandsOf(
  language: Language,
  query: QueryAnalysis,
  cues: ListName | undefined,
  hits: readonly SearchHit[],
): Demand[] {
  const demands: Demand[] = [];
  const counting = countTerms(language, query).length > 0;
  // "what was he sentenced to", "how much was the fine": a fact that gives a length of time or an amount
  const sizing = hasAny(language.list('amount-cue'), query.words);
  // "how much did it cost them", "has anyone lost money over it": a fact that gives an amount of money
  const paying = asksMoney(language, query.words) || hasAny(language.list('money-noun'), query.words);
  // "how much was taken": a fact that gives an amount answers it, one that only names the same things does not
  if (counting || sizing || paying) {
    demands.push({
      keep: COUNTLESS,
      holds: (p) =>
        (!counting || holdsCount(p.text)) &&
        (!sizing || holdsCount(p.text) || holdsSpan(p.text)) &&
        (!paying || holdsMoney(p.text)),
    });
  }
  // "how many log categories moved": a fact whose number counts the rare word asked ("31 log categories"), not one
  // that gives another number ("90 to 180 days")
  const rare = counting ? countedRun(language, query).find((c) => !c.unknown && c.weight >= RARE_WEIGHT) : undefined;
  if (rare) {
    const terms = new Set(rare.terms.map((t) => t.term));
    demands.push({ keep: COUNTLESS, holds: (p) => countsTerm(p.text, terms) });
  }
  // "what was his sentence", "how much was the fine": the fact must name the punishment or payment asked about,
  // with its size in the same sentence ("sentenced to three years"), not in passing beside another one ("fined
  // $148 million … to lessen their sentence")
  if (sizing) {
    const cue = language.list('amount-cue');
    const asked = new Set(
      query.concepts.filter((c) => hasAny(cue, c.text.split(' '))).flatMap((c) => c.terms.map((t) => t.term)),
    );
    demands.push({
      keep: UNASKED_AMOUNT,
      holds: (p, hit) => [...asked].some((t) => hit.matched.has(t)) && sizedWhereNamed(p, asked),
    });
  }
  // "what data leaked": a question for facts gets a fact before a lesson that names the same things, unless it asks
  // for advice or lessons (the advice frame, the lesson words), for what would have helped ("what scan would have
  // caught it") or for why (a lesson often tells the cause)
  const askedFrame = frameOf(language, query);
  const wished = hasAny(language.list('counterfactual'), query.words);
  if (!askedFrame && !wished && !hasAny(language.list('lesson-word'), query.words)) {
    demands.push({ keep: UNASKED_LESSON, holds: (p) => p.kind !== 'lesson' });
  }
  // "how did they find out": a fact without a cue word tells nothing of how someone learned of it
  if (cues) {
    const cueWords = language.list(cues);
    demands.push({ keep: COUNTLESS, holds: (p) => hasAny(cueWords, textWords(p)) });
  }
  // "does anyone know how the key was stolen": a fact that does not say what is unknown cannot answer it
  if (asksWhetherKnown(language, query.words)) {
    const unsure = language.list('unknown-cue');
    demands.push({ keep: SILENT_ON_KNOWING, holds: (p) => hasAny(unsure, textWords(p)) });
  }
  // "what kind of stuff was in the stolen emails", "what did the bucket contain": a fact that tells what something
  // held ("included travel itineraries"), not one that only counts or names it
  if (hasAny(language.list('wh-word'), query.words) && hasAny(language.list('contents-ask'), query.words)) {
    const cue = language.list('contents-cue');
    demands.push({ keep: COUNTLESS, holds: (p) => tellsContents(p, cue) });
  }
  // "which services was the key used on": a fact that names two things or more ("Quill Docs and Quill Mail"), not one
  // that only tells of the use
  if (asksWhichOnes(language, query.words)) demands.push({ keep: UNLISTED, holds: holdsNameList });
  // "what was the inquiry called": a fact that gives a name in quotes ("the \"Quiet Harbor\" hearing"), not one
  // that only tells of the thing named
  if (asksName(language, query.words)) demands.push({ keep: COUNTLESS, holds: holdsQuotedName });
  // "how sure is the vendor that …": a fact that says how certain the claim is (a confidence, an assessment)
  if (hasAny(language.list('certainty-ask'), query.words)) {
    const cue = language.list('certainty-cue');
    demands.push({ keep: COUNTLESS, holds: (p) => hasAny(cue, textWords(p)) });
  }
  // "was any other company hit the same way": a fact that tells of another one like it ("disclosed a similar
  // attack", "was also hit"), not the incident's own victim again
  if (hasAny(language.list('other-ask'), query.words)) {
    const like = language.list('likeness-cue');
    demands.push({ keep: UNLIKE, holds: (p) => hasAny(like, textWords(p)) });
  }
  // "which cve did they exploit": a fact that names the vulnerability by its id
  if (asksWhichVulnerability(language, query.words)) {
    demands.push({ keep: UNNAMED, holds: (p) => holdsVulnerabilityId(p.text) });
  }
  // "how did the vendor respond to zeta labs": a fact whose title puts the party answered first ("Zeta Labs says …") tells what
  // was answered, not the answer
  const answered = partyAnswered(language, query);
  if (answered) {
    const terms = new Set(answered.terms.map((t) => t.term));
    demands.push({
      keep: ANSWERED_PARTY,
      holds: (p) => {
        const first = termOf(words(p.title)[0] ?? '');
        return first === undefined || !terms.has(first);
      },
    });
  }
  // "zeta labs claimed the key reached more apps - which ones did they say": what the party named before the
  // speaker word said, not a fact whose title puts another party first ("Globex calls the claims speculative"); the
  // party must be one the facts write as a name ("which company claimed" names none)
  const speaker = partySpeaking(language, query, hits);
  if (speaker) {
    const terms = new Set(speaker.terms.map((t) => t.term));
    demands.push({
      keep: OTHER_SPEAKER,
      // a fact whose title names the party tells what it said; one that puts another party first, or names the
      // party only in passing ("did wiz say …" against the story of the whole attack), does not
      holds: (p, hit) => {
        const first = words(p.title)[0];
        const term = first === undefined ? undefined : termOf(first);
        const otherFirst = term !== undefined && !terms.has(term) && writtenAsName(p, first as string);
        return !otherFirst && [...terms].some((t) => hit.prominent.has(t));
      },
    });
  }
  return demands;
}

/** What a fact whose title puts another party first keeps of its rank when the question asks what one party said. */
const OTHER_SPEAKER = 0.5;

/**
 * The party a question asks the words of ("zeta labs claimed …", "what did globex say"): the word right before the
 * question's first verb of speaking (a speaker word after a helper: "did globex say", not "the state dept"), when it
 * is no helper or pronoun and has a concept of its own.
 */
function partySpeaking(language: Language, query: QueryAnalysis, hits: readonly SearchHit[]): Concept | undefined {
  const verbs = language.list('speaking-verb').byFirst;
  const speakers = language.list('speaker-word').byFirst;
  const aux = language.list('aux');
  const ws = query.words;
  const at = ws.findIndex(
    (w, i) => i > 0 && (verbs.has(w) || (i > 1 && speakers.has(w) && hasAny(aux, [ws[i - 2] as string]))),
  );
  const agent = at > 0 ? (ws[at - 1] as string) : undefined;
  if (!agent || isStopWord(agent) || hasAny(aux, [agent]) || hasAny(language.list('pronoun'), [agent]))
    return undefined;
  if (!hits.some((h) => writtenAsName(h.passage, agent))) return undefined;
  return query.concepts.find((c) => !c.filler && !c.weak && !c.unknown && c.text.split(' ').includes(agent));
}

/** True when the fact writes the word capitalized after a lower-case word: a name ("… said Globex"), not "Targets". */
function writtenAsName(p: Passage, word: string): boolean {
  const capital = (word.charAt(0).toUpperCase() + word.slice(1)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`[a-z,] ${capital}\\b`).test(`${p.title} ${p.text}`);
}

/** True when a number in the text is followed, within a few words, by a word of one of the terms. */
function countsTerm(text: string, terms: ReadonlySet<string>): boolean {
  return numberBefore(words(text), COUNT_REACH, (u) => terms.has(termOf(u) ?? ''));
}

/** Most words between a number and the word it counts ("31 log categories", "31 kinds of log categories"). */
const COUNT_REACH = 4;

/** What a fact that names no two things keeps of its rank when the question asks which ones. */
const UNLISTED = 0.6;

/**
 * True when the fact says what something held: a contents word ("included", "such as") followed by what was held,
 * not by a name ("officials, including CIO Jane Doe" tells who spoke, not what was taken); a list after a colon
 * may start with a capital.
 */
function tellsContents(p: Passage, cue: ReturnType<Language['list']>): boolean {
  const raw = p.text.split(/\s+/);
  const lower = raw.map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, ''));
  for (let i = 0; i < lower.length; i++) {
    for (const n of phrasesAt(cue, lower, i)) {
      const last = raw[i + n - 1] ?? '';
      const next = raw[i + n] ?? '';
      if (last.endsWith(':') || !/^[A-Z]/.test(next)) return true;
    }
  }
  return false;
}

/** "which apps", "which microsoft services": a which-ones word with a plural noun right after it, or one word later. */
function asksWhichOnes(language: Language, words: readonly string[]): boolean {
  const which = language.list('which-ones');
  const wh = language.list('which-word');
  const named = language.list('named-plural');
  const plural = (n: string) => n.length > 3 && n.endsWith('s') && !n.endsWith('ss') && !isStopWord(n);
  return words.some((w, i) => {
    const next = words.slice(i + 1, i + 3);
    return (hasAny(which, [w]) && next.some(plural)) || (hasAny(wh, [w]) && hasAny(named, next));
  });
}

/**
 * Names in a row: capitalized words joined by "and" or "or" ("Docs and the 2019 Drive"), or three or more joined by
 * commas ("Docs, Chat, Drive").
 */
function holdsNameList(p: Passage): boolean {
  const text = `${p.title}. ${p.text}`;
  return NAME_PAIR.test(text) || NAME_COMMAS.test(text);
}
const NAME = '[A-Z][\\w.-]*(?: [A-Z][\\w.-]*)*';
const NAME_PAIR = new RegExp(`\\b${NAME}(?:, ${NAME})*,? (?:and|or) (?:the )?(?:\\d{4} )?[A-Z]`);
const NAME_COMMAS = new RegExp(`\\b${NAME}, ${NAME}, ${NAME}\\b`);

/** "what was the inquiry called", "the name of the rule": the question asks for a name. */
function asksName(language: Language, words: readonly string[]): boolean {
  return hasAny(language.list('name-ask'), words) || hasAny(language.list('name-ask-end'), words.slice(-1));
}

/**
 * A name in quotes: two to six words in quotes, each of more than three letters capitalized ("Big Blue Bus", "Sea of
 * Glass"); not a quoted sentence ("We found it") nor a quoted prefix ("Storm-").
 */
function holdsQuotedName(p: Passage): boolean {
  for (const m of `${p.title} ${p.text}`.matchAll(/["“]([^"”]{3,80})["”]/g)) {
    const ws = (m[1] as string).split(/\s+/);
    if (ws.length < 2 || ws.length > QUOTED_NAME_WORDS) continue;
    if (/^[A-Z]/.test(m[1] as string) && ws.every((w) => w.length <= 3 || /^[A-Z]/.test(w))) return true;
  }
  return false;
}

/** Most words of a name in quotes. */
const QUOTED_NAME_WORDS = 6;

/** What a fact whose title puts the party answered first keeps of its rank when the question asks for the reply. */
const ANSWERED_PARTY = 0.5;

/**
 * The party a question asks someone's reply to ("how did the vendor respond to the researchers' post", "what did the
 * board say about the vendor"): the first word after a speaker word that has a concept of its own, when a name (not a
 * pronoun or helper) stands right before the speaker word.
 */
function partyAnswered(language: Language, query: QueryAnalysis): Concept | undefined {
  const speakers = language.list('speaker-word').byFirst;
  const at = query.words.findIndex((w, i) => i > 0 && speakers.has(w));
  const agent = at > 0 ? (query.words[at - 1] as string) : undefined;
  const helper = (w: string) =>
    isStopWord(w) || hasAny(language.list('aux'), [w]) || hasAny(language.list('pronoun'), [w]);
  if (!agent || helper(agent)) return undefined;
  const other = query.words.slice(at + 1).find((w) => !helper(w));
  if (!other) return undefined;
  return query.concepts.find(
    (c) => !c.filler && c.text.split(' ').includes(other) && !c.text.split(' ').includes(agent),
  );
}

function rankHits(
  language: Language,
  query: QueryAnalysis,
  hits: SearchHit[],
  frame?: Frame,
  cues?: ListName,
  prefers?: ListName,
): Ranked[] {
  const top = hits[0]?.score ?? 1;
  const content = contentConcepts(query);
  const causes = frame === 'why' ? language.list('cause-word') : undefined;
  // "root cause of the breach": the words that ask for the cause are no part of what the cause is of
  const causeWords = causes ? phraseWords(causes, language.list('root-cause-word')) : undefined;
  const causeAsked = causeWords ? content.filter((c) => !c.text.split(' ').every((w) => causeWords.has(w))) : [];
  const counted = countTerms(language, query);
  const naming = asksWhichVulnerability(language, query.words) ? vulnerabilityTerms(language, query) : [];
  const money = moneyTerms(language, query);
  const demands = demandsOf(language, query, cues, hits);
  // "how did they get the keys": a fact that tells by what means answers it before one that only says it happened
  if (prefers) {
    const words = language.list(prefers);
    demands.push({ keep: UNPREFERRED, holds: (p) => hasAny(words, textWords(p)) });
  }
  return hits
    .map((found) => {
      const hit = meetsAsked(withDates(query, found), counted, (p) => holdsCount(p.text));
      const paid = meetsAsked(hit, money, (p) => holdsMoney(p.text));
      return meetsAsked(paid, naming, (p) => holdsVulnerabilityId(p.text));
    })
    .map((hit) => {
      const cov = incidental(content, hit) ? Math.min(coverage(query, hit), 0.5) : coverage(query, hit);
      const milestone = hit.passage.ref.kind === 'event' && hit.passage.ref.item.tags.includes('milestone');
      // "why": a fact that gives a cause answers it better than one that only names the same things
      const cause = causes && tellsCause(hit.passage, causes, causeAsked) ? CAUSE_BOOST : 1;
      const aside = cov < ASKED_ABOUT && isAside(hit.passage) ? ASIDE : 1;
      let boost = (milestone ? MILESTONE_BOOST : 1) * cause * aside;
      for (const d of demands) if (!d.holds(hit.passage, hit)) boost *= d.keep;
      return { hit, cov, rank: Math.sqrt(hit.score / top) * cov ** 1.5 * boost };
    })
    .sort((a, b) => b.rank - a.rank);
}

/** Every word of the phrases of the lists ("root cause" gives "root" and "cause"). */
function phraseWords(...lists: ReturnType<Language['list']>[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const list of lists)
    for (const phrases of list.byFirst.values()) for (const p of phrases) for (const w of p) out.add(w);
  return out;
}

/** Sentences of a fact's text as words, split once per fact. */
const sentencesMemo = new WeakMap<Passage, string[][]>();
function sentenceWords(p: Passage): string[][] {
  let list = sentencesMemo.get(p);
  if (!list) {
    list = p.text.split(/(?<=[.!?])\s+/).map((sentence) => words(sentence));
    sentencesMemo.set(p, list);
  }
  return list;
}

/**
 * "why did the executive have access": a cause told in the sentence that names what is asked about ("granted the
 * executive access so that he could …"), not in another sentence of a longer story. At least two of the asked
 * concepts (all, when fewer are asked) must stand in that sentence, the words of the fact's incident's name not
 * counted.
 */
function tellsCause(p: Passage, causes: ReturnType<Language['list']>, asked: readonly Concept[]): boolean {
  const name = new Set(searchTerms(p.incident));
  const telling = asked.filter((c) => !c.own.every((t) => name.has(t)));
  const need = Math.min(CAUSE_CONCEPTS, telling.length);
  return sentenceWords(p).some((sentence) => {
    if (!hasAny(causes, sentence)) return false;
    const terms = new Set(sentence.map((w) => termOf(w)));
    return telling.filter((c) => c.terms.some((t) => terms.has(t.term))).length >= need;
  });
}

/** Asked concepts the sentence that tells a cause must meet. */
const CAUSE_CONCEPTS = 2;

/** What an aside keeps of its rank unless the question is about it: it meets this much of the question or more. */
const ASIDE = 0.5;
const ASKED_ABOUT = 0.8;

/** What a fact that tells of nothing like the incident keeps of its rank when the question asks for another. */
const UNLIKE = 0.5;

/** What a lesson keeps of its rank on a question that asks for facts. */
const UNASKED_LESSON = 0.6;

/** What a fact that names no vulnerability by its id keeps of its rank when the question asks which one. */
const UNNAMED = 0.25;

/** True when one sentence of the fact names an asked term and gives an amount or a length of time. */
function sizedWhereNamed(p: Passage, asked: ReadonlySet<string>): boolean {
  for (const sentence of `${p.title}. ${p.text}`.split(/(?<=[.!?])\s+/)) {
    if (!(holdsCount(sentence) || holdsSpan(sentence))) continue;
    if (searchTerms(sentence).some((t) => asked.has(t))) return true;
  }
  return false;
}

/** What a fact that does not name the punishment or payment asked about ("his sentence") keeps of its rank. */
const UNASKED_AMOUNT = 0.25;

/** What a fact that gives no count keeps of its rank on a "how many / how much" question (or no cue word when
 * cue words tell the facts that answer). */
const COUNTLESS = 0.5;

/** What a fact that says nothing of what is unknown keeps of its rank on an "is it known how" question. */
const SILENT_ON_KNOWING = 0.25;
/** What a fact without a word of the preferred list keeps of its rank. */
const UNPREFERRED = 0.6;

/** How much a fact that gives a cause gains on a "why" question. */
const CAUSE_BOOST = 1.3;

/** A passage's text as words (made once per passage). */
const textWordsMemo = new WeakMap<Passage, string[]>();
function textWords(p: Passage): string[] {
  let list = textWordsMemo.get(p);
  if (!list) {
    list = words(p.text);
    textWordsMemo.set(p, list);
  }
  return list;
}

/** True when a word of the question is a year before the current one ("in 2021"). */
function namesPastYear(words: readonly string[], now: Date): boolean {
  return words.some((w) => /^(?:19|20)\d\d$/.test(w) && Number(w) < now.getUTCFullYear());
}

/**
 * "is it still in force", "where are the keys kept now": among the facts that match about as well as the best,
 * the latest dated one leads.
 */
function latestFirst(ranked: Ranked[]): Ranked[] {
  const best = ranked[0];
  if (!best) return ranked;
  const near = ranked.filter((r) => r.hit.passage.date && r.cov >= best.cov - RECENT_MARGIN);
  const newest = near.sort((a, b) => (b.hit.passage.date ?? '').localeCompare(a.hit.passage.date ?? ''))[0];
  if (!newest || newest === best) return ranked;
  return [newest, ...ranked.filter((r) => r !== newest)];
}

/** Facts within this much coverage of the best may lead a "still / now" question when they are newer. */
const RECENT_MARGIN = 0.1;

function search(ask: Ask, query: QueryAnalysis, incidents: Set<string> | undefined, options: SearchAnswerOptions) {
  const scope = scopeConcepts(ask, query, incidents, !!options.cues || !!options.requires);
  const terms = withCues(ask.kb.language, scope.terms.length > 0 ? scope.terms : query.terms, options.cues);
  const found = ask.kb.index.search(terms, {
    incidents,
    exclude: NEVER,
    kindBoost: {
      ...DEFAULT_BOOST,
      ...(options.frame ? FRAME_BOOST[options.frame] : frameBoostOnce(ask.kb.language, query)),
      ...lessonBoost(ask.kb.language, query),
      ...options.kindBoost,
    },
    limit: 25,
  });
  const kept = options.requires ? found.filter((h) => options.requires?.(h.passage.text)) : found;
  const scoped = scope.credit.length > 0 ? kept.map((h) => withScope(h, scope.credit)) : kept;
  const hits = scoped.map((h) => (options.namesMet ? withNameWords(ask, query, h) : withNamedYear(ask, query, h)));
  const ranked = rankHits(ask.kb.language, query, hits, options.frame, options.cues, options.prefers);
  // "is it still in force": the latest fact; "why was the key still valid in 2021" asks as of a past year
  const current = hasAny(ask.kb.language.list('current-word'), query.words) && !namesPastYear(query.words, ask.now);
  return current ? latestFirst(ranked) : ranked;
}

/**
 * "chegg 2018, how was the data taken": when the question names an incident whose name holds one year ("Initech
 * (2018)") and gives that year, the year is part of the name; every fact of the incident meets it, not only those
 * dated in it. A name with two years ("Globex breaches (2014 & 2016)") tells two incidents apart by year, and its
 * facts meet only their own.
 */
function withNamedYear(ask: Ask, query: QueryAnalysis, hit: SearchHit): SearchHit {
  if (!incidentNamed(ask) || ask.incident?.id !== hit.passage.incident) return hit;
  const title = ask.incident.title;
  const years = title.match(/\b(?:19|20)\d\d\b/g) ?? [];
  const year = years.length === 1 ? years[0] : undefined;
  if (!year || hit.matched.has(year) || !query.concepts.some((c) => c.own.includes(year))) return hit;
  return { ...hit, matched: new Set([...hit.matched, year]) };
}

/** Every fact of the named incident meets the question's words that name it (see `namesMet`). */
function withNameWords(ask: Ask, query: QueryAnalysis, hit: SearchHit): SearchHit {
  const named = withNamedYear(ask, query, hit);
  if (!incidentNamed(ask) || ask.incident?.id !== hit.passage.incident) return named;
  const name = incidentNameTerms(ask.incident);
  const extra = query.concepts
    .filter((c) => c.own.length > 0 && c.own.every((t) => name.has(t)))
    .flatMap((c) => c.own)
    .filter((t) => !named.matched.has(t));
  return extra.length === 0 ? named : { ...named, matched: new Set([...named.matched, ...extra]) };
}

/** What a cue word weighs in the search: it finds the facts that answer, it is no word of the question. */
const CUE_WEIGHT = 0.3;

/** The search terms plus the one-word cues of the list, at a low weight. */
function withCues(
  language: Language,
  terms: QueryAnalysis['terms'],
  cues: ListName | undefined,
): QueryAnalysis['terms'] {
  if (!cues) return terms;
  const weights = new Map(terms.map((t) => [t.term, t.weight]));
  for (const phrases of language.list(cues).byFirst.values()) {
    for (const phrase of phrases) {
      const term = phrase.length === 1 ? termOf(phrase[0] as string) : undefined;
      if (term) weights.set(term, Math.max(weights.get(term) ?? 0, CUE_WEIGHT));
    }
  }
  return [...weights].map(([term, weight]) => ({ term, weight }));
}

/**
 * A search inside one incident: every fact of it is about that incident, so the words that name it ("the acme
 * breach") are met by all of them and search only what else the question says.
 */
function scopeConcepts(
  ask: Ask,
  query: QueryAnalysis,
  incidents: Set<string> | undefined,
  cued: boolean,
): { terms: QueryAnalysis['terms']; credit: string[] } {
  const none = { terms: [], credit: [] };
  const only = incidents?.size === 1 ? [...incidents][0] : undefined;
  const incident = only ? ask.kb.incident(only) : undefined;
  if (!incident) return none;
  // its short names, a description of it before an incident noun ("the cloud email hack"), and the words that name
  // its actor by its nation ("the same russian group"; not a bare "the attacker", nor "another chinese group")
  const actor = actorWords(ask.kb, incident, query.words);
  const agentWords = phraseWords(ask.kb.language.list('agent-noun'));
  const otherWords = ask.kb.language.list('other-word');
  const byNation = [...actor].some((w) => {
    const at = query.words.indexOf(w);
    return !agentWords.has(w) && !hasAny(otherWords, query.words.slice(Math.max(0, at - OTHER_REACH), at));
  });
  const names = new Set([
    ...namingWords(ask.kb.language, incidentNameWords(incident), query.words),
    ...describingWords(ask.kb.language, incident, query.words),
    ...(byNation ? actor : []),
  ]);
  if (names.size === 0) return none;
  const naming = query.concepts.filter(
    (c) => !c.filler && c.text.split(' ').every((w) => names.has(w) || isStopWord(w)),
  );
  // a question that says nothing else the knowledge base knows ("is X just Y under another name") keeps its name,
  // unless cue words or a required form search for it ("how did X find out", "how long did X take")
  const others = query.concepts.filter((c) => !naming.includes(c));
  if (naming.length === 0 || (!cued && !others.some((c) => !c.filler && !c.weak && !c.unknown))) return none;
  const credit = [...new Set(naming.flatMap((c) => c.terms.map((t) => t.term)))];
  const rest = new Set(others.flatMap((c) => c.terms.map((t) => t.term)));
  const terms = query.terms.map((t) => (rest.has(t.term) ? t : { ...t, weight: t.weight * NAME_WEIGHT }));
  return { terms, credit };
}

/** Words before an actor's nation that may say it is another actor ("any other known chinese group"). */
const OTHER_REACH = 2;

/** What the words naming the searched incident weigh in the search: they tell its facts apart only a little. */
const NAME_WEIGHT = 0.3;

function withScope(hit: SearchHit, credit: readonly string[]): SearchHit {
  // the incident is what each of its facts is about: its name stands as if in their titles
  return { ...hit, matched: new Set([...hit.matched, ...credit]), prominent: new Set([...hit.prominent, ...credit]) };
}

const SOURCE_ONLY = new Set<PassageKind>(['source']);
const CITING = new Set<PassageKind>(['event', 'aftermath', 'technique', 'victim', 'actor']);

/**
 * a question quoting a post's headline ("when did they publish 'worse than we thought'"): that names a publication by its
 * title is about what that publication reported: the facts that cite it, the one dated with it first.
 */
function viaSource(ask: Ask, query: QueryAnalysis, incidents: Set<string> | undefined, bestCov: number): Ranked[] {
  const hits = ask.kb.index.search(query.terms, { incidents, kinds: SOURCE_ONLY, limit: 3 });
  const top = rankHits(ask.kb.language, query, hits)[0];
  const source = top?.hit.passage;
  if (!top || !source || source.ref.kind !== 'source' || top.cov < 0.7 || top.cov < bestCov + 0.15) return [];
  // the title must carry at least two of the question's own words, not one common word
  const inTitle = contentConcepts(query).filter((c) => c.own.some((t) => top.hit.prominent.has(t)));
  if (inTitle.length < 2 || query.corrections.length > 0) return [];
  const sourceId = source.ref.item.id;
  const day = source.date ?? '';
  const citing = ask.kb.passages.filter(
    (p) => p.incident === source.incident && CITING.has(p.kind) && p.sources.includes(sourceId) && !p.supersededBy,
  );
  const near = (p: Passage) =>
    p.date && day ? Math.abs(Date.parse(p.date.slice(0, 10)) - Date.parse(day.slice(0, 10))) : 9e15;
  return citing
    .sort((a, b) => Number(b.kind === 'event') - Number(a.kind === 'event') || near(a) - near(b) || a.n - b.n)
    .slice(0, 2)
    .map((passage, i) => ({ hit: { ...top.hit, passage }, cov: top.cov, rank: top.rank * (1 - i * 0.1) }));
}

export function searchAnswer(ask: Ask, query: QueryAnalysis, options: SearchAnswerOptions = {}): Answer {
  const { kb, incident } = ask;
  if (contentConcepts(query).length === 0) {
    return options.fallback?.() ?? noneAnswer(kb, incident, ask.question, options.noneMessage);
  }
  let ranked = incident ? search(ask, query, new Set([incident.id]), options) : [];
  let crossIncident = false;
  const bestHere = ranked[0]?.cov ?? 0;
  if (bestHere < ANSWER_THRESHOLD && !ask.named && kb.incidents.length > 1) {
    const everywhere = search(ask, query, undefined, options);
    const best = everywhere[0];
    if (best && best.cov >= ANSWER_THRESHOLD && best.cov > bestHere + 0.1) {
      ranked = everywhere;
      crossIncident = best.hit.passage.incident !== incident?.id;
    }
  }
  const bestCov = Math.max(0, ...ranked.map((r) => r.cov));
  if (bestCov < ANSWER_THRESHOLD && contentConcepts(query).length >= 2) {
    const cited = viaSource(ask, query, incident ? new Set([incident.id]) : undefined, bestCov);
    if (cited.length > 0) ranked = cited;
  }
  const best = ranked[0];
  const threshold = answerThreshold(query, incidentNamed(ask));
  if (!best || best.cov < threshold) {
    if (options.fallback) return options.fallback();
    if (best && best.cov >= CLARIFY_THRESHOLD && query.concepts.some((c) => !c.filler && !c.unknown)) {
      return clarify(ask, query, ranked);
    }
    return noneAnswer(kb, incident, ask.question, options.noneMessage);
  }
  // an answer that stands only on words we corrected is a guess: offer it as a choice instead
  const solid = coverage(
    query,
    best.hit,
    query.concepts.filter((c) => !c.corrected),
  );
  if (query.corrections.length > 0 && solid * totalWeight(query, false) < 0.45 * totalWeight(query, true)) {
    return clarify(ask, query, ranked);
  }
  if (options.entities && best.cov >= 0.8) {
    const lead = latest(kb, best.hit.passage);
    const entityAsk = { ...ask, incident: kb.incident(lead.incident) ?? ask.incident };
    if (lead.kind === 'victim' && lead.ref.kind === 'victim' && lead.ref.item.kind !== 'figure') {
      return respondVictim(entityAsk, lead, false, Math.min(0.9, 0.35 + best.cov * 0.6));
    }
    if (lead.kind === 'term') return respondTerm(entityAsk, lead, Math.min(0.9, 0.35 + best.cov * 0.6));
  }
  const chosen: Passage[] = [];
  const replacing = new Set<Passage>();
  for (const r of ranked) {
    if (chosen.length >= 3) break;
    const close = r.rank >= best.rank * 0.55 && r.cov >= Math.max(0.5, best.cov - 0.25);
    const asGood = r.rank >= best.rank * 0.25 && r.cov >= best.cov - 0.05;
    if (r !== best && !close && !asGood) continue;
    const p = latest(kb, r.hit.passage);
    // a correction leads only when the claim it corrects matched about as well as the best fact
    if (p !== r.hit.passage && r.rank >= best.rank * CORRECTED_LEADS) replacing.add(p);
    if (!chosen.includes(p)) chosen.push(p);
  }
  // a question that matched a claim later corrected gets the correction first ("only 25 orgs, right?")
  chosen.sort((a, b) => Number(replacing.has(b)) - Number(replacing.has(a)));
  const incidents = new Set(chosen.map((p) => p.incident));
  const labelled = crossIncident || incidents.size > 1;
  const made = factsAndItems(kb, chosen, { withIncident: labelled });
  const lead = chosen[0] as Passage;
  const only = incidents.size === 1 ? kb.incident([...incidents][0] as string) : undefined;
  const sections: AnswerSection[] = [];
  if (crossIncident && only)
    sections.push({
      text: `From ${incidentName(only)} (${only.id}), not ${incident ? incidentName(incident) : 'the default incident'}:`,
    });
  else if (labelled) sections.push({ text: 'From several incidents:' });
  sections.push({ items: made.items });
  const note = correctionsNote(query);
  if (note) sections.push({ text: note });
  // "was X affected", X not a recorded victim: the honest lead says so, then what the knowledge base does say
  const notRecorded = options.notRecorded && lead.kind !== 'victim' ? options.notRecorded : undefined;
  if (notRecorded) {
    sections.unshift({
      text: `${capitalize(notRecorded.name)} is not among the victims recorded for ${notRecorded.incident}. What the knowledge base says about it:`,
    });
  }
  // "which airline leaked the list", the incident told by what happened: the answer names the incident's company,
  // even when its lead fact does not (not the default incident's, which every question is about unless it says
  // otherwise)
  const asked = words(ask.question ?? '');
  const unnamed = (i: Incident) => i !== kb.defaultIncident && !asked.some((w) => incidentNameWords(i).has(w));
  const named =
    only &&
    (crossIncident ||
      (asksWhichOrg(kb.language, query.words) && unnamed(only) && !titleOf(lead).includes(incidentName(only))))
      ? incidentName(only)
      : undefined;
  const second = ranked.find((r) => latest(kb, r.hit.passage) !== lead);
  const answer = makeAnswer(kb, {
    intent: options.intent ?? 'question',
    incident: only?.id ?? null,
    title: notRecorded ? `Not recorded as a victim: ${notRecorded.name}` : titleOf(lead, named),
    sections,
    facts: made.facts,
    suggestions: followUps(lead),
    confidence: Math.min(0.95, 0.35 + best.cov * 0.6),
    question: ask.question,
  });
  return withSignals(answer, {
    route: 'search',
    coverage: best.cov,
    margin: second ? Math.max(0, (best.rank - second.rank) / best.rank) : 1,
    titleShare: titleShare(query.concepts, best.hit),
    alternatives: alternativesOf(kb, ranked),
    ties: ties(best, distinctOthers(kb, ranked, lead)),
    stability: stability(kb, query, ranked, lead),
    overview: lead.kind === 'summary' || lead.kind === 'status' || isTechniqueOverview(lead),
  });
}

/**
 * Share of the question's telling words (by weight) the lead does not hang on: each word is taken out in turn and
 * the candidates already found are ranked again without it; the share of words whose removal leaves the same fact
 * in front. A lead that one word alone put in front is less sure than one every word agrees on.
 */
function stability(kb: Ask['kb'], query: QueryAnalysis, ranked: readonly Ranked[], lead: Passage): number {
  const telling = contentConcepts(query).filter((c) => !c.unknown);
  if (telling.length < 2) return 1;
  const full = ranked.map((r) => coverage(query, r.hit));
  let kept = 0;
  let total = 0;
  for (const c of telling) {
    const rest = query.concepts.filter((x) => x !== c);
    let top: Ranked | undefined;
    let topRank = -1;
    ranked.forEach((r, i) => {
      const f = full[i] ?? 0;
      const rank = f > 0 ? r.rank * (coverage(query, r.hit, rest) / f) ** 1.5 : 0;
      if (rank > topRank) {
        topRank = rank;
        top = r;
      }
    });
    total += c.weight;
    if (top && latest(kb, top.hit.passage) === lead) kept += c.weight;
  }
  return total > 0 ? kept / total : 1;
}

/** The candidates other than the lead, one per fact (a claim and its correction are one). */
export function distinctOthers<T extends { hit: SearchHit }>(kb: Ask['kb'], ranked: readonly T[], lead: Passage): T[] {
  const seen = new Set<Passage>([lead]);
  const out: T[] = [];
  for (const r of ranked) {
    const p = latest(kb, r.hit.passage);
    if (seen.has(p)) continue;
    seen.add(p);
    out.push(r);
  }
  return out;
}

/** Share of the best fact's rank a corrected claim needs for its correction to lead. */
const CORRECTED_LEADS = 0.9;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Up to three distinct questions a person could pick instead, from the best candidates. */
function alternativesOf(kb: Ask['kb'], ranked: readonly Ranked[]): string[] {
  const out: string[] = [];
  for (const r of ranked) {
    if (out.length >= 3) break;
    if (r.cov < CLARIFY_THRESHOLD) continue;
    const s = suggestionFor(latest(kb, r.hit.passage));
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

function totalWeight(query: QueryAnalysis, withCorrected: boolean): number {
  return query.concepts.filter((c) => withCorrected || !c.corrected).reduce((n, c) => n + c.weight, 0);
}

/** "which airline", "what company": the question asks which organization (a which-word right before an org noun). */
function asksWhichOrg(language: Language, ws: readonly string[]): boolean {
  const which = language.list('which-word');
  const org = language.list('org-noun');
  return ws.some((w, i) => hasAny(which, [w]) && hasPhraseAt(org, ws, i + 1));
}

function titleOf(p: Passage, incidentLabel?: string): string {
  const prefix = incidentLabel ? `${incidentLabel}: ` : '';
  const head = p.title || p.text.split(/(?<=[.!?])\s/)[0] || p.text;
  const short = head.length > 110 ? `${head.slice(0, 107)}…` : head;
  if (p.kind === 'event' && p.date) return `${prefix}${describeDate(p.date)}: ${short}`;
  return `${prefix}${short}`;
}

function followUps(p: Passage): string[] {
  switch (p.kind) {
    case 'event':
      return ['timeline', 'victims'];
    case 'victim':
      return ['victims', 'timeline'];
    case 'recommendation':
      return ['logging', 'indicators'];
    case 'indicator':
      return ['indicators', 'logging'];
    case 'actor':
      return ['actor', 'technique'];
    case 'technique':
      return ['technique', 'logging'];
    default:
      return ['timeline', 'status'];
  }
}

function correctionsNote(query: QueryAnalysis): string | undefined {
  if (query.corrections.length === 0) return undefined;
  return `(Read ${query.corrections.map((c) => `"${c.from}" as "${c.to}"`).join(', ')}.)`;
}

/** A question a person could type to reach this passage. */
export function suggestionFor(p: Passage): string {
  switch (p.kind) {
    case 'term':
      return `what is ${p.title}?`;
    case 'victim':
      return p.ref.kind === 'victim' && p.ref.item.kind !== 'figure' && p.title.length <= 40
        ? `was ${p.title} affected?`
        : p.title;
    case 'indicator':
      return `indicators ${p.title.replace(/^\S+\s/, '')}`;
    default: {
      const head = (p.title || p.text).replace(/\s*\(.*?\)\s*/g, ' ').trim();
      return head.length > 70 ? `${head.slice(0, 67).replace(/\s+\S*$/, '')}…` : head;
    }
  }
}

function clarify(ask: Ask, query: QueryAnalysis, ranked: Ranked[]): Answer {
  const { kb, incident } = ask;
  const guesses: string[] = [];
  for (const r of ranked) {
    if (guesses.length >= 3) break;
    if (r.cov < CLARIFY_THRESHOLD) continue;
    const s = suggestionFor(latest(kb, r.hit.passage));
    if (!guesses.includes(s)) guesses.push(s);
  }
  const missed = query.concepts.filter(
    (c) => !c.filler && ranked[0] && !c.terms.some((t) => ranked[0]?.hit.matched.has(t.term)),
  );
  const unknownWords = missed.map((c) => `"${c.text}"`).slice(0, 3);
  return makeAnswer(kb, {
    kind: 'clarify',
    intent: 'question',
    incident: incident?.id ?? null,
    title: 'Did you mean one of these?',
    sections: [
      {
        text: `I'm not sure what you're asking${unknownWords.length > 0 ? `: the knowledge base has nothing on ${unknownWords.join(', ')}` : ''}. Pick one of these, or type \`help\`.`,
      },
    ],
    suggestions: [...guesses, 'help'],
    confidence: Math.min(0.5, ranked[0]?.cov ?? 0),
    question: ask.question,
  });
}
