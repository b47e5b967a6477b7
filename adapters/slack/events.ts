/**
 * Events: `app_mention` (answer in a thread, privately in Slack Connect channels or to guests), `message.im` (answer
 * in place), `app_home_opened` (publish the Home tab). Slack's retries of an event already seen are dropped, using
 * the store, so they never cause a second reply, also after a restart. Only people are answered: mentions and
 * messages from bots and apps are ignored (Bolt itself drops the bot's own).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Inbound } from '../../src/chat/handle-message.js';
import type { Logger } from '../../src/logger.js';
import type { SlackAppDeps } from './app.js';
import { buildHomeView } from './home.js';
import { fromMessageEvent } from './inbound.js';
import { answerMessage, failure, requestLog } from './reply.js';

type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;
type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;
type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** What every event envelope carries that the handlers read. */
interface Envelope {
  event_id?: string;
  team_id?: string;
  is_ext_shared_channel?: boolean;
}

/** Creates the listeners for the events breachbot answers. */
export function createEventHandlers(deps: SlackAppDeps) {
  const { handle, store, audience } = deps;
  const now = deps.now ?? (() => new Date());
  /** the inbound with the asker's Slack time zone (shares the guest check's cached users.info) */
  const withTimeZone = async (inbound: Inbound, teamId: string | undefined, log: Logger): Promise<Inbound> => {
    const userTimeZone = await audience.timeZone(inbound.userId, teamId, log);
    return userTimeZone ? { ...inbound, userTimeZone } : inbound;
  };
  /** false for Slack's redelivery of an event already handled (kept in the store, so also after a restart) */
  const firstDelivery = async (envelope: Envelope, retryNum: number | undefined, log: Logger): Promise<boolean> => {
    if (typeof envelope.event_id !== 'string') return true;
    const first = await store.markEventSeen(envelope.event_id, now().toISOString());
    if (!first) log.info('slack event dropped: already seen', { eventId: envelope.event_id, retryNum });
    return first;
  };

  const mention = async (args: MentionArgs): Promise<void> => {
    const { event, client, context } = args;
    const envelope = args.body as Envelope;
    const log = requestLog(deps.log, context);
    // people only: another app's mention (or a workflow's) is not a question to answer
    if (event.bot_id || event.bot_profile) {
      log.debug('slack event ignored: from a bot', { event: 'app_mention', botId: event.bot_id });
      return;
    }
    if (!(await firstDelivery(envelope, context.retryNum, log))) return;
    const channel = event.channel;
    const user = event.user;
    const threadTs = event.thread_ts ?? event.ts;
    try {
      const [verdict, inbound] = await Promise.all([
        audience.check(
          {
            channelId: channel,
            teamId: envelope.team_id,
            userId: user,
            extShared: envelope.is_ext_shared_channel,
            userTeam: event.user_team,
          },
          log,
        ),
        withTimeZone(fromMessageEvent(event, envelope.team_id, context.botUserId), envelope.team_id, log),
      ]);
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
  };

  const directMessage = async (args: MessageArgs): Promise<void> => {
    const { message, client, context } = args;
    if (message.channel_type !== 'im' || message.subtype !== undefined) return;
    const log = requestLog(deps.log, context);
    if (message.bot_id || message.bot_profile) {
      log.debug('slack event ignored: from a bot', { event: 'message', botId: message.bot_id });
      return;
    }
    const envelope = args.body as Envelope;
    if (!(await firstDelivery(envelope, context.retryNum, log))) return;
    const channel = message.channel;
    try {
      const inbound = fromMessageEvent(message, envelope.team_id, context.botUserId);
      const answer = await handle(await withTimeZone(inbound, envelope.team_id, log));
      await client.chat.postMessage({
        channel,
        thread_ts: message.thread_ts,
        unfurl_links: false,
        ...answerMessage(answer),
      });
    } catch (error) {
      const text = failure(log, 'message.im', error);
      await client.chat.postMessage({ channel, text }).catch(() => undefined);
    }
  };

  const homeOpened = async (args: HomeArgs): Promise<void> => {
    const { event, client, context } = args;
    if (event.tab !== 'home') return;
    const log = requestLog(deps.log, context);
    if (!(await firstDelivery(args.body as Envelope, context.retryNum, log))) return;
    try {
      await client.views.publish({ user_id: event.user, view: buildHomeView(deps.kb, deps.command) });
    } catch (error) {
      failure(log, 'app_home_opened', error);
    }
  };

  return { mention, directMessage, homeOpened };
}
