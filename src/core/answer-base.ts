/**
 * Small helpers every responder uses: an Answer with defaults filled in, paging, and the "nothing found" answer.
 */
import type { Answer, AnswerFact, AnswerSection, Intent } from './answer.js';
import { citeSources } from './facts.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { Incident } from './model.js';

export interface AnswerFields {
  kind?: Answer['kind'];
  intent: Intent;
  incident: string | null;
  title: string;
  sections?: AnswerSection[];
  facts?: AnswerFact[];
  suggestions?: string[];
  confidence?: number;
  more?: string;
  question?: string;
  /** the date the answer is current to; defaults to the incident's `status.asOf` for time-bound intents */
  asOf?: string;
}

/** Intents whose answers change with time, so they say how current they are. */
const TIME_BOUND: ReadonlySet<Intent> = new Set(['status', 'aftermath', 'logging']);

/** An Answer with its sources looked up from the facts. */
export function makeAnswer(kb: KnowledgeBase, fields: AnswerFields): Answer {
  const { facts, sources } = citeSources(kb, fields.facts ?? [], fields.incident ?? undefined);
  const answer: Answer = {
    kind: fields.kind ?? 'answer',
    intent: fields.intent,
    incident: fields.incident,
    title: fields.title,
    sections: fields.sections ?? [],
    facts,
    sources,
    suggestions: dedupe(fields.suggestions ?? []).slice(0, 5),
    confidence: round(fields.confidence ?? (fields.kind === 'none' ? 0 : 1)),
    kbVersion: kb.version,
  };
  if (fields.more) answer.more = fields.more;
  if (fields.question !== undefined) answer.question = fields.question;
  const asOf =
    fields.asOf ?? (TIME_BOUND.has(fields.intent) ? kb.incident(fields.incident ?? '')?.status.asOf : undefined);
  if (asOf) answer.asOf = asOf;
  return answer;
}

const round = (n: number) => Math.round(Math.max(0, Math.min(1, n)) * 100) / 100;

function dedupe(items: string[]): string[] {
  return [...new Set(items.filter((s) => s.trim() !== ''))];
}

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  /** the page number after this one, if any */
  next?: number;
}

/** One page (1-based) of a list; a page past the end gives the last page. */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const slice = items.slice((p - 1) * size, p * size);
  return { items: slice, page: p, pages, next: p < pages ? p + 1 : undefined };
}

/** " (page 2 of 4)" or "" for a single page. */
export function pageLabel(page: { page: number; pages: number }): string {
  return page.pages > 1 ? ` (page ${page.page} of ${page.pages})` : '';
}

/** The command text that asks for another page of the same list. */
export function moreCommand(base: string, incident: Incident | undefined, kb: KnowledgeBase, page: number): string {
  const prefix = incident && kb.incidents.length > 1 && incident.id !== kb.defaultIncident?.id ? `${incident.id} ` : '';
  return `${prefix}${base} page ${page}`.replace(/\s+/g, ' ').trim();
}

/** A short name for an incident: its first alias if short, else its id. */
export function incidentName(incident: Incident): string {
  const alias = incident.aliases.find((a) => a.length <= 24);
  if (alias) return alias;
  const head = incident.title.split(/[:(]/)[0]?.trim();
  return head && head.length <= 40 ? head : incident.id;
}

/** "Nothing in the knowledge base answers that": kind none, pointing at help. */
export function noneAnswer(
  kb: KnowledgeBase,
  incident: Incident | undefined,
  question: string,
  message?: string,
  suggestions?: string[],
): Answer {
  const about = incident ? ` about ${incidentName(incident)}` : '';
  return makeAnswer(kb, {
    kind: 'none',
    intent: 'unknown',
    incident: incident?.id ?? null,
    title: "I don't know that one",
    sections: [
      {
        text:
          message ??
          `I couldn't find that in the knowledge base${about}. I only answer from the sourced facts it holds: ask about the timeline, victims, logging, indicators, the actor or the technique, or type \`help\`.`,
      },
    ],
    suggestions: suggestions ?? ['help', 'timeline', 'victims'],
    confidence: 0,
    question,
  });
}
