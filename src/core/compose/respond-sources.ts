/** `sources` (where the facts come from) and `incidents` (what the knowledge base holds). */
import type { Answer, AnswerItem } from '../answer.js';
import { incidentName, makeAnswer, moreCommand, noneAnswer, pageLabel, pageOf } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { tierOf, tierRank } from '../facts.js';
import type { Source } from '../model.js';

const PAGE_SIZE = 15;
const KIND_ORDER: Source['kind'][] = ['vendor', 'government', 'legislature', 'research', 'reference', 'press', 'other'];

export function respondSources(ask: Ask, confidence = 1): Answer {
  const { kb, incident } = ask;
  if (!incident) return noneAnswer(kb, undefined, ask.question, 'No incidents are loaded.');
  const sources = incident.sources
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        tierRank(a.s) - tierRank(b.s) || KIND_ORDER.indexOf(a.s.kind) - KIND_ORDER.indexOf(b.s.kind) || a.i - b.i,
    )
    .map((x) => x.s);
  const page = pageOf(sources, ask.page, PAGE_SIZE);
  const items: AnswerItem[] = page.items.map((s) => ({
    label: s.publisher,
    text: `${s.title} ${s.url}`,
    ...(s.date ? { date: s.date } : {}),
    // a source's `note` is for maintainers and never shown; the tier says how much weight it carries
    note: TIER_NOTE[tierOf(s)],
  }));
  const answer = makeAnswer(kb, {
    intent: 'sources',
    incident: incident.id,
    title: `Sources for ${incidentName(incident)}${pageLabel(page)}`,
    sections: [
      ...(page.page === 1
        ? [{ text: `${sources.length} sources; primary sources (the organizations' own words) first.` }]
        : []),
      { items },
    ],
    suggestions: ['timeline', 'status'],
    confidence,
    more: page.next ? moreCommand('sources', incident, kb, page.next) : undefined,
    question: ask.question,
  });
  answer.sources = page.items.map(({ note: _note, ...shown }) => ({ ...shown, tier: tierOf(shown) }));
  return answer;
}

const TIER_NOTE = {
  primary: 'primary source',
  secondary: 'secondary source (reporting)',
  repost: 'repost, mirror or aggregator',
} as const;

export function respondIncidents(ask: Ask): Answer {
  const { kb } = ask;
  if (kb.incidents.length === 0) return noneAnswer(kb, undefined, ask.question, 'No incidents are loaded.');
  const page = pageOf(kb.incidents, ask.page, PAGE_SIZE);
  const items: AnswerItem[] = page.items.map((i) => {
    const d = i.dates;
    const when = d.start ? `${d.start}${d.end && d.end !== d.start ? ` to ${d.end}` : ''}` : (d.disclosed ?? '');
    const isDefault = i.id === kb.defaultIncident?.id;
    return {
      label: i.id,
      text: `${i.title}${i.victim && i.victim.length <= 80 ? ` (victim: ${i.victim})` : ''}${isDefault ? ' [default]' : ''}`,
      ...(when ? { date: when } : {}),
    };
  });
  return makeAnswer(kb, {
    intent: 'incidents',
    incident: null,
    title: `Incidents I know (${kb.incidents.length})${pageLabel(page)}`,
    sections: [
      {
        text: `Put an incident's id first to ask about it, e.g. \`${page.items.find((i) => i.id !== kb.defaultIncident?.id)?.id ?? page.items[0]?.id} timeline\`. Without one, questions go to ${kb.defaultIncident ? incidentName(kb.defaultIncident) : 'the default incident'}.`,
      },
      { items },
      ...(kb.covered.length > 0 && !page.next
        ? [
            {
              heading: 'Also loaded, covered by a curated incident',
              items: kb.covered.map((c) => ({ label: c.id, text: `covered by ${c.by}` })),
            },
          ]
        : []),
    ],
    suggestions: ['help', 'timeline'],
    confidence: 1,
    more: page.next ? `incidents page ${page.next}` : undefined,
    question: ask.question,
  });
}
