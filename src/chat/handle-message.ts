/**
 * The inbound handler every chat surface shares: text + who/where in, `Answer` out. It parses the command, routes
 * digest commands to the scheduler's subscription service, answers everything else with the core, and writes
 * questions that got `none` or `clarify` to the question log (text, time and platform only).
 *
 * @example
 * const handle = createMessageHandler({ kb, store, now: () => new Date() });
 * const answer = await handle({ platform: 'slack', text: 'timeline july 2023' });
 */
import type { Answer } from '../core/answer.js';
import type { Command } from '../core/command.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import { parseCommand } from '../core/parse-command.js';
import { respond } from '../core/respond.js';
import type { Logger } from '../logger.js';
import type { ConversationKey, Store } from '../store/store.js';

export interface Inbound {
  platform: 'slack' | 'teams' | 'web' | 'cli';
  /** the text with the bot's own mention already removed */
  text: string;
  /** where digests for this conversation would go (absent on web/cli) */
  conversation?: ConversationKey;
  /** the asker's IANA time zone, when the platform knows it (Slack user tz) */
  userTimeZone?: string;
  /** platform user id: used for `createdBy` on subscriptions, never logged with questions */
  userId?: string;
}

/** Handles `digest …` commands; provided by `src/digest/commands.ts`. */
export type DigestCommandHandler = (
  command: Command & { type: 'digest' },
  inbound: Inbound,
  now: Date,
) => Promise<Answer>;

/** Answers `hunt …` commands; provided by `src/hunt/respond-hunt.ts`. */
export type HuntCommandHandler = (command: Command & { type: 'hunt' }) => Answer | Promise<Answer>;

export interface MessageHandlerDeps {
  kb: KnowledgeBase;
  store?: Store;
  now?: () => Date;
  digest?: DigestCommandHandler;
  hunt?: HuntCommandHandler;
  log?: Logger;
}

export type MessageHandler = (inbound: Inbound) => Promise<Answer>;

export function createMessageHandler(deps: MessageHandlerDeps): MessageHandler {
  const now = deps.now ?? (() => new Date());
  return async (inbound) => {
    const at = now();
    const command = parseCommand(inbound.text, deps.kb);
    const answer =
      command.type === 'digest' && deps.digest
        ? await deps.digest(command, inbound, at)
        : command.type === 'hunt' && deps.hunt
          ? await deps.hunt(command)
          : respond(deps.kb, command, { now: at });
    if (deps.store && (answer.kind === 'none' || answer.kind === 'clarify') && inbound.text.trim() !== '') {
      try {
        await deps.store.logQuestion({
          text: inbound.text.slice(0, 500),
          platform: inbound.platform,
          at: at.toISOString(),
          kind: answer.kind,
        });
      } catch (error) {
        deps.log?.warn('question log write failed', { error });
      }
    }
    return answer;
  };
}
