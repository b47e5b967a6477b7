/**
 * The Bolt wiring: which Slack payload goes to which listener. Listeners only translate (payload → `Inbound`,
 * `Answer` → blocks) and choose where the reply goes; the answer itself comes from the shared message handler.
 *
 * @example
 * const app = new App({ receiver, token, deferInitialization: true, convoStore: false });
 * registerSlackListeners(app, { handle, store, kb, log, command: '/breach' });
 */
import { randomUUID } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { MessageHandler } from '../../src/chat/handle-message.js';
import type { Answer } from '../../src/core/answer.js';
import type { KnowledgeBase } from '../../src/core/knowledge-base.js';
import type { Logger } from '../../src/logger.js';
import type { Store } from '../../src/store/store.js';
import { registerActions } from './actions.js';
import { createAnswerCache } from './answer-cache.js';
import { type AudienceChecker, PRIVATE_REASONS } from './audience.js';
import { buildHomeView } from './home.js';
import { fromMessageEvent, fromSlashCommand } from './inbound.js';
import { ACK_BUDGET_MS } from './limits.js';
import { answerToBlockKit, answerToFallbackText, type RenderOptions } from './render.js';

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

/** The ephemeral/in-channel message body for an answer. */
export function answerMessage(answer: Answer, options: RenderOptions = {}) {
  return { text: answerToFallbackText(answer), blocks: answerToBlockKit(answer, options) };
}

/** A friendly reply with a correlation id; the details go to the log only. */
export function failure(log: Logger, where: string, error: unknown): string {
  const ref = randomUUID().slice(0, 8);
  log.error('slack listener failed', { where, ref, error: error instanceof Error ? error : String(error) });
  return `Sorry, something went wrong while answering. If it keeps happening, tell whoever runs breachbot (reference ${ref}).`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Registers every listener breachbot has on a Bolt app. */
export function registerSlackListeners(app: App, deps: SlackAppDeps): void {
  const { handle, store, log, audience } = deps;
  const now = deps.now ?? (() => new Date());
  const answers = createAnswerCache<ReturnType<typeof answerMessage>>(500, deps.answerCacheMs ?? 60_000);

  // Slack retries an event when our 200 was late or lost; the event id decides, also after a restart.
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if ((body as { type?: unknown }).type === 'event_callback' && typeof eventId === 'string') {
      const first = await store.markEventSeen(eventId, now().toISOString());
      if (!first) {
        log.info('slack event dropped: already seen', { eventId, retryNum: context.retryNum });
        return;
      }
    }
    await next();
  });

  app.command(deps.command, async ({ command, ack, respond }) => {
    let acked = false;
    try {
      const inbound = fromSlashCommand(command);
      const extShared = (command as { is_ext_shared_channel?: string }).is_ext_shared_channel;
      const options: RenderOptions =
        extShared === 'true' ? { privateNote: PRIVATE_REASONS.sharedChannel } : { shareText: inbound.text };
      const key = `${extShared === 'true' ? 'x' : 's'}\u0000${inbound.text}`;
      const cached = answers.get(key);
      if (cached) {
        acked = true;
        await ack({ response_type: 'ephemeral', ...cached });
        return;
      }
      const pending = handle(inbound).then((answer) => answers.set(key, answer, answerMessage(answer, options)));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const budget = new Promise<undefined>((resolve) => {
        timer = setTimeout(resolve, ACK_BUDGET_MS);
      });
      const ready = await Promise.race([pending, budget]);
      clearTimeout(timer);
      if (ready) {
        acked = true;
        await ack({ response_type: 'ephemeral', ...ready });
        return;
      }
      acked = true;
      await ack();
      await respond({ response_type: 'ephemeral', ...(await pending) });
    } catch (error) {
      const text = failure(log, 'command', error);
      if (!acked) await ack({ response_type: 'ephemeral', text });
      else await respond({ response_type: 'ephemeral', text }).catch(() => undefined);
    }
  });

  app.command(new RegExp(`^(?!${escapeRegExp(deps.command)}$)`), async ({ command, ack }) => {
    await ack({ response_type: 'ephemeral', text: `breachbot only answers ${deps.command}, not ${command.command}.` });
  });

  app.event('app_mention', async ({ event, body, context, client }) => {
    const channel = event.channel;
    const user = event.user;
    const threadTs = event.thread_ts ?? event.ts;
    try {
      const inbound = fromMessageEvent(event, body.team_id, context.botUserId);
      const verdict = await audience.check({
        channelId: channel,
        teamId: body.team_id,
        userId: user,
        extShared: (body as { is_ext_shared_channel?: boolean }).is_ext_shared_channel,
        userTeam: (event as { user_team?: string }).user_team,
      });
      const answer = await handle(inbound);
      if (verdict.publicOk) {
        await client.chat.postMessage({ channel, thread_ts: threadTs, unfurl_links: false, ...answerMessage(answer) });
      } else if (user) {
        const message = answerMessage(answer, { privateNote: verdict.reason });
        await client.chat.postEphemeral({ channel, user, thread_ts: threadTs, ...message });
      }
    } catch (error) {
      const text = failure(log, 'app_mention', error);
      if (user) await client.chat.postEphemeral({ channel, user, thread_ts: threadTs, text }).catch(() => undefined);
    }
  });

  app.event('message', async ({ event, body, context, client }) => {
    const message = event as {
      channel_type?: string;
      subtype?: string;
      bot_id?: string;
      text?: string;
      channel: string;
      user?: string;
      thread_ts?: string;
    };
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id) return;
    try {
      const answer = await handle(fromMessageEvent(message, body.team_id, context.botUserId));
      await client.chat.postMessage({
        channel: message.channel,
        thread_ts: message.thread_ts,
        unfurl_links: false,
        ...answerMessage(answer),
      });
    } catch (error) {
      const text = failure(log, 'message.im', error);
      await client.chat.postMessage({ channel: message.channel, text }).catch(() => undefined);
    }
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: buildHomeView(deps.kb, deps.command) });
    } catch (error) {
      failure(log, 'app_home_opened', error);
    }
  });

  registerActions(app, deps);

  app.error(async (error) => {
    failure(log, 'bolt', error);
  });
}
