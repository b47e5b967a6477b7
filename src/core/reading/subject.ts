/**
 * What a question is about once its question words and the incident's own name are set aside: "when was the
 * stolen key revoked" is about the key; "when was it detected" is about nothing but the incident. Which words are
 * question words is data: each responder names the word lists (`data/language.yaml`) it sets aside.
 */
import type { Ask } from '../ask-context.js';
import type { Incident } from '../model.js';
import { isStopWord } from '../search/stopwords.js';
import { words } from '../search/tokenize.js';
import type { Language } from './language.js';
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

/** Concepts that name something other than the incident itself or the words of the lists set aside. */
export function subjectConcepts(ask: Ask, query: QueryAnalysis, setAside: readonly string[]): Concept[] {
  const language = ask.kb.language;
  const own = ask.incident ? incidentNameWords(ask.incident) : new Set<string>();
  const lists = ['generic-subject', ...setAside].map((name) => listWords(language, name));
  const aside = (w: string) => isStopWord(w) || own.has(w) || lists.some((l) => l.has(w));
  return query.concepts.filter((c) => !c.filler && !c.text.split(' ').every(aside));
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
