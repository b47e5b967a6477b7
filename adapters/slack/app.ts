/**
 * The Bolt wiring: which Slack payload goes to which handler, with Bolt's own listeners and their typed arguments.
 * Handlers only translate (payload → `Inbound`, `Answer` → blocks) and choose where the reply goes; the answer
 * itself comes from the shared message handler.
 *
 * - slash commands (any; the handler names the one it answers) → `slash.ts`, which acks with the answer;
 * - `app_mention`, `message` (direct messages) and `app_home_opened` events → `events.ts` (Bolt acks events);
 * - `block_actions` (any action id; the handler acks first and ignores ids it does not know) → `actions.ts`, and
 *   the 👍 / 👎 buttons (`breach_vote:*`) → `vote.ts`.
 *
 * @example
 * const app = new App({ receiver, token, deferInitialization: true, convoStore: false });
 * registerSlackListeners(app, { handle, store, kb, log, audience, command: '/breach' }, { checkPayloads: true });
 */
import type { AllMiddlewareArgs, AnyMiddlewareArgs, App, BlockAction } from '@slack/bolt';
import type { Feedback } from '../../src/chat/feedback.js';
import type { MessageHandler } from '../../src/chat/handle-message.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import type { Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';
import { createActionHandler } from './actions.js';
import type { AudienceChecker } from './audience.js';
import { createEventHandlers } from './events.js';
import { payloadProblem } from './payloads.js';
import { failure } from './reply.js';
import { createSlashHandler } from './slash.js';

export interface SlackAppDeps {
  handle: MessageHandler;
  store: Store;
  kb: KnowledgeBase;
  log: Logger;
  audience: AudienceChecker;
  /** the slash command, e.g. `/breach` */
  command: string;
  now?: () => Date;
  /** how long a rendered slash-command answer may be reused (default 60 s; 0 turns the memo off) */
  answerCacheMs?: number;
  /** records 👍 / 👎 clicks */
  feedback?: Feedback;
}

export interface SlackListenerOptions {
  /**
   * Check each payload's shape before the listeners (Socket Mode, where no receiver of ours has checked it): a
   * malformed one is acked, so Slack does not send it again, logged and dropped.
   */
  checkPayloads?: boolean;
}

/** Bolt middleware that acks and drops payloads of a shape Slack never sends (see `payloads.ts`). */
function dropMalformed(log: Logger) {
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const problem = payloadProblem(args.body as Record<string, unknown>);
    if (!problem) return args.next();
    log.warn('slack payload dropped', { problem });
    if ('ack' in args && typeof args.ack === 'function') await args.ack();
  };
}

/** Registers breachbot's listeners and its error boundary on a Bolt app. */
export function registerSlackListeners(app: App, deps: SlackAppDeps, options: SlackListenerOptions = {}): void {
  if (options.checkPayloads) app.use(dropMalformed(deps.log));
  app.command(/^\//, createSlashHandler(deps));
  const events = createEventHandlers(deps);
  app.event('app_mention', events.mention);
  app.message(events.directMessage);
  app.event('app_home_opened', events.homeOpened);
  app.action<BlockAction>({ type: 'block_actions' }, createActionHandler(deps));
  app.error(async (error) => {
    failure(deps.log, 'bolt', error);
  });
}
