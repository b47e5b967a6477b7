/**
 * What a question is about once its question words and the incident's own name are set aside: "when was the
 * stolen key revoked" is about the key; "when was it detected" is about nothing but the incident.
 */
import type { Ask } from '../ask-context.js';
import type { Incident } from '../model.js';
import { isStopWord } from '../search/stopwords.js';
import { words } from '../search/tokenize.js';
import type { Concept, QueryAnalysis } from './query.js';

const GENERIC =
  /^(it|this|that|they|them|thing|whole|name|names|show|give|full|complete|every|attack\w*|intrusion\w*|incident\w*|breach\w*|hack\w*|compromis\w*|campaign\w*|operation|cyberattack\w*|cyber|event|actually|exactly|ever|first|initially|initial|originally|real|really|all|entire|overall|happen\w*|occur\w*|did|do|does|go|went|last\w*)$/;

const NONE: ReadonlySet<string> = new Set();

/** The words of an incident's id, short aliases and actor (made once per incident). */
const nameWordsMemo = new WeakMap<Incident, ReadonlySet<string>>();
function nameWords(incident: Incident): ReadonlySet<string> {
  let own = nameWordsMemo.get(incident);
  if (!own) {
    const set = new Set<string>();
    for (const name of [incident.id, ...incident.aliases.filter((a) => a.split(/\s+/).length <= 2)]) {
      for (const w of words(name)) set.add(w);
    }
    if (incident.attribution) for (const w of words(incident.attribution.actor)) set.add(w);
    own = set;
    nameWordsMemo.set(incident, own);
  }
  return own;
}

/** Concepts that name something other than the incident itself or the question's own verbs. */
export function subjectConcepts(ask: Ask, query: QueryAnalysis, questionWords: RegExp): Concept[] {
  const own = ask.incident ? nameWords(ask.incident) : NONE;
  return query.concepts.filter((c) => {
    const parts = c.text.split(' ');
    // a phrase's little words ("was" in "who was behind") say nothing about its subject
    return !parts.every((w) => GENERIC.test(w) || questionWords.test(w) || own.has(w) || isStopWord(w)) && !c.filler;
  });
}
