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
import type { App } from '@slack/bolt';
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

/** Registers breachbot's three listeners and its error boundary on a Bolt app. */
export function registerSlackListeners(app: App, deps: SlackAppDeps): void {
  app.command(/.*/, createSlashHandler(deps));
  app.event(/.*/, createEventHandler(deps));
  app.action(/.*/, createActionHandler(deps));
  app.error(async (error) => {
    failure(deps.log, 'bolt', error);
  });
}
