/** What every responder receives: the knowledge base, the chosen incident, the page and the clock. */
import type { Command } from './command.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { Incident } from './model.js';

export interface Ask {
  kb: KnowledgeBase;
  /** the incident the command named, or the default one */
  incident: Incident | undefined;
  /** the person named the incident explicitly */
  named: boolean;
  /** the question's own words name the incident (also when it is the default one) */
  namedInQuestion?: boolean;
  command: Command;
  /** 1-based page */
  page: number;
  now: Date;
  /** the text as typed (cleaned) */
  question: string;
}

/** True when the command or the question's own words name the incident. */
export function incidentNamed(ask: Pick<Ask, 'named' | 'namedInQuestion'>): boolean {
  return ask.named || ask.namedInQuestion === true;
}
