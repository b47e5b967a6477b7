/**
 * The Microsoft Teams adapter (botbuilder 4.23.3 `CloudAdapter` + `TeamsActivityHandler`) behind `POST
 * /api/messages`. Every `botbuilder` import stays in this folder, so a move to its successor touches only it.
 *
 * @example
 * const teams = createTeamsAdapter({ config: config.teams, handle, kb, store, log });
 * mount(teams.routes); // and digests post through teams.deliver
 */
import { randomUUID } from 'node:crypto';
import { CloudAdapter } from 'botbuilder';
import type { Feedback } from '../../src/chat/feedback.js';
import type { MessageHandler } from '../../src/chat/handle-message.js';
import type { TeamsConfig } from '../../src/config.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import type { Deliver } from '../../src/digest/deliver.js';
import type { AdapterHandle } from '../../src/http/types.js';
import type { Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';
import { createAuthentication, type TeamsAuthOverrides } from './auth.js';
import { BreachbotTeamsBot } from './bot.js';
import { createTeamsDeliver } from './deliver.js';
import { createMessagesHandler } from './http.js';
import { createReferenceKeeper } from './references.js';

export type { TeamsAuthOverrides } from './auth.js';
export { buildTeamsPackage, renderTeamsManifest } from './manifest.js';
export { answerToAdaptiveCard, answerToFallbackText } from './render.js';

export interface TeamsAdapterDeps {
  config: TeamsConfig;
  handle: MessageHandler;
  kb: KnowledgeBase;
  store: Store;
  log: Logger;
  /** the clock (default: the system clock) */
  now?: () => Date;
  /** offline tests: Bot Framework auth settings and an outbound credentials factory */
  auth?: TeamsAuthOverrides;
  /** how long a rendered answer may be reused for the same text (default 60 s; 0 turns the memo off) */
  answerCacheMs?: number;
  /** records 👍 / 👎 on answers */
  feedback?: Feedback;
}

export interface TeamsAdapterHandle extends AdapterHandle {
  /** proactive posts (digests) into conversations the bot was installed in */
  deliver: Deliver;
}

/** The friendly reply when a turn fails; the detail goes to the log under the same reference. */
export function turnErrorText(correlationId: string): string {
  return `Sorry, something went wrong on my side and I could not answer. If it keeps happening, tell whoever runs breachbot this reference: ${correlationId}`;
}

/** Creates the Teams adapter: the `/api/messages` route and the proactive `deliver` port. */
export function createTeamsAdapter(deps: TeamsAdapterDeps): TeamsAdapterHandle {
  const log = deps.log.child({ adapter: 'teams' });
  const now = deps.now ?? (() => new Date());
  const adapter = new CloudAdapter(createAuthentication(deps.config, deps.auth));
  adapter.onTurnError = async (context, error) => {
    const correlationId = randomUUID().slice(0, 8);
    log.error('teams turn failed', {
      correlationId,
      error,
      activityType: context.activity.type,
      conversation: context.activity.conversation?.id,
    });
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(turnErrorText(correlationId));
    } catch (sendError) {
      log.warn('teams error reply failed', { correlationId, error: sendError });
    }
  };
  const refs = createReferenceKeeper({ store: deps.store, log, now });
  const bot = new BreachbotTeamsBot({
    handle: deps.handle,
    kb: deps.kb,
    refs,
    log,
    now,
    answerCacheMs: deps.answerCacheMs,
    feedback: deps.feedback,
  });
  const anonymous = !deps.config.appId;
  const handle = createMessagesHandler(adapter, (context) => bot.run(context), log, { anonymous });
  log.debug(
    anonymous
      ? 'teams on without an app id: only requests from this machine with a loopback serviceUrl (Bot Framework Emulator, Agents Playground)'
      : 'teams on: every request needs a valid Bot Framework token',
    { path: '/api/messages' },
  );
  return {
    name: 'teams',
    routes: [{ method: 'POST', path: '/api/messages', handle }],
    deliver: createTeamsDeliver({ adapter, store: deps.store, appId: deps.config.appId, log }),
  };
}
