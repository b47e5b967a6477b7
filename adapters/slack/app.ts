/**
 * The Bolt wiring: which Slack payload goes to which handler. Handlers only translate (payload → `Inbound`,
 * `Answer` → blocks) and choose where the reply goes; the answer itself comes from the shared message handler.
 * Bolt runs every registered listener's matcher chain on every request, so there is one listener per payload
 * kind (command, event, action) that dispatches itself.
 *
 * @example
 * const app = new App({ receiver, token, deferInitialization: true, convoStore: false });
 * registerSlackListeners(app, { handle, store, kb, log, audience, command: '/breach' });
 */
import type { AllMiddlewareArgs, AnyMiddlewareArgs, App } from '@slack/bolt';
import type { MessageHandler } from '../../src/chat/handle-message.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import type { Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';
import { createActionHandler } from './actions.js';
import type { AudienceChecker } from './audience.js';
import { createEventHandler } from './events.js';
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
}

/**
 * Acks an interaction no listener takes (a `block_actions` payload with no action, or one without an action id) at
 * once, instead of leaving it to Bolt's 3-second unhandled-request timeout. Buttons with unknown ids reach the
 * action listener, which acks them and does nothing.
 */
async function ackUnroutedActions(args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
  const { body, payload } = args as { body: { type?: unknown }; payload?: { action_id?: unknown } };
  const { ack } = args as { ack?: () => Promise<void> };
  if (body.type === 'block_actions' && typeof payload?.action_id !== 'string' && ack) {
    await ack();
    return;
  }
  await args.next();
}

/** Registers breachbot's three listeners and its error boundary on a Bolt app. */
export function registerSlackListeners(app: App, deps: SlackAppDeps): void {
  app.use(ackUnroutedActions);
  app.command(/.*/, createSlashHandler(deps));
  app.event(/.*/, createEventHandler(deps));
  app.action(/.*/, createActionHandler(deps));
  app.error(async (error) => {
    failure(deps.log, 'bolt', error);
  });
}
