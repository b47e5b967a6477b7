/**
 * A question, read for search: cleaned words, typos corrected against the knowledge base's own vocabulary,
 * synonym phrases found, and the "concepts" whose coverage decides how sure an answer is.
 *
 * @example
 * analyzeQuery(kb, 'when was the stolen key revokd').corrections // [{ from: 'revokd', to: 'revoked' }]
 */
import { MONTHS } from '../dates/dates.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { SearchHit, WeightedTerm } from '../search/search-index.js';
import { isStopWord, WEAK_WORDS } from '../search/stopwords.js';
import { matchSynonyms } from '../search/synonyms.js';
import { expandToken, searchTerms, termOf, words } from '../search/tokenize.js';
import { isProperNoun } from './names.js';
import { hasAny, hasPhraseAt } from './patterns.js';

/** One thing the asker said: a word or a synonym phrase, with the terms that can match it. */
export interface Concept {
  text: string;
  /** the asker's own stemmed terms */
  own: string[];
  /** own terms plus synonyms, weighted */
  terms: WeightedTerm[];
  /** terms that each meet the concept on their own: its synonym group's one-word members */
  members: string[];
  /** share of the coverage this concept carries */
  weight: number;
  /** the word was a typo we corrected */
  corrected: boolean;
  /** made only of question words ("how many", "who did it"): counts little */
  filler: boolean;
  /** neither the word nor any synonym occurs in the knowledge base */
  unknown: boolean;
  /** a general word ("data", "read") that cannot carry a question alone */
  weak: boolean;
  group?: number;
  /** for an abbreviation the knowledge base never uses: the words of its spelled-out synonyms */
  spelled?: string[];
  /** the stemmed words of the concept's synonym group's phrases ("msa signing key"): each one meets it whole */
  phrases?: string[][];
}

export interface QueryAnalysis {
  /** corrected words, lower case */
  words: string[];
  /** the corrected text, words joined by spaces */
  text: string;
  corrections: Array<{ from: string; to: string }>;
  concepts: Concept[];
  terms: WeightedTerm[];
}

const MAX_WORDS = 40;
const SYNONYM_WEIGHT = 0.45;

/**
 * The last few analyses per knowledge base: one question is often read more than once on its way to an answer
 * (intent rules, then a responder that searches with the same words). Analyses are never modified once made.
 */
const recent = new WeakMap<KnowledgeBase, Map<string, QueryAnalysis>>();
const RECENT = 8;

export function analyzeQuery(
  kb: KnowledgeBase,
  text: string,
  names: ReadonlySet<string> = NO_NAMES,
  /** pairs of words the asker wrote as alternatives ("rotate/revoke": "rotate revoke"), from `alternatives` */
  pairs: ReadonlySet<string> = NO_PAIRS,
): QueryAnalysis {
  let mine = recent.get(kb);
  if (!mine) {
    mine = new Map();
    recent.set(kb, mine);
  }
  const key = [text, [...names].join(' '), [...pairs].join(',')].join('\u0000');
  const known = mine.get(key);
  if (known) return known;
  const made = analyze(kb, text, names, pairs);
  if (mine.size >= RECENT) mine.delete(mine.keys().next().value as string);
  mine.set(key, made);
  return made;
}

const NO_NAMES: ReadonlySet<string> = new Set();
const NO_PAIRS: ReadonlySet<string> = new Set();

function analyze(
  kb: KnowledgeBase,
  text: string,
  names: ReadonlySet<string>,
  pairs: ReadonlySet<string>,
): QueryAnalysis {
  const raw = words(text).slice(0, MAX_WORDS);
  const corrections: QueryAnalysis['corrections'] = [];
  const corrected = raw.map((w) => {
    const term = termOf(w);
    if (term && kb.index.df(term) > 0) return w;
    // "stuff", "thing": a general word the facts never use is still a word, not a typo for one they do ("staff")
    if (WEAK_WORDS.has(w) || isStopWord(w)) return w;
    const fix = kb.lexicon.correct(w, names.has(w));
    // a correction to a content word whose stem is a function word ("vetting" → "letting", stem "let") only
    // adds noise; corrections to question words ("wen" → "when") stay, for the intent rules
    const fixTerm = fix ? termOf(fix) : undefined;
    if (fix && fix !== w && !(fixTerm && isStopWord(fixTerm))) {
      corrections.push({ from: w, to: fix });
      return fix;
    }
    return w;
  });
  const fixedAt = new Set(corrected.map((w, i) => (w !== raw[i] ? i : -1)).filter((i) => i >= 0));
  const matches = matchSynonyms(kb.synonyms, corrected);
  const concepts: Concept[] = [];
  let m = 0;
  for (let i = 0; i < corrected.length; ) {
    const match = matches[m];
    if (match && match.start === i) {
      m++;
      const phrase = corrected.slice(i, i + match.length).join(' ');
      const own = searchTerms(phrase);
      const groupTerms = kb.synonyms.groupTerms[match.group] ?? [];
      let spelled: string[] = [];
      // an abbreviation the knowledge base never uses ("ssns") reaches it through its spelled-out members
      // ("social security numbers"): their words then stand for it
      if (own.every((t) => kb.index.df(t) === 0) && groupTerms.every((t) => kb.index.df(t) === 0)) {
        spelled = [
          ...new Set(
            (kb.synonyms.groups[match.group] ?? []).flatMap((member) => {
              const terms = searchTerms(member);
              return terms.length > 1 && terms.every((t) => kb.index.df(t) > 0) ? terms : [];
            }),
          ),
        ];
      }
      const concept = makeConcept(
        kb,
        phrase,
        own,
        groupTerms,
        own.length === 0,
        [...Array(match.length).keys()].some((k) => fixedAt.has(i + k)),
        match.group,
      );
      if (spelled.length > 0) {
        // the spelled-out words are met together, not one by one ("security" alone is not "ssn")
        concept.spelled = spelled;
        for (const term of spelled)
          if (!concept.terms.some((t) => t.term === term)) concept.terms.push({ term, weight: SYNONYM_WEIGHT });
        concept.unknown = false;
        concept.weight = 0.8;
      }
      abbreviated(kb, concept, match.group);
      const phrases = (kb.synonyms.groups[match.group] ?? [])
        .map((member) => searchTerms(member))
        .filter((terms) => terms.length > 1);
      if (phrases.length > 0) concept.phrases = phrases;
      concepts.push(concept);
      i += match.length;
      continue;
    }
    const word = corrected[i] as string;
    i++;
    const acquired = acquiring(kb, corrected, i - 1);
    if (acquired !== undefined) {
      concepts.push(makeConcept(kb, word, [], kb.synonyms.groupTerms[acquired] ?? [], true, false, acquired));
      continue;
    }
    // the order is what the question asks for: a concept of full standing, met by the words for an order
    const compelled = compelling(kb, corrected, i - 1);
    if (compelled) {
      const concept = makeConcept(kb, word, [], compelled, false, false);
      concept.weak = false;
      concept.weight = COMPEL_WEIGHT;
      concepts.push(concept);
      continue;
    }
    if (isStopWord(word)) continue;
    const own = expandToken(word)
      .map(termOf)
      .filter((t): t is string => !!t);
    if (own.length === 0) continue;
    const concept = makeConcept(kb, word, own, [], false, fixedAt.has(i - 1));
    // "jon smithers" where the facts write "Jonny Smithers": a word never seen right before a name the knowledge
    // base knows is that person's given name as the asker writes it, not a word the facts must meet
    const next = corrected[i];
    if (concept.unknown && /^[a-z]+$/.test(word) && next && isProperNoun(kb, next) && surnames(kb).has(next)) {
      concept.filler = true;
      concept.weight = GIVEN_NAME_WEIGHT;
    }
    // "the … writeup says": a word for where the asker read it, which the facts never use, says nothing they must meet
    if (concept.unknown && hasAny(kb.language.list('publication-noun'), [word])) {
      concept.filler = true;
      concept.weight = FILLER_WEIGHT;
    }
    concepts.push(concept);
  }
  mergeSynonymous(concepts);
  mergeAlternatives(concepts, pairs);
  const terms = new Map<string, number>();
  for (const c of concepts) for (const t of c.terms) terms.set(t.term, Math.max(terms.get(t.term) ?? 0, t.weight));
  return {
    words: corrected,
    text: corrected.join(' '),
    corrections,
    concepts,
    terms: [...terms].map(([term, weight]) => ({ term, weight })),
  };
}

/**
 * "how did they get the key": "get" before a thing had means came by it, the sense of the synonym group that
 * the language data names (`acquire-meaning`); searched at a filler's weight, since "get" says little. Returns
 * that group, or undefined.
 */
function acquiring(kb: KnowledgeBase, words: readonly string[], at: number): number | undefined {
  const language = kb.language;
  if (!hasAny(language.list('acquire-verb'), [words[at] as string])) return undefined;
  if (!hasPhraseAt(language.list('acquire-determiner'), words, at + 1)) return undefined;
  const meaning = [...language.list('acquire-meaning').byFirst.keys()][0];
  return meaning ? matchSynonyms(kb.synonyms, [meaning])[0]?.group : undefined;
}

/** Words between "make" and "do" in "make the company do": the one made to act, a short name. */
const COMPEL_GAP = 4;
/** What an order asked for weighs: a content word of middling rarity. */
const COMPEL_WEIGHT = 0.8;

/**
 * "what did the regulator make the company do": "make" with "do" a few words after it asks for an order, met by
 * the language's compel-meaning words ("ordered", "required"); their search terms, or undefined.
 */
function compelling(kb: KnowledgeBase, words: readonly string[], at: number): string[] | undefined {
  const language = kb.language;
  if (!hasAny(language.list('compel-verb'), [words[at] as string])) return undefined;
  const ends = language.list('compel-end');
  if (!words.slice(at + 2, at + 2 + COMPEL_GAP).some((w) => hasAny(ends, [w]))) return undefined;
  const terms = [...language.list('compel-meaning').byFirst.keys()].flatMap((w) => searchTerms(w));
  return terms.length > 0 ? [...new Set(terms)] : undefined;
}

/**
 * "cyber safety review board" where the facts mostly write "CSRB": a name spelled out in several words, whose
 * synonym group holds its initials as a word the knowledge base uses, is searched by the initials at full weight
 * and by its own words at a share of it, so a fact that spells the name out does not outscore one that abbreviates
 * it.
 */
function abbreviated(kb: KnowledgeBase, concept: Concept, group: number): void {
  if (concept.own.length < 2) return;
  // the one-word form is the phrase's initials ("csrb" for "cyber safety review board")
  const initials = concept.text
    .split(' ')
    .filter((w) => !isStopWord(w))
    .map((w) => w[0])
    .join('');
  if (!(kb.synonyms.groups[group] ?? []).includes(initials)) return;
  const [short, ...more] = searchTerms(initials);
  if (!short || more.length > 0 || kb.index.df(short) === 0) return;
  const share = 1 / concept.own.length;
  concept.terms = concept.terms.map((t) =>
    t.term === short ? { ...t, weight: 1 } : concept.own.includes(t.term) ? { ...t, weight: share } : t,
  );
}

/** Two words of one synonym group ("blocked or revoked") are one concept. */
function mergeSynonymous(concepts: Concept[]): void {
  for (let i = concepts.length - 1; i > 0; i--) {
    const c = concepts[i] as Concept;
    if (c.group === undefined) continue;
    const first = concepts.findIndex((o) => o.group === c.group);
    if (first < 0 || first === i) continue;
    mergeInto(concepts[first] as Concept, c);
    concepts.splice(i, 1);
  }
}

/** Words written as alternatives with a slash ("rotate/revoke", "e3/e5"), as "first second" pairs. */
export function alternatives(text: string): ReadonlySet<string> {
  const pairs = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/(?<![\w/])([a-z][a-z0-9-]+)\/([a-z][a-z0-9-]+)(?![\w/])/g)) {
    const [a, b] = [m[1] as string, m[2] as string];
    if (!isStopWord(a) && !isStopWord(b)) pairs.add(`${a} ${b}`);
  }
  return pairs;
}

/** "did they rotate/revoke the keys": words written as alternatives are one concept that either meets. */
function mergeAlternatives(concepts: Concept[], pairs: ReadonlySet<string>): void {
  if (pairs.size === 0) return;
  for (let i = concepts.length - 1; i > 0; i--) {
    const [before, c] = [concepts[i - 1] as Concept, concepts[i] as Concept];
    if (!pairs.has(`${before.text} ${c.text}`)) continue;
    mergeInto(before, c);
    concepts.splice(i, 1);
  }
}

/**
 * Makes `c` part of `keep`: either part meets the merged concept, a one-word part by itself, a phrase ("bottom
 * line") only whole, so that "in line with" does not meet "bottom-line verdict".
 */
function mergeInto(keep: Concept, c: Concept): void {
  for (const part of [keep.own, c.own]) {
    if (part.length === 1) {
      if (!keep.members.includes(part[0] as string)) keep.members.push(part[0] as string);
    } else if (part.length > 1) keep.phrases = [...(keep.phrases ?? []), [...part]];
  }
  keep.text = `${keep.text} ${c.text}`;
  for (const t of c.own) if (!keep.own.includes(t)) keep.own.push(t);
  for (const t of c.terms) {
    const same = keep.terms.find((k) => k.term === t.term);
    if (same) same.weight = Math.max(same.weight, t.weight);
    else keep.terms.push(t);
  }
  keep.weight = Math.max(keep.weight, c.weight);
  keep.filler = keep.filler && c.filler;
}

/** A code of a word and numbers joined by hyphens ("storm-9999", "cve-2020-0001"). */
const CODE = /^[a-z]+(-\d+)+$/;

function makeConcept(
  kb: KnowledgeBase,
  text: string,
  own: string[],
  groupTerms: readonly string[],
  filler: boolean,
  corrected: boolean,
  group?: number,
): Concept {
  const weak = !filler && group === undefined && text.split(' ').every((w) => WEAK_WORDS.has(w));
  // a general word ("make", "data") searches at a low weight, like a synonym
  const terms: WeightedTerm[] = own.map((term) => ({ term, weight: weak ? 0.15 : 1 }));
  for (const term of groupTerms) {
    if (!own.includes(term)) terms.push({ term, weight: filler ? SYNONYM_WEIGHT * 0.6 : SYNONYM_WEIGHT });
  }
  const known = terms.filter((t) => kb.index.df(t.term) > 0);
  // "storm-9999", "cve-2020-0001": a code of letters and numbers names one thing; the knowledge base knowing its
  // word ("storm") or its number does not make it know the code
  const code = CODE.test(text) && kb.index.df(text) === 0 && groupTerms.every((t) => kb.index.df(t) === 0);
  const unknown = known.length === 0 || code;
  const ownIdf = Math.max(0, ...own.filter((t) => kb.index.df(t) > 0).map((t) => kb.index.idf(t)));
  const rarity = ownIdf > 0 ? ownIdf / kb.index.maxIdf : 0.6;
  const weight = filler ? FILLER_WEIGHT : weak ? 0.35 : unknown ? 1 : 0.5 + 0.5 * Math.min(1, rarity);
  const members = [...groupTerms, ...(own.length === 1 ? own : [])];
  return { text, own, terms, members, weight, corrected, filler, unknown, weak, group };
}

/** Share (0..1) of the question's concepts that a passage matched, weighted by how telling each concept is.
 * A concept matched only through a word that is another concept's own word does not count twice. */
export function coverage(query: QueryAnalysis, hit: SearchHit, only?: readonly Concept[]): number {
  let total = 0;
  let got = 0;
  let unknown = 0;
  let unknownCount = 0;
  let distinctive = 0;
  let content = 0;
  let specific = false;
  const matched = hit.matched;
  for (const c of only ?? query.concepts) {
    if (c.unknown && !c.filler) {
      unknown += c.weight;
      unknownCount++;
      if (isSpecific(c.text)) specific = true;
      continue;
    }
    total += c.weight;
    const credit = conceptCredit(query, c, matched, hit);
    if (credit === 0) continue;
    got += c.weight * credit;
    if (!c.filler && !c.weak) {
      if (credit >= 0.5) content++;
      if (credit >= 0.8 && c.weight >= DISTINCTIVE_WEIGHT) distinctive++;
    }
  }
  // words found nowhere in the knowledge base ("accuse", "gimme") sink an answer only when the rest of the
  // question is not met well by distinctive words: two known words at least, one of them rare, and no more
  // unknown words than matched ones; then they stay as a small penalty
  // ("38tb", "t-connect": a size, a code or a product names one thing and is never forgiven)
  const forgiven =
    !specific &&
    unknownCount > 0 &&
    distinctive > 0 &&
    content >= 2 &&
    unknownCount <= content &&
    got >= FORGIVING_SHARE * total;
  total += forgiven ? unknown * UNKNOWN_FORGIVEN : unknown;
  return total === 0 ? 0 : got / total;
}

/**
 * Words the facts write as the last of a person's two or three capitalized names ("Jonny Smithers", "Mary K. Lee"),
 * lower case; made once per knowledge base.
 */
const surnameMemo = new WeakMap<KnowledgeBase, ReadonlySet<string>>();
function surnames(kb: KnowledgeBase): ReadonlySet<string> {
  let found = surnameMemo.get(kb);
  if (!found) {
    const made = new Set<string>();
    // a group's or a term's name ("Gamma Group") is no person's: its last word is a family of names
    const named = new Set<string>();
    for (const incident of kb.incidents) {
      const a = incident.attribution;
      for (const name of [
        ...(a ? [a.actor, ...a.aliases] : []),
        ...incident.glossary.flatMap((g) => [g.term, ...g.aliases]),
      ])
        named.add(name.toLowerCase());
    }
    // "In January", "Since March": a month after a capital is a date, no family name
    for (const p of kb.passages)
      for (const m of p.text.matchAll(/\b[A-Z][a-z]+(?: [A-Z]\.?)? ([A-Z][a-z]{2,})\b/g))
        if (!named.has(m[0].toLowerCase()) && !MONTHS.has((m[1] as string).toLowerCase()))
          made.add((m[1] as string).toLowerCase());
    found = made;
    surnameMemo.set(kb, found);
  }
  return found;
}

/**
 * A word that names one thing rather than says something: letters with digits ("38tb", "cve-2099-1") or a
 * hyphenated word ("t-connect"); not a rounded number ("60k", "2m"), which the facts write out.
 */
function isSpecific(text: string): boolean {
  if (text.includes(' ')) return false;
  if (/^[a-z0-9]+(-[a-z0-9]+)+$/.test(text)) return true;
  return /\d/.test(text) && /[a-z]/.test(text) && !/^\d+(\.\d+)?[kmb]$/.test(text);
}

/** What a filler word weighs. */
const FILLER_WEIGHT = 0.3;
/** What an unknown given name before a known surname weighs: as much as a filler word. */
const GIVEN_NAME_WEIGHT = FILLER_WEIGHT;

/** A concept this heavy (0.5 + half its rarity) is distinctive enough to forgive unknown words around it. */
const DISTINCTIVE_WEIGHT = 0.75;
/** Share of the known concepts' weight a passage must meet before unknown words are forgiven. */
const FORGIVING_SHARE = 0.75;
/** The share of its weight a forgiven unknown word keeps. */
const UNKNOWN_FORGIVEN = 0.35;

/** How far a whole phrase of a concept's synonym group meets it (as a one-word synonym does). */
const PHRASE_CREDIT = 0.85;

/** How far (0..1) a passage's matched terms meet one concept. */
/** A passage's own stemmed terms in order, space-separated with a space at each end (made once per passage). */
const passageTermsMemo = new WeakMap<object, string>();
function passageTerms(hit: SearchHit): string {
  const p = hit.passage;
  let terms = passageTermsMemo.get(p);
  if (terms === undefined) {
    terms = ` ${searchTerms(`${p.title}. ${p.text}`).join(' ')} `;
    passageTermsMemo.set(p, terms);
  }
  return terms;
}

/** True when the passage says the phrase, its terms side by side. */
function saysPhrase(hit: SearchHit, phrase: readonly string[]): boolean {
  return passageTerms(hit).includes(` ${phrase.join(' ')} `);
}

function conceptCredit(query: QueryAnalysis, c: Concept, matched: ReadonlySet<string>, hit?: SearchHit): number {
  let any = false;
  // every matched term is another concept's own word
  let allBorrowed = true;
  for (const t of c.terms) {
    if (!matched.has(t.term)) continue;
    any = true;
    if (allBorrowed && !query.concepts.some((o) => o !== c && o.own.includes(t.term))) allBorrowed = false;
  }
  if (!any) return 0;
  let ownHits = 0;
  for (const t of c.own) if (matched.has(t)) ownHits++;
  if (ownHits === 0 && allBorrowed) return 0;
  // a one-word member of the concept's synonym group meets it ("wyden" for "senator wyden"); otherwise a
  // phrase is met in part ("commerce department" by "department" alone is half met)
  let memberAny = false;
  let memberOwn = false;
  for (const t of c.members) {
    if (!matched.has(t)) continue;
    memberAny = true;
    if (c.own.includes(t)) memberOwn = true;
  }
  const memberCredit = memberOwn ? 1 : memberAny ? 0.85 : 0;
  let spelledHits = 0;
  if (c.spelled) for (const t of c.spelled) if (matched.has(t)) spelledHits++;
  const spelledCredit = c.spelled ? (0.9 * spelledHits) / c.spelled.length : 0;
  // "the stolen msa signing key" is met whole by "msa signing key", another phrase of its group
  // ("the stolen key could reach …" for "msa key": the phrase's words are in the passage, not in the question)
  const phraseCredit = c.phrases?.some(
    (terms) => terms.every((t) => matched.has(t)) || (hit !== undefined && saysPhrase(hit, terms)),
  )
    ? PHRASE_CREDIT
    : 0;
  const credit = Math.max(c.own.length > 0 ? ownHits / c.own.length : 0, memberCredit, spelledCredit, phraseCredit);
  return credit * (c.corrected ? 0.8 : 1);
}

/** The concepts a passage did not match. */
export function missedConcepts(query: QueryAnalysis, hit: SearchHit): Concept[] {
  return query.concepts.filter((c) => !c.terms.some((t) => hit.matched.has(t.term)));
}

/** Concepts that can carry a question: not filler, not weak. */
export function contentConcepts(query: QueryAnalysis): Concept[] {
  return query.concepts.filter((c) => !c.filler && !c.weak);
}
