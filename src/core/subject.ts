/**
 * What a question is about once its question words and the incident's own name are set aside: "when was the
 * stolen key revoked" is about the key; "when was it detected" is about nothing but the incident.
 */
import type { Ask } from './ask-context.js';
import type { Concept, QueryAnalysis } from './query.js';
import { words } from './tokenize.js';

const GENERIC =
  /^(it|this|that|they|them|thing|whole|name|names|show|give|full|complete|every|attack\w*|intrusion\w*|incident\w*|breach\w*|hack\w*|compromis\w*|campaign\w*|operation|cyberattack\w*|cyber|event|actually|exactly|ever|first|initially|initial|originally|real|really|all|entire|overall|happen\w*|occur\w*|did|do|does|go|went|last\w*)$/;

/** Concepts that name something other than the incident itself or the question's own verbs. */
export function subjectConcepts(ask: Ask, query: QueryAnalysis, questionWords: RegExp): Concept[] {
  const own = new Set<string>();
  const incident = ask.incident;
  if (incident) {
    for (const name of [incident.id, ...incident.aliases.filter((a) => a.split(/\s+/).length <= 2)]) {
      for (const w of words(name)) own.add(w);
    }
    if (incident.attribution) for (const w of words(incident.attribution.actor)) own.add(w);
  }
  return query.concepts.filter((c) => {
    const parts = c.text.split(' ');
    return !parts.every((w) => GENERIC.test(w) || questionWords.test(w) || own.has(w)) && !c.filler;
  });
}
