/** `actor`, `technique` and `status`: the incident's attribution, how the attack worked, and where it stands. */
import type { Answer, AnswerSection } from '../answer.js';
import { incidentName, makeAnswer, moreCommand, noneAnswer, pageLabel, pageOf } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { factsAndItems } from '../facts.js';
import { byDate, passagesOf } from '../search/incident-passages.js';
import type { Passage } from '../search/passages.js';

/** Details per page: with the headline, at most five facts before "More". */
const PAGE_SIZE = 4;

function statements(
  ask: Ask,
  kind: 'actor' | 'technique' | 'aftermath' | 'lesson',
  confidence: number,
  ranked?: Passage[],
  moreBase?: string,
): Answer {
  const { kb, incident } = ask;
  if (!incident) return noneAnswer(kb, undefined, ask.question, 'No incidents are loaded.');
  const all = ranked ?? passagesOf(kb, incident.id, kind);
  const intent = kind === 'lesson' ? 'aftermath' : kind;
  const headline = all.find((p) => p.id === `${incident.id}-${kind}`);
  const details = all.filter((p) => p !== headline && !p.supersededBy);
  const name = incidentName(incident);
  if (!headline && details.length === 0) {
    const summary = kb.passage(incident.id, `${incident.id}-summary`);
    const what =
      kind === 'actor'
        ? 'who is behind'
        : kind === 'technique'
          ? 'how the attack on'
          : kind === 'lesson'
            ? 'what lessons were drawn from'
            : 'what followed';
    if (!summary) return noneAnswer(kb, incident, ask.question);
    const made = factsAndItems(kb, [summary]);
    return makeAnswer(kb, {
      intent,
      incident: incident.id,
      title: `${name}: no ${{ actor: 'attribution', technique: 'technique', aftermath: 'aftermath', lesson: 'lessons' }[kind]} recorded`,
      sections: [
        {
          text: `The knowledge base does not say ${what} ${name}${kind === 'technique' ? ' worked' : ''} beyond its summary.`,
          items: made.items,
        },
      ],
      facts: made.facts,
      suggestions: ['timeline', 'status'],
      confidence: Math.min(confidence, 0.6),
      question: ask.question,
    });
  }
  const page = pageOf(details, ask.page, PAGE_SIZE);
  const sections: AnswerSection[] = [];
  const facts: Answer['facts'] = [];
  if (headline && page.page === 1) {
    const made = factsAndItems(kb, [headline]);
    const aliases = kind === 'actor' ? (incident.attribution?.aliases ?? []) : [];
    sections.push({ text: made.facts[0]?.text });
    if (aliases.length > 0) sections.push({ text: `Also known as: ${aliases.join(', ')}.` });
    facts.push(...made.facts);
  }
  const made = factsAndItems(kb, page.items);
  if (made.items.length > 0) sections.push({ heading: headline ? 'Details' : undefined, items: made.items });
  facts.push(...made.facts);
  const actor = incident.attribution?.actor;
  return makeAnswer(kb, {
    intent,
    incident: incident.id,
    title:
      kind === 'lesson'
        ? `Lessons from ${name}${pageLabel(page)}`
        : kind === 'actor'
          ? `Who is behind ${name}${actor && actor !== name ? `: ${actor}` : ''}${pageLabel(page)}`
          : kind === 'technique'
            ? `How the ${name} attack worked${pageLabel(page)}`
            : `What followed ${name}${pageLabel(page)}`,
    sections,
    facts,
    suggestions:
      kind === 'actor'
        ? ['technique', 'timeline']
        : kind === 'technique'
          ? ['logging', 'indicators', 'actor']
          : kind === 'lesson'
            ? ['logging', 'aftermath', 'timeline']
            : ['status', 'timeline', 'logging'],
    confidence,
    more: page.next ? moreCommand(moreBase ?? kind, incident, kb, page.next) : undefined,
    question: ask.question,
  });
}

export const respondActor = (ask: Ask, confidence = 1, ranked?: Passage[]) =>
  statements(ask, 'actor', confidence, ranked);
export const respondTechnique = (ask: Ask, confidence = 1, ranked?: Passage[]) =>
  statements(ask, 'technique', confidence, ranked);
/** What followed; `ranked` (with the question that ranked it, for the next page) puts the closest first. */
export const respondAftermath = (ask: Ask, confidence = 1, ranked?: Passage[], rankedBy?: string) =>
  statements(ask, 'aftermath', confidence, ranked, rankedBy);

/** The lessons the sources drew from the incident; `ranked` puts the closest to the question first. */
export const respondLessons = (ask: Ask, confidence = 1, ranked?: Passage[], rankedBy?: string) =>
  statements(ask, 'lesson', confidence, ranked, rankedBy);

/**
 * `status`: where things stand (as of when), the summary, the key dates and the latest events; a request for a summary
 * (`first: 'summary'`) gets the summary first.
 */
export function respondStatus(ask: Ask, confidence = 1, first: 'status' | 'summary' = 'status'): Answer {
  const { kb, incident } = ask;
  if (!incident) return noneAnswer(kb, undefined, ask.question, 'No incidents are loaded.');
  const status = kb.passage(incident.id, `${incident.id}-status`);
  const summary = kb.passage(incident.id, `${incident.id}-summary`);
  // a request for a summary gets the summary first, a status request the status
  const placed = (first === 'summary' ? [summary, status] : [status, summary]).filter((p): p is Passage => !!p);
  const main = factsAndItems(kb, placed);
  const textOf = (p: Passage | undefined) => (p ? main.facts[placed.indexOf(p)]?.text : undefined);
  const d = incident.dates;
  const keyDates = [
    d.start ? `started ${d.start}` : '',
    d.detected ? `detected ${d.detected}` : '',
    d.disclosed ? `disclosed ${d.disclosed}` : '',
    d.end ? `ended ${d.end}` : '',
  ].filter(Boolean);
  const recent = passagesOf(kb, incident.id, 'event')
    .filter((p) => !p.supersededBy)
    .slice()
    .sort(byDate)
    .slice(-3);
  const latest = factsAndItems(kb, recent, { short: true });
  const statusSection = { heading: `Status (as of ${incident.status.asOf})`, text: textOf(status) };
  const summarySection = { heading: 'Summary', text: textOf(summary) };
  const sections: AnswerSection[] =
    first === 'summary' ? [summarySection, statusSection] : [statusSection, summarySection];
  if (keyDates.length > 0) sections.push({ heading: 'Key dates', text: `${keyDates.join(', ')}.` });
  if (latest.items.length > 0) sections.push({ heading: 'Latest events', items: latest.items });
  return makeAnswer(kb, {
    intent: 'status',
    incident: incident.id,
    title:
      first === 'summary'
        ? `${incidentName(incident)}: summary and status`
        : `${incidentName(incident)}: status and summary`,
    sections,
    facts: [...main.facts, ...latest.facts],
    suggestions: ['timeline', 'victims', 'logging'],
    confidence,
    question: ask.question,
  });
}
