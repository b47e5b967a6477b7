/**
 * Command → Answer: the one call every surface makes after `parseCommand`. Pure: the clock comes in `now`.
 * Never throws; a failure inside a responder becomes a `help` answer.
 *
 * @example
 * const answer = respond(kb, parseCommand('when was it spotted?', kb), { now: new Date() });
 */
import type { Answer } from './answer.js';
import { noneAnswer } from './answer-base.js';
import type { Ask } from './ask-context.js';
import type { Command } from './command.js';
import { respondDefender } from './compose/respond-defender.js';
import { respondDigest } from './compose/respond-digest.js';
import { respondGlossary } from './compose/respond-glossary.js';
import { respondHelp } from './compose/respond-help.js';
import { respondIndicators } from './compose/respond-indicators.js';
import { respondLogging } from './compose/respond-logging.js';
import { respondActor, respondStatus, respondTechnique } from './compose/respond-profile.js';
import { respondQuestion } from './compose/respond-question.js';
import { respondIncidents, respondSources } from './compose/respond-sources.js';
import { respondTimeline } from './compose/respond-timeline.js';
import { respondVictims } from './compose/respond-victims.js';
import type { KnowledgeBase } from './knowledge-base.js';

export interface RespondContext {
  /** the current instant (the core never reads the clock) */
  now: Date;
}

export function respond(kb: KnowledgeBase, command: Command, ctx: RespondContext): Answer {
  const named = command.incident ? kb.incident(command.incident) : undefined;
  const ask: Ask = {
    kb,
    incident: named ?? kb.defaultIncident,
    named: !!named,
    command,
    page: Math.max(1, Math.min(10_000, Math.floor(command.page ?? 1) || 1)),
    now: ctx?.now instanceof Date ? ctx.now : new Date(0),
    question: typeof command.raw === 'string' ? command.raw : '',
  };
  try {
    if (kb.incidents.length === 0 && command.type !== 'help' && command.type !== 'digest') {
      return noneAnswer(kb, undefined, ask.question, 'No incidents are loaded, so there is nothing to answer from.', [
        'help',
      ]);
    }
    return dispatch(ask, command);
  } catch {
    return respondHelp(ask, "Sorry, I couldn't answer that one.");
  }
}

function dispatch(ask: Ask, command: Command): Answer {
  switch (command.type) {
    case 'help':
      return respondHelp(ask);
    case 'timeline':
      return respondTimeline(ask, { range: command.range, words: command.words });
    case 'victims':
      return respondVictims(ask);
    case 'logging':
      return respondLogging(ask);
    case 'indicators':
      return respondIndicators(ask, command.query);
    case 'actor':
      return respondActor(ask);
    case 'technique':
      return respondTechnique(ask);
    case 'status':
      return respondStatus(ask);
    case 'sources':
      return respondSources(ask);
    case 'incidents':
      return respondIncidents(ask);
    case 'digest':
      return respondDigest(ask, command);
    case 'hunt':
      // the queries themselves come from the hunt module through the message handler; alone, the core says what
      // to check
      return respondDefender(ask);
    case 'question':
      if (/^(glossary|terms)$/i.test(command.text.trim()))
        return respondGlossary(ask) ?? respondQuestion(ask, command.text);
      return respondQuestion(ask, command.text);
    default:
      return respondHelp(ask);
  }
}
