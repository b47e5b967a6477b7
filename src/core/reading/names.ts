/**
 * Names in a question: the incident it names, and a name the knowledge base has never heard of. A question about
 * an incident that is not loaded ("the X breach", "who hacked X") must get "X is not in the knowledge base", never
 * another incident's facts: that is decided here, by rule, with no list of other incidents.
 *
 * A name in an incident slot (`name-slots` in `data/language.yaml`) is *known* when part of it names something
 * the knowledge base holds: an incident (id, alias, title), a victim, an actor, a glossary term. Otherwise it is
 * unknown when one of its words is not in the knowledge base at all, or *not an incident* when one of its words is
 * a proper noun the knowledge base only mentions in passing (capitalised wherever it appears).
 *
 * @example
 * findUnknownName(kb, ['who', 'hacked', 'the', 'museum'])?.name // 'museum'
 */
import { isYear } from '../calendar.js';
import { yearSpan } from '../dates/dates.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { Incident } from '../model.js';
import { isNumberWord } from '../search/counts.js';
import { editDistance, sameDigits } from '../search/edit-distance.js';
import { normalizeName } from '../search/name-index.js';
import { indexTokens } from '../search/search-index.js';
import { isStopWord } from '../search/stopwords.js';
import { searchTerms, words as wordsOf } from '../search/tokenize.js';
import type { Language } from './language.js';
import { hasPhraseAt, matchPattern, phrasesAt } from './patterns.js';

export interface UnknownName {
  /** the name as the question wrote it */
  name: string;
  /** `unknown`: words the knowledge base does not hold; `not-incident`: mentioned, but no incident of its own */
  reason: 'unknown' | 'not-incident';
  /** incidents whose facts mention the name (for `not-incident`) */
  mentionedIn: string[];
}

/** Longest name, in words, looked up as an incident name. */
const MAX_NAME_WORDS = 5;
/** A word is a proper noun when it is capitalised at least this share of the times it appears mid-sentence. */
const PROPER_SHARE = 0.9;
/** The end of a one-word web address or a company name written like one ("acme.com", "acme.us"). */
const WEB_ADDRESS = /\.[a-z]{2,4}$/;
/** Abbreviations up to this long are read as terms, not names. */
const MAX_ACRONYM = 5;

/** The incident a run of the question's words names: exactly (longest first), run together ("data vault" for
 * "datavault"), or with a typo in a word the knowledge base does not otherwise know ("acmestak" for "acmestack"). */
export function mentionedIncident(kb: KnowledgeBase, words: readonly string[]): Incident | undefined {
  if (kb.incidents.length === 0) return undefined;
  const actors = actorNames(kb);
  for (let n = Math.min(MAX_NAME_WORDS, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const phrase = words.slice(i, i + n).join(' ');
      if (phrase.replace(/[^a-z0-9]/g, '').length < 3 || (n === 1 && isStopWord(phrase))) continue;
      let named = kb.incidentNames.exactAll(normalizeName(phrase));
      // "datavault.com": a company's web address names the company
      if (named.length === 0 && n === 1 && WEB_ADDRESS.test(phrase))
        named = kb.incidentNames.exactAll(normalizeName(phrase.replace(WEB_ADDRESS, '')));
      // "the ex-globex engineer": a name behind a prefix (`word-prefix`) is still the name
      const dash = phrase.indexOf('-');
      if (
        named.length === 0 &&
        n === 1 &&
        dash > 0 &&
        hasPhraseAt(kb.language.list('word-prefix'), [phrase.slice(0, dash)], 0)
      )
        named = kb.incidentNames.exactAll(normalizeName(phrase.slice(dash + 1)));
      const id =
        (named.length > 1 ? (ofTheYearAsked(kb, named, words) ?? ofTheNationAsked(kb, named, words)) : undefined) ??
        named[0] ??
        actors.get(normalizeName(phrase));
      const incident = id ? kb.incident(id) : undefined;
      if (incident) return incident;
    }
  }
  return looselyNamed(kb, words);
}

/**
 * "the vendor's corporate email in jan 2024" when two incidents go by the victim's name: the one whose dates (start
 * to end or disclosure) hold the year the question gives, when exactly one does.
 */
function ofTheYearAsked(kb: KnowledgeBase, ids: readonly string[], words: readonly string[]): string | undefined {
  const years = words.filter(isYear).map(Number);
  if (years.length === 0) return undefined;
  const holding = ids.filter((id) => {
    const incident = kb.incident(id);
    const span = incident ? yearSpan(incident) : undefined;
    return !!span && years.every((y) => y >= span.from && y <= span.to);
  });
  return holding.length === 1 ? holding[0] : undefined;
}

/** "the vendor ... the russian intrusion": of several incidents one name fits, the one attributed to that nation. */
function ofTheNationAsked(kb: KnowledgeBase, ids: readonly string[], words: readonly string[]): string | undefined {
  const attributed = nationIncidents(kb, words).filter((i) => ids.includes(i.id));
  return attributed.length === 1 ? attributed[0]?.id : undefined;
}

/** Shortest start of a name's word that stands for it ("cap" for "capital"). */
const MIN_SHORTENED = 3;

/**
 * An incident's name of two or more words typed with its words shortened ("cap one"), written out in full: each
 * typed word starts the name's word in its place, at least one is shortened, and exactly one incident's name fits.
 */
export function expandShortenedName(kb: KnowledgeBase, words: readonly string[]): string[] {
  let found: { at: number; parts: string[] } | undefined;
  const incidents = new Set<string>();
  for (const { incident, parts } of nameWordLists(kb)) {
    for (let i = 0; i + parts.length <= words.length; i++) {
      const run = words.slice(i, i + parts.length);
      const fits = run.every((w, k) => w.length >= MIN_SHORTENED && (parts[k] as string).startsWith(w));
      if (fits && run.some((w, k) => w !== parts[k])) {
        incidents.add(incident);
        found = { at: i, parts };
      }
    }
  }
  if (!found) return initialsWritten(kb, words);
  if (incidents.size !== 1) return [...words];
  const out = [...words];
  out.splice(found.at, found.parts.length, ...found.parts);
  return out;
}

/**
 * A two-word incident name typed as its initials ("the FA key" for a name like "Harbour Athletics"), written out:
 * a two-letter word the knowledge base never uses otherwise, that is the initials of exactly one incident's name.
 */
function initialsWritten(kb: KnowledgeBase, words: readonly string[]): string[] {
  const byInitials = new Map<string, Set<string>>();
  const partsOf = new Map<string, string[]>();
  for (const { incident, parts } of nameWordLists(kb)) {
    if (parts.length !== 2 || !parts.every((p) => /^[a-z]+$/.test(p))) continue;
    const initials = parts.map((p) => p[0]).join('');
    byInitials.set(initials, (byInitials.get(initials) ?? new Set()).add(incident));
    partsOf.set(initials, parts);
  }
  const at = words.findIndex(
    (w) => w.length === 2 && byInitials.get(w)?.size === 1 && !kb.lexicon.has(w) && !isStopWord(w),
  );
  if (at < 0) return [...words];
  const out = [...words];
  out.splice(at, 1, ...(partsOf.get(words[at] as string) as string[]));
  return out;
}

/**
 * An organization a question describes instead of naming ("the ride-hailing company", "the password manager
 * breach"), written as its name when the question names no incident and the name is a loaded incident's. A
 * description (`described-as` in data/language.yaml, hyphens read as spaces) counts when an `org-noun` or an
 * `incident-noun` follows it, or when it ends in an `org-noun` itself ("software giant"); the org noun goes with
 * it. Descriptions of two organizations, or of one that is not loaded, change nothing: the name-slot rules then
 * see the words as they were typed.
 */
export function expandDescribedName(kb: KnowledgeBase, words: readonly string[]): string[] {
  const language = kb.language;
  if (language.describedAs.length === 0 || kb.incidents.length < 2) return [...words];
  if (mentionedIncident(kb, words)) return [...words];
  // the words split at hyphens, each part knowing the typed word it came from
  const parts: string[] = [];
  const from: number[] = [];
  words.forEach((w, i) => {
    for (const part of w.split('-').filter(Boolean)) {
      parts.push(part);
      from.push(i);
    }
  });
  const orgNoun = language.list('org-noun');
  const incidentNoun = language.list('incident-noun');
  const indefinite = language.list('indefinite-article');
  // an org noun, singular or plural ("apps"), at a position: its length in words
  const nounAt = (at: number): number | undefined => {
    const length = phrasesAt(orgNoun, parts, at)[0];
    if (length !== undefined) return length;
    const word = parts[at];
    return word?.endsWith('s') && hasPhraseAt(orgNoun, [word.slice(0, -1)], 0) ? 1 : undefined;
  };
  // per organization, the runs of its descriptions ("homework help / textbook rental site") that name it: `strong`
  // when an org noun ends the run, weak when an incident noun follows it
  const found = new Map<string, Array<{ start: number; end: number; strong: boolean }>>();
  for (const { name, descriptions } of language.describedAs) {
    const runs: Array<{ start: number; end: number; strong: boolean }> = [];
    let run: number | undefined;
    for (let pos = 0; pos < parts.length; pos++) {
      const length = phrasesAt(descriptions, parts, pos)[0];
      if (length === undefined) {
        run = undefined;
        continue;
      }
      run ??= pos;
      const after = pos + length;
      const noun = nounAt(after);
      const endsInNoun = nounAt(after - 1) === 1;
      if (noun !== undefined || endsInNoun) runs.push({ start: run, end: after + (noun ?? 0), strong: true });
      // "the crypto heist" names one; "some crypto heist", "a crypto theft" describes any
      else if (hasPhraseAt(incidentNoun, parts, after) && !hasPhraseAt(indefinite, parts, run - 1))
        runs.push({ start: run, end: after, strong: false });
      // another description of the same organization may follow and end the run
      else if (phrasesAt(descriptions, parts, after).length > 0) {
        pos = after - 1;
        continue;
      }
      run = undefined;
      pos = after - 1;
    }
    if (runs.length > 0) found.set(name, runs);
  }
  // a description followed by an org noun says more than one followed by an incident noun ("crypto theft")
  let named = [...found];
  if (named.length > 1) named = named.filter(([, runs]) => runs.some((r) => r.strong));
  if (named.length !== 1) return [...words];
  const [name, runs] = named[0] as [string, Array<{ start: number; end: number }>];
  const nameWords = wordsOf(name.toLowerCase());
  if (!mentionedIncident(kb, nameWords)) return [...words];
  const out = [...words];
  for (const r of [...runs].reverse()) {
    const first = from[r.start] as number;
    const last = from[r.end - 1] as number;
    out.splice(first, last - first + 1, ...nameWords);
  }
  return out;
}

/** Every incident's names of two or more words, as lower-case words (made once per knowledge base). */
const wordListMemo = new WeakMap<KnowledgeBase, Array<{ incident: string; parts: string[] }>>();
function nameWordLists(kb: KnowledgeBase): Array<{ incident: string; parts: string[] }> {
  let list = wordListMemo.get(kb);
  if (!list) {
    list = kb.incidents.flatMap((incident) =>
      [incident.title, ...incident.aliases]
        .map((name) => ({
          incident: incident.id,
          parts: name
            .toLowerCase()
            .split(/[^a-z0-9]+/)
            .filter(Boolean),
        }))
        .filter((c) => c.parts.length >= 2 && c.parts.length <= MAX_NAME_WORDS),
    );
    wordListMemo.set(kb, list);
  }
  return list;
}

/** Shortest run-together name, and shortest word, read as a mistyped incident name. */
const MIN_LOOSE = 6;

function looselyNamed(kb: KnowledgeBase, words: readonly string[]): Incident | undefined {
  const names = compactNames(kb);
  for (let n = 3; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const run = words.slice(i, i + n);
      if (run.some((w) => isStopWord(w))) continue;
      const key = run.join('').replace(/[^a-z0-9]/g, '');
      if (key.length < MIN_LOOSE) continue;
      const exact = names.find((c) => c.key === key);
      if (exact && n > 1) return kb.incident(exact.incident);
      // one word the knowledge base does not know, a typing slip from a name
      if (n !== 1 || kb.lexicon.has(run[0] as string)) continue;
      const max = key.length >= 9 ? 2 : 1;
      const close = names.filter(
        (c) =>
          Math.abs(c.key.length - key.length) <= max && sameDigits(key, c.key) && editDistance(key, c.key, max) <= max,
      );
      const ids = new Set(close.map((c) => c.incident));
      if (ids.size === 1) return kb.incident([...ids][0] as string);
    }
  }
  return undefined;
}

/** Every incident's id, aliases and title, letters and digits only. */
const compactMemo = new WeakMap<KnowledgeBase, Array<{ incident: string; key: string }>>();
function compactNames(kb: KnowledgeBase): Array<{ incident: string; key: string }> {
  let list = compactMemo.get(kb);
  if (!list) {
    list = kb.incidents.flatMap((incident) =>
      [incident.id, incident.title, ...incident.aliases]
        .map((name) => ({ incident: incident.id, key: name.toLowerCase().replace(/[^a-z0-9]/g, '') }))
        .filter((c) => c.key.length >= MIN_LOOSE && c.key.length <= 40),
    );
    compactMemo.set(kb, list);
  }
  return list;
}

/** The first name in an incident slot that the knowledge base does not hold, if any. */
export function findUnknownName(
  kb: KnowledgeBase,
  words: readonly string[],
  named: Incident | undefined,
  possessors: ReadonlySet<string> = new Set(),
  writtenAsNames: ReadonlySet<string> = new Set(),
): UnknownName | undefined {
  const language = kb.language;
  const prefix = unknownPrefix(kb, words);
  if (prefix && !named) return prefix;
  const foreign = named ? undefined : unattributedNation(kb, words);
  if (foreign) return foreign;
  for (const [strength, patterns] of [
    ['strong', language.nameSlots.strong],
    ['weak', language.nameSlots.weak],
  ] as const) {
    for (const pattern of patterns) {
      const match = matchPattern(pattern, words);
      if (!match?.name) continue;
      const name = trimSlotName(kb, ownerOnly(language, match.name, possessors));
      if (name.length === 0) continue;
      const verdict = judgeName(kb, name, strength, named);
      if (verdict) return verdict;
    }
  }
  // "what did the agency tell Zorbco customers": a word written as a name that the knowledge base has never seen,
  // nor one slip of a word it has, names something it does not hold, wherever it stands; a run of such words that
  // holds a name the facts use ("Joe Roe" where they write "Joseph Roe") is left to the rules above. A question
  // with fewer than two other words the facts use ("the best pizza topping in Zorbville") is about something else
  // altogether: it is declined as such, not as an incident that is not loaded
  const offTopic =
    words.filter((w) => !writtenAsNames.has(w) && !isStopWord(w) && kb.lexicon.has(w)).length < ON_TOPIC_WORDS;
  // … unless it names another member of a loaded name's family ("what is Zorb Typhoon known for")
  if (offTopic) return familyRun(kb, words, writtenAsNames);
  const knownPerson = personAt(
    words,
    (v) => kb.lexicon.has(v) && isProperNoun(kb, v),
    (pair) => pair.some((v) => writtenAsNames.has(v)),
  );
  for (const { at, run } of nameRuns(words, writtenAsNames)) {
    if (!run.some((w) => isUnheard(kb, w, true))) continue;
    // "Don Roe, the Ruritania rep": after a full name the facts mention, one word never seen tells (or gets wrong)
    // something about that person
    if (run.length === 1 && knownPerson >= 0 && at > knownPerson + 1) continue;
    // "Zorb Squall" beside a loaded "Quartz Squall": a name of the same family, not the loaded one
    if (sameFamily(kb, run)) return { name: run.join(' '), reason: 'unknown', mentionedIn: [] };
    if (run.some((w) => isProperNoun(kb, w))) continue;
    const verdict = judgeName(kb, run, 'weak', named);
    if (verdict) return verdict;
  }
  // "the zorb4x flaw, was it exploited": a word of letters and digits mixed is a product's or a
  // flaw's name; one the knowledge base has never seen names something it does not hold
  for (const w of words) {
    if (MIXED_NAME.test(w) && isUnheard(kb, w, true)) return { name: w, reason: 'unknown', mentionedIn: [] };
  }
  // "is zorb squall the same crew": typed in lower case, a word never seen before the last word of a loaded name
  // of two or more words is still another member of that family (a short one is more often an abbreviation: the
  // "db snapshot" of a loaded "Zorbco RDS Snapshot")
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = words.slice(i, i + 2);
    const first = pair[0] as string;
    if (first.length < MIN_FAMILY_WORD || isStopWord(first) || writtenAsNames.has(first)) continue;
    if (sameFamily(kb, pair)) return { name: pair.join(' '), reason: 'unknown', mentionedIn: [] };
  }
  return undefined;
}

/**
 * Where the first two words side by side that are both names the knowledge base knows (a full name: "don roe")
 * start, -1 for none; `pairOk` may ask more of the two together.
 */
function personAt(
  words: readonly string[],
  known: (word: string) => boolean,
  pairOk: (pair: readonly string[]) => boolean = () => true,
): number {
  return words.findIndex((w, i) => {
    const pair = [w, words[i + 1]];
    return pair.every((v): v is string => v !== undefined && known(v)) && pairOk(pair as string[]);
  });
}

/** Runs of words side by side that are written as names, with where each starts. */
function nameRuns(words: readonly string[], writtenAsNames: ReadonlySet<string>): Array<{ at: number; run: string[] }> {
  const out: Array<{ at: number; run: string[] }> = [];
  for (let i = 0; i < words.length; i++) {
    if (!writtenAsNames.has(words[i] as string)) continue;
    let end = i + 1;
    while (end < words.length && writtenAsNames.has(words[end] as string)) end++;
    out.push({ at: i, run: words.slice(i, end) });
    i = end - 1;
  }
  return out;
}

/** The first run of words written as names that is another member of a loaded name's family, as unknown. */
function familyRun(
  kb: KnowledgeBase,
  words: readonly string[],
  writtenAsNames: ReadonlySet<string>,
): UnknownName | undefined {
  const found = nameRuns(words, writtenAsNames).find(({ run }) => sameFamily(kb, run));
  return found ? { name: found.run.join(' '), reason: 'unknown', mentionedIn: [] } : undefined;
}

/** Letters, then digits, then letters again ("zorb4x"): a name, never a word of the language. */
const MIXED_NAME = /^[a-z]{2,}\d+[a-z]+$/;

/** The shortest lower-case word read as the first of a family name ("zorb squall"). */
const MIN_FAMILY_WORD = 4;

/** The fewest words the facts use, besides its names, that make a question one about incidents. */
const ON_TOPIC_WORDS = 2;

/**
 * True when the run of words ends as a loaded incident's name of two or more words ends, and the words before
 * that differ from the name's and were never seen: another member of a family of names ("Zorb Typhoon"). A family
 * ends in a name's word; a name that ends in a technical term ("… MFA") makes no family ("beat mfa" is a verb on it).
 */
function sameFamily(kb: KnowledgeBase, run: readonly string[]): boolean {
  if (run.length < 2) return false;
  const last = run.at(-1) as string;
  if (!isProperNoun(kb, last)) return false;
  const before = run.slice(0, -1);
  return nameWordLists(kb).some(
    (n) =>
      n.parts.at(-1) === last &&
      before.every((w) => !n.parts.includes(w)) &&
      before.every((w) => isUnheard(kb, w, true)),
  );
}

/**
 * The incident a question is about when it names no incident but a person, organization or product that only one
 * incident's facts mention ("what happened to the former CSO" → the write-up that names him).
 */
export function incidentOfProperNouns(kb: KnowledgeBase, words: readonly string[]): Incident | undefined {
  if (kb.incidents.length < 2) return undefined;
  const calendar = kb.language.list('calendar-word');
  // a word of one incident's title counts too ("webex" names the write-up about it); a word many incidents share
  // points to none
  const nouns = kb.language.list('incident-noun');
  const titled = titleWordCounts(kb);
  const proper = words.filter(
    (w) =>
      w.length >= 3 &&
      !isStopWord(w) &&
      !calendar.byFirst.has(w) &&
      (isProperNoun(kb, w) ||
        // "no-fly" typed for the "No Fly" list: a hyphenated word with a proper noun in it
        (w.includes('-') && w.split('-').some((part) => part.length >= 3 && isProperNoun(kb, part))) ||
        (titled.get(w) === 1 && !nouns.byFirst.has(w))),
  );
  if (proper.length === 0) return undefined;
  // "how did the police tie the acme outage to her": a name many incidents mention ("police") points nowhere, one
  // that only one incident mentions points there, when no other such name points elsewhere
  const singles = new Set(
    proper.map((w) => incidentsMentioning(kb, [w])).flatMap((ids) => (ids.length === 1 ? ids : [])),
  );
  const only = singles.size === 1 ? kb.incident([...singles][0] as string) : undefined;
  return only && only !== kb.defaultIncident ? only : undefined;
}

/** How many incidents' titles hold each word (made once per knowledge base). */
const titleWordsMemo = new WeakMap<KnowledgeBase, ReadonlyMap<string, number>>();
function titleWordCounts(kb: KnowledgeBase): ReadonlyMap<string, number> {
  let counts = titleWordsMemo.get(kb);
  if (!counts) {
    const made = new Map<string, number>();
    for (const incident of kb.data.incidents)
      for (const w of new Set(wordsOf(incident.title))) made.set(w, (made.get(w) ?? 0) + 1);
    counts = made;
    titleWordsMemo.set(kb, counts);
  }
  return counts;
}

/**
 * "daniel roe's job", "acme's stock price": a name written as someone's ends with the owner; what follows is a thing
 * of theirs, no part of the name.
 */
function ownerOnly(language: Language, name: readonly string[], possessors: ReadonlySet<string>): readonly string[] {
  const owner = name.findIndex((w) => possessors.has(w));
  if (owner < 0) return name;
  // "a cabinet secretary's mailbox": someone described, not named
  if (language.list('indefinite-article').byFirst.has(name[0] as string)) return [];
  return name.slice(0, owner + 1);
}

/** Fillers and function words off both ends of a slot's name. */
function trimSlotName(kb: KnowledgeBase, name: readonly string[]): string[] {
  const language = kb.language;
  // a year, or a span of years ("2023-24", "2019-2020"), dates the name; it is no part of it
  const drop = (w: string) => language.nameFillers.has(w) || isStopWord(w) || /^\d{4}(-\d{2}|-\d{4})?$/.test(w);
  // a name stops at a joining or question word ("X and when"); one that starts with one names nothing
  // ("zorblax were we hit"): a verb's helper after the name's first word ends it too
  const aux = language.list('aux');
  const stop = name.findIndex((w, i) => language.list('name-stop').byFirst.has(w) || (i > 0 && aux.byFirst.has(w)));
  const before = stop >= 0 ? name.slice(0, stop) : name;
  // "the hearing on the acme hack": the name is what stands after the preposition, not what the thing was about
  const preposition = before.findLastIndex((w) => language.list('name-preposition').byFirst.has(w));
  const upTo = preposition >= 0 ? before.slice(preposition + 1) : before;
  // "what was his job when he got hacked": a thing of someone's, no incident's name
  if (upTo.length > 0 && language.list('possessive-word').byFirst.has(upTo[0] as string)) return [];
  // "on the consumer side, when were …": one side or part of the story, no name
  if (upTo.length > 0 && language.list('facet-noun').byFirst.has(upTo.at(-1) as string)) return [];
  let start = 0;
  let end = upTo.length;
  while (start < end && drop(upTo[start] as string)) start++;
  while (end > start && drop(upTo[end - 1] as string)) end--;
  return upTo.slice(start, end);
}

/**
 * "X timeline" where X is no loaded incident and no word the knowledge base knows; or a question that opens with
 * two such words in a row ("acme widgetco tokens stolen …, who did it"): a name it does not hold.
 */
function unknownPrefix(kb: KnowledgeBase, words: readonly string[]): UnknownName | undefined {
  const [first, second, ...rest] = words;
  if (!first || !second) return undefined;
  const commands = kb.language.lists.get('command-word');
  if (!isUnknownWord(kb, first) || commands?.byFirst.has(first)) return undefined;
  if (commands?.byFirst.has(second)) {
    return rest.length <= 3 ? { name: first, reason: 'unknown', mentionedIn: [] } : undefined;
  }
  return isUnheard(kb, first) && isUnheard(kb, second)
    ? { name: `${first} ${second}`, reason: 'unknown', mentionedIn: [] }
    : undefined;
}

/** A word no fact holds, and no slip of a name's word. */
function isUnknownWord(kb: KnowledgeBase, word: string): boolean {
  return !isStopWord(word) && !kb.lexicon.has(word) && !isNumberWord(word) && !isEntityWordTypo(kb, word);
}

/**
 * An unknown word that is no word of the language's lists, no number and no typo the speller would fix (one
 * written as a name, `asName`, only for a single slip).
 */
function isUnheard(kb: KnowledgeBase, word: string, asName = false): boolean {
  if (!isUnknownWord(kb, word) || /^\d/.test(word)) return false;
  if (kb.language.nameFillers.has(word) || kb.language.wordSet.has(word)) return false;
  const fix = kb.lexicon.correct(word, asName);
  return fix === undefined || fix === word;
}

/** The shortest word read as an adverb by its ending. */
const MIN_ADVERB = 7;

/** "mechanically", "seriously": a word with an adverb's ending (data/language.yaml) describes; it names nothing. */
function isAdverb(language: Language, word: string): boolean {
  if (word.length < MIN_ADVERB) return false;
  for (const ending of language.list('adverb-ending').byFirst.keys()) if (word.endsWith(ending)) return true;
  return false;
}

/**
 * Undefined when the name is known; otherwise why not. In a strong slot (the name is an incident's), a proper noun
 * the knowledge base only mentions in passing is not enough: it has no incident of its own.
 */
function judgeName(
  kb: KnowledgeBase,
  name: readonly string[],
  strength: 'strong' | 'weak',
  named: Incident | undefined,
): UnknownName | undefined {
  // words covered by the name of something the knowledge base holds are known, whatever else they are
  const entities = entityNames(kb);
  const covered = new Array<boolean>(name.length).fill(false);
  for (let n = name.length; n >= 1; n--) {
    for (let i = 0; i + n <= name.length; i++) {
      const run = name.slice(i, i + n);
      // "commute air" for a name written as one word: the words that spell it are it
      const spelled = entities.has(run.join(' ')) || (n > 1 && entities.has(run.join('')));
      if (spelled) for (let k = i; k < i + n; k++) covered[k] = true;
    }
  }
  const text = name.join(' ');
  // "t mobile", "j crew": a lone letter before a word is a name typed without its hyphen; one the knowledge base has
  // never seen, joined either way, names something it does not hold
  if (strength === 'strong') {
    for (let i = 0; i + 1 < name.length; i++) {
      const [letter, next] = [name[i] as string, name[i + 1] as string];
      if (!/^[b-hj-z]$/.test(letter) || next.length < 2 || isStopWord(next)) continue;
      if (![`${letter}-${next}`, `${letter}${next}`].some((w) => kb.lexicon.has(w)))
        return { name: `${letter}-${next}`, reason: 'unknown', mentionedIn: [] };
    }
  }
  const content = name.filter(
    (w, i) => !covered[i] && !isStopWord(w) && w.length >= 2 && !isNumberWord(w) && !isAdverb(kb.language, w),
  );
  if (content.length === 0) return undefined;
  // "ex-globex": a known word behind a prefix ("ex-", "non-", "former-") is known; "x-telecom" is not
  const prefixes = kb.language.list('word-prefix');
  const citedOnly = sourceOnlyWords(kb);
  // "per <author>, what is the takeaway from <incident>": a publisher the named incident cites is who the asker quotes
  const cites = named ? publisherWords(named) : undefined;
  const known = (w: string) => {
    if (kb.lexicon.has(w)) return !citedOnly.has(w) || !!cites?.has(w);
    const dash = w.indexOf('-');
    return dash > 0 && hasPhraseAt(prefixes, [w.slice(0, dash)], 0) && kb.lexicon.has(w.slice(dash + 1));
  };
  const unknownWord = (w: string) => !known(w) && !isEntityWordTypo(kb, w);
  const entity = entityWords(kb);
  // a strong slot names an incident: one word never seen is enough. A weak one may name anything: a word never
  // seen next to a name the knowledge base mentions ("joe" next to a surname in a write-up) is that person
  const vouched = strength === 'weak' && content.some((w) => !unknownWord(w) && isProperNoun(kb, w) && !entity.has(w));
  // "Don Roe, the Ruritania rep": a full name the facts mention (two known proper nouns side by side) is that person,
  // whatever one word never seen after it gets wrong about them; a word never seen before known words names another
  // thing they describe ("zorblax kite maker" beside a loaded "kite maker")
  const person = personAt(name, (v) => !unknownWord(v) && isProperNoun(kb, v));
  const unknownAt = name.findIndex((w) => content.includes(w) && unknownWord(w));
  const vouchedPerson = person >= 0 && unknownAt > person + 1 && content.filter(unknownWord).length === 1;
  if (content.some(unknownWord) && !vouched && !vouchedPerson)
    return { name: text, reason: 'unknown', mentionedIn: [] };
  if (strength === 'weak') return undefined;
  const calendar = kb.language.list('calendar-word');
  const proper = content.filter(
    (w) => isProperNoun(kb, w) && !entity.has(w) && !calendar.byFirst.has(w) && !isAttributedNation(kb, w),
  );
  if (proper.length === 0) return undefined;
  const mentionedIn = incidentsMentioning(kb, proper);
  // part of the story of the incident the question names ("the umbrella devops engineer")
  if (named && mentionedIn.includes(named.id)) return undefined;
  // what one incident's own summary is about ("the no fly list leak"): that incident, told by what it exposed
  const toldBy = mentionedIn.filter((id) => {
    const incident = kb.incident(id);
    const own = incident ? new Set(wordsOf(`${incident.title} ${incident.victim} ${incident.summary}`)) : undefined;
    return own !== undefined && proper.every((w) => own.has(w));
  });
  if (toldBy.length === 1 && !named) return undefined;
  return { name: text, reason: 'not-incident', mentionedIn };
}

/** Names of things the knowledge base holds, normalized: incidents, victims, actors, glossary terms. */
const entityMemo = new WeakMap<KnowledgeBase, ReadonlySet<string>>();
/**
 * "when did the russian hack happen", no incident named: a nation that no loaded incident's attribution names
 * points to an incident that is not loaded, whatever else the question shares with the loaded ones. Only when
 * every nation the question names is foreign to them all ("was it china or russia" stays a question).
 */
function unattributedNation(kb: KnowledgeBase, words: readonly string[]): UnknownName | undefined {
  const nations = kb.language.list('nation-word');
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const lengths = phrasesAt(nations, words, i);
    const length = lengths[0];
    if (length === undefined) continue;
    found.push(words.slice(i, i + length).join(' '));
    i += length - 1;
  }
  if (found.length === 0 || found.some((n) => isAttributedNation(kb, n))) return undefined;
  return { name: found[0] as string, reason: 'unknown', mentionedIn: [] };
}

/**
 * "the chinese email hack": a nation word the attribution of a loaded incident uses describes that incident's
 * actor; it is no name of an incident of its own.
 */
function isAttributedNation(kb: KnowledgeBase, word: string): boolean {
  return attributedBy(kb, word).length > 0;
}

/** True when the incident's attribution names the nation ("chinese", "china-linked"). */
export function isAttributedTo(kb: KnowledgeBase, incident: Incident, word: string): boolean {
  return attributedBy(kb, word).includes(incident);
}

/** The incidents attributed to the nation the word names, itself or before a hyphen ("china-linked"). */
function attributedBy(kb: KnowledgeBase, word: string): Incident[] {
  // "china-linked", "russia-backed": the nation before a hyphen describes the actor the same way
  const dash = word.indexOf('-');
  return [...(dash > 0 ? incidentsAttributedTo(kb, word.slice(0, dash)) : []), ...incidentsAttributedTo(kb, word)];
}

/** The incidents whose attribution names the nation (by any of its names), none for a word that is no nation. */
function incidentsAttributedTo(kb: KnowledgeBase, word: string): Incident[] {
  if (!hasPhraseAt(kb.language.list('nation-word'), word.split(' '), 0)) return [];
  // "beijing" is attributed where the attribution says "China": the synonym groups say which names are one nation
  const names = [word, ...kb.synonyms.groups.filter((g) => g.includes(word)).flat()];
  const patterns = names.map((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\b`, 'i'));
  const said = (text: string) => patterns.some((p) => p.test(text));
  return kb.incidents.filter((i) => {
    const a = i.attribution;
    return !!a && (said(a.actor) || said(a.summary) || a.details.some((d) => said(d.text)));
  });
}

/**
 * "when did the vendor detect the russian intrusion", no incident named: the one loaded incident whose
 * attribution names the nation the question names is the one asked about (unless it is the default already).
 */
export function incidentOfNation(kb: KnowledgeBase, words: readonly string[]): Incident | undefined {
  if (kb.incidents.length < 2) return undefined;
  const found = nationIncidents(kb, words);
  const only = found.length === 1 ? found[0] : undefined;
  return only && only !== kb.defaultIncident ? only : undefined;
}

/** The incidents whose attribution names a nation the question names. */
function nationIncidents(kb: KnowledgeBase, words: readonly string[]): Incident[] {
  const nations = kb.language.list('nation-word');
  const found = new Set<Incident>();
  for (let i = 0; i < words.length; i++) {
    const length = phrasesAt(nations, words, i)[0];
    if (length === undefined) continue;
    for (const incident of incidentsAttributedTo(kb, words.slice(i, i + length).join(' '))) found.add(incident);
    i += length - 1;
  }
  return [...found];
}

/**
 * Words the knowledge base holds only in its list of sources ("via Quuxmail Finance", a headline's words): it cites
 * them, it knows nothing about them. A name made of them is not one of the knowledge base's own.
 */
const sourceOnlyMemo = new WeakMap<KnowledgeBase, ReadonlySet<string>>();
function sourceOnlyWords(kb: KnowledgeBase): ReadonlySet<string> {
  let made = sourceOnlyMemo.get(kb);
  if (!made) {
    const cited = new Set<string>();
    const told = new Set<string>();
    for (const p of kb.passages) {
      const into = p.kind === 'source' ? cited : told;
      for (const w of indexTokens(`${p.title} ${p.text}`)) into.add(w);
      if (p.kind !== 'source') for (const w of indexTokens(p.keywords)) told.add(w);
    }
    for (const group of kb.data.synonyms) for (const member of group) for (const w of indexTokens(member)) told.add(w);
    for (const incident of kb.incidents)
      for (const w of indexTokens(`${incident.id} ${incident.aliases.join(' ')}`)) told.add(w);
    made = new Set([...cited].filter((w) => !told.has(w)));
    sourceOnlyMemo.set(kb, made);
  }
  return made;
}

/** The words of the publishers an incident cites ("breaches.cloud (Jane Doe)"), made once per incident. */
const publisherMemo = new WeakMap<Incident, ReadonlySet<string>>();
function publisherWords(incident: Incident): ReadonlySet<string> {
  let made = publisherMemo.get(incident);
  if (!made) {
    made = new Set(incident.sources.flatMap((source) => indexTokens(source.publisher)));
    publisherMemo.set(incident, made);
  }
  return made;
}

function entityNames(kb: KnowledgeBase): ReadonlySet<string> {
  let names = entityMemo.get(kb);
  if (!names) {
    const set = new Set<string>();
    const add = (name: string | undefined) => {
      if (!name) return;
      const words = wordsOf(name);
      if (words.length > 0 && words.length <= 8) set.add(words.join(' '));
    };
    for (const incident of kb.data.incidents) {
      add(incident.id);
      for (const a of incident.aliases) add(a);
      if (incident.victim && incident.victim.length <= 40) add(incident.victim);
      for (const v of incident.victims) {
        if (v.kind === 'figure') continue;
        add(v.name);
        for (const a of v.aliases) add(a);
        if (v.role && v.role.length <= 48) add(v.role);
      }
      if (incident.attribution) {
        add(incident.attribution.actor);
        for (const a of incident.attribution.aliases) add(a);
      }
      for (const t of incident.glossary) {
        add(t.term);
        for (const a of t.aliases) add(a);
      }
    }
    names = set;
    entityMemo.set(kb, names);
  }
  return names;
}

/** Every word of every entity name. */
const entityWordsMemo = new WeakMap<KnowledgeBase, ReadonlySet<string>>();
function entityWords(kb: KnowledgeBase): ReadonlySet<string> {
  let words = entityWordsMemo.get(kb);
  if (!words) {
    words = new Set([...entityNames(kb)].flatMap((n) => n.split(' ')));
    for (const incident of kb.data.incidents) for (const w of wordsOf(incident.title)) (words as Set<string>).add(w);
    entityWordsMemo.set(kb, words);
  }
  return words;
}

/** A word one or two typing slips away from a word of an entity name ("strom" for "storm"). */
function isEntityWordTypo(kb: KnowledgeBase, word: string): boolean {
  if (word.length < 5) return false;
  const max = word.length >= 8 ? 2 : 1;
  for (const w of entityWords(kb)) {
    // a short word (an abbreviation such as "dept") is no word a longer one is a slip of ("depot")
    if (w.length < 5 || Math.abs(w.length - word.length) > max) continue;
    if (!sameDigits(word, w)) continue;
    if (editDistance(word, w, max) <= max) return true;
  }
  return false;
}

/** Actor names and aliases → incident id. */
const actorMemo = new WeakMap<KnowledgeBase, ReadonlyMap<string, string>>();
function actorNames(kb: KnowledgeBase): ReadonlyMap<string, string> {
  let map = actorMemo.get(kb);
  if (!map) {
    const m = new Map<string, string>();
    for (const incident of kb.incidents) {
      const a = incident.attribution;
      if (!a) continue;
      for (const name of [a.actor, ...a.aliases]) {
        const key = normalizeName(name);
        if (key.length >= 3 && !m.has(key)) m.set(key, incident.id);
      }
    }
    map = m;
    actorMemo.set(kb, map);
  }
  return map;
}

/** How often each word is written with a capital mid-sentence, and how often not, across all passages. */
const caseMemo = new WeakMap<KnowledgeBase, ReadonlyMap<string, CaseCount>>();
interface CaseCount {
  upper: number;
  lower: number;
  /** written with two capitals or more ("IPs", "CSRB"): an abbreviation, not a name */
  acronym: number;
}
function caseCounts(kb: KnowledgeBase): ReadonlyMap<string, CaseCount> {
  let counts = caseMemo.get(kb);
  if (!counts) {
    const m = new Map<string, CaseCount>();
    for (const p of kb.passages) {
      for (const text of [p.title, p.text]) {
        const re = /([.!?:]\s+|^)?([A-Za-z][A-Za-z0-9-]*)/g;
        for (let found = re.exec(text); found; found = re.exec(text)) {
          if (found[1] !== undefined) continue; // a sentence's first word says nothing about case
          const word = found[2] as string;
          const key = word.toLowerCase();
          const entry = m.get(key) ?? { upper: 0, lower: 0, acronym: 0 };
          if (word === key) entry.lower++;
          else entry.upper++;
          if (/[A-Z].*[A-Z]/.test(word)) entry.acronym++;
          m.set(key, entry);
        }
      }
    }
    counts = m;
    caseMemo.set(kb, counts);
  }
  return counts;
}

/** True when the knowledge base writes the word with a capital (nearly) every time: a name, not a common word. */
export function isProperNoun(kb: KnowledgeBase, word: string): boolean {
  const c = caseCounts(kb).get(word);
  if (!c || c.upper === 0 || c.upper / (c.upper + c.lower) < PROPER_SHARE) return false;
  // a short abbreviation ("IPs", "IOCs", "UAL") is a technical term more often than a name
  return !(word.length <= MAX_ACRONYM && c.acronym >= c.upper / 2);
}

/** Incidents whose passages mention any of the words. */
function incidentsMentioning(kb: KnowledgeBase, words: readonly string[]): string[] {
  const found = new Set<string>();
  for (const w of words) for (const id of incidentsWithWord(kb, w)) found.add(id);
  return [...found];
}

/**
 * Incidents whose facts use the word, from the search index's postings (a rare word has few): no pass over every
 * passage's text. Remembered per knowledge base for the last words asked about.
 */
const mentionMemo = new WeakMap<KnowledgeBase, Map<string, readonly string[]>>();
const MENTION_MEMO = 512;
function incidentsWithWord(kb: KnowledgeBase, word: string): readonly string[] {
  let memo = mentionMemo.get(kb);
  if (!memo) {
    memo = new Map();
    mentionMemo.set(kb, memo);
  }
  const known = memo.get(word);
  if (known) return known;
  const terms = searchTerms(word);
  const ids =
    terms.length === 0
      ? []
      : [
          ...new Set(
            kb.index
              .search(
                terms.map((term) => ({ term, weight: 1 })),
                { limit: kb.passages.length },
              )
              // every term of the word ("gamma-0042" → gamma, 0042), not any one of them
              .filter((h) => terms.every((t) => h.matched.has(t)))
              .map((h) => h.passage.incident),
          ),
        ];
  if (memo.size >= MENTION_MEMO) memo.delete(memo.keys().next().value as string);
  memo.set(word, ids);
  return ids;
}
