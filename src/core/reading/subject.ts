/**
 * What a question is about once its question words and the incident's own name are set aside: "when was the
 * stolen key revoked" is about the key; "when was it spotted" is about nothing but the incident. Which words are
 * question words is data: each responder names the word lists (`data/language.yaml`) it sets aside.
 */
import type { Ask } from '../ask-context.js';
import { isYear } from '../calendar.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { Incident } from '../model.js';
import { isStopWord } from '../search/stopwords.js';
import { searchTerms, termOf, words } from '../search/tokenize.js';
import type { Language, ListName } from './language.js';
import { isAttributedTo } from './names.js';
import { hasAny, hasPhraseAt, phrasesAt } from './patterns.js';
import type { Concept, QueryAnalysis } from './query.js';

/** Every single word of a word list's phrases (made once per list). */
const wordsMemo = new WeakMap<Language, Map<string, ReadonlySet<string>>>();
export function listWords(language: Language, name: string): ReadonlySet<string> {
  let byName = wordsMemo.get(language);
  if (!byName) {
    byName = new Map();
    wordsMemo.set(language, byName);
  }
  let set = byName.get(name);
  if (!set) {
    const out = new Set<string>();
    const list = language.lists.get(name);
    if (list) for (const phrases of list.byFirst.values()) for (const p of phrases) for (const w of p) out.add(w);
    set = out;
    byName.set(name, set);
  }
  return set;
}

/** A victim field this short names the organization hit, not a list of victims. */
const SHORT_VICTIM = 40;

/** The words of an incident's id, short aliases, actor and short victim field (made once per incident). */
const nameWordsMemo = new WeakMap<Incident, ReadonlySet<string>>();
export function incidentNameWords(incident: Incident): ReadonlySet<string> {
  let own = nameWordsMemo.get(incident);
  if (!own) {
    const set = new Set<string>();
    for (const name of [incident.id, ...incident.aliases.filter((a) => a.split(/\s+/).length <= 2)]) {
      for (const w of words(name)) set.add(w);
    }
    if (incident.attribution) for (const w of words(incident.attribution.actor)) set.add(w);
    // a short victim field is the incident's name too ("when did the vendor detect the X intrusion")
    if (incident.victim && incident.victim.length <= SHORT_VICTIM) for (const w of words(incident.victim)) set.add(w);
    own = set;
    nameWordsMemo.set(incident, own);
  }
  return own;
}

/** The words of an incident's id and aliases only, not of its victim ("tenants") or actor (made once per incident). */
const idAliasMemo = new WeakMap<Incident, ReadonlySet<string>>();
function idAndAliasWords(incident: Incident): ReadonlySet<string> {
  let own = idAliasMemo.get(incident);
  if (!own) {
    own = new Set([incident.id, ...incident.aliases].flatMap((name) => words(name)));
    idAliasMemo.set(incident, own);
  }
  return own;
}

/**
 * The question's words that name the incident: its name words, two words that together spell one ("data vault"),
 * and an incident noun right after them ("the acme breach").
 */
export function namingWords(language: Language, own: ReadonlySet<string>, words: readonly string[]): Set<string> {
  const out = new Set<string>();
  const nouns = language.list('incident-noun');
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const next = words[i + 1];
    if (own.has(w)) out.add(w);
    else if (next && own.has(w + next)) {
      out.add(w);
      out.add(next);
      i++;
    } else continue;
    const after = words[i + 1];
    if (after && hasPhraseAt(nouns, [after], 0)) out.add(after);
  }
  return out;
}

/**
 * The words that name the incident's actor by what it is ("the chinese hackers": an agent noun, and a nation its
 * attribution names before it). They say whose deed a figure counts, not which figure is asked for.
 */
export function actorWords(kb: KnowledgeBase, incident: Incident, words: readonly string[]): Set<string> {
  const out = new Set<string>();
  const agents = kb.language.list('agent-noun');
  for (let i = 0; i < words.length; i++) {
    if (!hasPhraseAt(agents, words, i)) continue;
    out.add(words[i] as string);
    const before = words[i - 1];
    if (before && isAttributedTo(kb, incident, before)) out.add(before);
  }
  // "how did ruritania get the key": a nation the incident is attributed to, between a helper verb and a verb of a
  // deed, is the one who did it; not one that speaks ("what did ruritania say") nor one said of it ("is it ruritanian")
  const doers = kb.language.list('deed-aux');
  const speaking = kb.language.list('speaker-word');
  for (let i = 1; i < words.length - 1; i++) {
    const w = words[i] as string;
    const next = words[i + 1] as string;
    if (hasAny(doers, [words[i - 1] as string]) && !hasAny(speaking, [next]) && isAttributedTo(kb, incident, w))
      out.add(w);
  }
  return out;
}

/**
 * The words of a description of the incident ("in the summer 2023 exchange online forged token thing"): a run
 * of words of its title and aliases right before an incident noun or a word like "thing", two of them or more
 * besides its short name, years and months; returned with the noun, without those. They say which incident,
 * not what is asked about it.
 */
export function describingWords(language: Language, incident: Incident, words: readonly string[]): Set<string> {
  const out = new Set<string>();
  const nouns = language.list('incident-noun');
  const ends = [nouns, language.list('incident-thing')];
  const calendar = language.list('calendar-word');
  const terms = incidentNameTerms(incident);
  const names = incidentNameWords(incident);
  // a year or month still picks the facts of its time, and the incident's short name is read as its name already
  const telling = (w: string) => !isYear(w) && !calendar.byFirst.has(w) && !names.has(w);
  const namedToo = namingWords(language, idAndAliasWords(incident), words).size > 0;
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as string;
    if (!ends.some((list) => hasPhraseAt(list, [w], 0))) continue;
    // "when did acme close its doors after the cloud console takeover": in a question that names the
    // incident, what stands between a word of time and an incident noun describes it again, whatever its words
    const lead = namedToo && hasPhraseAt(nouns, [w], 0) ? timeLeadBefore(language, words, i) : undefined;
    if (lead !== undefined) {
      for (let k = lead + 1; k < i; k++) {
        const word = words[k] as string;
        if (telling(word) && !isStopWord(word)) out.add(word);
      }
      out.add(w);
      continue;
    }
    let start = i;
    let named = 0;
    while (start > 0) {
      const before = words[start - 1] as string;
      const term = termOf(before);
      // "the microsoft email hacks": the incident's short name counts as a word of the description too
      if (term && terms.has(term)) named += telling(before) || names.has(before) ? 1 : 0;
      else if (!language.nameFillers.has(before)) break;
      start--;
    }
    if (named < 2) continue;
    for (let k = start; k < i; k++) {
      const word = words[k] as string;
      const term = termOf(word);
      if (term && terms.has(term) && telling(word)) out.add(word);
    }
    out.add(w);
  }
  return out;
}

/** The most words of a description between a word of time and its incident noun ("after the aws account takeover"). */
const TIME_LEAD_WORDS = 4;

/** Where the word of time stands that brings in the incident noun at `noun`, if one does. */
function timeLeadBefore(language: Language, words: readonly string[], noun: number): number | undefined {
  const timeWords = language.list('time-lead');
  let described = 0;
  for (let k = noun - 1; k >= 0 && described <= TIME_LEAD_WORDS; k--) {
    const word = words[k] as string;
    if (hasPhraseAt(timeWords, [word], 0)) return described > 0 ? k : undefined;
    if (language.nameFillers.has(word)) continue;
    if (isStopWord(word)) return undefined;
    described++;
  }
  return undefined;
}

/** Concepts that name something other than the incident itself or the words of the lists set aside. */
export function subjectConcepts(ask: Ask, query: QueryAnalysis, setAside: readonly string[]): Concept[] {
  const language = ask.kb.language;
  const name = ask.incident ? incidentNameWords(ask.incident) : new Set<string>();
  // "data vault" for the incident "datavault": the words that spell its name are its name; so are the words of a
  // description of it before an incident noun ("the summer exchange online intrusion")
  const described = ask.incident ? describingWords(language, ask.incident, query.words) : [];
  const own = new Set([...name, ...namingWords(language, name, query.words), ...described]);
  const lists = ['generic-subject', ...setAside].map((name) => listWords(language, name));
  // "datavault.com": the incident's name as a web address is its name
  const named = (w: string) => own.has(w) || (/^[a-z0-9-]+\.[a-z]{2,6}$/.test(w) && own.has(w.split('.')[0] as string));
  const aside = (w: string) => isStopWord(w) || named(w) || lists.some((l) => l.has(w));
  return query.concepts.filter((c) => !c.filler && !c.text.split(' ').every(aside));
}

/**
 * True when every word of the concept is, on its own, an entry of one of the lists ("who", "wrote", "post"): a
 * concept that only says what kind of question it is, not what it is about.
 */
export function madeOfListWords(language: Language, concept: Concept, names: readonly ListName[]): boolean {
  return concept.text.split(' ').every((w) => names.some((name) => hasAny(language.list(name), [w])));
}

/** The stemmed terms of an incident's id, title and aliases (made once per incident). */
const nameTermsMemo = new WeakMap<Incident, ReadonlySet<string>>();
export function incidentNameTerms(incident: Incident): ReadonlySet<string> {
  let terms = nameTermsMemo.get(incident);
  if (!terms) {
    terms = new Set(searchTerms([incident.id, incident.title, ...incident.aliases].join(' ')));
    nameTermsMemo.set(incident, terms);
  }
  return terms;
}

/** Every word of the key-date phrases ("detected", "went public"…), made once per language. */
const keyWordsMemo = new WeakMap<Language, ReadonlySet<string>>();
export function keyDateWords(language: Language): ReadonlySet<string> {
  let set = keyWordsMemo.get(language);
  if (!set) {
    const out = new Set<string>();
    for (const phrases of Object.values(language.keyDates))
      for (const list of phrases.byFirst.values()) for (const p of list) for (const w of p) out.add(w);
    set = out;
    keyWordsMemo.set(language, set);
  }
  return set;
}

/** A word this many of an incident's facts use says nothing about which of them a question means. */
const INCIDENT_WIDE_SHARE = 0.2;
/** Incidents this small have no word that wide. */
const MIN_PASSAGES = 20;

const wideMemo = new WeakMap<KnowledgeBase, Map<string, boolean>>();

/**
 * True when every word of the concept stands in a large share of the incident's facts (a vendor's name in an
 * incident at that vendor): "when did the vendor find out" asks when the incident was detected, not about the vendor.
 */
export function isIncidentWide(kb: KnowledgeBase, incident: Incident, concept: Concept): boolean {
  if (concept.own.length === 0) return false;
  let memo = wideMemo.get(kb);
  if (!memo) {
    memo = new Map();
    wideMemo.set(kb, memo);
  }
  const total = incidentSize(kb, incident.id);
  if (total < MIN_PASSAGES) return false;
  // the concept's synonyms count too: "msft" stands for the vendor's name the facts spell out
  const cache = memo;
  return concept.own.every((own) => {
    if (wideTerm(kb, incident, total, cache, own)) return true;
    // an abbreviation the facts never use ("msft") stands for its synonyms, which they do
    if (kb.index.df(own) > 0) return false;
    return concept.terms.some((t) => t.term !== own && wideTerm(kb, incident, total, cache, t.term));
  });
}

/** True when the term stands in a large share of the incident's facts (remembered per incident and term). */
function wideTerm(
  kb: KnowledgeBase,
  incident: Incident,
  total: number,
  memo: Map<string, boolean>,
  term: string,
): boolean {
  const key = `${incident.id}\u0000${term}`;
  let wide = memo.get(key);
  if (wide === undefined) {
    const hits = kb.index.search([{ term, weight: 1 }], { incidents: new Set([incident.id]), limit: total });
    wide = hits.length >= total * INCIDENT_WIDE_SHARE;
    memo.set(key, wide);
  }
  return wide;
}

const sizeMemo = new WeakMap<KnowledgeBase, Map<string, number>>();
function incidentSize(kb: KnowledgeBase, id: string): number {
  let sizes = sizeMemo.get(kb);
  if (!sizes) {
    sizes = new Map();
    for (const p of kb.passages) sizes.set(p.incident, (sizes.get(p.incident) ?? 0) + 1);
    sizeMemo.set(kb, sizes);
  }
  return sizes.get(id) ?? 0;
}

/**
 * The question without the words that say what it asks ("detected", "find out", "how long", "take") or that name
 * the incident itself ("the breach", "in 2014"): the fact that answers need not use them ("an outage alerted
 * them", "about 19 hours"), and only weigh a little in the search. `lists` names further word lists to set aside.
 * Unchanged when nothing would be left.
 */
export function withoutAskedWords(
  language: Language,
  query: QueryAnalysis,
  lists: readonly ListName[] = [],
): QueryAnalysis {
  const asked = keyDateWords(language);
  const more = lists.map((name) => listWords(language, name));
  const aside = (w: string) =>
    asked.has(w) ||
    isStopWord(w) ||
    more.some((set) => set.has(w)) ||
    hasPhraseAt(language.list('incident-noun'), [w], 0) ||
    hasPhraseAt(language.list('affected-word'), [w], 0) ||
    hasPhraseAt(language.list('calendar-word'), [w], 0) ||
    isYear(w);
  const concepts = query.concepts.filter((c) => !c.text.split(' ').every(aside));
  if (concepts.length === query.concepts.length || concepts.length === 0) return query;
  // their words still search, a little: a fact that says "detection" is likelier to tell how it was detected
  const kept = new Set(concepts.flatMap((c) => c.terms.map((t) => t.term)));
  const terms = query.terms.map((t) => (kept.has(t.term) ? t : { ...t, weight: t.weight * ASKED_WEIGHT }));
  return { ...query, concepts, terms };
}

/** What the words a question asks with weigh in its search, once set aside. */
const ASKED_WEIGHT = 0.3;

/** "does anyone know how the key was stolen", "is it known who did it": whether something is known, not the thing. */
export function asksWhetherKnown(language: Language, words: readonly string[]): boolean {
  return hasPhraseAt(language.list('aux'), words, 0) && hasAny(language.list('know-word'), words);
}

/** "which vulnerability did they exploit", "what cve was it": a question that asks which vulnerability. */
export function asksWhichVulnerability(language: Language, words: readonly string[]): boolean {
  return hasAny(language.list('which-word'), words) && hasAny(language.list('vulnerability-word'), words);
}

/**
 * What a question counts: the concept of the word right after "how many" or "number of" ("how many theories did
 * they chase" → theories), when it is a word of its own the knowledge base knows: not the incident's name ("how
 * many acme passwords"), no general word ("people").
 */
export function countedConcept(language: Language, incident: Incident, query: QueryAnalysis): Concept | undefined {
  const cue = language.list('thing-count-cue');
  const ws = query.words;
  const name = incidentNameWords(incident);
  for (let i = 0; i < ws.length; i++) {
    const length = phrasesAt(cue, ws, i)[0];
    if (length === undefined) continue;
    // "how many chegg passwords": the incident's name before the counted word says whose, not what
    let at = i + length;
    while (at < ws.length - 1 && name.has(ws[at] as string)) at++;
    // "how many user passwords", "how many customer records": a word of people before a plural noun tells whose;
    // the plural noun is what is counted
    if (hasAny(language.list('victim-unit'), [ws[at] as string]) && pluralNoun(language, ws[at + 1])) at++;
    const next = ws[at];
    if (!next || isStopWord(next) || name.has(next)) return undefined;
    // "how many chegg users": a count of people or organizations, whoever they are, is a count of victims
    if (at > i + length && hasAny(language.list('victim-unit'), [next])) return undefined;
    const concept = query.concepts.find((c) => c.text.split(' ').includes(next));
    return concept && !concept.unknown && !concept.filler && !concept.weak ? concept : undefined;
  }
  return undefined;
}

/** A word read as a plural noun by its ending: no small word, no word of people, not a verb's "-ss" ("access"). */
export function pluralNoun(language: Language, word: string | undefined): boolean {
  return (
    word !== undefined &&
    /[^s]s$/.test(word) &&
    !isStopWord(word) &&
    !hasAny(language.list('aux'), [word]) &&
    !hasAny(language.list('victim-unit'), [word])
  );
}

/**
 * "how much did it cost", "how much crypto was stolen": a count cue with a word of money. "How many emails did they
 * steal" counts things: a count of things asks for money only with a word that is money itself ("how many dollars").
 */
export function asksMoney(language: Language, words: readonly string[]): boolean {
  if (!hasAny(language.list('count-cue'), words) || !hasAny(language.list('money-cue'), words)) return false;
  return !hasAny(language.list('thing-count-cue'), words) || hasAny(language.list('money-word'), words);
}
