/**
 * "What kind of key did they use?": the kind of a thing the incident involved is the glossary term the
 * incident's own data names for it ("MSA consumer signing key"), not a general definition ("signing key").
 */
import type { Answer } from '../answer.js';
import type { Ask } from '../ask-context.js';
import { hasAny, hasPhraseAt, phrasesAt } from '../reading/patterns.js';
import type { Reading } from '../reading/read-question.js';
import { incidentNameWords } from '../reading/subject.js';
import { passagesOf } from '../search/incident-passages.js';
import type { Passage } from '../search/passages.js';
import { termOf, words as wordsOf } from '../search/tokenize.js';
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
