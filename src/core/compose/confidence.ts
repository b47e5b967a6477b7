/**
 * Confidence as an estimate of the chance that the lead answers the question: a logistic model over a few signals
 * of how the answer was found (how well the lead matched, by how much it beat the next candidate, whether a rule
 * or a search found it, words the knowledge base does not know, corrected typos…), fitted on the project's own
 * labelled questions (`breachbot eval --fit`, written to `data/confidence.yaml`). Below the threshold chosen on
 * those questions, a search answer becomes `clarify` with its best alternatives.
 *
 * @example
 * const answer = calibrate(searchAnswer(ask, query), reading);
 */
import type { Answer } from '../answer.js';
import type { Command } from '../command.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { ConfidenceModel } from '../model.js';
import type { Language, QuestionKind } from '../reading/language.js';
import { phrasesAt } from '../reading/patterns.js';
import type { Concept } from '../reading/query.js';
import { type Reading, readQuestion } from '../reading/read-question.js';
import { incidentNameTerms } from '../reading/subject.js';
import type { SearchHit } from '../search/search-index.js';
import { isStopWord } from '../search/stopwords.js';
import { searchTerms, termOf } from '../search/tokenize.js';

/** How an answer was found; recorded by the responders, read here. */
export interface Signals {
  /** `rule`: a key date, a named victim or term, a whole list; `search`: ranked passages */
  route: 'rule' | 'search';
  /** share of the question's concepts the lead met (0..1) */
  coverage?: number;
  /** how far the lead's rank was ahead of the next candidate's (0..1) */
  margin?: number;
  /** alternatives a clarify may offer, best first */
  alternatives?: string[];
  /** the responder's own confidence, before calibration */
  base?: number;
  /** share of the question's content concepts the lead's title or name meets */
  titleShare?: number;
  /** other candidates that met the question as well as the lead (0..1, 1 = six or more): a tie is a guess */
  ties?: number;
  /** a search led with the incident's overview (its summary or status): it meets many words, answers few questions */
  overview?: boolean;
  /** share of the telling words whose removal leaves the same lead (0..1) */
  stability?: number;
}

/** Candidates other than the lead whose coverage is within this of the lead's count as a tie. */
const TIE_MARGIN = 0.02;
/** Ties counted before the feature is full. */
const MAX_TIES = 6;

/** How many other candidates met the question as well as the lead, for the model (0..1). */
export function ties(lead: { cov: number }, others: ReadonlyArray<{ cov: number }>): number {
  const tied = others.filter((o) => o.cov >= lead.cov - TIE_MARGIN).length;
  return Math.min(MAX_TIES, tied) / MAX_TIES;
}

/** Share of the concepts with a term among the hit's prominent terms (its title, name or aliases). */
export function titleShare(concepts: readonly Concept[], hit: SearchHit): number {
  const content = concepts.filter((c) => !c.filler && !c.weak);
  if (content.length === 0) return 0;
  return content.filter((c) => c.terms.some((t) => hit.prominent.has(t.term))).length / content.length;
}

/**
 * Share of the question's telling concepts that the lead itself (title and first fact) meets, however the answer
 * was found: a whole list or an overview answering a narrow question meets few of its words. Words that name the
 * incident the question names do not count: every fact of it is about them.
 */
export function leadShare(answer: Answer, reading: Reading): number {
  const named = reading.incident ? incidentNameTerms(reading.incident) : new Set<string>();
  const telling = reading.query.concepts.filter(
    (c) => !c.filler && !c.weak && !c.unknown && !c.own.every((t) => named.has(t)),
  );
  if (telling.length === 0) return 1;
  const first = answer.facts[0];
  const lead = new Set(searchTerms(`${answer.title} ${first?.text ?? ''}`));
  return telling.filter((c) => c.terms.some((t) => lead.has(t.term))).length / telling.length;
}

/** Words after a head opener read as the thing asked for, at most. */
const HEAD_WORDS = 3;

/**
 * The concepts a "what …" or "which …" question names as the thing it asks for: the words right after the opener,
 * up to the first small word ("what licence tier did they have" → licence, tier).
 */
export function askedHead(language: Language, reading: Reading): Concept[] {
  const words = reading.words;
  const openers = language.list('head-opener');
  const aux = language.list('aux');
  for (let i = 0; i < words.length; i++) {
    const lengths = phrasesAt(openers, words, i);
    if (lengths.length === 0) continue;
    const head: string[] = [];
    for (let k = i + Math.max(...lengths); k < words.length && head.length < HEAD_WORDS; k++) {
      const w = words[k] as string;
      if (isStopWord(w) || phrasesAt(aux, words, k).length > 0) break;
      const t = termOf(w);
      if (t) head.push(t);
    }
    return reading.query.concepts.filter((c) => !c.filler && !c.unknown && c.own.some((t) => head.includes(t)));
  }
  return [];
}

/** 1 when the question names the thing it asks for and the lead (title and first fact) names none of it. */
function headMiss(answer: Answer, reading: Reading, language?: Language): number {
  if (!language) return 0;
  const head = askedHead(language, reading);
  if (head.length === 0) return 0;
  const first = answer.facts[0];
  const lead = new Set(searchTerms(`${answer.title} ${first?.text ?? ''}`));
  return head.some((c) => c.terms.some((t) => lead.has(t.term))) ? 0 : 1;
}

/** Question kinds grouped by what their lead must be, for the model. */
const KIND_GROUP: Partial<Record<QuestionKind, string>> = {
  when: 'kindWhen',
  duration: 'kindWhen',
  count: 'kindCount',
  how: 'kindHow',
  why: 'kindHow',
  define: 'kindDefine',
  'who-is': 'kindDefine',
  search: 'kindSearch',
  actor: 'kindList',
  'list:victims': 'kindList',
  'list:logging': 'kindList',
  'list:aftermath': 'kindList',
  'list:lessons': 'kindList',
};

/** 1 when the lead has the shape the question kind asks for: a date for "when", a number for "how many". */
function kindFit(answer: Answer, reading: Reading): number {
  const first = answer.facts[0];
  if (reading.kind === 'when') return first?.date ? 1 : 0;
  if (reading.kind === 'count' || reading.kind === 'duration')
    return /\d/.test(`${answer.title} ${first?.text ?? ''}`) ? 1 : 0;
  return 1;
}

const signalsOf = new WeakMap<Answer, Signals>();

/** Records how an answer was found (responders call it before returning). */
export function withSignals(answer: Answer, signals: Signals): Answer {
  signalsOf.set(answer, signals);
  return answer;
}

/** The features the model reads, by name, each about 0..1. */
export function features(answer: Answer, reading: Reading, language?: Language): Record<string, number> {
  const s = signalsOf.get(answer);
  const concepts = reading.query.concepts.filter((c) => !c.filler);
  const unknown = concepts.filter((c) => c.unknown).length;
  return {
    base: s?.base ?? answer.confidence,
    coverage: s?.coverage ?? (s?.route === 'rule' ? 1 : answer.confidence),
    margin: s?.margin ?? (s?.route === 'search' ? 0 : 1),
    rule: s?.route === 'search' ? 0 : 1,
    searchKind: reading.kind === 'search' ? 1 : 0,
    unknownShare: concepts.length > 0 ? unknown / concepts.length : 0,
    corrected: Math.min(3, reading.query.corrections.length) / 3,
    content: Math.min(6, concepts.length) / 6,
    titleShare: s?.titleShare ?? (s?.route === 'search' ? 0 : 1),
    kindFit: kindFit(answer, reading),
    ties: s?.ties ?? 0,
    leadShare: leadShare(answer, reading),
    overview: s?.overview ? 1 : 0,
    stability: s?.stability ?? 1,
    headMiss: headMiss(answer, reading, language),
    ...Object.fromEntries(GROUPS.map((g) => [g, KIND_GROUP[reading.kind] === g ? 1 : 0])),
  };
}

const GROUPS = [...new Set(Object.values(KIND_GROUP))];

/**
 * The value of one model input: a feature by name, or the product of two ("leadShare*stability"), so the model can
 * weigh a signal differently where another holds (a lead that meets every word counts for more when it is stable).
 */
export function inputValue(x: Record<string, number>, name: string): number {
  const star = name.indexOf('*');
  if (star < 0) return x[name] ?? 0;
  return (x[name.slice(0, star)] ?? 0) * (x[name.slice(star + 1)] ?? 0);
}

/** The model's probability for an answer, or its own confidence when no model is loaded. */
export function probability(model: ConfidenceModel | undefined, x: Record<string, number>): number {
  if (!model) return x.base ?? 0;
  let z = model.bias;
  for (const [name, weight] of Object.entries(model.weights)) z += weight * inputValue(x, name);
  return 1 / (1 + Math.exp(-z));
}

/** Below this share, no confidence is worth showing as an answer unless a model says otherwise. */
const DEFAULT_THRESHOLD = 0;

/**
 * The answer with its confidence replaced by the model's estimate; a search answer under the model's threshold
 * becomes `clarify` with its alternatives. Lists, help and `none` keep their own.
 */
export function calibrate(answer: Answer, reading: Reading, model?: ConfidenceModel, language?: Language): Answer {
  if (answer.kind !== 'answer') return answer;
  const p = probability(model, features(answer, reading, language));
  const calibrated: Answer = { ...answer, confidence: Math.round(p * 100) / 100 };
  const s = signalsOf.get(answer);
  signalsOf.set(calibrated, { ...(s ?? { route: 'rule' }), base: s?.base ?? answer.confidence });
  const threshold = model?.threshold ?? DEFAULT_THRESHOLD;
  if (p >= threshold || s?.route !== 'search') return calibrated;
  const alternatives = (s.alternatives ?? []).slice(0, 3);
  if (alternatives.length < 2) return calibrated;
  return {
    ...calibrated,
    kind: 'clarify',
    title: 'Did you mean one of these?',
    sections: [{ text: "I'm not sure I found what you're asking. Pick one of these, or type `help`." }],
    facts: [],
    sources: [],
    suggestions: [...alternatives, 'help'],
  };
}

/**
 * The features of an answer to a command, for fitting the model: a free-text question is read again (the reading
 * is remembered, so this costs nothing); a command such as \`timeline\` is a rule with its own confidence.
 */
export function answerFeatures(kb: KnowledgeBase, command: Command, answer: Answer): Record<string, number> {
  if (command.type === 'question') {
    const named = command.incident ? kb.incident(command.incident) : undefined;
    return features(answer, readQuestion(kb, command.text, named), kb.language);
  }
  const base = signalsOf.get(answer)?.base ?? answer.confidence;
  return {
    base,
    coverage: 1,
    margin: 1,
    rule: 1,
    searchKind: 0,
    unknownShare: 0,
    corrected: 0,
    content: 0,
    titleShare: 1,
    kindFit: 1,
    ties: 0,
    leadShare: 1,
    overview: 0,
    stability: 1,
    headMiss: 0,
    ...Object.fromEntries(GROUPS.map((g) => [g, 0])),
  };
}
