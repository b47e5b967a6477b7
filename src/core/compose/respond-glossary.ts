/** "what is a JWK?", "define OWA", `glossary`: terms from the incident's glossary. */
import type { Answer } from '../answer.js';
import { incidentName, makeAnswer, moreCommand, pageLabel, pageOf } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { factsAndItems } from '../facts.js';
import { passagesOf } from '../search/incident-passages.js';
import { normalizeName } from '../search/name-index.js';
import type { Passage } from '../search/passages.js';

const PAGE_SIZE = 12;

/** The glossary entry a term or alias names (fuzzily), searched in the asked incident first, then in all. */
const digitsOf = (name: string) => name.replace(/\D+/g, ' ').trim();

export function findTerm(ask: Ask, subject: string): Passage | undefined {
  const { kb } = ask;
  const fillers = kb.language.nameFillers;
  const cleaned = subject
    .replace(/[?!.]+$/, '')
    .split(/\s+/)
    .filter((w, i, all) => !((i === 0 || i === all.length - 1) && fillers.has(w.toLowerCase())))
    .join(' ')
    .trim();
  if (cleaned.length < 2 || cleaned.length > 60) return undefined;
  const compact = compactTerm(ask, cleaned);
  if (compact) return compact;
  const order = [ask.incident, ...kb.incidents.filter((i) => i !== ask.incident)].filter((i) => !!i);
  for (const incident of order) {
    const length = normalizeName(cleaned).length;
    const match = kb
      .glossaryNames(incident.id)
      .findAtMost(cleaned, 0.25, (name) => name.length / length >= 0.6 && name.length / length <= 1.7);
    const ratio = match ? match.name.length / length : 0;
    // "gamma-0043" is not "gamma-0042", nor "e3" "e5": a name spelled alike with other numbers is another thing
    if (match && digitsOf(match.name) !== digitsOf(cleaned)) continue;
    if (match && match.score <= 0.25 && ratio >= 0.6 && ratio <= 1.7) {
      const p = kb.passage(incident.id, match.value);
      if (p) return p;
    }
  }
  return undefined;
}

export function respondTerm(ask: Ask, term: Passage, confidence = 0.95): Answer {
  const made = factsAndItems(ask.kb, [term], {
    withIncident: ask.incident !== undefined && term.incident !== ask.incident.id,
  });
  return makeAnswer(ask.kb, {
    intent: 'glossary',
    incident: term.incident,
    title: term.title,
    sections: [{ text: made.facts[0]?.text }],
    facts: made.facts,
    suggestions: ['glossary', 'logging', 'technique'],
    confidence,
    question: ask.question,
  });
}

export function respondGlossary(ask: Ask): Answer | undefined {
  const { kb, incident } = ask;
  if (!incident) return undefined;
  const terms = passagesOf(kb, incident.id, 'term')
    .slice()
    .sort((a, b) => a.title.localeCompare(b.title));
  if (terms.length === 0) return undefined;
  const page = pageOf(terms, ask.page, PAGE_SIZE);
  const made = factsAndItems(kb, page.items);
  return makeAnswer(kb, {
    intent: 'glossary',
    incident: incident.id,
    title: `Glossary for ${incidentName(incident)}${pageLabel(page)}`,
    sections: [{ items: made.items }],
    facts: made.facts,
    suggestions: ['logging', 'technique'],
    confidence: 1,
    more: page.next ? moreCommand('glossary', incident, kb, page.next) : undefined,
    question: ask.question,
  });
}

/** A term typed with its words run together or apart ("big yellow taxi" for "BigYellowTaxi"), exactly. */
function compactTerm(ask: Ask, text: string): Passage | undefined {
  const key = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key.length < 4) return undefined;
  const order = [ask.incident, ...ask.kb.incidents.filter((i) => i !== ask.incident)].filter((i) => !!i);
  for (const incident of order) {
    for (const term of incident.glossary) {
      const names = [term.term, ...term.aliases].map((n) => n.toLowerCase().replace(/[^a-z0-9]/g, ''));
      if (names.includes(key)) return ask.kb.passage(incident.id, term.id);
    }
  }
  return undefined;
}
