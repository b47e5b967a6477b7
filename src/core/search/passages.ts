/**
 * Passages: every fact of every incident flattened into one searchable list (timeline events, victims,
 * recommendations, indicators, glossary terms, statements, summary, status). Each keeps a link to the fact it
 * came from, so answers show the fact itself, not a snippet.
 */

import type {
  GlossaryTerm,
  Incident,
  Indicator,
  Recommendation,
  Source,
  Statement,
  TimelineEvent,
  Victim,
} from '../model.js';
import { defang, defangText } from './defang.js';

export type PassageKind =
  | 'summary'
  | 'status'
  | 'event'
  | 'victim'
  | 'actor'
  | 'technique'
  | 'aftermath'
  | 'lesson'
  | 'recommendation'
  | 'indicator'
  | 'term'
  | 'source';

export type PassageRef =
  | { kind: 'event'; item: TimelineEvent }
  | { kind: 'victim'; item: Victim }
  | { kind: 'recommendation'; item: Recommendation }
  | { kind: 'indicator'; item: Indicator }
  | { kind: 'term'; item: GlossaryTerm }
  | { kind: 'source'; item: Source }
  | { kind: 'actor' | 'technique' | 'aftermath' | 'lesson'; item: Statement }
  | { kind: 'summary' | 'status'; item: undefined };

export interface Passage {
  /** position in the knowledge base's passage list (also the search document id) */
  n: number;
  /** fact id, unique within its incident */
  id: string;
  incident: string;
  kind: PassageKind;
  /** short heading: event title, victim name, term */
  title: string;
  /** the fact in one or more sentences, IPs defanged */
  text: string;
  /** extra words for search only (tags, aliases, roles, values refanged) */
  keywords: string;
  date?: string;
  endDate?: string;
  sources: string[];
  corrects?: string[];
  supersededBy?: string;
  correctionNote?: string;
  ref: PassageRef;
}

/** The whole story of how the attack worked in one passage (the technique section's summary), not one step of it. */
export function isTechniqueOverview(p: Passage): boolean {
  return p.kind === 'technique' && p.id === `${p.incident}-technique`;
}

/** A fact tagged `related`: about something outside the incident (a later flaw, another actor), cited for context. */
export function isAside(p: Passage): boolean {
  const item = p.ref.item;
  return !!item && 'tags' in item && item.tags.includes('related');
}

type Draft = Omit<Passage, 'n'>;

const sentence = (text: string): string => {
  const t = text.trim();
  return t === '' || /[.!?:"')\]]$/.test(t) ? t : `${t}.`;
};
const joinSentences = (...parts: Array<string | undefined>): string =>
  parts
    .filter((p): p is string => !!p && p.trim() !== '')
    .map(sentence)
    .join(' ');

/**
 * A title the text opens with again, whole or cut short with an ellipsis (a write-up's event titled by its first
 * sentence): the text alone tells it, and saying it twice would count its words twice in the search.
 */
const opensWith = (text: string, title: string | undefined): boolean => {
  if (!title) return false;
  const head = title
    .trim()
    .replace(/(…|\.\.\.)$/, '')
    .trim();
  return head !== '' && text.trim().startsWith(head);
};

function links(item: { corrects?: string[]; supersededBy?: string; correctionNote?: string }) {
  return { corrects: item.corrects, supersededBy: item.supersededBy, correctionNote: item.correctionNote };
}

/** One-line description of an indicator, defanged. */
export function indicatorText(item: Indicator): string {
  const seen =
    item.firstSeen || item.lastSeen
      ? `, seen ${item.firstSeen ?? '?'}${item.lastSeen && item.lastSeen !== item.firstSeen ? ` to ${item.lastSeen}` : ''}`
      : '';
  const role = item.role ? ` (${item.role})` : '';
  const note = item.note ? ` ${sentence(defangText(item.note))}` : '';
  return `${INDICATOR_LABEL[item.type]} ${defang(item.value)}${role}${seen}.${note}`;
}

export const INDICATOR_LABEL: Record<Indicator['type'], string> = {
  ip: 'IP',
  thumbprint: 'Key thumbprint',
  'user-agent': 'User agent',
  hash: 'Hash',
  jarm: 'JARM',
  certificate: 'Certificate',
  uri: 'URI',
  pattern: 'Pattern',
  domain: 'Domain',
};

function statementDraft(
  incident: Incident,
  kind: 'actor' | 'technique' | 'aftermath' | 'lesson',
  item: Statement,
  extra = '',
): Draft {
  return {
    id: item.id,
    incident: incident.id,
    kind,
    title: item.title ?? '',
    text: defangText(joinSentences(opensWith(item.text, item.title) ? undefined : item.title, item.text)),
    keywords: [kind, ...item.tags, extra].join(' '),
    date: item.date,
    sources: item.sources,
    ...links(item),
    ref: { kind, item },
  };
}

/** Every passage of one incident, in a stable order. */
export function incidentPassages(incident: Incident): Draft[] {
  const out: Draft[] = [];
  const names = [incident.id, incident.title, ...incident.aliases].join(' ');
  out.push({
    id: `${incident.id}-summary`,
    incident: incident.id,
    kind: 'summary',
    title: incident.title,
    text: defangText(incident.summary.trim()),
    keywords: `summary overview ${names} ${incident.victim ?? ''} ${incident.tags.join(' ')}`,
    date: incident.dates.start,
    sources:
      incident.status.sources.length > 0 ? incident.status.sources : incident.sources.slice(0, 1).map((s) => s.id),
    ref: { kind: 'summary', item: undefined },
  });
  out.push({
    id: `${incident.id}-status`,
    incident: incident.id,
    kind: 'status',
    title: `Status as of ${incident.status.asOf}`,
    text: defangText(incident.status.text.trim()),
    keywords: `status outcome current ${incident.id}`,
    date: incident.status.asOf,
    sources:
      incident.status.sources.length > 0 ? incident.status.sources : incident.sources.slice(0, 1).map((s) => s.id),
    ref: { kind: 'status', item: undefined },
  });
  for (const item of incident.timeline) {
    out.push({
      id: item.id,
      incident: incident.id,
      kind: 'event',
      title: defangText(item.title),
      text: defangText(
        item.detail && opensWith(item.detail, item.title) ? item.detail : joinSentences(item.title, item.detail),
      ),
      keywords: ['event timeline', ...item.tags, item.dateText ?? ''].join(' '),
      date: item.date,
      endDate: item.endDate,
      sources: item.sources,
      ...links(item),
      ref: { kind: 'event', item },
    });
  }
  for (const item of incident.victims) {
    const who = item.role ? `${item.name} (${item.role})` : item.name;
    out.push({
      id: item.id,
      incident: incident.id,
      kind: 'victim',
      title: item.name,
      text: defangText(joinSentences(`${who}: ${item.impact}`)),
      keywords: ['victim affected', item.kind, ...item.aliases, item.role ?? '', item.count ?? ''].join(' '),
      date: item.date,
      sources: item.sources,
      ...links(item),
      ref: { kind: 'victim', item },
    });
  }
  if (incident.attribution) {
    const a = incident.attribution;
    out.push({
      id: `${incident.id}-actor`,
      incident: incident.id,
      kind: 'actor',
      title: a.actor,
      text: defangText(joinSentences(a.summary)),
      keywords: ['actor attribution attacker', a.actor, ...a.aliases].join(' '),
      sources: a.details[0]?.sources ?? incident.sources.slice(0, 1).map((s) => s.id),
      ref: { kind: 'actor', item: { id: `${incident.id}-actor`, text: a.summary, tags: [], sources: [] } },
    });
    for (const item of a.details)
      out.push(statementDraft(incident, 'actor', item, `${a.actor} ${a.aliases.join(' ')}`));
  }
  if (incident.technique) {
    const t = incident.technique;
    out.push({
      id: `${incident.id}-technique`,
      incident: incident.id,
      kind: 'technique',
      title: 'How the attack worked',
      text: defangText(joinSentences(t.summary)),
      keywords: 'technique method how attack worked',
      sources: t.details[0]?.sources ?? incident.sources.slice(0, 1).map((s) => s.id),
      ref: { kind: 'technique', item: { id: `${incident.id}-technique`, text: t.summary, tags: [], sources: [] } },
    });
    for (const item of t.details) out.push(statementDraft(incident, 'technique', item, 'technique'));
  }
  for (const item of incident.aftermath) out.push(statementDraft(incident, 'aftermath', item, 'aftermath'));
  for (const item of incident.lessons) out.push(statementDraft(incident, 'lesson', item, 'lesson'));
  for (const item of incident.recommendations) {
    out.push({
      id: item.id,
      incident: incident.id,
      kind: 'recommendation',
      title: item.title,
      text: defangText(
        joinSentences(
          item.title,
          item.action,
          `Why: ${item.why}`,
          item.lookFor ? `Look for: ${item.lookFor}` : undefined,
          item.prerequisites ? `Needs: ${item.prerequisites}` : undefined,
        ),
      ),
      keywords: ['recommendation logging detection', ...item.tags].join(' '),
      sources: item.sources,
      ...links(item),
      ref: { kind: 'recommendation', item },
    });
  }
  for (const item of incident.indicators) {
    out.push({
      id: item.id,
      incident: incident.id,
      kind: 'indicator',
      title: `${INDICATOR_LABEL[item.type]} ${defang(item.value)}`,
      text: indicatorText(item),
      keywords: ['indicator ioc', item.type, item.value, item.role ?? ''].join(' '),
      date: item.firstSeen,
      endDate: item.lastSeen,
      sources: item.sources,
      ref: { kind: 'indicator', item },
    });
  }
  for (const item of incident.glossary) {
    out.push({
      id: item.id,
      incident: incident.id,
      kind: 'term',
      title: item.term,
      text: defangText(joinSentences(`${item.term}: ${item.definition}`)),
      keywords: ['glossary term definition', item.term, ...item.aliases].join(' '),
      sources: item.sources,
      ref: { kind: 'term', item },
    });
  }
  for (const item of incident.sources) {
    out.push({
      id: `source:${item.id}`,
      incident: incident.id,
      kind: 'source',
      title: `${item.publisher}: ${item.title}`,
      text: joinSentences(`${item.publisher}, "${item.title}"${item.date ? ` (${item.date})` : ''}`),
      keywords: ['source', item.kind, item.note ?? ''].join(' '),
      date: item.date,
      sources: [item.id],
      ref: { kind: 'source', item },
    });
  }
  return out;
}
