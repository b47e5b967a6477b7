/**
 * The Bolt wiring: which Slack payload goes to which handler. Handlers only translate (payload → `Inbound`,
 * `Answer` → blocks) and choose where the reply goes; the answer itself comes from the shared message handler.
 * Bolt runs every registered listener's matcher chain on every request, so there is a single routing middleware
 * instead of one listener per payload kind.
 *
 * @example
 * const app = new App({ receiver, token, deferInitialization: true, convoStore: false });
 * registerSlackListeners(app, { handle, store, kb, log, audience, command: '/breach' });
 */
import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
} from '@slack/bolt';
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

type SlashArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type EventArgs = SlackEventMiddlewareArgs & AllMiddlewareArgs;
type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;
/** what the router looks at: Bolt sets `command`, `event` or `action` by payload kind */
interface Routed {
  command?: unknown;
  event?: unknown;
  action?: { action_id?: unknown };
  body?: { type?: unknown };
  ack?: () => Promise<void>;
}

/**
 * The one Bolt middleware that routes every payload to its handler. Bolt runs the matcher chain of every
 * registered listener on every request, so three listeners (command, event, action) cost about 60 µs a request
 * more than one routing middleware; this is the whole dispatch, and it never calls `next()`.
 *
 * - slash commands → the slash handler (which acks with the answer);
 * - Events API events → the event handler (Bolt has already acked them);
 * - `block_actions` with an action id → the action handler (which acks first); without one → acked at once, so
 *   Slack is not left waiting;
 * - anything else that can be acked (Socket Mode delivers every interaction kind) → acked empty.
 */
export function registerSlackListeners(app: App, deps: SlackAppDeps): void {
  const slash = createSlashHandler(deps);
  const event = createEventHandler(deps);
  const action = createActionHandler(deps);
  app.use(async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    const routed = args as unknown as Routed;
    if (routed.command) await slash(args as unknown as SlashArgs);
    else if (routed.event) await event(args as unknown as EventArgs);
    else if (routed.body?.type === 'block_actions' && typeof routed.action?.action_id === 'string')
      await action(args as unknown as ActionArgs);
    else await routed.ack?.();
  });
  app.error(async (error) => {
    failure(deps.log, 'bolt', error);
  });
}
