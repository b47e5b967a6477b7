/** Command → Answer. (First version: the answer-engine work replaces it, keeping the signature.) */
import type { Answer } from './answer.js';
import type { Command } from './command.js';
import type { KnowledgeBase } from './knowledge-base.js';

export interface RespondContext {
  /** the current instant (the core never reads the clock) */
  now: Date;
}

export function respond(kb: KnowledgeBase, command: Command, _ctx: RespondContext): Answer {
  const incident = command.incident ? kb.incident(command.incident) : kb.defaultIncident;
  return {
    kind: 'none',
    intent: 'unknown',
    incident: incident?.id ?? null,
    title: 'Not built yet',
    sections: [{ text: 'The answer engine is not built yet.' }],
    facts: [],
    sources: [],
    suggestions: ['help'],
    confidence: 0,
    kbVersion: kb.version,
    question: command.raw,
  };
}
