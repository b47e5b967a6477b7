/**
 * "What kind of key did they use?": the kind of a thing the incident involved is the glossary term the
 * incident's own data names for it ("MSA consumer signing key"), not a general definition ("signing key").
 */
import type { Answer } from '../answer.js';
import type { Ask } from '../ask-context.js';
import type { QuestionKind } from '../reading/language.js';
import { hasAny, hasPhraseAt, phrasesAt } from '../reading/patterns.js';
import type { Reading } from '../reading/read-question.js';
import { incidentNameTerms, incidentNameWords, madeOfListWords } from '../reading/subject.js';
import { passagesOf } from '../search/incident-passages.js';
import type { Passage } from '../search/passages.js';
import { isStopWord } from '../search/stopwords.js';
import { searchTerms, termOf, words as wordsOf } from '../search/tokenize.js';
import { respondTerm } from './respond-glossary.js';

/** What a term answer to a "what kind of" question is worth: the term is the incident's, its fit is by name. */
const CONFIDENCE = 0.85;

export function respondKindOf(ask: Ask, reading: Reading): Answer | undefined {
  const { kb, incident } = ask;
  if (!incident) return undefined;
  const language = kb.language;
  const { words } = reading;
  // "what kind of key", "which type of token": the word after the kind phrase
  const kinds = language.list('kind-word');
  const at = words.findIndex(
    (_w, i) => i > 0 && hasAny(language.list('which-word'), [words[i - 1] as string]) && hasPhraseAt(kinds, words, i),
  );
  const length = at >= 0 ? phrasesAt(kinds, words, at)[0] : undefined;
  const noun = length !== undefined ? termOf(words[at + length] ?? '') : undefined;
  if (!noun) return undefined;
  const own = incidentNameWords(incident);
  const headOf = (name: string) => termOf(wordsOf(name).at(-1) ?? '');
  // the terms named for that thing ("... signing key" for "key") that the incident's own data ties to the
  // incident, most specific first
  const terms = passagesOf(kb, incident.id, 'term').filter(
    (p: Passage) =>
      p.ref.kind === 'term' && headOf(p.ref.item.term) === noun && wordsOf(p.text).some((w) => own.has(w)),
  );
  const best = terms.sort((a, b) => wordsOf(b.title).length - wordsOf(a.title).length)[0];
  return best ? respondTerm(ask, best, CONFIDENCE) : undefined;
}

/** Question kinds that ask for a thing by its category ("which audit event", "which tool"), not a person or a time. */
const THING_KINDS: ReadonlySet<QuestionKind> = new Set(['search', 'list:logging', 'how', 'why', 'hunt', 'defender']);
/** Most words of the phrase after "which" ("which m365 audit event"). */
const WHICH_PHRASE = 4;
/**
 * Words of the phrase after "which" that the definition's opening must say ("audit event"): one word ("which
 * agency", "which state") names a category too wide to tell a term by.
 */
const CATEGORY_WORDS = 2;
/** Words at the start of a definition where its category stands ("A mailbox audit event recording …"). */
const CATEGORY_REACH = 6;
/** What a term answer to "which <category>" is worth: the definition says it is one, and it fits the rest best. */
const WHICH_CONFIDENCE = 0.85;

/**
 * "Which audit event would have shown it?": a glossary term of the incident whose definition opens by saying it is
 * one of that category, told in two words or more ("MailboxRead: A mailbox audit event …"), or in one word
 * with another of the asker's words ("A networking company … acquired"), the one whose name and first sentence meet
 * most of the rest of the question, and more of it than any other such term.
 */
export function respondWhichTerm(ask: Ask, reading: Reading): Answer | undefined {
  const { kb, incident } = ask;
  if (!incident || !THING_KINDS.has(reading.kind)) return undefined;
  const language = kb.language;
  const { words } = reading;
  const at = words.findIndex((w) => hasAny(language.list('category-ask'), [w]));
  if (at < 0 || hasPhraseAt(language.list('kind-word'), words, at + 1)) return undefined;
  const aux = language.list('aux');
  const phrase: string[] = [];
  for (const w of words.slice(at + 1, at + 1 + WHICH_PHRASE)) {
    if (hasAny(aux, [w]) || isStopWord(w)) break;
    phrase.push(w);
  }
  const asked = phrase.flatMap((w) => termOf(w) ?? []);
  if (asked.length === 0) return undefined;
  const concepts = reading.query.concepts.filter((c) => !c.filler);
  // "… some company it had acquired. which company was that?": a category told in one word, or a category of
  // people or organizations (which mostly asks who did something: "which federal agency spotted it"), is met only
  // with what the rest of the question says of it
  const loose = asked.length < CATEGORY_WORDS || hasAny(language.list('victim-unit'), phrase);
  // "how do we find out if they got into our mailboxes? which log?": what to check comes first
  if (loose && reading.kind === 'defender') return undefined;
  // the asker's own words, not those that stand for the incident or its attacker ("the actor", "the breach")
  const named = incidentNameTerms(incident);
  const rest = concepts
    .filter((c) => !c.weak && !madeOfListWords(language, c, ['generic-subject', 'actor-noun']))
    .flatMap((c) => c.own)
    .filter((t) => !asked.includes(t) && !named.has(t));
  const scored = passagesOf(kb, incident.id, 'term')
    .filter((p: Passage) => {
      if (p.ref.kind !== 'term') return false;
      const opening = wordsOf(p.ref.item.definition).slice(0, CATEGORY_REACH);
      if (!hasAny(language.list('article'), opening.slice(0, 1))) return false;
      const said = new Set(opening.flatMap((w) => termOf(w) ?? []));
      if (loose) return asked.every((t) => said.has(t)) && rest.some((t) => said.has(t));
      return new Set(asked.filter((t) => said.has(t))).size >= CATEGORY_WORDS;
    })
    .map((p) => {
      // what the definition's first sentence says the term is ("… recording access to mail items")
      const said = p.ref.kind === 'term' ? (p.ref.item.definition.split(/(?<=\.)\s/)[0] ?? '') : '';
      const terms = new Set(searchTerms(`${p.title} ${said}`));
      return { p, met: concepts.filter((c) => c.terms.some((t) => terms.has(t.term))).length };
    })
    .sort((a, b) => b.met - a.met);
  const [best, next] = scored;
  if (!best || (next && next.met === best.met)) return undefined;
  return respondTerm(ask, best.p, WHICH_CONFIDENCE);
}
