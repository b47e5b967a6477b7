/**
 * A question, read once into one structured `Reading`: chat noise removed, the incident it names, a name the
 * knowledge base has never heard of, the kind of question, its subject, the key dates it asks about, and the
 * search concepts (typos corrected toward the knowledge base's own words). Every later step works from the
 * reading, never from the raw text again.
 *
 * @example
 * readQuestion(kb, 'wait when did they even find out??').kind // 'when'
 */
import type { KeyDate } from '../dates/key-dates.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { Incident } from '../model.js';
import { findIpv4s, refang } from '../search/defang.js';
import { editDistance } from '../search/edit-distance.js';
import { extendsWord } from '../search/lexicon.js';
import { isStopWord } from '../search/stopwords.js';
import { termOf, words as wordsOf } from '../search/tokenize.js';
import type { Language, QuestionKind } from './language.js';
import {
  expandDescribedName,
  expandShortenedName,
  findUnknownName,
  incidentOfNation,
  incidentOfProperNouns,
  isProperNoun,
  mentionedIncident,
  type UnknownName,
} from './names.js';
import { firstMatch, hasAny, hasPhraseAt, matchPattern, phrasesAt } from './patterns.js';
import { alternatives, analyzeQuery, type QueryAnalysis } from './query.js';

export interface Reading {
  /** the words after chat noise and openers are gone, lower case */
  words: string[];
  /** those words joined by spaces */
  text: string;
  kind: QuestionKind;
  /** the words the kind's pattern took as its subject (`{name}`), without fillers */
  subject?: string[];
  /** an incident the question names (id, alias, title or actor) */
  incident?: Incident;
  /** a name in an incident slot that names nothing the knowledge base holds */
  unknown?: UnknownName;
  /** key dates the question's words ask for, in order of appearance */
  keyDates: KeyDate[];
  /** for `hunt`: the query format asked for */
  huntFormat?: string;
  /** the asker speaks of their own organization ("we", "our tenant") */
  self: boolean;
  /** the question's search concepts */
  query: QueryAnalysis;
}

const ORDERED_KEYS: KeyDate[] = ['start', 'detected', 'disclosed', 'end'];
/** Words this short are corrected only at the start of a question. */
const SHORT_WORD = 4;
/** Words of a question that are read; a question is rarely longer, and a wall of text is not read further. */
const MAX_WORDS = 40;

/**
 * The last few readings per knowledge base: a question is read when its command is parsed and again when it is
 * answered. Readings are never modified once made.
 */
const recent = new WeakMap<KnowledgeBase, Map<string, Reading>>();
const RECENT = 8;

/** Reads a question. `named` is the incident the command already named (its first words), if any. */
export function readQuestion(kb: KnowledgeBase, text: string, named?: Incident): Reading {
  let mine = recent.get(kb);
  if (!mine) {
    mine = new Map();
    recent.set(kb, mine);
  }
  const key = `${named?.id ?? ''}\u0000${text}`;
  const known = mine.get(key);
  if (known) return known;
  const made = read(kb, text, named);
  if (mine.size >= RECENT) mine.delete(mine.keys().next().value as string);
  mine.set(key, made);
  return made;
}

function read(kb: KnowledgeBase, typedText: string, named: Incident | undefined): Reading {
  const language = kb.language;
  const text = withoutContext(language, withoutContrast(language, typedText));
  const asked = wordsOf(expandContractions(text)).slice(0, MAX_WORDS);
  const typed = expandDescribedName(kb, expandShortenedName(kb, asked));
  // the patterns read the language's own words with their typos fixed; search reads the words as typed, and
  // corrects (and marks) them itself
  const owners = possessors(language, text);
  const raw = correctTowardLanguage(kb, typed, owners);
  const kept = keptIndices(language, raw);
  const words = kept.map((i) => raw[i] as string);
  const exact = named ? undefined : mentionedIncident(kb, words);
  const names = writtenAsNames(text);
  const unread = findUnknownName(kb, words, named ?? exact, owners, names);
  // the name as the asker typed it, not as a typo fix read it ("mgm resorts", never "mgm reports") nor as a
  // company's description was read ("bangladesh bank", never the loaded bank's name)
  const unknown = unread
    ? { ...unread, name: nameAsTyped(kb, unread, words, kept, typed, asked, named ?? exact) }
    : undefined;
  const incident =
    exact ?? (named || unknown ? undefined : (incidentOfProperNouns(kb, words) ?? incidentOfNation(kb, words)));
  const indicator = holdsIndicator(language, text);
  const found = indicator ? { kind: 'indicator' as const } : questionKind(kb, words);
  // noise that carries the request itself ("tl;dr on X"): read the words as typed
  const asTyped = stripNoise(language, raw, { noise: false });
  const retried = found.kind === 'search' && asTyped.length !== words.length ? questionKind(kb, asTyped) : found;
  const { kind, subject } = retried.kind === 'search' ? (lastPartKind(kb, text) ?? retried) : retried;
  // "rotate/revoke": either word; "state/commerce", "cisa/fbi": names written together mean both
  const either = new Set([...alternatives(text)].filter((pair) => !pair.split(' ').some((w) => isProperNoun(kb, w))));
  const query = analyzeQuery(kb, kept.map((i) => typed[i] as string).join(' '), names, either);
  return {
    words,
    text: words.join(' '),
    kind,
    ...(subject ? { subject } : {}),
    ...(incident ? { incident } : {}),
    ...(unknown ? { unknown } : {}),
    keyDates: keyDatesIn(language, query.words),
    ...(kind === 'hunt' ? { huntFormat: huntFormat(language, words) } : {}),
    self: hasAny(language.list('self'), words),
    query,
  };
}

function nameAsTyped(
  kb: KnowledgeBase,
  unread: UnknownName,
  words: readonly string[],
  kept: readonly number[],
  typed: readonly string[],
  asked: readonly string[],
  named: Incident | undefined,
): string {
  const asRead = () =>
    typedName(
      unread.name,
      words,
      kept.map((i) => typed[i] as string),
    );
  if (typed.length === asked.length && typed.every((w, i) => w === asked[i])) return asRead();
  // a name was written out: find the unknown name again in the words as asked
  const raw = correctTowardLanguage(kb, asked);
  const plainKept = keptIndices(kb.language, raw);
  const plainWords = plainKept.map((i) => raw[i] as string);
  const plain = findUnknownName(kb, plainWords, named);
  return plain
    ? typedName(
        plain.name,
        plainWords,
        plainKept.map((i) => asked[i] as string),
      )
    : asRead();
}

/** The typed words in the place of a run of the read words (the two lists are word for word). */
function typedName(name: string, read: readonly string[], typed: readonly string[]): string {
  const parts = name.split(' ');
  for (let i = 0; i + parts.length <= read.length; i++)
    if (parts.every((p, k) => read[i + k] === p)) return typed.slice(i, i + parts.length).join(' ');
  return name;
}

/**
 * "datavault hack - what month was that?": a topic, then the question about it. When the whole reads as no kind
 * of question, the last part is read alone for its kind; the topic's words stay in the search.
 */
function lastPartKind(kb: KnowledgeBase, text: string): ReturnType<typeof questionKind> | undefined {
  const parts = partsOf(text);
  if (parts.length < 2) return undefined;
  const words = stripNoise(kb.language, correctTowardLanguage(kb, wordsOf(expandContractions(parts.at(-1) ?? ''))));
  const found = questionKind(kb, words);
  return PART_KINDS.has(found.kind) ? found : undefined;
}

/**
 * The kinds a last part may give: questions about one thing of the topic. A part that asks what something is or
 * what happened asks about the topic as a whole, and the whole message is read for that.
 */
const PART_KINDS: ReadonlySet<QuestionKind> = new Set(['when', 'duration', 'count', 'actor', 'how', 'why']);

/** A message's parts: its sentences, its clauses after a colon or semicolon, and what a spaced dash sets apart. */
function partsOf(text: string): string[] {
  return text.split(/(?<=[?.!;,:])\s+|\s+-\s+/).filter((p) => p.trim() !== '');
}

/**
 * The question without the parts after it that only say what it does not ask ("the final count from the board, not
 * the vendor's early number", "the second report, rather than the first"): their words would pull the answer toward
 * what the asker ruled out. A part that asks something itself ("…, not sure, when did it start?") stays.
 */
function withoutContrast(language: KnowledgeBase['language'], text: string): string {
  const parts = partsOf(text);
  if (parts.length < 2) return text;
  const contrast = language.list('contrast-opener');
  const asking = language.list('wh-word');
  const ruledOut = (part: string) => {
    const words = wordsOf(expandContractions(part));
    if (!hasPhraseAt(contrast, words, 0) || part.trim().endsWith('?')) return false;
    return !words.some((_, i) => hasPhraseAt(asking, words, i));
  };
  const kept = parts.filter((p, i) => i === 0 || !ruledOut(p));
  return kept.length === parts.length ? text : kept.join(' ');
}

/** The most words a part that says who asks ("new soc analyst here") has. */
const INTRO_WORDS = 4;

/** The fewest words of its own (not small words) a context part has to tell of something, not only who asks. */
const TELLING_WORDS = 6;

/** The fewest words of a statement after the question that is an aside. */
const ASIDE_WORDS = 4;

/**
 * The question without the sentences around it that only say who asks or why ("we're a small shop on E3.",
 * "…? want to filter our sign-in logs"): a part that starts with a context opener (data/language.yaml) is left out
 * when another part is left to ask the question, unless the question points back at what it named ("we use acme -
 * were we affected by their breach?").
 */
function withoutContext(language: KnowledgeBase['language'], text: string): string {
  const parts = partsOf(text);
  if (parts.length < 2) return text;
  const openers = language.list('context-opener');
  const closers = language.list('intro-closer');
  const read = parts.map((text) => {
    const words = wordsOf(expandContractions(text));
    // "journalist here:": who asks, in a few words; "we use acme": an opener, this many words long
    const intro = words.length <= INTRO_WORDS && hasPhraseAt(closers, words, words.length - 1);
    return { text, words, intro, opener: Math.max(0, ...phrasesAt(openers, words, 0)) };
  });
  // "does it have a new name yet? the vendor usually renames such groups eventually": a statement after a
  // question that already asks something is an aside, not the question
  const asking = language.list('question-word');
  const aux = language.list('aux');
  const askedAt = read.findIndex(
    (p) => p.text.trim().endsWith('?') && p.words.filter((w) => !isStopWord(w)).length >= 2,
  );
  // "which services did they use the tokens against? was teams hit?": a yes-or-no question after a question that
  // asks what, who, how or when is a guess at the answer; the first question is the one to answer. After a question
  // for a cause ("why was the old key still valid? did they stop rotating keys?") the guess names the cause to look
  // for, and is kept
  const opensWith = (p: (typeof read)[number], set: ReturnType<typeof language.list>) =>
    hasPhraseAt(set, stripNoise(language, p.words), 0);
  const causeAsked = askedAt >= 0 && opensWith(read[askedAt] as (typeof read)[number], language.list('cause-ask'));
  const guess = (p: (typeof read)[number], i: number) =>
    askedAt >= 0 &&
    i > askedAt &&
    !causeAsked &&
    opensWith(read[askedAt] as (typeof read)[number], asking) &&
    opensWith(p, aux);
  const looseEnd = language.list('loose-end');
  const aside = (p: (typeof read)[number], i: number) => {
    if (guess(p, i)) return true;
    if (askedAt < 0 || i <= askedAt || p.text.trim().endsWith('?') || p.words.length < ASIDE_WORDS) return false;
    // "crypto thefts or whatever": examples of what is asked, with a loose end, not a remark beside it
    if (p.words.some((_, k) => hasPhraseAt(looseEnd, p.words, k))) return false;
    // "like when did they …", "need the exact name": a question or a request still
    const said = stripNoise(language, p.words);
    return ![asking, aux, language.openers, language.list('request-word')].some((set) => hasPhraseAt(set, said, 0));
  };
  const kept = read.filter((p, i) => !p.intro && p.opener === 0 && !aside(p, i)).map((p) => p.text);
  if (kept.length === 0 || kept.length === parts.length) return text;
  const asked = wordsOf(expandContractions(kept.join(' ')));
  // "we use acme - were we affected by their breach?", "my boss wants a summary of the acme hack, when did it
  // start?": the context named what the question asks about ("we use acme" gives "acme": the opener's own words
  // name nothing). A bare "it" points back only at a context that tells of an incident.
  const openerParts = read.filter((p) => p.opener > 0);
  // a context that tells a story in many words of its own ("we got the expanded logging switched on by default in
  // feb 2024") tells of something too, not only of who asks
  const told = openerParts.some(
    (p) =>
      hasAny(language.list('incident-noun'), p.words) ||
      p.words.slice(p.opener).filter((w) => !isStopWord(w)).length >= TELLING_WORDS,
  );
  // "i heard a vendor claimed the key reached beyond outlook. who was it and what did they claim?": a question whose
  // only words of its own say that someone said something, and that points back, asks about what the context told
  const speaker = language.list('speaker-word');
  const thin = asked.every((w) => isStopWord(w) || hasPhraseAt(speaker, [w], 0));
  // "our deck says 25 orgs were hit but someone says 22. which is right?": a question that only asks whether it is
  // right asks about what the context said
  const check = language.list('check-word');
  const little = (w: string) => isStopWord(w) || hasPhraseAt(check, [w], 0);
  const checking = asked.every(little);
  // "is that accurate": a part of check words (one at least) and little words only
  const onlyChecks = (ws: readonly string[]) => ws.every(little) && ws.some((w) => !isStopWord(w));
  if (
    openerParts.length > 0 &&
    (checking ||
      pointsBack(language, asked, 'back-reference') ||
      ((told || thin) && pointsBack(language, asked, 'pronoun')))
  )
    return (
      read
        .filter((p) => !p.intro)
        // "… is that accurate?": the part that only asks whether the claim holds is no word the facts must meet
        .filter((p) => !(checking && p.opener === 0 && onlyChecks(p.words)))
        .map((p) => (p.opener > 0 ? p.words.slice(p.opener).join(' ') : p.text))
        .join(' - ')
    );
  // "heard the envoy got hacked too, who was that": a question of only little words asks about the context
  return asked.some((w) => !isStopWord(w)) ? kept.join(' ') : text;
}

/**
 * The question's first "their" or "its" (or, with `pronoun`, "it") stands before anything of its own it could mean
 * ("were we affected by their breach", not "what did the board put out in its review"): it means what the context
 * named.
 */
function pointsBack(
  language: KnowledgeBase['language'],
  words: readonly string[],
  list: 'back-reference' | 'pronoun',
): boolean {
  const back = language.list(list);
  const at = words.findIndex((_, i) => hasPhraseAt(back, words, i));
  return at >= 0 && words.slice(0, at).every((w) => isStopWord(w) || language.wordSet.has(w));
}

/**
 * Typos of the language's own words ("wen", "discoverd", "vicitms") corrected before the patterns read them; any
 * other word is left as typed, so a name the knowledge base does not know stays unknown.
 */
function correctTowardLanguage(
  kb: KnowledgeBase,
  words: readonly string[],
  names: ReadonlySet<string> = new Set(),
): string[] {
  const vocabulary = kb.language.wordSet;
  return words.map((w, i) => {
    if (vocabulary.has(w) || kb.lexicon.has(w) || names.has(w)) return w;
    // a short word is read as a question word only where question words stand: "wen was" yes, "a div" no
    if (w.length <= SHORT_WORD && i > 1) return w;
    const fix = kb.lexicon.correct(w);
    if (fix && vocabulary.has(fix)) return fix;
    // a question word the knowledge base's own text never uses ("happend" for "happened")
    return nearestWord(vocabulary, w) ?? w;
  });
}

/**
 * The words written as names: capitalized after the question's first word, with lower case letters after the
 * capital ("what did the agency tell Zorbco customers"; not "PCs"), in lower case. In a question written in lower
 * case, a word of four capitals or more is a name too ("what was ZORBFALL"); in one written all in capitals, none is.
 */
function writtenAsNames(text: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=\s)[A-Z][a-z]{2,}[A-Za-z]*\b/g)) out.add(m[0].toLowerCase());
  if (/[a-z]{3}/.test(text)) for (const m of text.matchAll(/(?<=\s)[A-Z]{4,}(?![\w-])/g)) out.add(m[0].toLowerCase());
  return out;
}

/**
 * The words written as someone's ("globex's 2022 breach", "globex had its repos stolen"): names, never a slip for a
 * word of the language ("ciso").
 */
function possessors(language: Language, text: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/([a-z0-9][a-z0-9-]*)['’]s\b/g)) out.add(m[1] as string);
  const words = wordsOf(text);
  const owning = language.list('owning');
  for (let i = 0; i + 1 < words.length; i++) if (hasPhraseAt(owning, words, i + 1)) out.add(words[i] as string);
  return out;
}

/** The one language word a typing slip or two away from `word` (one for short words), if exactly one is. */
function nearestWord(vocabulary: ReadonlySet<string>, word: string): string | undefined {
  if (word.length < 7 || /\d/.test(word)) return undefined;
  const max = word.length >= 8 ? 2 : 1;
  let found: string | undefined;
  for (const v of vocabulary) {
    if (v.includes(' ') || Math.abs(v.length - word.length) > max || v[0] !== word[0]) continue;
    // two letters more at the end make another word ("unknownco" is not "unknown")
    if (extendsWord(word, v)) continue;
    if (editDistance(v, word, max) <= max) {
      // two words of one stem ("happens", "happened") are one meaning: either will do
      if (found && found !== v && termOf(found) !== termOf(v)) return undefined;
      found ??= v;
    }
  }
  return found;
}

/** An IP (plain or defanged), a long hex value, or a user-agent fragment: the question is an indicator lookup. */
export function holdsIndicator(language: Language, text: string): boolean {
  const plain = refang(text);
  if (findIpv4s(plain).length > 0 || /\b[0-9a-f]{32,64}\b/i.test(plain)) return true;
  const lower = plain.toLowerCase();
  return language.userAgentMarkers.some((marker) => lower.includes(marker));
}

/** "what's" → "what is", "they're" → "they are": so the patterns see the words people mean. */
/** "theyd", "youre": the contraction typed without its apostrophe, and the word it stands for. */
const CONTRACTED: Record<string, string> = { d: 'would', re: 'are', ve: 'have' };

export function expandContractions(text: string): string {
  return (
    text
      .replace(/\b(what|who|where|how|that|there|it|here|when|which)['’]s\b/gi, '$1 is')
      .replace(/\b(\w+)['’]re\b/gi, '$1 are')
      .replace(/\b(\w+)['’]ve\b/gi, '$1 have')
      // "wouldve", "shouldve": the contraction typed without its apostrophe
      .replace(/\b(would|could|should|might|must)ve\b/gi, '$1 have')
      .replace(/\b(they|you)(d|re|ve)\b/gi, (_, who: string, end: string) => `${who} ${CONTRACTED[end.toLowerCase()]}`)
      // "a unc-style attack", "x-like": the name and the word, apart
      .replace(/\b([a-z0-9]+)-(style|like|type)\b/gi, '$1 $2')
      // "the ex-initech cso", "an ex-employee": "ex" (a small word), and the name or word itself
      .replace(/\bex-(?=[a-z])/gi, 'ex ')
      .replace(/\b(\w+)['’]ll\b/gi, '$1 will')
      .replace(/\bi['’]m\b/gi, 'i am')
      .replace(/\b(how|where|what|who|why|when)['’]d\b/gi, '$1 did')
      .replace(/\b(i|you|we|they|he|she)['’]d\b/gi, '$1 would')
      .replace(/#\s*of\b/gi, 'number of')
      // "what % of tokens": the sign as a word
      .replace(/\s*%/g, ' percent')
      // "late-2025", "mid-2023": a time of a year, two words (not an id such as "cve-2021-21311")
      .replace(/\b([a-z]+)-((?:19|20)\d{2})\b(?!-)/gi, '$1 $2')
  );
}

/** Removes chat noise anywhere and openers at the start; keeps the words when nothing else would be left. */
export function stripNoise(language: Language, words: readonly string[], options: { noise?: boolean } = {}): string[] {
  return keptIndices(language, words, options).map((i) => words[i] as string);
}

/** The positions of the words that stay once noise (anywhere) and openers (at the start) are gone. */
function keptIndices(language: Language, words: readonly string[], options: { noise?: boolean } = {}): number[] {
  const out: number[] = [];
  for (let i = 0; i < words.length; ) {
    const noise =
      options.noise === false ? undefined : (phrasesAt(language.noise, words, i)[0] ?? wantedBy(language, words, i));
    if (noise) {
      i += noise;
      continue;
    }
    out.push(i);
    i++;
  }
  const view = out.map((i) => words[i] as string);
  let start = 0;
  for (let guard = 0; guard < 8 && start < view.length; guard++) {
    const opener = phrasesAt(language.openers, view, start)[0] ?? askedBy(language, view, start);
    if (!opener || start + opener >= view.length) break;
    start += opener;
  }
  const kept = out.slice(start);
  return kept.length > 0 ? kept : words.map((_, i) => i);
}

/**
 * "… but my boss wants the board's final numbers": who the answer is for and their wanting, anywhere in the
 * question, say nothing a fact must meet; their length at `at`, or undefined.
 */
function wantedBy(language: Language, words: readonly string[], at: number): number | undefined {
  for (const who of phrasesAt(language.list('asked-by'), words, at)) {
    // "my boss wants to know when …" opens the question: the opener reads it, with what follows
    if (phrasesAt(language.list('asked-by-verb'), words, at + who).length > 0) continue;
    const verb = phrasesAt(language.list('wanted-verb'), words, at + who)[0];
    if (verb) return who + verb;
  }
  return undefined;
}

/** Words that never start the question after who asks it: "asked to summarise", "asked for the timeline". */
const NOT_ASKED: ReadonlySet<string> = new Set(['to', 'for', 'about', 'that', 'if', 'whether']);

/**
 * "my boss wants to know when …", "our ciso asked how …": the length of who the question is for and the verb of
 * asking at `start`, when a question follows them; undefined otherwise.
 */
function askedBy(language: Language, words: readonly string[], start: number): number | undefined {
  for (const who of phrasesAt(language.list('asked-by'), words, start)) {
    for (const verb of phrasesAt(language.list('asked-by-verb'), words, start + who)) {
      const next = words[start + who + verb];
      if (next !== undefined && !NOT_ASKED.has(next)) return who + verb;
    }
  }
  return undefined;
}

/** True when the words are only greetings, thanks or a request for help. */
export function isAcknowledgement(language: Language, words: readonly string[]): boolean {
  return words.length > 0 && phrasesAt(language.acknowledgements, words, 0).includes(words.length);
}

function questionKind(kb: KnowledgeBase, words: readonly string[]): { kind: QuestionKind; subject?: string[] } {
  const language = kb.language;
  if (words.length === 0 || isAcknowledgement(language, words)) return { kind: 'help' };
  for (const entry of language.kinds) {
    for (const pattern of entry.patterns) {
      const match = matchPattern(pattern, words);
      if (!match) continue;
      const subject = match.name ? trimName(language, match.name) : undefined;
      const tail = match.nameStart !== undefined ? words.slice(match.nameStart) : [];
      if (!accepts(kb, entry.kind, words, subject, tail)) continue;
      return { kind: entry.kind, ...(subject && subject.length > 0 ? { subject } : {}) };
    }
  }
  return { kind: 'search' };
}

/** Rules a pattern cannot say: a definition of an action is no definition, one incident has nothing to compare. */
function accepts(
  kb: KnowledgeBase,
  kind: QuestionKind,
  words: readonly string[],
  subject: string[] | undefined,
  tail: readonly string[],
): boolean {
  const language = kb.language;
  if (kind === 'across') return kb.incidents.length > 1;
  if (kind === 'list:sources') {
    // "is there a link between the dump and the key": a relation, not a request for links
    for (let i = 0; i + 1 < words.length; i++)
      if (hasPhraseAt(language.list('relation-word'), words, i) && /^(between|among)$/.test(words[i + 1] ?? ''))
        return false;
  }
  if (kind === 'define' || kind === 'who-is') {
    if (!subject || subject.length === 0) return false;
    // "what does the board recommend for …": an opener that asks what someone does asks for a definition only with
    // its closer ("what does X mean")
    if (
      hasPhraseAt(language.list('define-needs-closer'), words, 0) &&
      !words.some((_, i) => hasPhraseAt(language.list('define-closer'), words, i))
    )
      return false;
    // "what is X known for": what X did, not what its name means
    if (hasAny(language.list('deed-ask'), words)) return false;
    // "what was stolen", "what happened", "what did they do": not a term to define
    if (hasPhraseAt(language.list('aux'), subject, 0) || hasPhraseAt(language.list('happened-word'), subject, 0))
      return false;
    // "what's the main takeaway from X": a request for the lessons, not a term
    if (subject.some((_, i) => hasPhraseAt(language.list('lesson-word'), subject, i))) return false;
    // "what was the root cause of the validation bug": what made it possible, not a term
    if (hasPhraseAt(language.list('root-cause-word'), subject, 0)) return false;
    // "what is the agency doing", "what is the vendor planning to do", "what is the key linked to": someone's
    // actions or how things relate, not a term
    for (let i = 1; i < tail.length; i++) {
      if (
        hasPhraseAt(language.list('action-verb'), tail, i) ||
        hasPhraseAt(language.list('intention'), tail, i) ||
        hasPhraseAt(language.list('relation-verb'), tail, i)
      )
        return false;
    }
    return true;
  }
  if (kind === 'summary' && subject && subject.length > 0) {
    // "a quick overview of this incident" or of an incident by name; "a summary of the signing key" is a search
    if (phrasesAt(language.list('this-incident'), subject, 0).includes(subject.length)) return true;
    if (mentionedIncident(kb, subject) !== undefined && subject.length <= 5) return true;
    // "tl;dr on the 2023 mail hack": an incident told by what happened, when it can only be one incident
    return (
      subject.length <= DESCRIBED_WORDS &&
      phrasesAt(language.list('incident-noun'), subject, subject.length - 1).includes(1) &&
      (kb.incidents.length === 1 || incidentOfProperNouns(kb, subject) !== undefined)
    );
  }
  if (kind === 'victim-check') {
    // "was it detected": the incident itself is no victim; "did the hackers read…": the hackers are the agent
    if (!subject || subject.length === 0) return false;
    // "did <an incident's actor> hit any other company": the actor is the agent, and the question asks whom it hit
    if (namesActor(kb, subject)) return false;
    return !['this-incident', 'pronoun', 'agent'].some((name) =>
      phrasesAt(language.lists.get(name) ?? language.list('pronoun'), subject, 0).includes(subject.length),
    );
  }
  return true;
}

/** True when the words are, whole, the name of a loaded incident's actor (or one of its aliases). */
function namesActor(kb: KnowledgeBase, subject: readonly string[]): boolean {
  const said = subject.join(' ');
  return kb.incidents.some((incident) => {
    const a = incident.attribution;
    return !!a && [a.actor, ...a.aliases].some((name) => wordsOf(name).join(' ') === said);
  });
}

/** The most words of an incident told by what happened ("the 2023 mail hack") that a summary is asked of. */
const DESCRIBED_WORDS = 6;

/** A `{name}` without the little words around it: "the recent X breach" → "X". */
export function trimName(language: Language, name: readonly string[]): string[] {
  let start = 0;
  let end = name.length;
  while (start < end && (language.nameFillers.has(name[start] as string) || isStopWord(name[start] as string))) start++;
  // a name ends at a joining or question word: "X and when"
  for (let i = start; i < end; i++) {
    if (hasPhraseAt(language.list('name-stop'), name, i)) {
      end = i;
      break;
    }
  }
  while (end > start && (isStopWord(name[end - 1] as string) || language.nameFillers.has(name[end - 1] as string)))
    end--;
  return name.slice(start, end);
}

/**
 * The key dates the words ask for, in order. A participle that describes a thing ("when was the compromised key
 * revoked", "the hacked accounts") asks for no date of its own: a determiner before it and a word after it.
 */
export function keyDatesIn(language: Language, words: readonly string[]): KeyDate[] {
  const found: Array<[KeyDate, number]> = [];
  const determiner = language.list('determiner');
  // "the leaked keys", "a public s3 bucket": a word of a key date that describes the next word asks no key date;
  // after "the" only a participle does ("the public learned" is still about going public), and "a start date" asks
  // for one
  const dateWord = language.list('date-word');
  const describes = (i: number) => {
    const [before, word, after] = [words[i - 1], words[i] as string, words[i + 1]];
    if (after && hasPhraseAt(dateWord, [after], 0)) return false;
    return (
      (word.endsWith('ed')
        ? before !== undefined && hasPhraseAt(determiner, [before], 0)
        : before === 'a' || before === 'an') &&
      !!after &&
      !isStopWord(after)
    );
  };
  for (const key of ORDERED_KEYS) {
    const set = language.keyDates[key];
    for (let i = 0; i < words.length; i++) {
      const lengths = phrasesAt(set, words, i);
      if (lengths.some((n) => n > 1) || (lengths.length > 0 && !describes(i))) {
        found.push([key, i]);
        break;
      }
    }
  }
  return found.sort((a, b) => a[1] - b[1]).map(([k]) => k);
}

function huntFormat(language: Language, words: readonly string[]): string | undefined {
  for (const { format, words: set } of language.huntPlatforms) if (hasAny(set, words)) return format;
  return undefined;
}

/** The first of the patterns that matches, with its subject trimmed (for responders reading a sub-question). */
export function subjectOf(language: Language, patterns: Parameters<typeof firstMatch>[0], words: readonly string[]) {
  const found = firstMatch(patterns, words);
  return found?.match.name ? trimName(language, found.match.name) : undefined;
}
